import { Alert, Button, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { MATURITY_AREA_DEFINITIONS, type MaturityArea, type QualityContent, type QualityInstrument } from "@malestokk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { useLeaveGuard } from "../../components/leave-guard";
import { QueryView } from "../../components/query-view";
import { ReturnedNotice } from "../../components/returned-notice";
import { WithheldReportView } from "../../components/withheld-report";
import { WorkflowActions } from "../../components/workflow-actions";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { useTRPC } from "../../lib/trpc";

export type QualityView = RouterOutputs["quality"]["report"];
/** A report whose content this reader sees: what the instruments' forms show. */
export type ReadableQualityView = QualityView & {
  readonly content: NonNullable<QualityView["content"]>;
  readonly derived: NonNullable<QualityView["derived"]>;
};

/** The save button every instrument's form ends with, shown only where the user may edit. */
export function QualitySaveButton({ editor, onClick }: { editor: QualityEditorProps; onClick: () => void }) {
  const { t } = useTranslation();
  if (!editor.editable) return null;
  return (
    <div className="button-row">
      <Button onClick={onClick} disabled={editor.saving} aria-busy={editor.saving}>
        {editor.saving ? t("quality.saving") : t("quality.save")}
      </Button>
    </div>
  );
}

export interface QualityEditorProps {
  readonly view: ReadableQualityView;
  readonly municipalityNumber: string;
  readonly editable: boolean;
  /** Field messages by element id, from the last refused save. */
  readonly errors: ReadonlyMap<string, string>;
  readonly saving: boolean;
  readonly onDirty: () => void;
  readonly onSave: (body: QualityContent) => void;
}

/** Status, what is missing, saving with a version check and the workflow: shared by the three instruments. */
export function QualityReport(props: {
  municipalityNumber: string;
  year: number;
  instrument: QualityInstrument;
  children: (editor: QualityEditorProps) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = { municipalityNumber: props.municipalityNumber, year: props.year, instrument: props.instrument };
  const query = useQuery(trpc.quality.report.queryOptions(key));
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty);
  const [message, setMessage] = useState<{ kind: "success" | "danger" | "warning"; text: string } | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const refreshReaders = useRefreshIndicatorReaders();
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.quality.pathFilter()), refreshReaders()]);
  const save = useMutation(
    trpc.quality.save.mutationOptions({
      onSuccess: async () => {
        setDirty(false);
        setErrors(new Map());
        setMessage({ kind: "success", text: t("quality.saved") });
        await refresh();
      },
      onError: (error) => {
        const appError = readAppError(error);
        if (conflictOf(error)) return setMessage({ kind: "warning", text: t("quality.conflict") });
        const fields = new Map<string, string>();
        for (const issue of appError?.issues ?? []) {
          fields.set(`q-${issue.path.slice(1).join("-")}`, t([`quality.errors.${issue.code}`, `errors.field.${issue.code}`, "errors.VALIDATION_FAILED"], issue.params));
        }
        setErrors(fields);
        setMessage({ kind: "danger", text: fields.size > 0 ? t("quality.errorSummary") : translateError(t, error).message });
      },
    }),
  );
  const submit = useMutation(trpc.quality.submit.mutationOptions());
  const approve = useMutation(trpc.quality.approve.mutationOptions());
  const giveBack = useMutation(trpc.quality.return.mutationOptions());
  if (!query.isSuccess) return <QueryView query={query} />;
  const { content, derived } = query.data;
  if (content === null || derived === null) {
    return query.data.withheld && <WithheldReportView report={query.data.withheld} deadline={query.data.deadline} />;
  }
  const view: ReadableQualityView = { ...query.data, content, derived };
  const lang = i18n.language === "en" ? "en" : "nb";
  const missingLabel = (code: string) => {
    if (view.instrument === "maturity") return MATURITY_AREA_DEFINITIONS[code as MaturityArea].name[lang];
    if (view.instrument === "scope") return view.basket.find((s) => s.code === code)?.name[lang] ?? code;
    return t("quality.missingResults");
  };
  const editable = view.actions.includes("edit");
  const status = view.report?.status ?? null;
  const stepBase = { ...key, expectedVersion: view.report?.version ?? 0 };
  return (
    <div className="stack">
      <div className="report-status">
        <Tag data-color={status === "approved" ? "success" : status === "returned" ? "warning" : "neutral"} data-testid="quality-status">
          {t(`costReport.status.${status ?? "none"}`)}
        </Tag>
        {view.deadline && <Paragraph data-size="sm">{t("costReport.deadline", { date: view.deadline })}</Paragraph>}
      </div>
      {view.yearState === "closed" && <Alert data-color="info">{t("costReport.yearClosed")}</Alert>}
      <ReturnedNotice report={view.report} testId="quality-returned" />
      {!editable && view.report && <Paragraph>{t("quality.readOnly", { status: t(`costReport.status.${status ?? "none"}`).toLocaleLowerCase() })}</Paragraph>}
      {editable && (
        <div data-testid="quality-missing">
          {view.missing.length === 0 ? (
            <Paragraph>{t("quality.missingNone")}</Paragraph>
          ) : (
            <>
              <Paragraph>{t("quality.missingTitle")}</Paragraph>
              <ul>
                {view.missing.map((code) => (
                  <li key={code}>{missingLabel(code)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {props.children({
        view,
        municipalityNumber: props.municipalityNumber,
        editable,
        errors,
        saving: save.isPending,
        onDirty: () => {
          setDirty(true);
          setMessage(null);
        },
        onSave: (body) => save.mutate({ municipalityNumber: props.municipalityNumber, year: props.year, expectedVersion: view.report?.version ?? null, body }),
      })}
      <div role="status" aria-live="polite">
        {message && (
          <Alert data-color={message.kind} data-testid="quality-message">
            {message.text}
          </Alert>
        )}
      </div>
      <WorkflowActions
        actions={view.report ? view.actions : []}
        texts="quality.workflow"
        dirty={dirty}
        pending={submit.isPending || approve.isPending || giveBack.isPending}
        run={async (step, comment) => {
          const result =
            step === "submit" ? await submit.mutateAsync(stepBase) : step === "approve" ? await approve.mutateAsync(stepBase) : await giveBack.mutateAsync({ ...stepBase, comment });
          await refresh();
          return result;
        }}
        errorText={(e) => {
          const appError = readAppError(e);
          return appError ? t([`quality.errors.${appError.code}`, `errors.${appError.code}`], appError.params) : translateError(t, e).message;
        }}
      />
    </div>
  );
}
