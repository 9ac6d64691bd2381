import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { QueryView } from "../../components/query-view";
import { TableScroll } from "../../components/table-scroll";
import { formatNok } from "../../lib/format";
import { QUALITY_PATHS } from "../../lib/quality-paths";
import { useReportingYears } from "./api";
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
        <TableScroll label={t("costReport.years.caption")}>
          <Table data-size="sm">
            <caption>{t("costReport.years.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("costReport.years.year")}</Table.HeaderCell>
                <Table.HeaderCell>{t("quality.overview.costs")}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t("costReport.years.total")}</Table.HeaderCell>
                {INSTRUMENTS.map((i) => (
                  <Table.HeaderCell key={i}>{t(`quality.instruments.${i}`)}</Table.HeaderCell>
                ))}
                <Table.HeaderCell>{t("costReport.years.deadline")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...query.data].reverse().map((y) => (
                <Table.Row key={y.year}>
                  <Table.Cell>
                    <Link to={`/kommune/${municipalityNumber}/kostnader/${y.year}`} aria-label={t("costReport.years.open", { year: y.year })}>
                      {y.year}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={y.status === "approved" ? "success" : y.status === "returned" ? "warning" : "neutral"}>
                      {statusLabel(t, y.status)}
                    </Tag>
                    {y.yearState === "closed" && ` (${t("costReport.years.closed")})`}
                  </Table.Cell>
                  <Table.Cell className="numeric">
                    {y.withheld ? t("costReport.years.withheld") : y.totalItCost === null ? t("costReport.years.none") : formatNok(y.totalItCost)}
                  </Table.Cell>
                  {INSTRUMENTS.map((i) => (
                    <Table.Cell key={i}>
                      <StatusLink
                        to={`/kommune/${municipalityNumber}/${QUALITY_PATHS[i]}/${y.year}`}
                        label={`${t(`quality.instruments.${i}`)} ${y.year}`}
                        status={qualityOf.get(y.year)?.[i] ?? null}
                      />
                    </Table.Cell>
                  ))}
                  <Table.Cell>{y.deadline ?? ""}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
