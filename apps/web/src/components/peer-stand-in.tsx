import { Paragraph } from "@digdir/designsystemet-react";
import type { PeerGroupKind } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

/**
 * Says that the chosen peer group had fewer than three members and which group stands in for it
 * (issue 20): the same sentence on every page that compares.
 */
export function PeerStandInNotice(props: { group: { kind: PeerGroupKind | "custom"; standInFor: PeerGroupKind | null } }) {
  const { t } = useTranslation();
  const { kind, standInFor } = props.group;
  if (standInFor === null || kind === "custom") return null;
  return (
    <Paragraph data-size="sm" data-testid="peer-stand-in">
      {t("benchmarks.standIn", { chosen: t(`benchmarks.peerKinds.${standInFor}`), used: t(`benchmarks.peerKinds.${kind}`) })}
    </Paragraph>
  );
}
