import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import {
  describeFigure,
  getIndicator,
  HEADLINE_INDICATOR_CODES,
  MIN_PEERS_FOR_STATISTICS,
  MIN_RESPONDENTS,
  type Dimension,
} from "@malestokk/domain";
import { memo, useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { figureSentenceText, useFigureTexts } from "../../components/figure-sentence";
import { formatIndicatorValue } from "../../components/indicator-format";
import { allOf, QueryView } from "../../components/query-view";
import { PeerStandInNotice } from "../../components/peer-stand-in";
import { PeerGroupSelect, useYearAndPeers, YearSelect } from "../../components/selection-controls";
import { useProfile } from "./api";
import { BandChart } from "./band-chart";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

type Profile = RouterOutputs["benchmarks"]["profile"];
type Item = Profile["items"][number];

const DIMENSIONS: readonly Dimension[] = ["cost", "quality", "scope"];
const percentile = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });

function isUncertain(item: Item): boolean {
  // Q2 and Q3 divide by respondents: fewer than 10 make the mean uncertain.
  return (item.code === "Q2" || item.code === "Q3") && item.denominator !== null && item.denominator < MIN_RESPONDENTS;
}

/**
 * What an indicator's figure means in words (issue 24), from the rank the server gives: `rank` − 1 others lie
 * ahead in the indicator's order (lower, or higher where higher is better), of `rankOf` − 1 others with a value.
 */
function sentenceOf(item: Item) {
  const indicator = getIndicator(item.code);
  const others = item.value === null ? item.rankOf : item.rankOf - 1;
  const group =
    item.peers.status !== "shown" || others < MIN_PEERS_FOR_STATISTICS
      ? { hidden: true as const, n: others }
      : { count: item.rank === null ? 0 : item.rank - 1, n: others, median: item.peers.median };
  return describeFigure({ value: item.value, direction: indicator?.direction ?? "neutral", dimension: item.dimension, group });
}

