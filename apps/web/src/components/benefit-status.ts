import type { BenefitStatus } from "@malestokk/domain";

/** The tag colour of each computed benefit status, the same on every page. */
export const STATUS_COLOURS: Record<BenefitStatus, "success" | "warning" | "danger" | "info" | "neutral"> = {
  onTrack: "success",
  atRisk: "warning",
  offTrack: "danger",
  realized: "info",
  noData: "neutral",
};
