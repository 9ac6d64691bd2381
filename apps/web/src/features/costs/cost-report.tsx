import "../../lib/zod-setup";
import { Alert, Button, ErrorSummary, Heading, Paragraph } from "@digdir/designsystemet-react";
import { costReportWarnings } from "@malestokk/domain";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useLeaveGuard } from "../../components/leave-guard";
import { LiveStatus } from "../../components/live-status";
import { QueryView } from "../../components/query-view";
import { ReportWorkflow } from "../../components/report-workflow/actions";
import { ReportStatusBlock, WithheldReportView } from "../../components/report-workflow/status";
import { useStepMessage } from "../../components/report-workflow/step-message";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { formatDateTime, formatInteger, formatNok } from "../../lib/format";
import { useCostReport, useCostReportSteps, useFetchCostReport, useSaveCostReport } from "./api";
import { AllocationSection } from "./allocation";
import { CostFilePanel } from "./cost-file-panel";
import { CostLinesEditor, CostLinesTable } from "./cost-lines";
import { CostTotalsView } from "./cost-totals";
import { draftFromReport, readDraft, type DraftIssue, type ReportDraft } from "./report-draft";
import { statusLabel, type ReportView } from "./report-view";
import { VolumesEditor } from "./volumes";
import { warningFieldId, warningText, WarningsView } from "./warnings";

/** One organisation's cost report for one year: enter or import, check, save, submit, approve. */
export function CostReport({
  municipalityNumber,
  municipalityName,
  year,
}: {
  municipalityNumber: string;
  municipalityName: string;
  year: number;
}) {
  const query = useCostReport({ municipalityNumber, year });
  if (!query.isSuccess) return <QueryView query={query} />;
  if (query.data.withheld) return <WithheldReportView report={query.data.withheld} deadline={query.data.deadline} />;
  // Another year starts the form afresh; within a year the editor follows the stored report itself.
  return <ReportEditor key={year} view={query.data} municipalityNumber={municipalityNumber} municipalityName={municipalityName} />;
}

