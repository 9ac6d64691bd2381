import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { MATURITY_AREA_DEFINITIONS, type MaturityArea, type QualityContent, type QualityInstrument } from "@malestokk/domain";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { useLeaveGuard } from "../../components/leave-guard";
import { LiveStatus } from "../../components/live-status";
import { QueryView } from "../../components/query-view";
import { ReportWorkflow } from "../../components/report-workflow/actions";
import { ReportStatusBlock, reportStatusLabel, WithheldReportView } from "../../components/report-workflow/status";
import { useStepMessage } from "../../components/report-workflow/step-message";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { useQualityReport, useQualityReportSteps, useSaveQualityReport } from "./api";
import { localized } from "../../lib/localized";

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
  const key = { municipalityNumber: props.municipalityNumber, year: props.year, instrument: props.instrument };
  const query = useQualityReport(key);
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty);
  const [message, setMessage] = useStepMessage<{ kind: "success" | "danger" | "warning"; text: string }>(query.data?.report?.status);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const save = useSaveQualityReport({
    onSuccess: () => {
      setDirty(false);
      setErrors(new Map());
      setMessage({ kind: "success", text: t("quality.saved") });
    },
    onError: (error) => {
      if (conflictOf(error)) return setMessage({ kind: "warning", text: t("quality.conflict") });
      const fields = new Map<string, string>();
      for (const issue of readAppError(error)?.issues ?? []) {
        fields.set(
          `q-${issue.path.slice(1).join("-")}`,
          t([`quality.errors.${issue.code}`, `errors.field.${issue.code}`, "errors.VALIDATION_FAILED"], issue.params),
        );
      }
      setErrors(fields);
      setMessage({ kind: "danger", text: fields.size > 0 ? t("quality.errorSummary") : translateError(t, error).message });
    },
  });
  const steps = useQualityReportSteps();
  if (!query.isSuccess) return <QueryView query={query} />;
  const { content, derived } = query.data;
  if (content === null || derived === null) {
    return query.data.withheld && <WithheldReportView report={query.data.withheld} deadline={query.data.deadline} />;
  }
  const view: ReadableQualityView = { ...query.data, content, derived };
  const lang = i18n.language === "en" ? "en" : "nb";
  const missingLabel = (code: string) => {
    if (view.instrument === "maturity") return localized(MATURITY_AREA_DEFINITIONS[code as MaturityArea].name, lang);
    if (view.instrument === "scope") return localized(view.basket.find((s) => s.code === code)?.name, lang) ?? code;
    return t("quality.missingResults");
  };
  const editable = view.actions.includes("edit");
  return (
    <div className={editable ? "stack" : "stack read-only-values"}>
      <ReportStatusBlock view={view} testId="quality" />
      {!editable && view.report && (
        <Paragraph>{t("quality.readOnly", { status: reportStatusLabel(t, view.report.status).toLocaleLowerCase() })}</Paragraph>
      )}
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
        onSave: (body) =>
          save.mutate({
            municipalityNumber: props.municipalityNumber,
            year: props.year,
            expectedVersion: view.report?.version ?? null,
            body,
          }),
      })}
      <LiveStatus focusOn={message}>
        {message && (
          <Alert data-color={message.kind} data-testid="quality-message">
            {message.text}
          </Alert>
        )}
      </LiveStatus>
      <ReportWorkflow
        report={view.report}
        actions={view.actions}
        input={key}
        steps={steps}
        dirty={dirty}
        texts="quality.workflow"
        errors="quality.errors"
      />
    </div>
  );
}
