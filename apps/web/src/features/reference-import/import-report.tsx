import type { RouterOutputs } from "@malestokk/api";
import { Heading, List, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { formatDate, formatInteger } from "../../lib/format";

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
      <DataTable
        caption={t("referenceImport.totalsCaption")}
        size="sm"
        rows={["file", "imported", "skipped", "notAllocatable"] as const}
        rowKey={(line) => line}
        columns={[
          { key: "line", header: t("referenceImport.line"), render: (line) => t(`referenceImport.lines.${line}`) },
          { key: "count", header: t("referenceImport.count"), numeric: true, render: (line) => formatInteger(totals[line].count) },
          { key: "sum", header: t("referenceImport.sum"), numeric: true, render: (line) => formatInteger(totals[line].sum) },
        ]}
      />
      {preview.changes.length > 0 && (
        <>
          <DataTable
            caption={t("referenceImport.changesCaption")}
            size="sm"
            rows={preview.changes.slice(0, MAX_ROWS)}
            rowKey={(c) => `${c.number}-${c.year}`}
            columns={[
              { key: "unit", header: t("referenceImport.unit"), render: (c) => `${c.name} (${c.number})` },
              { key: "year", header: t("population.year") },
              {
                key: "before",
                header: t("referenceImport.before"),
                numeric: true,
                render: (c) => (c.before === null ? t("referenceImport.new") : formatInteger(c.before)),
              },
              { key: "after", header: t("referenceImport.after"), numeric: true, render: (c) => formatInteger(c.after) },
            ]}
          />
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
        {t("referenceImport.kostraSummary", {
          changed: report.changes.length,
          unchanged: report.unchanged,
          unassigned: report.unassigned.length,
        })}
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
            <List.Item
              key={s.code}
            >{`${s.code} ${s.name}: ${t(`referenceImport.skip.${s.reason}`, { defaultValue: s.reason })}`}</List.Item>
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
      <Paragraph>
        {t("referenceImport.namesSummary", { changed: report.changes.length, unchanged: report.unchanged, unknown: report.unknown.length })}
      </Paragraph>
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
              <List.Item key={`${s.occurred}-${s.from}`}>
                {t("referenceImport.splitItem", { from: s.from, into: s.into.join(", "), date: formatDate(s.occurred) })}
              </List.Item>
            ))}
          </List.Unordered>
          <More total={summary.splits.length} />
        </section>
      )}
    </div>
  );
}
