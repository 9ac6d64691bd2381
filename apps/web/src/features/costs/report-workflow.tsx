import { Alert, Button, Heading, Textfield } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { translateError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { statusLabel, type ReportView } from "./cost-report";

type Step = "submit" | "approve" | "return";

/** Submit (finance), approve or return with a comment (manager): each asks first, the server decides. */
export function ReportWorkflow(props: { view: ReportView; municipalityNumber: string; dirty: boolean; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { view } = props;
  const [step, setStep] = useState<Step | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const options = {
    onSuccess: async (result: { status: string }) => {
      setStep(null);
      setComment("");
      setError(null);
      setDone(t(`costReport.actions.done.${result.status}`));
      await props.onDone();
    },
    onError: (e: unknown) => {
      const translated = translateError(t, e);
      const status = translated.code === "STATUS_CONFLICT" ? statusLabel(t, view.report?.status ?? null) : undefined;
      setError(t([`costReport.errors.${translated.code}`, `errors.${translated.code}`], { status, defaultValue: translated.message }));
    },
  };
  const submit = useMutation(trpc.costs.submit.mutationOptions(options));
  const approve = useMutation(trpc.costs.approve.mutationOptions(options));
  const giveBack = useMutation(trpc.costs.return.mutationOptions(options));
  const pending = submit.isPending || approve.isPending || giveBack.isPending;
  const version = view.report?.version ?? 0;
  const base = { municipalityNumber: props.municipalityNumber, year: view.year, expectedVersion: version };
  const request =
    step === "submit"
      ? { title: t("costReport.actions.confirmSubmitTitle"), body: t("costReport.actions.confirmSubmitBody"), confirmLabel: t("costReport.actions.submit") }
      : step === "approve"
        ? { title: t("costReport.actions.confirmApproveTitle"), body: t("costReport.actions.confirmApproveBody"), confirmLabel: t("costReport.actions.approve") }
        : step === "return"
          ? { title: t("costReport.actions.returnTitle"), body: t("costReport.actions.returnBody"), confirmLabel: t("costReport.actions.return") }
          : null;
  return (
    <section aria-labelledby="workflow-heading" className="stack">
      <Heading level={2} data-size="sm" id="workflow-heading">
        {t("costReport.actions.title")}
      </Heading>
      <div className="button-row">
        {view.actions.includes("submit") && (
          <Button onClick={() => setStep("submit")} disabled={props.dirty || pending}>
            {t("costReport.actions.submit")}
          </Button>
        )}
        {view.actions.includes("approve") && <Button onClick={() => setStep("approve")}>{t("costReport.actions.approve")}</Button>}
        {view.actions.includes("return") && (
          <Button variant="secondary" onClick={() => setStep("return")}>
            {t("costReport.actions.return")}
          </Button>
        )}
      </div>
      {props.dirty && view.actions.includes("submit") && <p className="ds-paragraph" data-size="sm">{t("costReport.actions.submitBlocked")}</p>}
      <div role="status" aria-live="polite">
        {done && (
          <Alert data-color="success" data-testid="workflow-done">
            {done}
          </Alert>
        )}
        {error && step === null && (
          <Alert data-color="danger" data-testid="workflow-error">
            {error}
          </Alert>
        )}
      </div>
      <ConfirmDialog
        request={request}
        pending={pending}
        error={step !== null ? error : null}
        onCancel={() => {
          setStep(null);
          setError(null);
        }}
        onConfirm={() => {
          setError(null);
          setDone(null);
          if (step === "submit") submit.mutate(base);
          else if (step === "approve") approve.mutate(base);
          else if (step === "return") giveBack.mutate({ ...base, comment });
        }}
      >
        {step === "return" && (
          <Textfield id="return-comment" label={t("costReport.actions.returnComment")} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
        )}
      </ConfirmDialog>
    </section>
  );
}
