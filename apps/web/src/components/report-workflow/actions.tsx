import { Alert, Button, Heading, Textfield } from "@digdir/designsystemet-react";
import type { ReportState } from "@malestokk/domain";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { readAppError, translateError } from "../../lib/errors";
import { translateFormError } from "../../lib/form-errors";
import { ConfirmDialog } from "../confirm-dialog";
import { FormErrorSummary } from "../form-error-summary";
import { LiveStatus } from "../live-status";
import { reportStatusLabel } from "./status";

type WorkflowStep = "submit" | "approve" | "return";

/** What the page knows stands between the report and submission: the summary's heading and a link to each field. */
export interface SubmitBlockers {
  readonly summary: string;
  readonly links: readonly { readonly id: string; readonly message: string }[];
}

/** What the workflow reads of a step's mutation (TanStack's result fits): the mutation owns what it refreshes. */
interface StepMutation<I> {
  readonly isPending: boolean;
  mutateAsync(input: I): Promise<{ status: string }>;
}

/** A report's steps, from its feature's `api.ts`, called with the report's key and the version read. */
export interface ReportSteps<K> {
  readonly submit: StepMutation<K & { expectedVersion: number }>;
  readonly approve: StepMutation<K & { expectedVersion: number }>;
  readonly giveBack: StepMutation<K & { expectedVersion: number; comment: string }>;
}

/**
 * Submit (finance), approve or return with a comment (manager) a stored report: each asks first, the
 * server decides. The words are `report.actions.*`; the area's own (`<area>.returnBody`, `.returnComment`
 * under `texts`) say who gets the report back, and its refusals come from `<errors>.<code>` before
 * `errors.<code>`, with the error's params and the report's status. With `blockers`, «Send inn» lists
 * what is missing, linked to each field, instead of asking first; the server refuses such a submission too.
 */
export function ReportWorkflow<K extends object>(props: {
  report: ReportState | null;
  actions: readonly string[];
  input: K;
  steps: ReportSteps<NoInfer<K>>;
  dirty: boolean;
  texts: string;
  errors: string;
  blockers?: SubmitBlockers;
}) {
  const { t } = useTranslation();
  const { report, steps } = props;
  if (!report) return null;
  const base = { ...props.input, expectedVersion: report.version };
  return (
    <WorkflowActions
      actions={props.actions}
      texts={props.texts}
      dirty={props.dirty}
      blockers={props.blockers}
      pending={steps.submit.isPending || steps.approve.isPending || steps.giveBack.isPending}
      run={(step, comment) =>
        step === "submit"
          ? steps.submit.mutateAsync(base)
          : step === "approve"
            ? steps.approve.mutateAsync(base)
            : steps.giveBack.mutateAsync({ ...base, comment })
      }
      errorText={(e) => {
        const translated = translateError(t, e);
        const params = readAppError(e)?.params ?? {};
        return t([`${props.errors}.${translated.code}`, `errors.${translated.code}`], {
          ...params,
          status: reportStatusLabel(t, report.status),
          defaultValue: translated.message,
        });
      }}
    />
  );
}

/** The step buttons, a dialog that asks first (a return asks for a comment too) and what the step did. */
function WorkflowActions(props: {
  actions: readonly string[];
  texts: string;
  dirty: boolean;
  blockers: SubmitBlockers | undefined;
  pending: boolean;
  run: (step: WorkflowStep, comment: string) => Promise<{ status: string }>;
  errorText: (error: unknown) => string;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Counts refused attempts, so a second press moves focus to the summary again.
  const [blockedTries, setBlockedTries] = useState(0);
  const commentRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (commentError) commentRef.current?.focus();
  }, [commentError]);
  const title = (s: WorkflowStep) =>
    s === "return" ? "report.actions.returnTitle" : `report.actions.confirm${s === "submit" ? "Submit" : "Approve"}Title`;
  const body = (s: WorkflowStep) =>
    s === "return" ? `${props.texts}.returnBody` : `report.actions.confirm${s === "submit" ? "Submit" : "Approve"}Body`;
  const has = (s: WorkflowStep) => props.actions.includes(s);
  const blockers = props.blockers && props.blockers.links.length > 0 ? props.blockers : null;
  if (!has("submit") && !has("approve") && !has("return") && !done) return null;
  return (
    <section aria-labelledby="workflow-heading" className="stack no-print">
      <Heading level={2} data-size="sm" id="workflow-heading">
        {t("report.actions.title")}
      </Heading>
      <div className="button-row">
        {has("submit") && (
          <Button onClick={() => (blockers ? setBlockedTries((n) => n + 1) : setStep("submit"))} disabled={props.dirty || props.pending}>
            {t("report.actions.submit")}
          </Button>
        )}
        {has("approve") && <Button onClick={() => setStep("approve")}>{t("report.actions.approve")}</Button>}
        {has("return") && (
          <Button variant="secondary" onClick={() => setStep("return")}>
            {t("report.actions.return")}
          </Button>
        )}
      </div>
      {has("submit") && (
        <FormErrorSummary
          summary={blockers && blockedTries > 0 ? blockers.summary : null}
          links={blockers?.links ?? []}
          testId="report-submit-missing"
          focusKey={blockedTries}
        />
      )}
      {props.dirty && has("submit") && (
        <p className="ds-paragraph" data-size="sm">
          {t("report.actions.dirty")}
        </p>
      )}
      {/* The step's button goes once the report moves on, so focus goes to what the step did. */}
      <LiveStatus focusOn={done}>
        {done && (
          <Alert data-color="success" data-testid="workflow-done">
            {done}
          </Alert>
        )}
      </LiveStatus>
      <ConfirmDialog
        request={step ? { title: t(title(step)), body: t(body(step)), confirmLabel: t(`report.actions.${step}`) } : null}
        pending={props.pending}
        error={error}
        onCancel={() => {
          setStep(null);
          setError(null);
          setCommentError(null);
        }}
        onConfirm={() => {
          if (!step) return;
          setError(null);
          setCommentError(null);
          setDone(null);
          props.run(step, comment).then(
            (result) => {
              setStep(null);
              setComment("");
              setDone(t(`report.actions.done.${result.status}`));
            },
            (e: unknown) => {
              // A comment the server refused is the field's error, named and marked there (WCAG 3.3.1).
              const onComment = step === "return" ? translateFormError(t, e, ["comment"]).fields.comment : undefined;
              if (onComment) setCommentError(onComment);
              else setError(props.errorText(e));
            },
          );
        }}
      >
        {step === "return" && (
          <Textfield
            id="return-comment"
            label={t(`${props.texts}.returnComment`)}
            value={comment}
            maxLength={500}
            ref={commentRef}
            error={commentError ?? undefined}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </ConfirmDialog>
    </section>
  );
}
