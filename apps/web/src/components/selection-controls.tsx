import { Field, Label, Select } from "@digdir/designsystemet-react";
import { PEER_GROUP_KINDS, type PeerGroupKind } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useTRPC } from "../lib/trpc";
import { useUrlState } from "../lib/url-state";

/** The peer choice in the URL: a group kind ("county") or a saved peer set ("set-12"). */
export function parsePeers(raw: string): string | null {
  return (PEER_GROUP_KINDS as readonly string[]).includes(raw) || /^set-\d+$/.test(raw) ? raw : null;
}

/** What the benchmark procedures take for a peer choice from the URL: a group kind or a saved set's id. */
export function peerChoiceOf(peers: string): { peerGroup: PeerGroupKind } | { peerSetId: number } {
  return peers.startsWith("set-") ? { peerSetId: Number(peers.slice(4)) } : { peerGroup: peers as PeerGroupKind };
}

/**
 * The reporting year and the peer group a comparison page shows, kept in the URL (`year`, `peers`).
 * `year` is undefined until the years have loaded and none is chosen; the latest is the default.
 * `peers` is a group kind or a saved set ("set-12"), `peerChoice` the same as the procedures take it.
 * `yearsQuery` lets the page load and fail with the years (`allOf` in components/query-view).
 */
export function useYearAndPeers(defaultPeers: PeerGroupKind = "kostra") {
  const trpc = useTRPC();
  const years = useQuery(trpc.years.list.queryOptions());
  const [yearText, setYear] = useUrlState<string>("year", "", (raw) => (/^\d{4}$/.test(raw) ? raw : null));
  const [peers, setPeers] = useUrlState<string>("peers", defaultPeers, parsePeers);
  const year = yearText === "" ? years.data?.at(-1)?.year : Number(yearText);
  return {
    years: years.data?.map((y) => y.year) ?? [],
    yearsQuery: years,
    year,
    setYear,
    peers,
    peerChoice: peerChoiceOf(peers),
    setPeers,
  };
}

export function YearSelect(props: { id: string; years: readonly number[]; value: number | undefined; onChange: (year: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label htmlFor={props.id}>{t("profile.year")}</Label>
      <Select id={props.id} width="auto" value={String(props.value ?? "")} onChange={(e) => props.onChange(e.target.value)}>
        {[...props.years].reverse().map((y) => (
          <Select.Option key={y} value={String(y)}>
            {y}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The one list of peer groups every comparison page offers: the group kinds, then the user's saved
 * sets ("set-12"). `kinds` narrows the kinds where a page has no municipality to group around.
 */
export function PeerGroupSelect(props: {
  id: string;
  value: string;
  onChange: (peers: string) => void;
  kinds?: readonly PeerGroupKind[];
  empty?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sets = useQuery(trpc.peers.sets.queryOptions());
  return (
    <Field className={props.className}>
      <Label htmlFor={props.id}>{t("benchmarks.peerGroupLabel")}</Label>
      <Select id={props.id} width="auto" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.empty !== undefined && <Select.Option value="">{props.empty}</Select.Option>}
        {(props.kinds ?? PEER_GROUP_KINDS).map((kind) => (
          <Select.Option key={kind} value={kind}>
            {t(`benchmarks.peerKinds.${kind}`)}
          </Select.Option>
        ))}
        {sets.data && sets.data.length > 0 && (
          <optgroup label={t("peers.ownSets")}>
            {sets.data.map((set) => (
              <Select.Option key={set.id} value={`set-${set.id}`}>
                {set.name}
              </Select.Option>
            ))}
          </optgroup>
        )}
      </Select>
    </Field>
  );
}
