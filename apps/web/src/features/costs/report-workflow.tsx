import { useTranslation } from "react-i18next";

import { WorkflowActions } from "../../components/workflow-actions";
import { translateError } from "../../lib/errors";
import { useCostReportSteps } from "./api";
import { statusLabel, type ReportView } from "./report-view";

/** Submit (finance), approve or return with a comment (manager): each asks first, the server decides. */
export function ReportWorkflow(props: { view: ReportView; municipalityNumber: string; dirty: boolean }) {
  const { t } = useTranslation();
  const { view } = props;
  const { submit, approve, giveBack } = useCostReportSteps();
  const base = { municipalityNumber: props.municipalityNumber, year: view.year, expectedVersion: view.report?.version ?? 0 };
  return (
    <WorkflowActions
      actions={view.actions}
      texts="costReport.actions"
      dirty={props.dirty}
      pending={submit.isPending || approve.isPending || giveBack.isPending}
      run={(step, comment) => (step === "submit" ? submit.mutateAsync(base) : step === "approve" ? approve.mutateAsync(base) : giveBack.mutateAsync({ ...base, comment }))}
      errorText={(e) => {
        const translated = translateError(t, e);
        const status = translated.code === "STATUS_CONFLICT" ? statusLabel(t, view.report?.status ?? null) : undefined;
        return t([`costReport.errors.${translated.code}`, `errors.${translated.code}`], { status, defaultValue: translated.message });
      }}
    />
  );
}
