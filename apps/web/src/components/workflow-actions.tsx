import { Alert, Button, Heading, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "./confirm-dialog";

export type WorkflowStep = "submit" | "approve" | "return";

/**
 * Submit, approve or return a report: each step asks first (return asks for a comment), the
 * server decides. `texts` is the locale prefix holding the step's words (submit, confirmSubmitTitle, …).
 */
export function WorkflowActions(props: {
  actions: readonly string[];
  texts: string;
  dirty: boolean;
  pending: boolean;
  run: (step: WorkflowStep, comment: string) => Promise<{ status: string }>;
  errorText: (error: unknown) => string;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const title = (s: WorkflowStep) => (s === "return" ? `${props.texts}.returnTitle` : `${props.texts}.confirm${s === "submit" ? "Submit" : "Approve"}Title`);
  const body = (s: WorkflowStep) => (s === "return" ? `${props.texts}.returnBody` : `${props.texts}.confirm${s === "submit" ? "Submit" : "Approve"}Body`);
  const has = (s: WorkflowStep) => props.actions.includes(s);
  if (!has("submit") && !has("approve") && !has("return")) return null;
  return (
    <section aria-labelledby="workflow-heading" className="stack no-print">
      <Heading level={2} data-size="sm" id="workflow-heading">
        {t(`${props.texts}.title`)}
      </Heading>
      <div className="button-row">
        {has("submit") && (
          <Button onClick={() => setStep("submit")} disabled={props.dirty || props.pending}>
            {t(`${props.texts}.submit`)}
          </Button>
        )}
        {has("approve") && <Button onClick={() => setStep("approve")}>{t(`${props.texts}.approve`)}</Button>}
        {has("return") && (
          <Button variant="secondary" onClick={() => setStep("return")}>
            {t(`${props.texts}.return`)}
          </Button>
        )}
      </div>
      {props.dirty && has("submit") && <p className="ds-paragraph" data-size="sm">{t(`${props.texts}.dirty`)}</p>}
      <div role="status" aria-live="polite">
        {done && (
          <Alert data-color="success" data-testid="workflow-done">
            {done}
          </Alert>
        )}
      </div>
      <ConfirmDialog
        request={step ? { title: t(title(step)), body: t(body(step)), confirmLabel: t(`${props.texts}.${step}`) } : null}
        pending={props.pending}
        error={error}
        onCancel={() => {
          setStep(null);
          setError(null);
        }}
        onConfirm={() => {
          if (!step) return;
          setError(null);
          setDone(null);
          props.run(step, comment).then(
            (result) => {
              setStep(null);
              setComment("");
              setDone(t(`${props.texts}.done.${result.status}`));
            },
            (e: unknown) => setError(props.errorText(e)),
          );
        }}
      >
        {step === "return" && (
          <Textfield
            id="return-comment"
            label={t(`${props.texts}.returnComment`)}
            value={comment}
            maxLength={500}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </ConfirmDialog>
    </section>
  );
}
