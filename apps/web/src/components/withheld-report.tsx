import { Alert, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { WithheldReport } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "../lib/format";

/**
 * A cost or quality report not approved yet, for a reader outside its organisation: the status,
 * who moved it when, and that the content comes with approval (ADR 007).
 */
export function WithheldReportView({ report, deadline }: { report: WithheldReport; deadline: string | null }) {
  const { t } = useTranslation();
  const mover =
    report.status === "submitted" && report.submittedBy && report.submittedAt
      ? t("costReport.submittedBy", { by: report.submittedBy, date: formatDateTime(report.submittedAt) })
      : report.status === "returned" && report.decidedBy && report.decidedAt
        ? t("costReport.withheld.returnedBy", { by: report.decidedBy, date: formatDateTime(report.decidedAt) })
        : null;
  return (
    <div className="stack" data-testid="withheld-report">
      <div className="report-status">
        <Tag data-color={report.status === "returned" ? "warning" : "neutral"} data-testid="withheld-status">
          {t(`costReport.status.${report.status}`)}
        </Tag>
        {deadline && <Paragraph data-size="sm">{t("costReport.deadline", { date: deadline })}</Paragraph>}
      </div>
      {report.isDemo && <Alert data-color="info">{t("costReport.demo")}</Alert>}
      {mover && <Paragraph data-size="sm">{mover}</Paragraph>}
      <Alert data-color="info">{t("costReport.withheld.body")}</Alert>
    </div>
  );
}
