import { Alert } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "../lib/format";

/**
 * A manager's return comment, with who returned the report and when. It stays while the report is
 * corrected (saved or imported as a draft) and goes when it is submitted again: the server clears
 * the comment then, so it is shown whenever the report has one.
 */
export function ReturnedNotice({ report, testId }: { report: { returnComment: string | null; decidedBy: string | null; decidedAt: string | null } | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!report?.returnComment) return null;
  return (
    <Alert data-color="warning" data-testid={testId}>
      {t("costReport.returned", { by: report.decidedBy ?? "–", date: report.decidedAt ? formatDateTime(report.decidedAt) : "–", comment: report.returnComment })}
    </Alert>
  );
}
