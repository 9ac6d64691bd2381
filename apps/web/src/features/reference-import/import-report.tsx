import type { RouterOutputs } from "@malestokk/api";
import { Heading, List, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { TableScroll } from "../../components/table-scroll";
import { formatInteger } from "../../lib/format";

export type PopulationReport = RouterOutputs["imports"]["jsonStat"];
export type KostraReport = RouterOutputs["imports"]["kostraGroups"];
export type NamesReport = RouterOutputs["imports"]["registerNames"];
export type ChangesReport = RouterOutputs["imports"]["regionChanges"];

const MAX_ROWS = 50;

function More({ total }: { total: number }) {
  const { t } = useTranslation();
  return total > MAX_ROWS ? <Paragraph data-size="sm">{t("referenceImport.more", { count: total - MAX_ROWS })}</Paragraph> : null;
}

/** What a population import did or would do, accounting for every value of the file. */
export function PopulationReportView({ report }: { report: PopulationReport }) {
  const { t } = useTranslation();
  const { totals, preview } = report;
  const balanced = totals.imported.count + totals.skipped.count + totals.notAllocatable.count === totals.file.count;
  const skippedByReason = new Map<string, number>();
  for (const s of report.skipped) skippedByReason.set(s.reason, (skippedByReason.get(s.reason) ?? 0) + 1);
  return (
    <div className="stack" data-testid="import-report">
      <Paragraph>
        {t("referenceImport.summary", {
          file: formatInteger(totals.file.count),
          imported: formatInteger(totals.imported.count),
          changed: formatInteger(preview.changes.length),
          unchanged: formatInteger(preview.unchanged),
          skipped: formatInteger(totals.skipped.count),
          notAllocatable: formatInteger(totals.notAllocatable.count),
        })}{" "}
        {balanced && t("referenceImport.balanced")}
      </Paragraph>
      <TableScroll label={t("referenceImport.totalsCaption")}>
        <Table data-size="sm" className="data-table">
          <caption>{t("referenceImport.totalsCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("referenceImport.line")}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">{t("referenceImport.count")}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">{t("referenceImport.sum")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {(["file", "imported", "skipped", "notAllocatable"] as const).map((line) => (
              <Table.Row key={line}>
                <Table.HeaderCell scope="row">{t(`referenceImport.lines.${line}`)}</Table.HeaderCell>
                <Table.Cell className="numeric">{formatInteger(totals[line].count)}</Table.Cell>
                <Table.Cell className="numeric">{formatInteger(totals[line].sum)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {preview.changes.length > 0 && (
        <>
          <TableScroll label={t("referenceImport.changesCaption")}>
            <Table data-size="sm" className="data-table">
              <caption>{t("referenceImport.changesCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("referenceImport.unit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("population.year")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t("referenceImport.before")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t("referenceImport.after")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {preview.changes.slice(0, MAX_ROWS).map((c) => (
                  <Table.Row key={`${c.number}-${c.year}`}>
                    <Table.HeaderCell scope="row">{`${c.name} (${c.number})`}</Table.HeaderCell>
                    <Table.Cell>{c.year}</Table.Cell>
                    <Table.Cell className="numeric">{c.before === null ? t("referenceImport.new") : formatInteger(c.before)}</Table.Cell>
                    <Table.Cell className="numeric">{formatInteger(c.after)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <More total={preview.changes.length} />
        </>
      )}
      {(report.skipped.length > 0 || report.notAllocatable.length > 0) && (
        <section aria-labelledby="skipped-heading">
          <Heading level={3} data-size="2xs" id="skipped-heading">
            {t("referenceImport.skippedTitle")}
          </Heading>
          <List.Unordered>
            {[...skippedByReason].map(([reason, count]) => (
              <List.Item key={reason}>{`${count} × ${t(`referenceImport.skip.${reason}`, { defaultValue: reason })}`}</List.Item>
            ))}
            {report.notAllocatable.map((n) => (
              <List.Item key={`${n.code}-${n.year}`}>
                {t(n.reason === "SPLIT" ? "referenceImport.splitLine" : "referenceImport.incompleteMergeLine", {
                  label: n.label,
                  year: n.year,
                  into: n.into.join(", "),
                })}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}
    </div>
  );
}

export function KostraReportView({ report }: { report: KostraReport }) {
  const { t } = useTranslation();
  return (
    <div className="stack" data-testid="import-report">
      <Paragraph>
        {t("referenceImport.kostraSummary", { changed: report.changes.length, unchanged: report.unchanged, unassigned: report.unassigned.length })}
      </Paragraph>
      {report.changes.length > 0 && (
        <List.Unordered>
          {report.changes.slice(0, MAX_ROWS).map((c) => (
            <List.Item key={c.number}>{`${c.name} (${c.number}): ${c.before ?? "–"} → ${c.after} (${c.afterName})`}</List.Item>
          ))}
        </List.Unordered>
      )}
      <More total={report.changes.length} />
      {report.skipped.length > 0 && (
        <List.Unordered>
          {report.skipped.map((s) => (
            <List.Item key={s.code}>{`${s.code} ${s.name}: ${t(`referenceImport.skip.${s.reason}`, { defaultValue: s.reason })}`}</List.Item>
          ))}
        </List.Unordered>
      )}
    </div>
  );
}

export function NamesReportView({ report }: { report: NamesReport }) {
  const { t } = useTranslation();
  return (
    <div className="stack" data-testid="import-report">
      <Paragraph>{t("referenceImport.namesSummary", { changed: report.changes.length, unchanged: report.unchanged, unknown: report.unknown.length })}</Paragraph>
      {report.changes.length > 0 && (
        <List.Unordered>
          {report.changes.slice(0, MAX_ROWS).map((c) => (
            <List.Item key={c.number}>
              {`${c.number}: ${c.before.name}${c.before.altName ? ` – ${c.before.altName}` : ""} → ${c.after.name}${c.after.altName ? ` – ${c.after.altName}` : ""}`}
            </List.Item>
          ))}
        </List.Unordered>
      )}
      <More total={report.changes.length} />
    </div>
  );
}

/** What a change list of municipality numbers holds, and which years it lets imports map. */
export function ChangesReportView({ report }: { report: ChangesReport }) {
  const { t } = useTranslation();
  const { summary, preview } = report;
  return (
    <div className="stack" data-testid="import-report">
      <Paragraph>
        {t("referenceImport.changesSummary", {
          from: summary.firstDate ?? "–",
          to: summary.lastDate ?? "–",
          renumbered: summary.renumbered,
          merges: summary.merges,
          splits: summary.splits.length,
        })}
      </Paragraph>
      <Paragraph>
        {t("referenceImport.changesEffect", {
          added: preview.added.length,
          removed: preview.removed.length,
          unchanged: preview.unchanged,
          before: report.firstMappedYear.before,
          after: report.firstMappedYear.after,
        })}
      </Paragraph>
      {summary.splits.length > 0 && (
        <section aria-labelledby="splits-heading">
          <Heading level={3} data-size="2xs" id="splits-heading">
            {t("referenceImport.splitsTitle")}
          </Heading>
          <List.Unordered>
            {summary.splits.slice(0, MAX_ROWS).map((s) => (
              <List.Item key={`${s.occurred}-${s.from}`}>{t("referenceImport.splitItem", { from: s.from, into: s.into.join(", "), date: s.occurred })}</List.Item>
            ))}
          </List.Unordered>
          <More total={summary.splits.length} />
        </section>
      )}
    </div>
  );
}
