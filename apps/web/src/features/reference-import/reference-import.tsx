import { Alert, Button, Heading, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { readAppError, translateError } from "../../lib/errors";
import { formatInteger } from "../../lib/format";
import { useImportJsonStat, useImportKostraGroups, useImportRegionChanges, useImportRegisterNames } from "./api";
import {
  ChangesReportView,
  KostraReportView,
  NamesReportView,
  PopulationReportView,
  type ChangesReport,
  type KostraReport,
  type NamesReport,
  type PopulationReport,
} from "./import-report";

const KINDS = ["population", "grossOperatingExpenditure", "kostraGroups", "registerNames", "regionChanges"] as const;
type Kind = (typeof KINDS)[number];
/** The server takes at most this many characters; larger files go through the CLI. */
export const MAX_UPLOAD_CHARS = 900_000;

type Report =
  | { readonly kind: "measure"; readonly report: PopulationReport }
  | { readonly kind: "kostraGroups"; readonly report: KostraReport }
  | { readonly kind: "registerNames"; readonly report: NamesReport }
  | { readonly kind: "regionChanges"; readonly report: ChangesReport };

function changeCount(r: Report): number {
  if (r.kind === "measure") return r.report.preview.changes.length;
  if (r.kind === "regionChanges") return r.report.preview.added.length + r.report.preview.removed.length;
  return r.report.changes.length;
}

function ReportView({ result }: { result: Report }) {
  if (result.kind === "measure") return <PopulationReportView report={result.report} />;
  if (result.kind === "kostraGroups") return <KostraReportView report={result.report} />;
  if (result.kind === "regionChanges") return <ChangesReportView report={result.report} />;
  return <NamesReportView report={result.report} />;
}

/** Upload, preview and import SSB reference data: nothing is written before the user confirms. */
export function ReferenceImport() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>("population");
  const [year, setYear] = useState("2024");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [url, setUrl] = useState("");
  const [preview, setPreview] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const population = useImportJsonStat();
  const kostra = useImportKostraGroups();
  const names = useImportRegisterNames();
  const changes = useImportRegionChanges();
  const pending = population.isPending || kostra.isPending || names.isPending || changes.isPending;

  const showError = (e: unknown) => {
    const appError = readAppError(e);
    if (appError?.code === "IMPORT_REJECTED") {
      const reason = typeof appError.params.reason === "string" ? appError.params.reason : "BAD_STRUCTURE";
      const limitMb = typeof appError.params.limit === "number" ? Math.round(appError.params.limit / 1_000_000) : null;
      setError(t("referenceImport.rejected", { reason: t(`referenceImport.reasons.${reason}`, { defaultValue: reason, limitMb }) }));
    } else if (appError?.code === "FORBIDDEN") setError(t("referenceImport.adminOnly"));
    else setError(translateError(t, e).fields.url ?? translateError(t, e).message);
  };

  const reset = () => {
    setPreview(null);
    setDone(null);
    setError(null);
  };

  const isJsonStat = kind === "population" || kind === "grossOperatingExpenditure";
  const useUrl = isJsonStat && !file && url.trim() !== "";
  const run = async (dryRun: boolean): Promise<Report | null> => {
    if (useUrl && isJsonStat) {
      try {
        return { kind: "measure", report: await population.mutateAsync({ measure: kind, url: url.trim(), dryRun }) };
      } catch (e) {
        showError(e);
        return null;
      }
    }
    if (!file) return null;
    try {
      if (kind === "population" || kind === "grossOperatingExpenditure") {
        return {
          kind: "measure",
          report: await population.mutateAsync({ measure: kind, content: file.text, fileName: file.name, dryRun }),
        };
      }
      if (kind === "kostraGroups") return { kind, report: await kostra.mutateAsync({ content: file.text, year: Number(year), dryRun }) };
      if (kind === "regionChanges") return { kind, report: await changes.mutateAsync({ content: file.text, dryRun }) };
      return { kind, report: await names.mutateAsync({ content: file.text, dryRun }) };
    } catch (e) {
      showError(e);
      return null;
    }
  };

  const showImported = (report: Report | null) => {
    setConfirming(false);
    if (!report) return;
    setPreview(null);
    setDone(report);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    reset();
    const chosen = event.target.files?.[0];
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    if (text.length > MAX_UPLOAD_CHARS) {
      setFile(null);
      setError(t("referenceImport.tooLarge", { size: formatInteger(text.length) }));
      return;
    }
    setFile({ name: chosen.name, text });
  };

  return (
    <div className="stack narrow-wide">
      <Paragraph>{t("referenceImport.intro")}</Paragraph>
      <SelectField
        id="import-kind"
        label={t("referenceImport.kind")}
        value={kind}
        onChange={(e) => {
          reset();
          setKind(e.target.value as Kind);
        }}
      >
        {KINDS.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`referenceImport.kinds.${k}`)}
          </Select.Option>
        ))}
      </SelectField>
      <Paragraph data-size="sm">{t(`referenceImport.where.${kind}`)}</Paragraph>
      {kind === "kostraGroups" && (
        <Textfield
          id="import-year"
          label={t("referenceImport.year")}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      )}
      <div className="file-field">
        <label htmlFor="import-file" className="ds-label">
          {t("referenceImport.file")}
        </label>
        <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        {file && (
          <Paragraph data-size="sm">
            {t("referenceImport.fileChosen", { name: file.name, size: formatInteger(file.text.length) })}
          </Paragraph>
        )}
      </div>
      {isJsonStat && (
        <Textfield
          id="import-url"
          label={t("referenceImport.url")}
          description={t("referenceImport.urlDescription")}
          type="url"
          value={url}
          onChange={(e) => {
            reset();
            setUrl(e.target.value);
          }}
        />
      )}
      <div className="button-row">
        <Button
          variant="secondary"
          disabled={(!file && !useUrl) || pending}
          aria-busy={pending}
          onClick={() =>
            void run(true).then((r) => {
              setDone(null);
              setPreview(r);
            })
          }
        >
          {pending && !confirming ? t("referenceImport.previewing") : t("referenceImport.preview")}
        </Button>
        <Button disabled={!preview || changeCount(preview) === 0 || pending} onClick={() => setConfirming(true)}>
          {t("referenceImport.import")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {error && (
          <Alert data-color="danger" data-testid="import-error">
            {error}
          </Alert>
        )}
        {done && (
          <Alert data-color="success" data-testid="import-done">
            {changeCount(done) === 0 ? t("referenceImport.noChanges") : t("referenceImport.done", { count: done.report.written })}
          </Alert>
        )}
        {!done && preview && changeCount(preview) === 0 && <Alert data-color="info">{t("referenceImport.noChanges")}</Alert>}
      </div>
      {(done ?? preview) && (
        <section aria-labelledby="import-report-heading">
          <Heading level={2} data-size="xs" id="import-report-heading">
            {done ? t("referenceImport.import") : t("referenceImport.preview")}
          </Heading>
          <ReportView result={(done ?? preview) as Report} />
        </section>
      )}
      <ConfirmDialog
        request={
          confirming && preview
            ? {
                title: t("referenceImport.confirmTitle"),
                body: t("referenceImport.confirmBody", { count: changeCount(preview) }),
                confirmLabel: t("referenceImport.import"),
              }
            : null
        }
        pending={pending}
        error={null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run(false).then(showImported)}
      />
    </div>
  );
}
