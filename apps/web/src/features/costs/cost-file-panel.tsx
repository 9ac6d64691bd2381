import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import {
  aboutSheet,
  COST_FILE_MESSAGES,
  costFileIssueReason,
  costFileRows,
  costFileTemplateGuide,
  costFileTemplateRows,
  costFileTemplateSheets,
  costReportSheetName,
  costReportSheets,
  describeCostFileProblems,
  describeCostImportRefusal,
  isCostImportReportRefusal,
  toCsv,
  writeXlsx,
  XLSX_MIME_TYPE,
  type ExportFact,
  type IssueParams,
} from "@malestokk/domain";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { CSV_MIME_TYPE, downloadFile, TEXT_MIME_TYPE } from "../../components/download";
import { useExportTexts } from "../../components/export-texts";
import { sheetName } from "../../components/sheet-names";
import { readAppError, translateError } from "../../lib/errors";
import { formatDateTime, formatInteger, formatNok } from "../../lib/format";
import { useLanguage, useNestedTexts } from "../../lib/i18n";
import { inEveryLanguage } from "../../lib/localized";
import { useImportCostFile } from "./api";
import { statusLabel, type ReportView } from "./report-view";
import { ImportChanges } from "./import-changes";

type ImportReport = RouterOutputs["costs"]["importFile"];

