import { Details } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { formatDateTimeShort, formatInteger } from "../../lib/format";
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
        {query.data && (
          <DataTable
            caption={caption}
            size="sm"
            testId="population-facts"
            rows={query.data}
            rowKey={(fact) => fact.year}
            empty={t("population.empty")}
            columns={[
              { key: "year", header: t("population.year") },
              { key: "value", header: t("population.value"), numeric: true, render: (fact) => formatInteger(fact.value) },
              {
                key: "source",
                header: t("population.source"),
                render: (fact) => t(`population.sources.${fact.source}`, { defaultValue: fact.source }),
              },
              { key: "updated", header: t("population.updated"), render: (fact) => formatDateTimeShort(fact.updatedAt) },
            ]}
          />
        )}
      </Details.Content>
    </Details>
  );
}
