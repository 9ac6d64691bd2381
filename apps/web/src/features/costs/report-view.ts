import type { RouterOutputs } from "@malestokk/api";

// The report page and its parts (workflow, volumes, allocation, file panel) share these; they live
// apart from the page so that no part imports the page that renders it.

export type ReportView = RouterOutputs["costs"]["report"];

export function statusLabel(t: (key: string) => string, status: string | null): string {
  return t(`costReport.status.${status ?? "none"}`);
}
