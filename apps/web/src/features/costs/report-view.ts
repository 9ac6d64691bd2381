import type { RouterOutputs } from "@malestokk/api";

// The report page and its parts (volumes, allocation, file panel) share these; they live apart from
// the page so that no part imports the page that renders it.

export type ReportView = RouterOutputs["costs"]["report"];

export { reportStatusLabel as statusLabel } from "../../components/report-workflow/status";
