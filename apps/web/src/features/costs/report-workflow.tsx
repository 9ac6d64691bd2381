import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { WorkflowActions } from "../../components/workflow-actions";
import { translateError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { statusLabel, type ReportView } from "./report-view";

/** Submit (finance), approve or return with a comment (manager): each asks first, the server decides. */
export function ReportWorkflow(props: { view: ReportView; municipalityNumber: string; dirty: boolean; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { view } = props;
  const submit = useMutation(trpc.costs.submit.mutationOptions());
  const approve = useMutation(trpc.costs.approve.mutationOptions());
  const giveBack = useMutation(trpc.costs.return.mutationOptions());
  const base = { municipalityNumber: props.municipalityNumber, year: view.year, expectedVersion: view.report?.version ?? 0 };
  return (
    <WorkflowActions
      actions={view.actions}
      texts="costReport.actions"
      dirty={props.dirty}
      pending={submit.isPending || approve.isPending || giveBack.isPending}
      run={async (step, comment) => {
        const result =
          step === "submit" ? await submit.mutateAsync(base) : step === "approve" ? await approve.mutateAsync(base) : await giveBack.mutateAsync({ ...base, comment });
        await props.onDone();
        return result;
      }}
      errorText={(e) => {
        const translated = translateError(t, e);
        const status = translated.code === "STATUS_CONFLICT" ? statusLabel(t, view.report?.status ?? null) : undefined;
        return t([`costReport.errors.${translated.code}`, `errors.${translated.code}`], { status, defaultValue: translated.message });
      }}
    />
  );
}
