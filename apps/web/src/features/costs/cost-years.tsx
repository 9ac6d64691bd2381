import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { TableScroll } from "../../components/table-scroll";
import { formatNok } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { statusLabel } from "./cost-report";

/** The organisation's reports year by year, newest first, each leading to its report page. */
export function CostYears({ municipalityNumber }: { municipalityNumber: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.costs.list.queryOptions({ municipalityNumber }));
  return (
    <section aria-labelledby="cost-years-heading" className="stack" data-testid="cost-years">
      <Heading level={2} data-size="md" id="cost-years-heading">
        {t("costReport.years.title")}
      </Heading>
      <Paragraph>{t("costReport.years.intro")}</Paragraph>
      <Paragraph>
        <Link to={`/kommune/${municipalityNumber}/fagsystemer`}>{t("costReport.years.systemsLink")}</Link>
      </Paragraph>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TableScroll label={t("costReport.years.caption")}>
          <Table data-size="sm">
            <caption>{t("costReport.years.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("costReport.years.year")}</Table.HeaderCell>
                <Table.HeaderCell>{t("costReport.years.status")}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t("costReport.years.total")}</Table.HeaderCell>
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
                  <Table.Cell className="numeric">{y.totalItCost === null ? t("costReport.years.none") : formatNok(y.totalItCost)}</Table.Cell>
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
