import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable, type DataColumn } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { formatNok } from "../../lib/format";
import { QUALITY_PATHS } from "../../lib/quality-paths";
import { useReportingYears, type ReportingYear } from "./api";
import { statusLabel } from "./report-view";

const INSTRUMENTS = ["maturity", "satisfaction", "scope"] as const;

function StatusLink({ to, label, status }: { to: string; label: string; status: string | null }) {
  const { t } = useTranslation();
  return (
    <Link to={to} aria-label={`${label}: ${statusLabel(t, status)}`}>
      <Tag data-size="sm" data-color={status === "approved" ? "success" : status === "returned" ? "warning" : "neutral"}>
        {statusLabel(t, status)}
      </Tag>
    </Link>
  );
}

/**
 * The reporting overview: each year's cost report and quality and scope reports with their status,
 * newest first, each leading to its page; the deadline says when it is due.
 */
export function CostYears({ municipalityNumber }: { municipalityNumber: string }) {
  const { t } = useTranslation();
  const { costs: query, quality } = useReportingYears(municipalityNumber);
  const qualityOf = new Map((quality.data ?? []).map((q) => [q.year, q.status]));
  const columns: DataColumn<ReportingYear>[] = [
    {
      key: "year",
      header: t("costReport.years.year"),
      render: (y) => (
        <Link to={`/kommune/${municipalityNumber}/kostnader/${y.year}`} aria-label={t("costReport.years.open", { year: y.year })}>
          {y.year}
        </Link>
      ),
    },
    {
      key: "status",
      header: t("quality.overview.costs"),
      render: (y) => (
        <>
          <Tag data-size="sm" data-color={y.status === "approved" ? "success" : y.status === "returned" ? "warning" : "neutral"}>
            {statusLabel(t, y.status)}
          </Tag>
          {y.yearState === "closed" && ` (${t("costReport.years.closed")})`}
        </>
      ),
    },
    {
      key: "total",
      header: t("costReport.years.total"),
      numeric: true,
      render: (y) =>
        y.withheld ? t("costReport.years.withheld") : y.totalItCost === null ? t("costReport.years.none") : formatNok(y.totalItCost),
    },
    ...INSTRUMENTS.map((i): DataColumn<ReportingYear> => ({
      key: i,
      header: t(`quality.instruments.${i}`),
      render: (y) => (
        <StatusLink
          to={`/kommune/${municipalityNumber}/${QUALITY_PATHS[i]}/${y.year}`}
          label={`${t(`quality.instruments.${i}`)} ${y.year}`}
          status={qualityOf.get(y.year)?.[i] ?? null}
        />
      ),
    })),
    { key: "deadline", header: t("costReport.years.deadline"), render: (y) => y.deadline ?? "" },
  ];
  return (
    <section aria-labelledby="cost-years-heading" className="stack" data-testid="cost-years">
      <Heading level={2} data-size="md" id="cost-years-heading">
        {t("quality.overview.title")}
      </Heading>
      <Paragraph>{t("quality.overview.intro")}</Paragraph>
      <Paragraph>
        <Link to={`/kommune/${municipalityNumber}/fagsystemer`}>{t("costReport.years.systemsLink")}</Link>
      </Paragraph>
      {!query.isSuccess ? (
        <QueryView query={query} />
      ) : (
        <DataTable
          caption={t("costReport.years.caption")}
          size="sm"
          rows={[...query.data].reverse()}
          rowKey={(y) => y.year}
          columns={columns}
        />
      )}
    </section>
  );
}
