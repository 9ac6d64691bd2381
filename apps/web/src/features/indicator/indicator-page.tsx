import { Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { componentName, INDICATORS } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { allOf, QueryView } from "../../components/query-view";
import { PeerStandInNotice } from "../../components/peer-stand-in";
import { reportStatusLabel } from "../../components/report-workflow/status";
import { PeerGroupSelect, useYearAndPeers, YearSelect } from "../../components/selection-controls";
import { formatDateTime } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useUrlState } from "../../lib/url-state";
import IndicatorCharts from "./indicator-charts";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const CODES = INDICATORS.map((i) => i.code) as string[];

/** One indicator in depth for one municipality; year, peer group and second indicator live in the URL. */
export function IndicatorPage({
  municipalityNumber,
  indicatorCode,
  map,
}: {
  municipalityNumber: string;
  indicatorCode: string;
  /** The map of every municipality for the shown year (issue 24), which the route places here. */
  map?: (year: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const trpc = useTRPC();
  const { years, yearsQuery, year, setYear, peers, peerChoice, setPeers } = useYearAndPeers();
  const [against, setAgainst] = useUrlState<string>("mot", "", (raw) => (CODES.includes(raw) ? raw : null));
  const query = useQuery({
    ...trpc.benchmarks.indicator.queryOptions({
      indicatorCode: indicatorCode as (typeof INDICATORS)[number]["code"],
      municipalityNumber,
      ...(year ? { year } : {}),
      ...peerChoice,
      ...(against ? { against: against as (typeof INDICATORS)[number]["code"] } : {}),
    }),
    enabled: year !== undefined,
    placeholderData: (previous) => previous,
  });
  // The charts and the map are most of the page's work: they follow the definition and the controls as a
  // transition, which React renders in slices, so no long task holds the page when the answer comes (issue 21).
  const charted = useDeferredValue(query.data);
  if (yearsQuery.isPending || !query.isSuccess) return <QueryView query={allOf([yearsQuery, query])} />;
  const detail = query.data;
  const def = detail.indicator;
  return (
    <div className="stack">
      <section aria-labelledby="definition-heading" className="panel stack">
        <Heading level={2} data-size="xs" id="definition-heading">
          {t("indicator.definition")}
        </Heading>
        <Paragraph>{localized(def.description, lang)}</Paragraph>
        <Paragraph data-size="sm" data-testid="indicator-formula">
          {t("indicator.formula", {
            numerator: localized(componentName(def.numerator), lang),
            denominator: localized(componentName(def.denominator), lang),
            unit: t(`indicator.units.${def.unit}`),
            direction: t(`indicator.directions.${def.direction}`),
          })}
        </Paragraph>
        <Paragraph data-size="sm" data-testid="indicator-freshness">
          {detail.freshness.isUnderCorrection
            ? t("indicator.underCorrection", { year: detail.year, demo: detail.freshness.isDemo ? t("indicator.demo") : "" })
            : detail.freshness.computedAt
              ? t("indicator.freshness", {
                  status: reportStatusLabel(t, detail.freshness.status).toLocaleLowerCase(),
                  date: formatDateTime(detail.freshness.computedAt),
                  demo: detail.freshness.isDemo ? t("indicator.demo") : "",
                })
              : t("indicator.noValue", { year: detail.year })}
        </Paragraph>
      </section>
      <PeerStandInNotice group={detail.peerGroup} />
      <div className="field-row no-print">
        <YearSelect id="indicator-year" years={years} value={detail.year} onChange={setYear} />
        <PeerGroupSelect id="indicator-peers" value={peers} onChange={setPeers} />
        <Field>
          <Label htmlFor="indicator-against">{t("indicator.against")}</Label>
          <Select id="indicator-against" width="auto" value={against} onChange={(e) => setAgainst(e.target.value)}>
            <Select.Option value="">{t("indicator.noScatter")}</Select.Option>
            {INDICATORS.filter((i) => i.code !== def.code).map((i) => (
              <Select.Option key={i.code} value={i.code}>
                {localized(i.name, lang)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {charted ? (
        <>
          <IndicatorCharts detail={charted} language={lang} />
          {map?.(charted.year)}
        </>
      ) : (
        <div style={{ minHeight: "100vh" }} />
      )}
    </div>
  );
}
