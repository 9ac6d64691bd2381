import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { COST_TYPE_NAMES, IT_SERVICE_NAMES, type CostLineChanges, type FieldChange, type PreviewLine } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { EmptyState } from "../../components/empty-state";
import { TableScroll } from "../../components/table-scroll";
import { formatNok, formatNokChange } from "../../lib/format";

function useNames() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  return {
    t,
    service: (code: keyof typeof IT_SERVICE_NAMES) => IT_SERVICE_NAMES[code][lang],
    costType: (code: keyof typeof COST_TYPE_NAMES) => COST_TYPE_NAMES[code][lang],
    text: (value: string | null) => (value === null || value === "" ? t("costReport.preview.none") : value),
  };
}

/** A table of whole lines: the ones a file adds, or the ones it removes. */
function LinesTable({ caption, lines, testId }: { caption: string; lines: readonly PreviewLine[]; testId: string }) {
  const { t, service, costType, text } = useNames();
  if (lines.length === 0) return null;
  return (
    <TableScroll label={caption}>
      <Table data-size="sm" data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("costReport.preview.service")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("costReport.preview.costType")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("costReport.preview.system")}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("costReport.preview.amount")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("costReport.preview.comment")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {lines.map((line, index) => (
            <Table.Row key={index}>
              <Table.Cell>{service(line.service)}</Table.Cell>
              <Table.Cell>{costType(line.costType)}</Table.Cell>
              <Table.Cell>{text(line.system)}</Table.Cell>
              <Table.Cell className="numeric">{formatNok(line.amount)}</Table.Cell>
              <Table.Cell>{text(line.comment)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/**
 * What an import will do to the report (issue 18): each service's total before and after, then
 * the lines added, changed (one row per field, before → after) and removed. Lines that stay are
 * counted. The page promises "you see every error and change" before anything is written.
 */
export function ImportChanges({ changes }: { changes: CostLineChanges }) {
  const { t, service, costType, text } = useNames();
  const value = (change: FieldChange, side: "before" | "after") => (change.field === "amount" ? formatNok(change[side]) : text(change[side]));
  const nothing = changes.added.length === 0 && changes.changed.length === 0 && changes.removed.length === 0;
  return (
    <section className="stack" aria-labelledby="import-changes-heading" data-testid="import-changes">
      <Heading level={3} data-size="2xs" id="import-changes-heading">
        {t("costReport.preview.title")}
      </Heading>
      {nothing ? (
        <EmptyState>{t("costReport.preview.nothing", { count: changes.unchanged })}</EmptyState>
      ) : (
        <>
          <TableScroll label={t("costReport.preview.byService")}>
            <Table data-size="sm">
              <caption>{t("costReport.preview.byService")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("costReport.preview.service")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("costReport.preview.before")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("costReport.preview.after")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("costReport.preview.difference")}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[...changes.byService.map((s) => ({ ...s, name: service(s.service) })), { ...changes.total, name: t("costReport.preview.total") }].map((row) => (
                  <Table.Row key={row.name}>
                    <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                    <Table.Cell className="numeric">{formatNok(row.before)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNok(row.after)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNokChange(row.difference)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <LinesTable caption={t("costReport.preview.added", { count: changes.added.length })} lines={changes.added} testId="import-added" />
          {changes.changed.length > 0 && (
            <TableScroll label={t("costReport.preview.changed", { count: changes.changed.length })}>
              <Table data-size="sm" data-testid="import-changed">
                <caption>{t("costReport.preview.changed", { count: changes.changed.length })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t("costReport.preview.service")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("costReport.preview.costType")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("costReport.preview.system")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("costReport.preview.field")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("costReport.preview.before")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("costReport.preview.after")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {changes.changed.flatMap((line, index) =>
                    line.fields.map((change) => (
                      <Table.Row key={`${index}-${change.field}`}>
                        <Table.Cell>{service(line.service)}</Table.Cell>
                        <Table.Cell>{costType(line.costType)}</Table.Cell>
                        <Table.Cell>{text(line.system)}</Table.Cell>
                        <Table.Cell>{t(`costReport.preview.fields.${change.field}`)}</Table.Cell>
                        <Table.Cell className={change.field === "amount" ? "numeric" : undefined}>{value(change, "before")}</Table.Cell>
                        <Table.Cell className={change.field === "amount" ? "numeric" : undefined}>{value(change, "after")}</Table.Cell>
                      </Table.Row>
                    )),
                  )}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
          <LinesTable caption={t("costReport.preview.removed", { count: changes.removed.length })} lines={changes.removed} testId="import-removed" />
          {changes.unchanged > 0 && <Paragraph data-size="sm">{t("costReport.preview.unchanged", { count: changes.unchanged })}</Paragraph>}
        </>
      )}
    </section>
  );
}