/** The JSON body limit is 1 MB and base64 adds a third. */
const MAX_UPLOAD_BYTES = 700 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Template download, file import with a full preview, and export of the stored report. */
export function CostFilePanel(props: {
  view: ReportView;
  municipalityNumber: string;
  municipalityName: string;
  editable: boolean;
  dirty: boolean;
}) {
  useExportTexts();
  const { t } = useTranslation();
  // Headers, row problems and notes in the preview: the same texts as the command line's.
  useNestedTexts(["costReport", "file"], inEveryLanguage(COST_FILE_MESSAGES), "costReport.file.errors.EMPTY_FILE");
  const language = useLanguage();
  const { view } = props;
  const [file, setFile] = useState<{ name: string; base64: string; size: number } | null>(null);
  const [phase, setPhase] = useState<"idle" | "reading" | "checking" | "importing">("idle");
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<{ kind: "success" | "info" | "danger"; text: string } | null>(null);
  // The report cannot take the file's lines (its status, a closed year, a change meanwhile): a preview
  // is refused as the import would be, and says so in the same words as the command line.
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const importFile = useImportCostFile();
  const baseName = `ikt-kostnader-${props.municipalityNumber}-${view.year}`;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setPreview(null);
    setMessage(null);
    setRefusal(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_UPLOAD_BYTES) {
      setFile(null);
      setMessage({
        kind: "danger",
        text: t("costReport.file.tooLarge", {
          name: chosen.name,
          size: formatInteger(Math.ceil(chosen.size / 1024)),
          number: props.municipalityNumber,
          year: view.year,
        }),
      });
      return;
    }
    setPhase("reading");
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setFile({ name: chosen.name, base64: toBase64(bytes), size: chosen.size });
    setPhase("idle");
  };

  const run = async (dryRun: boolean) => {
    if (!file) return null;
    setPhase(dryRun ? "checking" : "importing");
    setMessage(null);
    setRefusal(null);
    try {
      return await importFile.mutateAsync({
        municipalityNumber: props.municipalityNumber,
        year: view.year,
        expectedVersion: view.report?.version ?? null,
        fileName: file.name,
        contentBase64: file.base64,
        dryRun,
      });
    } catch (error) {
      const appError = readAppError(error);
      if (appError && isCostImportReportRefusal(appError.code)) {
        setRefusal(describeCostImportRefusal(appError, { fileName: file.name, year: view.year }, language));
      } else {
        setMessage({ kind: "danger", text: translateError(t, error).message });
      }
      return null;
    } finally {
      setPhase("idle");
    }
  };

  // The same sentences as the command line's, from the domain's texts (ADR 011).
  const problem = (code: string, params: IssueParams) => costFileIssueReason({ code, params }, language);
  const fileErrorText = (report: ImportReport) => {
    const fileName = file?.name ?? "";
    return report.fileError
      ? describeCostImportRefusal(report.fileError, { fileName, year: view.year }, language)
      : describeCostFileProblems(fileName, report.issues, language);
  };

  const exportRows = () => costFileRows(view.report?.lines ?? [], view.systems, language);
  /** What the exported workbook says about the report, on its sheet «Om tallene». */
  const exportFacts = (): ExportFact[] => {
    const report = view.report;
    if (!report) return [];
    const facts: (ExportFact | null)[] = [
      report.isDemo ? [t("exports.about.demo"), t("exports.about.demoText")] : null,
      [
        t(`exports.report.${view.kind === "itCooperative" ? "cooperative" : "municipality"}`),
        `${props.municipalityName} (${props.municipalityNumber})`,
      ],
      [t("exports.about.year"), String(view.year)],
      [t("exports.report.status"), statusLabel(t, report.status)],
      [t("exports.report.version"), String(report.version)],
      [t("exports.report.lines"), String(report.lines.length)],
      [t("exports.report.total"), formatNok(report.lines.reduce((sum, line) => sum + line.amount, 0))],
      [t("exports.about.source"), "Målestokk"],
      [t("exports.about.extracted"), formatDateTime(new Date().toISOString())],
      [t("exports.report.import"), t("exports.report.importText", { sheet: costReportSheetName(language, view.year) })],
      [t("exports.about.address"), window.location.href],
    ];
    return facts.filter((fact): fact is ExportFact => fact !== null);
  };

  return (
    <section aria-labelledby="file-heading" className="stack no-print">
      {props.editable && (
        <>
          <Heading level={2} data-size="sm" id="file-heading">
            {t("costReport.file.title")}
          </Heading>
          <Paragraph data-size="sm">{t("costReport.file.intro")}</Paragraph>
          <div className="button-row">
            <span className="ds-paragraph">{t("costReport.file.template")}</span>
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() =>
                downloadFile(
                  "ikt-kostnader-mal.xlsx",
                  writeXlsx(costFileTemplateSheets({ language, systems: view.systems })),
                  XLSX_MIME_TYPE,
                )
              }
            >
              {t("costReport.file.templateXlsx")}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => downloadFile("ikt-kostnader-mal.csv", toCsv(costFileTemplateRows(language)), CSV_MIME_TYPE)}
            >
              {t("costReport.file.templateCsv")}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() =>
                downloadFile(
                  "ikt-kostnader-mal-veiledning.txt",
                  `\uFEFF${costFileTemplateGuide({ language, systems: view.systems })}`,
                  TEXT_MIME_TYPE,
                )
              }
            >
              {t("exports.template.guide")}
            </Button>
          </div>
          <Paragraph data-size="sm">{t("exports.template.help")}</Paragraph>
          <div className="file-field">
            <label htmlFor="cost-file" className="ds-label">
              {t("costReport.file.choose")}
            </label>
            <input id="cost-file" type="file" accept={`.csv,.txt,.xlsx,text/csv,${XLSX_MIME_TYPE}`} onChange={(e) => void onFile(e)} />
            {file && (
              <Paragraph data-size="sm">
                {t("costReport.file.chosen", { name: file.name, size: formatInteger(Math.ceil(file.size / 1024)) })}
              </Paragraph>
            )}
          </div>
          {props.dirty && <Paragraph data-size="sm">{t("costReport.file.dirty")}</Paragraph>}
          <div className="button-row">
            <Button
              variant="secondary"
              disabled={!file || phase !== "idle" || props.dirty}
              aria-busy={phase === "checking"}
              onClick={() => void run(true).then((r) => setPreview(r))}
            >
              {t("costReport.file.preview")}
            </Button>
            <Button disabled={!preview?.ok || phase !== "idle" || props.dirty} onClick={() => setConfirming(true)}>
              {t("costReport.file.import")}
            </Button>
          </div>
          <div role="status" aria-live="polite">
            {phase !== "idle" && (
              <div className="stack" data-testid="import-progress">
                <progress aria-label={t(`costReport.file.${phase}`, { name: file?.name ?? "" })} />
                <Paragraph data-size="sm">{t(`costReport.file.${phase}`, { name: file?.name ?? "" })}</Paragraph>
              </div>
            )}
            {message && (
              <Alert data-color={message.kind} data-testid="import-message">
                {message.text}
              </Alert>
            )}
            {refusal && (
              <Alert data-color="danger" data-testid="import-refused">
                {refusal}
              </Alert>
            )}
          </div>
          {preview && <ImportPreview report={preview} fileErrorText={fileErrorText} problem={problem} />}
          <ConfirmDialog
            request={
              confirming && preview?.ok
                ? {
                    title: t("costReport.file.confirmTitle"),
                    body: t("costReport.file.confirmBody", { before: view.report?.lines.length ?? 0, after: preview.lineCount }),
                    confirmLabel: t("costReport.file.import"),
                  }
                : null
            }
            pending={phase === "importing"}
            error={null}
            onCancel={() => setConfirming(false)}
            onConfirm={() =>
              void run(false).then((r) => {
                setConfirming(false);
                if (!r) return;
                setPreview(null);
                setFile(null);
                setMessage({
                  kind: r.written ? "success" : "info",
                  text: r.written ? t("costReport.file.done", { count: r.lineCount }) : t("costReport.file.unchanged"),
                });
              })
            }
          />
        </>
      )}
      {view.report && (
        <>
          <Heading level={2} data-size="sm">
            {t("costReport.file.export.title")}
          </Heading>
          <div className="button-row">
            <Button variant="secondary" data-size="sm" onClick={() => downloadFile(`${baseName}.csv`, toCsv(exportRows()), CSV_MIME_TYPE)}>
              {t("costReport.file.export.csv")}
            </Button>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() =>
                downloadFile(
                  `${baseName}.xlsx`,
                  writeXlsx(
                    costReportSheets({
                      lines: view.report?.lines ?? [],
                      systems: view.systems,
                      language,
                      year: view.year,
                      about: aboutSheet(sheetName(t, "about"), exportFacts()),
                    }),
                  ),
                  XLSX_MIME_TYPE,
                )
              }
            >
              {t("costReport.file.export.xlsx")}
            </Button>
            <Button variant="secondary" data-size="sm" onClick={() => window.print()}>
              {t("costReport.file.export.print")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function ImportPreview(props: {
  report: ImportReport;
  fileErrorText: (report: ImportReport) => string;
  problem: (code: string, params: IssueParams) => string;
}) {
  const { t } = useTranslation();
  const { report } = props;
  const format = [report.format.toUpperCase(), report.encoding, report.delimiter ? `«${report.delimiter}»` : null]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="stack" data-testid="import-preview">
      <Paragraph data-size="sm">{t("costReport.file.read", { format })}</Paragraph>
      {report.ok ? (
        <Paragraph data-testid="import-summary">
          {t("costReport.file.summary", {
            lines: report.lineCount,
            total: formatNok(report.total.after ?? 0),
            before: report.total.before === null ? "–" : formatNok(report.total.before),
            added: report.changes?.added.length ?? 0,
            changed: report.changes?.changed.length ?? 0,
            removed: report.changes?.removed.length ?? 0,
          })}
        </Paragraph>
      ) : (
        <Alert data-color="danger" data-testid="import-refused">
          {props.fileErrorText(report)}
        </Alert>
      )}
      {report.issues.length > 0 && (
        <DataTable
          caption={t("costReport.file.issuesCaption")}
          size="sm"
          testId="import-issues"
          rows={report.issues}
          rowKey={(issue, index) => `${issue.row}-${issue.column}-${index}`}
          rowHeader={false}
          columns={[
            { key: "row", header: t("costReport.file.row") },
            { key: "column", header: t("costReport.file.column"), render: (issue) => t(`costReport.file.columns.${issue.column}`) },
            { key: "value", header: t("costReport.file.value") },
            { key: "problem", header: t("costReport.file.problem"), render: (issue) => props.problem(issue.code, issue.params) },
          ]}
        />
      )}
      {report.ok && report.changes && <ImportChanges changes={report.changes} />}
      {report.warnings.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t("costReport.file.warningsTitle")}
          </Heading>
          <ul>
            {report.warnings.map((w, index) => (
              <li key={`${w.row}-${index}`}>
                {t(`costReport.file.warnings.${w.code}`, {
                  row: w.row,
                  value: w.value,
                  amount: typeof w.params.amount === "number" ? formatInteger(w.params.amount) : undefined,
                  defaultValue: w.code,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
