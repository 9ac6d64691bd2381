import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { tableToCsv, type CsvColumn } from "../../components/csv";
import { DataTable } from "../../components/data-table";
import { CSV_MIME_TYPE, downloadFile } from "../../components/download";
import { EmptyState } from "../../components/empty-state";
import { allOf, QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { formatDateTimeShort, formatInteger } from "../../lib/format";
import { AdminForbidden } from "./admin-forbidden";
import { useAudit, useFetchAudit, useOrganisations } from "./api";
import { actionLabel, organisationLabel, type AuditRow, type OrganisationRef } from "./admin-text";
import { describeAuditDetails } from "./audit-details";
import { EMPTY_AUDIT_FILTER, hasAuditFilter, toAuditInput, type AuditFilterValues } from "./audit-filter";
import { AuditFilters } from "./audit-filters";

/** What the screen shows by default, and the most an export carries (the procedure's limits). */
export const AUDIT_PAGE_LIMIT = 200;
export const AUDIT_EXPORT_LIMIT = 10_000;

interface DisplayRow {
  readonly id: number;
  readonly at: string;
  readonly time: string;
  readonly actor: string;
  readonly action: string;
  readonly municipality: string;
  readonly details: string;
  readonly ip: string;
}

function toDisplayRow(t: TFunction, row: AuditRow, organisations: ReadonlyMap<number, OrganisationRef>): DisplayRow {
  const organisation = row.organisationId === null ? null : organisations.get(row.organisationId);
  return {
    id: row.id,
    at: row.at,
    time: formatDateTimeShort(row.at),
    actor: row.actorEmail ?? t("admin.audit.unknownActor"),
    action: actionLabel(t, row.action),
    municipality:
      row.organisationId === null
        ? ""
        : organisation
          ? organisationLabel(t, organisation)
          : t("admin.organisationId", { id: row.organisationId }),
    details: describeAuditDetails(t, row.action, row.details, organisations),
    ip: row.ip ?? "",
  };
}

function csvColumns(t: TFunction): CsvColumn[] {
  return [
    { key: "at", header: t("admin.audit.csv.at") },
    { key: "actor", header: t("admin.audit.columns.actor") },
    { key: "action", header: t("admin.audit.columns.action") },
    { key: "actionCode", header: t("admin.audit.csv.actionCode") },
    { key: "municipality", header: t("admin.audit.columns.municipality") },
    { key: "details", header: t("admin.audit.columns.details") },
    { key: "ip", header: t("admin.audit.csv.ip") },
  ];
}

/** The audit log with its filter, a table of entries and a CSV export of the same filter. */
export function AuditLog({ filter, onFilterChange }: { filter: AuditFilterValues; onFilterChange: (next: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const input = toAuditInput(filter);
  const audit = useAudit({ ...input, limit: AUDIT_PAGE_LIMIT });
  const municipalities = useOrganisations();
  const fetchAudit = useFetchAudit();
  const organisations = useMemo(
    () => new Map((municipalities.data ?? []).map((m) => [m.id, { number: m.number, name: m.name }] as const)),
    [municipalities.data],
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  // A refusal or failure of the log itself replaces the page; one of the names it needs shows below the filter.
  if (audit.isError) return <QueryView query={audit} forbidden={<AdminForbidden />} />;

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const rows = await fetchAudit({ ...input, limit: AUDIT_EXPORT_LIMIT });
      const csvRows = rows.map((row): Record<string, string> => {
        const display = toDisplayRow(t, row, organisations);
        return {
          at: row.at,
          actor: display.actor,
          action: display.action,
          actionCode: row.action,
          municipality: display.municipality,
          details: display.details,
          ip: display.ip,
        };
      });
      const day = new Date().toISOString().slice(0, 10);
      downloadFile(t("admin.audit.csv.fileName", { date: day }), tableToCsv(csvColumns(t), csvRows), CSV_MIME_TYPE);
    } catch (error) {
      setExportError(translateError(t, error).message);
    } finally {
      setExporting(false);
    }
  };

  const filtered = hasAuditFilter(filter);
  const loaded = allOf([audit, municipalities]);
  const loading = loaded.status !== "success";
  const rows = audit.data && !loading ? audit.data.map((row) => toDisplayRow(t, row, organisations)) : [];

  return (
    <div className="stack">
      <AuditFilters value={filter} onApply={onFilterChange} />
      <section className="stack" aria-labelledby="audit-results-heading">
        <div className="admin-results-header">
          <Heading level={2} data-size="sm" id="audit-results-heading">
            {t("admin.audit.resultsTitle")}
          </Heading>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => void exportCsv()}
            disabled={exporting || loading || rows.length === 0}
            aria-busy={exporting}
          >
            {exporting ? t("admin.audit.exporting") : t("admin.audit.export")}
          </Button>
        </div>
        <Paragraph data-size="sm">{t("admin.audit.exportNote", { limit: formatInteger(AUDIT_EXPORT_LIMIT) })}</Paragraph>
        {exportError && <Alert data-color="danger">{exportError}</Alert>}
        {loading ? (
          <QueryView query={loaded} testId="audit" />
        ) : rows.length === 0 ? (
          <EmptyState
            action={
              filtered ? (
                <Button variant="secondary" data-size="sm" onClick={() => onFilterChange(EMPTY_AUDIT_FILTER)}>
                  {t("admin.audit.filter.clear")}
                </Button>
              ) : undefined
            }
          >
            {t(filtered ? "admin.audit.emptyFiltered" : "admin.audit.empty")}
          </EmptyState>
        ) : (
          <>
            <Paragraph data-size="sm" role="status" data-testid="audit-count">
              {rows.length >= AUDIT_PAGE_LIMIT
                ? t("admin.audit.countLimited", { count: rows.length })
                : t("admin.audit.count", { count: rows.length })}
            </Paragraph>
            <DataTable
              caption={t(filtered ? "admin.audit.captionFiltered" : "admin.audit.caption")}
              zebra
              size="sm"
              className="admin-table"
              rows={rows}
              rowKey={(row) => row.id}
              columns={[
                { key: "time", header: t("admin.audit.columns.time"), render: (row) => <time dateTime={row.at}>{row.time}</time> },
                { key: "actor", header: t("admin.audit.columns.actor") },
                { key: "action", header: t("admin.audit.columns.action") },
                {
                  key: "municipality",
                  header: t("admin.audit.columns.municipality"),
                  render: (row) =>
                    row.municipality || (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t("admin.audit.noMunicipality")}</span>
                      </>
                    ),
                },
                { key: "details", header: t("admin.audit.columns.details") },
              ]}
            />
          </>
        )}
      </section>
    </div>
  );
}
