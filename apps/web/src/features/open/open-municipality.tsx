import { Heading, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { formatIndicatorValue, indicatorLabel } from "../../components/indicator-format";
import { QueryView } from "../../components/query-view";
import { useLanguage } from "../../lib/i18n";
import { useOpenMunicipality, type OpenMunicipality } from "./api";
import { OpenFooter, publishedText } from "./open-notes";
import { RevisedValue } from "./open-revision";

type Row = OpenMunicipality["indicators"][number];

/**
 * /apne-data/kommune/NNNN: one municipality's published figures for anyone (docs/open-data.md#open-pages):
 * each indicator per published year, its revision date where a correction replaced it, and the nation's median.
 */
export function OpenMunicipalityPage(props: { municipalityNumber: string }) {
  const { t } = useTranslation();
  const query = useOpenMunicipality(props.municipalityNumber);
  return (
    <QueryView query={query} notFound={<EmptyState>{t("open.municipality.notFound")}</EmptyState>}>
      {(data) => <Figures data={data} />}
    </QueryView>
  );
}

function Figures({ data }: { data: OpenMunicipality }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = data.municipality.name;
  const latest = data.years.at(-1);
  useEffect(() => {
    document.title = `${t("open.municipality.title", { name })} – ${t("app.name")}`;
  }, [t, name]);
  const valueAt = (row: Row, year: number) => {
    const point = row.points.find((p) => p.year === year);
    if (!point || point.value === null) return "–";
    const value = formatIndicatorValue(row.indicatorCode, point.value);
    if (point.revisedOn === null) return value;
    return (
      <>
        {value}
        <RevisedValue
          indicatorCode={row.indicatorCode}
          municipalityNumber={data.municipality.number}
          year={year}
          revisedOn={point.revisedOn}
        />
      </>
    );
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("open.municipality.title", { name })}
      </Heading>
      <Paragraph>{t("open.municipality.intro", { name })}</Paragraph>
      {latest && (
        <Paragraph data-testid="open-published">
          {t("open.municipality.years", {
            years: data.years.map((y) => `${y.year} (${publishedText(t, y.publishedOn).toLowerCase()})`).join(", "),
          })}
        </Paragraph>
      )}
      {data.indicators.length === 0 || !latest ? (
        <EmptyState>{t(latest ? "open.municipality.empty" : "open.noYears", { name })}</EmptyState>
      ) : (
        <DataTable
          caption={t("open.municipality.caption", { name })}
          testId="open-municipality-table"
          size="sm"
          zebra
          rows={data.indicators}
          rowKey={(row) => row.indicatorCode}
          columns={[
            {
              key: "indicator",
              header: t("open.municipality.indicator"),
              render: (row) => (
                <DsLink asChild>
                  <Link to={`/apne-data/indikator/${row.indicatorCode}`}>{indicatorLabel(row.indicatorCode, language)}</Link>
                </DsLink>
              ),
            },
            ...data.years.map((y) => ({
              key: `year-${y.year}`,
              header: String(y.year),
              numeric: true,
              render: (row: Row) => valueAt(row, y.year),
            })),
            {
              key: "median",
              header: t("open.municipality.median", { year: latest.year }),
              numeric: true,
              render: (row: Row) => {
                const national = row.points.find((p) => p.year === latest.year)?.national;
                return national?.status === "shown" ? formatIndicatorValue(row.indicatorCode, national.median) : t("open.indicator.hidden");
              },
            },
          ]}
        />
      )}
      <OpenFooter isDemo={data.isDemo} />
    </div>
  );
}