/** "Min kommune": every indicator of the year against the chosen peer group, and what stands out. */
export function MunicipalityProfile({ municipalityNumber }: { municipalityNumber: string }) {
  useFigureTexts();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { years, yearsQuery, year, setYear, peers, peerChoice, setPeers } = useYearAndPeers();
  const query = useProfile({ municipalityNumber, ...(year ? { year } : {}), ...peerChoice });
  // The three tables are most of the page's work: they follow the controls and the stand-out list as a transition,
  // which React renders in slices, so no long task holds the page when the answer comes (issue 21).
  const tables = useDeferredValue(query.data);
  if (yearsQuery.isPending || !query.isSuccess) return <QueryView query={allOf([yearsQuery, query])} />;
  const profile = query.data;
  const name = (code: string) => localized(getIndicator(code)?.name, lang) ?? code;
  const byCode = new Map(profile.items.map((i) => [i.code, i]));
  return (
    <div className="stack">
      <div className="field-row no-print">
        <YearSelect id="profile-year" years={years} value={profile.year} onChange={setYear} />
        <PeerGroupSelect id="profile-peers" value={peers} onChange={setPeers} />
      </div>
      <Paragraph data-size="sm">{t("profile.peerCount", { count: profile.peerGroup.members })}</Paragraph>
      <PeerStandInNotice group={profile.peerGroup} />

      <section aria-labelledby="stand-out-heading" className="stack" data-testid="stand-out">
        <Heading level={2} data-size="sm" id="stand-out-heading">
          {t("profile.standOutTitle")}
        </Heading>
        {profile.standOut.length === 0 ? (
          <Paragraph>{t("profile.standOutNone")}</Paragraph>
        ) : (
          <ul>
            {profile.standOut.map((s) => {
              const item = byCode.get(s.code);
              if (!item || item.value === null || item.peers.status !== "shown") return null;
              return (
                <li key={s.code}>
                  {t(`profile.standOut.${item.assessment ?? "withinBand"}`, {
                    indicator: name(s.code),
                    value: formatIndicatorValue(s.code, item.value),
                    q1: formatIndicatorValue(s.code, item.peers.q1),
                    q3: formatIndicatorValue(s.code, item.peers.q3),
                  })}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="in-words-heading" className="stack" data-testid="in-words">
        <Heading level={2} data-size="sm" id="in-words-heading">
          {t("figure.heading")}
        </Heading>
        <ul>
          {HEADLINE_INDICATOR_CODES.map((code) => {
            const item = byCode.get(code);
            return item ? (
              <li key={code}>
                {figureSentenceText(t, sentenceOf(item), {
                  name: profile.municipalityName,
                  indicatorCode: code,
                  year: profile.year,
                  language: lang,
                })}
              </li>
            ) : null;
          })}
        </ul>
      </section>

      {tables ? (
        <DimensionTables profile={tables} municipalityNumber={municipalityNumber} peers={peers} />
      ) : (
        <div style={{ minHeight: "100vh" }} />
      )}
      <Paragraph data-size="sm">{t("profile.bandChartNote")}</Paragraph>
      <Paragraph data-size="sm">{t("profile.notes")}</Paragraph>
    </div>
  );
}

/** Every indicator of the year in a table per dimension: own value, the group's band and where the municipality stands. */
const DimensionTables = memo(function DimensionTables(props: { profile: Profile; municipalityNumber: string; peers: string }) {
  const { profile, municipalityNumber, peers } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  const indicatorName = (code: string) => getIndicator(code)?.name[lang] ?? code;
  return (
    <>
      {DIMENSIONS.map((dimension) => (
        <section key={dimension} aria-labelledby={`dim-${dimension}`} className="stack">
          <Heading level={2} data-size="sm" id={`dim-${dimension}`}>
            {t(`profile.dimensions.${dimension}`)}
          </Heading>
          <DataTable
            caption={`${t(`profile.dimensions.${dimension}`)} ${profile.year}`}
            captionHidden
            scrollLabel={t(`profile.dimensions.${dimension}`)}
            size="sm"
            testId={`profile-${dimension}`}
            rows={profile.items.filter((i) => i.dimension === dimension)}
            rowKey={(item) => item.code}
            columns={[
              {
                key: "indicator",
                header: t("profile.indicator"),
                render: (item) => (
                  <Link to={`/kommune/${municipalityNumber}/indikator/${item.code}?year=${profile.year}&peers=${peers}`}>
                    {indicatorName(item.code)}
                  </Link>
                ),
              },
              {
                key: "own",
                header: t("profile.own"),
                numeric: true,
                render: (item) => (
                  <>
                    {item.value === null ? t("profile.missing") : formatIndicatorValue(item.code, item.value)}
                    {item.value !== null && item.status !== "approved" && ` (${t("costs.draft")})`}
                    {item.value !== null && item.isUnderCorrection && ` (${t("costs.underCorrection")})`}
                    {isUncertain(item) && ` (${t("profile.uncertain", { n: item.denominator ?? 0 })})`}
                  </>
                ),
              },
              {
                key: "median",
                header: t("profile.median"),
                numeric: true,
                render: (item) =>
                  item.peers.status === "shown"
                    ? formatIndicatorValue(item.code, item.peers.median)
                    : t("profile.hidden", { n: item.peers.n }),
              },
              {
                key: "band",
                header: t("profile.band"),
                render: (item) =>
                  item.peers.status === "shown" ? (
                    <>
                      <BandChart value={item.value} peers={item.peers} direction={getIndicator(item.code)?.direction ?? "neutral"} />
                      {`${formatIndicatorValue(item.code, item.peers.q1)} – ${formatIndicatorValue(item.code, item.peers.q3)}`}
                    </>
                  ) : (
                    "–"
                  ),
              },
              {
                key: "percentile",
                header: t("profile.percentile"),
                numeric: true,
                render: (item) => (item.percentile === null ? "–" : percentile.format(item.percentile)),
              },
              {
                key: "rank",
                header: t("profile.rank"),
                numeric: true,
                render: (item) => (item.rank === null ? "–" : t("profile.rankOf", { rank: item.rank, n: item.rankOf })),
              },
              {
                key: "national",
                header: t("profile.national"),
                numeric: true,
                render: (item) => (item.national.ratioOfSums === null ? "–" : formatIndicatorValue(item.code, item.national.ratioOfSums)),
              },
              {
                key: "assessment",
                header: t("profile.assessment"),
                render: (item) => (item.assessment ? t(`profile.assessments.${item.assessment}`) : "–"),
              },
            ]}
          />
        </section>
      ))}
    </>
  );
});
