import { Heading, Paragraph } from "@digdir/designsystemet-react";
import {
  COST_TYPE_NAMES,
  IT_SERVICE_NAMES,
  type ChangedLine,
  type CostLineChanges,
  type FieldChange,
  type PreviewLine,
} from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { formatNok, formatNokChange } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

function useNames() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return {
    t,
    service: (code: keyof typeof IT_SERVICE_NAMES) => localized(IT_SERVICE_NAMES[code], lang),
    costType: (code: keyof typeof COST_TYPE_NAMES) => localized(COST_TYPE_NAMES[code], lang),
    text: (value: string | null) => (value === null || value === "" ? t("costReport.preview.none") : value),
  };
}

/** The columns that say which line it is: service, cost type and fagsystem. */
function lineColumns<Row>(
  { t, service, costType, text }: ReturnType<typeof useNames>,
  lineOf: (row: Row) => ChangedLine | PreviewLine,
): DataColumn<Row>[] {
  return [
    { key: "service", header: t("costReport.preview.service"), render: (row) => service(lineOf(row).service) },
    { key: "costType", header: t("costReport.preview.costType"), render: (row) => costType(lineOf(row).costType) },
    { key: "system", header: t("costReport.preview.system"), render: (row) => text(lineOf(row).system) },
  ];
}

/** One changed field of a changed line: a row of the table of changes. */
interface ChangedField {
  readonly line: ChangedLine;
  readonly change: FieldChange;
  readonly index: number;
}

/** A table of whole lines: the ones a file adds, or the ones it removes. */
function LinesTable({ caption, lines, testId }: { caption: string; lines: readonly PreviewLine[]; testId: string }) {
  const names = useNames();
  const { t, text } = names;
  if (lines.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      size="sm"
      testId={testId}
      rows={lines}
      columns={[
        ...lineColumns<PreviewLine>(names, (line) => line),
        { key: "amount", header: t("costReport.preview.amount"), numeric: true, render: (line) => formatNok(line.amount) },
        { key: "comment", header: t("costReport.preview.comment"), render: (line) => text(line.comment) },
      ]}
    />
  );
}

/**
 * What an import will do to the report (issue 18): each service's total before and after, then
 * the lines added, changed (one row per field, before → after) and removed. Lines that stay are
 * counted. The page promises "you see every error and change" before anything is written.
 */
export function ImportChanges({ changes }: { changes: CostLineChanges }) {
  const names = useNames();
  const { t, service, text } = names;
  const value = (change: FieldChange, side: "before" | "after") =>
    change.field === "amount" ? formatNok(change[side]) : text(change[side]);
  const amountCell = ({ change }: ChangedField) => ({ className: change.field === "amount" ? "numeric" : undefined });
  const changedFields = changes.changed.flatMap((line, index) => line.fields.map((change): ChangedField => ({ line, change, index })));
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
          <DataTable
            caption={t("costReport.preview.byService")}
            size="sm"
            rows={[
              ...changes.byService.map((s) => ({ ...s, name: service(s.service) })),
              { ...changes.total, name: t("costReport.preview.total") },
            ]}
            rowKey={(row) => row.name}
            columns={[
              { key: "name", header: t("costReport.preview.service") },
              { key: "before", header: t("costReport.preview.before"), numeric: true, render: (row) => formatNok(row.before) },
              { key: "after", header: t("costReport.preview.after"), numeric: true, render: (row) => formatNok(row.after) },
              {
                key: "difference",
                header: t("costReport.preview.difference"),
                numeric: true,
                render: (row) => formatNokChange(row.difference),
              },
            ]}
          />
          <LinesTable
            caption={t("costReport.preview.added", { count: changes.added.length })}
            lines={changes.added}
            testId="import-added"
          />
          {changes.changed.length > 0 && (
            <DataTable
              caption={t("costReport.preview.changed", { count: changes.changed.length })}
              size="sm"
              testId="import-changed"
              rows={changedFields}
              rowKey={({ change, index }) => `${index}-${change.field}`}
              columns={[
                ...lineColumns<ChangedField>(names, ({ line }) => line),
                {
                  key: "field",
                  header: t("costReport.preview.field"),
                  render: ({ change }) => t(`costReport.preview.fields.${change.field}`),
                },
                {
                  key: "before",
                  header: t("costReport.preview.before"),
                  render: ({ change }) => value(change, "before"),
                  cellProps: amountCell,
                },
                {
                  key: "after",
                  header: t("costReport.preview.after"),
                  render: ({ change }) => value(change, "after"),
                  cellProps: amountCell,
                },
              ]}
            />
          )}
          <LinesTable
            caption={t("costReport.preview.removed", { count: changes.removed.length })}
            lines={changes.removed}
            testId="import-removed"
          />
          {changes.unchanged > 0 && <Paragraph data-size="sm">{t("costReport.preview.unchanged", { count: changes.unchanged })}</Paragraph>}
        </>
      )}
    </section>
  );
}
