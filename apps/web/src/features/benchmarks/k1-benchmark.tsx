import { K1 } from "@malestokk/domain";
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { lazy, useDeferredValue, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { ChartWithTable, type TableData } from "../../components/chart-with-table";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { yearSpan } from "../../components/export-about";
import { peerGroupName } from "../../components/peer-group-name";
import { PeerStandInNotice } from "../../components/peer-stand-in";
import { EmptyState } from "../../components/empty-state";
import { Loading } from "../../components/query-state";
import { QueryView } from "../../components/query-view";
import { parsePeers, peerChoiceOf, PeerGroupSelect } from "../../components/selection-controls";
import { translateError } from "../../lib/errors";
import { formatCsvNumber, formatDecimal, formatNok } from "../../lib/format";
import { useUrlState } from "../../lib/url-state";
import { useDeletePeerSet, usePeerSets, useSeries } from "./api";
import { toChartRows, type BenchmarkSeries } from "./k1-rows";
import { PeerSetEditor } from "./peer-set-editor";

// recharts is most of the page's weight: load it only when the chart comes near the screen (P-4, issue 21).
const K1Chart = lazy(() => import("./k1-chart"));
const K1_CHART_HEIGHT = 340;

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
        p.own && (p.own.status !== "approved" || p.own.isUnderCorrection)
          ? `${display(p.own.value, missing)} (${t(p.own.isUnderCorrection ? "costs.underCorrection" : `costs.${p.own.status}`)})`
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
export function K1Benchmark(props: { municipalityNumber: string; municipalityName: string; canShareWithMunicipality: boolean }) {
  const { municipalityNumber, municipalityName } = props;
  const { t } = useTranslation();
  const [peers, setPeers] = useUrlState<string>("peers", "sizeClass", parsePeers);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const peerChoice = peerChoiceOf(peers);
  const sets = usePeerSets();
  const query = useSeries({ indicatorCode: "K1", municipalityNumber, ...peerChoice });
  const currentSet = "peerSetId" in peerChoice ? (sets.data?.find((s) => s.id === peerChoice.peerSetId) ?? null) : null;
  const deleteSet = useDeletePeerSet({
    onSuccess: () => {
      setConfirmDelete(false);
      setPeers("sizeClass");
      setNotice(t("peers.deleted"));
    },
  });
  // The section renders as a transition after the answer comes, in slices rather than one long task (issue 21).
  const series = useDeferredValue(query.data);
  // Holds about the room the chart and its controls take, so the sections below do not jump when it comes (CLS).
  const pending = (
    <div className="k1-benchmark--pending">
      <Loading />
    </div>
  );
  if (!query.isSuccess) return <QueryView query={query} pending={pending} />;
  if (!series) return pending;
  const hasAny = series.points.some((p) => p.own !== null);
  const group = series.peerGroup;
  const criteria =
    group.kind === "custom"
      ? t("peers.customCriteria", { name: group.peerSetName ?? "", count: group.members })
      : group.kind === "kostra"
        ? group.kostraGroup === null
          ? t("benchmarks.kostraMissing")
          : group.kostraGroupApproximate
            ? t("benchmarks.peerCriteria.kostraApproximate", { groupName: group.kostraGroupName ?? "", count: group.members })
            : t("benchmarks.peerCriteria.kostra", {
                group: group.kostraGroup,
                groupName: group.kostraGroupName ?? "",
                count: group.members,
              })
        : group.kind === "sizeClass"
          ? group.sizeClass === null
            ? t("benchmarks.noPeerGroup")
            : t("benchmarks.peerCriteria.sizeClass", { group: t(`benchmarks.sizeClass.${group.sizeClass}`), count: group.members })
          : t(`benchmarks.peerCriteria.${group.kind}`, { county: group.countyName ?? "", count: group.members });
  const hasHidden = series.points.some((p) => p.peers.status === "hidden");
  return (
    <div className="stack">
      <PeerStandInNotice group={group} />
      <ChartWithTable
        id="k1"
        title={t("benchmarks.k1Title")}
        about={{
          indicatorCode: "K1",
          year: yearSpan(series.points.map((p) => p.year)),
          group: { name: peerGroupName(t, group), members: group.memberNames },
          demo: series.isDemo || undefined,
        }}
        description={
          <>
            {t("benchmarks.k1Description")} <span data-testid="peer-criteria">{criteria}</span>
          </>
        }
        controls={
          <div className="peer-controls">
            <PeerGroupSelect
              id="k1-peers"
              className="peer-picker"
              value={peers}
              onChange={(value) => {
                setNotice(null);
                setPeers(value);
              }}
            />
            <div className="button-row">
              {!editing && (
                <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
                  {t("peers.suggestButton")}
                </Button>
              )}
              {currentSet?.isOwner && (
                <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setConfirmDelete(true)}>
                  {t("peers.delete")}
                </Button>
              )}
            </div>
            {notice && (
              <Alert data-color="success" role="status">
                {notice}
              </Alert>
            )}
            {editing && (
              <PeerSetEditor
                municipalityNumber={municipalityNumber}
                municipalityName={municipalityName}
                canShare={props.canShareWithMunicipality}
                onCancel={() => setEditing(false)}
                onSaved={(id, name) => {
                  setEditing(false);
                  setNotice(t("peers.saved", { name }));
                  setPeers(`set-${id}`);
                }}
              />
            )}
            <ConfirmDialog
              request={
                confirmDelete && currentSet
                  ? {
                      title: t("peers.deleteTitle"),
                      body: t("peers.deleteBody", { name: currentSet.name }),
                      confirmLabel: t("peers.delete"),
                      destructive: true,
                    }
                  : null
              }
              pending={deleteSet.isPending}
              error={deleteSet.error ? translateError(t, deleteSet.error).message : null}
              onCancel={() => setConfirmDelete(false)}
              onConfirm={() => currentSet && deleteSet.mutate({ id: currentSet.id })}
            />
          </div>
        }
        chart={
          hasAny ? (
            <K1Chart rows={toChartRows(series)} ownName={municipalityName} height={K1_CHART_HEIGHT} />
          ) : (
            <EmptyState>{t("benchmarks.empty")}</EmptyState>
          )
        }
        {...(hasAny ? { reserve: K1_CHART_HEIGHT } : {})}
        table={buildTable(series, municipalityName, t)}
        csvFileName={`malestokk-K1-${municipalityNumber}.csv`}
      />
      <LatestSummary series={series} />
      {hasHidden && <Paragraph data-size="sm">{t("benchmarks.hiddenReason")}</Paragraph>}
    </div>
  );
}
