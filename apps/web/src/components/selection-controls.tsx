import { Field, Label, Select } from "@digdir/designsystemet-react";
import { PEER_GROUP_KINDS, type PeerGroupKind } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useTRPC } from "../lib/trpc";
import { useUrlState } from "../lib/url-state";

/**
 * The reporting year and the peer group a comparison page shows, kept in the URL (`year`, `peers`).
 * `year` is undefined until the years have loaded and none is chosen; the latest is the default.
 * `yearsQuery` lets the page load and fail with the years (`allOf` in components/query-view).
 */
export function useYearAndPeers(defaultPeers: PeerGroupKind = "kostra") {
  const trpc = useTRPC();
  const years = useQuery(trpc.years.list.queryOptions());
  const [yearText, setYear] = useUrlState<string>("year", "", (raw) => (/^\d{4}$/.test(raw) ? raw : null));
  const [peers, setPeers] = useUrlState<string>("peers", defaultPeers, (raw) => ((PEER_GROUP_KINDS as readonly string[]).includes(raw) ? raw : null));
  const year = yearText === "" ? years.data?.at(-1)?.year : Number(yearText);
  return { years: years.data?.map((y) => y.year) ?? [], yearsQuery: years, year, setYear, peers: peers as PeerGroupKind, setPeers };
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

export function PeerGroupSelect(props: { id: string; value: PeerGroupKind; onChange: (kind: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label htmlFor={props.id}>{t("benchmarks.peerGroupLabel")}</Label>
      <Select id={props.id} width="auto" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {PEER_GROUP_KINDS.map((kind) => (
          <Select.Option key={kind} value={kind}>
            {t(`benchmarks.peerKinds.${kind}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
