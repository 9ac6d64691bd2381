import { Details, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { TableScroll } from "../../components/table-scroll";
import { formatDateTime, formatInteger } from "../../lib/format";
import { usePopulation } from "./api";

/** The population behind every per-inhabitant figure, year by year, with where each came from. */
export function PopulationFacts({ municipalityNumber, name }: { municipalityNumber: string; name: string }) {
  const { t } = useTranslation();
  const query = usePopulation(municipalityNumber);
  const caption = t("population.caption", { name });
  return (
    <Details>
      <Details.Summary>{t("population.title")}</Details.Summary>
      <Details.Content>
        <QueryView query={query} pending={null} />
        {query.data && query.data.length === 0 && <EmptyState>{t("population.empty")}</EmptyState>}
        {query.data && query.data.length > 0 && (
          <TableScroll label={caption}>
            <Table data-size="sm" className="data-table" data-testid="population-facts">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("population.year")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("population.value")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("population.source")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("population.updated")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {query.data.map((fact) => (
                  <Table.Row key={fact.year}>
                    <Table.HeaderCell scope="row">{fact.year}</Table.HeaderCell>
                    <Table.Cell className="numeric">{formatInteger(fact.value)}</Table.Cell>
                    <Table.Cell>{t(`population.sources.${fact.source}`, { defaultValue: fact.source })}</Table.Cell>
                    <Table.Cell>{formatDateTime(fact.updatedAt)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </Details.Content>
    </Details>
  );
}
