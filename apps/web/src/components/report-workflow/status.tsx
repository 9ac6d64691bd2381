import { Alert, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { ReportState, ReportStatus, WithheldReport } from "@malestokk/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "../../lib/format";

/**
 * Where a cost or quality report stands, in the texts of the `report.*` area: the same words and
 * colours on either page and for a reader who sees only the status (ADR 007).
 */

export function reportStatusLabel(t: (key: string) => string, status: string | null): string {
  return t(`report.status.${status ?? "none"}`);
}

function statusColor(status: ReportStatus | null) {
  return status === "approved" ? "success" : status === "returned" ? "warning" : "neutral";
}

function StatusLine({ status, deadline, testId }: { status: ReportStatus | null; deadline: string | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="report-status">
      <Tag data-color={statusColor(status)} data-testid={testId}>
        {reportStatusLabel(t, status)}
      </Tag>
      {deadline && <Paragraph data-size="sm">{t("report.deadline", { date: deadline })}</Paragraph>}
    </div>
  );
}

/** Who moved the report last and when: submitted, approved, or (for a reader without the comment) returned. */
function moverText(t: TFunction, report: WithheldReport, returned: boolean): string | null {
  if (report.status === "submitted" && report.submittedBy && report.submittedAt)
    return t("report.submittedBy", { by: report.submittedBy, date: formatDateTime(report.submittedAt) });
  if (!report.decidedBy || !report.decidedAt) return null;
  if (report.status === "approved") return t("report.decidedBy", { by: report.decidedBy, date: formatDateTime(report.decidedAt) });
  return returned && report.status === "returned"
    ? t("report.withheld.returnedBy", { by: report.decidedBy, date: formatDateTime(report.decidedAt) })
    : null;
}

/**
 * A report's status block: status, deadline, a closed year, demo figures, the manager's return
 * comment and who moved the report. The return comment stays while the report is corrected and goes
 * when it is submitted again: the server clears it then, so it is shown whenever the report has one.
 * `testId` names the status tag `<testId>-status` and the return notice `<testId>-returned`.
 */
export function ReportStatusBlock({
  view,
  testId,
}: {
  view: { report: ReportState | null; deadline: string | null; yearState: "open" | "closed" };
  testId: string;
}) {
  const { t } = useTranslation();
  const { report } = view;
  const mover = report && moverText(t, report, false);
  return (
    <>
      <StatusLine status={report?.status ?? null} deadline={view.deadline} testId={`${testId}-status`} />
      {view.yearState === "closed" && <Alert data-color="info">{t("report.yearClosed")}</Alert>}
      {report?.isDemo && <Alert data-color="info">{t("report.demo")}</Alert>}
      {report?.returnComment && (
        <Alert data-color="warning" data-testid={`${testId}-returned`}>
          {t("report.returned", {
            by: report.decidedBy ?? "–",
            date: report.decidedAt ? formatDateTime(report.decidedAt) : "–",
            comment: report.returnComment,
          })}
        </Alert>
      )}
      {mover && <Paragraph data-size="sm">{mover}</Paragraph>}
    </>
  );
}

/** A report not approved yet, for a reader outside its organisation: the status, who moved it when, and that the content comes with approval. */
export function WithheldReportView({ report, deadline }: { report: WithheldReport; deadline: string | null }) {
  const { t } = useTranslation();
  const mover = moverText(t, report, true);
  return (
    <div className="stack" data-testid="withheld-report">
      <StatusLine status={report.status} deadline={deadline} testId="withheld-status" />
      {report.isDemo && <Alert data-color="info">{t("report.demo")}</Alert>}
      {mover && <Paragraph data-size="sm">{mover}</Paragraph>}
      <Alert data-color="info">{t("report.withheld.body")}</Alert>
    </div>
  );
}
