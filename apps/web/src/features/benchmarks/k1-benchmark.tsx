import { K1, PEER_GROUP_KINDS, type PeerGroupKind } from "@malestokk/domain";
import { Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { ChartWithTable, type TableData } from "../../components/chart-with-table";
import { EmptyState } from "../../components/empty-state";
import { Loading, QueryError } from "../../components/query-state";
import { formatCsvNumber, formatDecimal, formatNok } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useUrlState } from "../../lib/url-state";
import { toChartRows, type BenchmarkSeries } from "./k1-rows";

// recharts is most of the page's weight: load it only when a chart is drawn (P-4).
const K1Chart = lazy(() => import("./k1-chart"));

function buildTable(series: BenchmarkSeries, ownName: string, t: TFunction): TableData {
  const columns = [
    { key: "year", header: t("benchmarks.table.year") },
    { key: "own", header: t("benchmarks.table.own", { name: ownName }), numeric: true },
    { key: "q1", header: t("benchmarks.table.q1"), numeric: true },
    { key: "median", header: t("benchmarks.table.median"), numeric: true },
    { key: "q3", header: t("benchmarks.table.q3"), numeric: true },
    { key: "n", header: t("benchmarks.table.n"), numeric: true },
    { key: "national", header: t("benchmarks.table.national"), numeric: true },
    { key: "percentile", header: t("benchmarks.table.percentile"), numeric: true },
  ];
  const missing = t("benchmarks.missing");
  const hidden = t("benchmarks.hidden");
  const display = (v: number | null | undefined, empty: string) => (v === null || v === undefined ? empty : formatNok(v));
  const csv = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatCsvNumber(v, K1.decimals));
  const rows = series.points.map((p) => {
    const shown = p.peers.status === "shown" ? p.peers : null;
    return {
      year: String(p.year),
      own:
        p.own && p.own.status !== "approved"
          ? `${display(p.own.value, missing)} (${t(`costs.${p.own.status}`)})`
          : display(p.own?.value, missing),
      q1: display(shown?.q1, hidden),
      median: display(shown?.median, hidden),
      q3: display(shown?.q3, hidden),
      n: String(p.peers.n),
      national: display(p.national.ratioOfSums, missing),
      percentile: p.percentile === null ? "–" : formatDecimal(p.percentile),
    };
  });
  const csvRows = series.points.map((p) => {
    const shown = p.peers.status === "shown" ? p.peers : null;
    return {
      year: String(p.year),
      own: csv(p.own?.value),
      q1: csv(shown?.q1),
      median: csv(shown?.median),
      q3: csv(shown?.q3),
      n: String(p.peers.n),
      national: csv(p.national.ratioOfSums),
      percentile: p.percentile === null ? "" : formatCsvNumber(p.percentile, 1),
    };
  });
  return { caption: t("benchmarks.table.caption", { name: ownName }), columns, rows, csvRows };
}

function LatestSummary({ series }: { series: BenchmarkSeries }) {
  const { t } = useTranslation();
  const latest = series.points.at(-1);
  if (!latest) return null;
  if (!latest.own) return <Paragraph>{t("benchmarks.latestMissing", { year: latest.year })}</Paragraph>;
  const national = latest.national.ratioOfSums === null ? t("benchmarks.missing") : formatNok(latest.national.ratioOfSums);
  const text =
    latest.peers.status === "shown"
      ? t("benchmarks.latest", {
          year: latest.year,
          value: formatNok(latest.own.value),
          median: formatNok(latest.peers.median),
          national,
        })
      : t("benchmarks.latestNoPeers", { year: latest.year, value: formatNok(latest.own.value), national });
  return (
    <Paragraph data-testid="k1-latest" aria-live="polite">
      {text}
    </Paragraph>
  );
}

/** K1 for one municipality over the reporting years, against its peer band and Norway. */
export function K1Benchmark({ municipalityNumber, municipalityName }: { municipalityNumber: string; municipalityName: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [peerGroup, setPeerGroup] = useUrlState<PeerGroupKind>("peers", "sizeClass", (raw) =>
    (PEER_GROUP_KINDS as readonly string[]).includes(raw) ? (raw as PeerGroupKind) : null,
  );
  const query = useQuery({
    ...trpc.benchmarks.series.queryOptions({ indicatorCode: "K1", municipalityNumber, peerGroup }),
    placeholderData: (previous) => previous,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const series = query.data;
  const hasAny = series.points.some((p) => p.own !== null);
  const group = series.peerGroup;
  const criteria =
    group.kind === "sizeClass"
      ? group.sizeClass === null
        ? t("benchmarks.noPeerGroup")
        : t("benchmarks.peerCriteria.sizeClass", { group: t(`benchmarks.sizeClass.${group.sizeClass}`), count: group.members })
      : t(`benchmarks.peerCriteria.${group.kind}`, { county: group.countyName ?? "", count: group.members });
  const hasHidden = series.points.some((p) => p.peers.status === "hidden");
  return (
    <div className="stack">
      <ChartWithTable
        id="k1"
        title={t("benchmarks.k1Title")}
        description={
          <>
            {t("benchmarks.k1Description")} <span data-testid="peer-criteria">{criteria}</span>
          </>
        }
        controls={
          <Field className="peer-picker">
            <Label htmlFor="k1-peers">{t("benchmarks.peerGroupLabel")}</Label>
            <Select id="k1-peers" width="auto" value={peerGroup} onChange={(e) => setPeerGroup(e.target.value as PeerGroupKind)}>
              {PEER_GROUP_KINDS.map((kind) => (
                <Select.Option key={kind} value={kind}>
                  {t(`benchmarks.peerKinds.${kind}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        }
        chart={
          hasAny ? (
            <Suspense fallback={<Loading />}>
              <K1Chart rows={toChartRows(series)} ownName={municipalityName} />
            </Suspense>
          ) : (
            <EmptyState>{t("benchmarks.empty")}</EmptyState>
          )
        }
        table={buildTable(series, municipalityName, t)}
        csvFileName={`malestokk-K1-${municipalityNumber}.csv`}
      />
      <LatestSummary series={series} />
      {hasHidden && <Paragraph data-size="sm">{t("benchmarks.hiddenReason")}</Paragraph>}
    </div>
  );
}