/** What still stands between the report and submission, in the order a user would do it. */
function MissingList(props: { view: ReportView; read: ReturnType<typeof readDraft>; unexplained: number }) {
  const { t } = useTranslation();
  const missing: string[] = [];
  if (props.read.lines.length === 0) missing.push(t("costReport.missing.lines"));
  if (props.view.kind === "municipality" && props.read.itUserAccounts === null) missing.push(t("costReport.missing.itUsers"));
  if (props.view.kind === "itCooperative" && props.read.allocation === null) missing.push(t("costReport.missing.allocation"));
  if (props.unexplained > 0) missing.push(t("costReport.missing.explanations", { count: props.unexplained }));
  if (missing.length === 0) return <Paragraph data-testid="report-missing">{t("costReport.missing.none")}</Paragraph>;
  return (
    <div data-testid="report-missing">
      <Paragraph>{t("costReport.missing.title")}</Paragraph>
      <ul>
        {missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

interface Conflict {
  readonly theirs: ReportView;
}

function ReportEditor({
  view,
  municipalityNumber,
  municipalityName,
}: {
  view: ReportView;
  municipalityNumber: string;
  municipalityName: string;
}) {
  const { t, i18n } = useTranslation();
  const fetchReport = useFetchCostReport();
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromReport(view.report));
  const [baseVersion, setBaseVersion] = useState<number | null>(view.report?.version ?? null);
  const [dirty, setDirty] = useState(false);
  const [serverIssues, setServerIssues] = useState<DraftIssue[]>([]);
  const [message, setMessage] = useStepMessage<{ kind: "success" | "info" | "danger"; text: string }>(view.report?.status);
  const [showIssues, setShowIssues] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const editable = view.actions.includes("edit");
  useLeaveGuard(dirty);

  // When the stored report changes (a save, a workflow step) and nothing typed is pending, show it. A
  // save refreshes the report before its handler clears `dirty`, so a change seen while work was
  // pending is shown once it is not.
  const pending = dirty || conflict !== null;
  const storedKey = `${view.report?.status ?? "none"}:${view.report?.version ?? 0}`;
  const shownKey = useRef(storedKey);
  useEffect(() => {
    if (pending || shownKey.current === storedKey) return;
    shownKey.current = storedKey;
    setDraft(draftFromReport(view.report));
    setBaseVersion(view.report?.version ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the stored version or status changes, or pending work ends
  }, [storedKey, pending]);

  const read = useMemo(() => readDraft(draft), [draft]);
  const classOfSystem = useMemo(
    () => new Map([...view.systems, ...view.cooperativeSystems].map((s) => [s.id, s.systemClass] as const)),
    [view.systems, view.cooperativeSystems],
  );
  const warnings = useMemo(
    () =>
      costReportWarnings(read, {
        allocatedLines: view.allocatedLines,
        published: {
          population: view.published.population?.value ?? null,
          grossOperatingExpenditure: view.published.grossOperatingExpenditure?.value ?? null,
        },
        classOfSystem,
        basis: view.checkBasis,
      }),
    [read, view, classOfSystem],
  );

  const update = (next: ReportDraft) => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
  };

  const steps = useCostReportSteps();
  const save = useSaveCostReport({
    onSuccess: (result) => {
      setBaseVersion(result.version);
      setDirty(false);
      setServerIssues([]);
      setConflict(null);
      setShowIssues(false);
      setMessage({ kind: result.written ? "success" : "info", text: result.written ? t("costReport.saved") : t("costReport.unchanged") });
    },
    onError: async (error) => {
      if (conflictOf(error)) {
        const theirs = await fetchReport({ municipalityNumber, year: view.year });
        setConflict({ theirs });
        return;
      }
      const appError = readAppError(error);
      const issues: DraftIssue[] = (appError?.issues ?? []).map((issue) => {
        const row = typeof issue.path[1] === "number" ? issue.path[1] : undefined;
        const line = row === undefined ? undefined : draft.lines[row];
        const field = String(issue.path.at(-1) ?? "");
        return {
          field,
          target: line ? `${line.key}-${field === "systemId" ? "system" : field}` : "report-save",
          code: issue.code,
          row: row === undefined ? undefined : row + 1,
          ...(issue.params as object),
        };
      });
      setServerIssues(issues);
      setShowIssues(true);
      setMessage({ kind: "danger", text: issues.length > 0 ? t("costReport.errorSummary") : translateError(t, error).message });
    },
  });

  useEffect(() => {
    if (showIssues) summaryRef.current?.focus();
  }, [showIssues, serverIssues]);

  const onSave = () => {
    if (read.issues.length > 0) {
      setShowIssues(true);
      setServerIssues([]);
      return;
    }
    save.mutate({
      municipalityNumber,
      year: view.year,
      expectedVersion: baseVersion,
      lines: read.lines,
      itUserAccounts: read.itUserAccounts,
      employeesFte: read.employeesFte,
      populationOverride: read.populationOverride,
      grossOperatingExpenditureOverride: read.grossOperatingExpenditureOverride,
      allocation: read.allocation,
      // Only explanations of warnings that still stand are kept with the report.
      warningComments: Object.fromEntries(
        warnings.flatMap((w): [string, string][] => {
          const text = (draft.comments[w.key] ?? "").trim();
          return text === "" ? [] : [[w.key, text]];
        }),
      ),
    });
  };

  const issueText = (issue: DraftIssue) => {
    const keys = [
      `costReport.errors.${issue.code}`,
      `errors.field.${issue.field}.${issue.code}`,
      `errors.field.${issue.code}`,
      "errors.VALIDATION_FAILED",
    ];
    const text = t(keys, { ...issue });
    // A text that names the line itself ("Linje {{row}} har …") is not prefixed; digits in an example are no sign of that.
    const namesRow = issue.row !== undefined && t(keys, { ...issue, row: "\u0000" }).includes("\u0000");
    return issue.row !== undefined && !namesRow ? t("costReport.invalidAmount", { row: issue.row, message: text }) : text;
  };
  const issues = showIssues ? [...read.issues, ...serverIssues] : [];
  const fieldErrors = new Map(issues.map((i) => [i.target, issueText(i)]));
  const fieldNotes = new Map(read.notes.map((n) => [n.target, t("costReport.lines.roundedNote", { amount: formatInteger(n.amount) })]));
  const report = view.report;
  const language = i18n.language === "en" ? "en" : "nb";

  return (
    <div className="stack">
      <ReportStatusBlock view={view} testId="report" />
      {!report && <Paragraph>{t("costReport.notStarted", { year: view.year })}</Paragraph>}
      {editable && (
        <MissingList view={view} read={read} unexplained={warnings.filter((w) => (draft.comments[w.key] ?? "").trim() === "").length} />
      )}
      {!editable && report && (
        <Paragraph data-testid="report-read-only">
          {report.status === "approved"
            ? t("costReport.readOnlyApproved")
            : report.status === "submitted"
              ? t("costReport.readOnlySubmitted")
              : t("costReport.readOnlyRole")}
        </Paragraph>
      )}

      {issues.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="error-summary-focus" data-testid="report-errors">
          <ErrorSummary>
            <ErrorSummary.Heading>{t("costReport.errorSummary")}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {issues.map((issue, index) => (
                <ErrorSummary.Item key={`${issue.target}-${index}`}>
                  <ErrorSummary.Link href={`#${issue.target}`}>{issueText(issue)}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        </div>
      )}

      <section aria-labelledby="lines-heading" className="stack">
        <Heading level={2} data-size="sm" id="lines-heading">
          {t("costReport.lines.title")}
        </Heading>
        {editable ? (
          <>
            <Paragraph data-size="sm">{t("costReport.lines.intro")}</Paragraph>
            <CostLinesEditor
              lines={draft.lines}
              systems={view.systems}
              errors={fieldErrors}
              notes={fieldNotes}
              onChange={(lines) => update({ ...draft, lines })}
            />
          </>
        ) : (
          <CostLinesTable lines={report?.lines ?? []} systems={view.systems} />
        )}
      </section>

      <CostTotalsView lines={read.lines} systems={view.systems} classOfSystem={classOfSystem} />

      <AllocationSection view={view} draft={draft} editable={editable} errors={fieldErrors} onChange={update} />

      <VolumesEditor draft={draft} view={view} editable={editable} errors={fieldErrors} onChange={update} />

      <WarningsView
        warnings={warnings}
        comments={draft.comments}
        editable={editable}
        language={language}
        group={view.checkGroup}
        onComment={(key, text) => update({ ...draft, comments: { ...draft.comments, [key]: text } })}
      />

      {conflict && (
        <Alert data-color="warning" data-testid="report-conflict">
          <Heading level={2} data-size="xs">
            {t("costReport.conflict.title")}
          </Heading>
          <Paragraph>{t("costReport.conflict.body")}</Paragraph>
          <Paragraph>
            {t("costReport.conflict.mine", { total: formatNok(read.lines.reduce((s, l) => s + l.amount, 0)), lines: read.lines.length })}
          </Paragraph>
          {conflict.theirs.report && (
            <Paragraph>
              {t("costReport.conflict.theirs", {
                version: conflict.theirs.report.version,
                total: formatNok(conflict.theirs.report.totalItCost),
                lines: conflict.theirs.report.lines.length,
                status: statusLabel(t, conflict.theirs.report.status).toLocaleLowerCase(),
                date: formatDateTime(conflict.theirs.report.updatedAt),
              })}
            </Paragraph>
          )}
          <div className="button-row">
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(draftFromReport(conflict.theirs.report));
                setBaseVersion(conflict.theirs.report?.version ?? null);
                setDirty(false);
                setConflict(null);
              }}
            >
              {t("costReport.conflict.useTheirs")}
            </Button>
            {conflict.theirs.actions.includes("edit") && (
              <Button
                variant="secondary"
                onClick={() => {
                  setBaseVersion(conflict.theirs.report?.version ?? null);
                  setConflict(null);
                }}
              >
                {t("costReport.conflict.keepMine")}
              </Button>
            )}
          </div>
        </Alert>
      )}

      {editable && (
        <div className="button-row">
          <Button id="report-save" onClick={onSave} disabled={save.isPending || conflict !== null} aria-busy={save.isPending}>
            {save.isPending ? t("costReport.saving") : t("costReport.save")}
          </Button>
        </div>
      )}
      <LiveStatus focusOn={showIssues ? null : message}>
        {message && !showIssues && (
          <Alert data-color={message.kind} data-testid="report-message">
            {message.text}
          </Alert>
        )}
      </LiveStatus>

      <CostFilePanel
        view={view}
        municipalityNumber={municipalityNumber}
        municipalityName={municipalityName}
        editable={editable}
        dirty={dirty}
      />

      <ReportWorkflow
        report={report}
        actions={view.actions}
        input={{ municipalityNumber, year: view.year }}
        steps={steps}
        dirty={dirty}
        texts="costReport.actions"
        errors="costReport.errors"
        blockers={{
          summary: t("costReport.errors.WARNINGS_UNEXPLAINED"),
          links: warnings
            .filter((w) => (draft.comments[w.key] ?? "").trim() === "")
            .map((w) => ({
              id: warningFieldId(w.key),
              message: t("costReport.warnings.missingExplanation", { warning: warningText(t, w, language, view.checkGroup) }),
            })),
        }}
      />
    </div>
  );
}
