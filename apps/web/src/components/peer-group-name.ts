import type { RouterOutputs } from "@malestokk/api";
import type { TFunction } from "i18next";

type PeerGroup = RouterOutputs["benchmarks"]["series"]["peerGroup"];

/** The peer group in a few words, as an export names it: "Samme KOSTRA-gruppe: 13 (…)", a saved set by its name. */
export function peerGroupName(t: TFunction, group: PeerGroup): string {
  const name = baseName(t, group);
  return group.standInFor === null ? name : `${name} (${t("benchmarks.approximate")})`;
}

function baseName(t: TFunction, group: PeerGroup): string {
  const kind = group.kind === "custom" ? null : t(`benchmarks.peerKinds.${group.kind}`);
  switch (group.kind) {
    case "custom":
      return group.peerSetName ?? "";
    case "sizeClass":
      return group.sizeClass === null ? (kind ?? "") : `${kind}: ${t(`benchmarks.sizeClass.${group.sizeClass}`)}`;
    case "county":
      return group.countyName === null ? (kind ?? "") : `${kind}: ${group.countyName}`;
    case "kostra":
      return group.kostraGroup === null
        ? (kind ?? "")
        : `${kind}: ${group.kostraGroup}${group.kostraGroupName ? ` (${group.kostraGroupName})` : ""}`;
    default:
      return kind ?? "";
  }
}
