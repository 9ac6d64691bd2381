import { Alert, Button, Heading, Paragraph, Tag, Textfield } from "@digdir/designsystemet-react";
import { decodeText, isUncertain, MIN_RESPONDENTS, parseCsv } from "@malestokk/domain";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { formatTypedNumber } from "../../lib/format";
import { QualitySaveButton, type QualityEditorProps } from "./quality-report";

interface CitizenRow {
  readonly key: number;
  readonly surveyType: string;
  readonly mean: string;
  readonly respondents: string;
}

let rowKey = 0;
const nextKey = () => (rowKey += 1);

function readNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  return /^\d+(\.\d{1,2})?$/.test(compact) ? Number(compact) : null;
}

const fmt = (n: number) => String(n).replace(".", ",");

/** Staff survey (on its own scale) and citizen surveys (bedrekommune.no, 1–6), typed or read from CSV. */
export function SatisfactionForm(props: QualityEditorProps) {
  const { t } = useTranslation();
  const stored = props.view.content.instrument === "satisfaction" ? props.view.content.content : { staff: null, citizen: [] };
  const [staff, setStaff] = useState({
    mean: stored.staff ? fmt(stored.staff.mean) : "",
    respondents: stored.staff ? String(stored.staff.respondents) : "",
    scaleMin: String(stored.staff?.scaleMin ?? 1),
    scaleMax: String(stored.staff?.scaleMax ?? 6),
  });
  const [citizen, setCitizen] = useState<CitizenRow[]>(
    stored.citizen.map((c) => ({ key: nextKey(), surveyType: c.surveyType, mean: fmt(c.mean), respondents: String(c.respondents) })),
  );
  const [localErrors, setLocalErrors] = useState<Map<string, string>>(new Map());
  const [importNote, setImportNote] = useState<{ kind: "success" | "danger"; text: string } | null>(null);
  const change = () => props.onDirty();
  const errors = new Map([...props.errors, ...localErrors]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok)
      return setImportNote({
        kind: "danger",
        text: t("quality.satisfaction.csvMixedEncoding", { line: decoded.mixed.line, sample: decoded.mixed.sample }),
      });
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) return setImportNote({ kind: "danger", text: t("quality.satisfaction.csvUnreadable") });
    const [header = [], ...rows] = parsed.rows.filter((r) => r.some((c) => c.trim() !== ""));
    const col = (names: string[]) => header.findIndex((h) => names.includes(h.trim().toLocaleLowerCase("nb")));
    const type = col(["undersøkelse", "undersøking", "survey", "type"]);
    const mean = col(["gjennomsnitt", "snitt", "mean", "score"]);
    const count = col(["antall svar", "tal på svar", "svar", "respondents", "n"]);
    if (type < 0 || mean < 0 || count < 0) return setImportNote({ kind: "danger", text: t("quality.satisfaction.csvColumns") });
    setCitizen(
      rows.map((r) => ({
        key: nextKey(),
        surveyType: r[type]?.trim() ?? "",
        mean: r[mean]?.trim() ?? "",
        respondents: r[count]?.trim() ?? "",
      })),
    );
    setImportNote({ kind: "success", text: t("quality.satisfaction.csvRead", { count: rows.length }) });
    change();
  };

  const save = () => {
    const found = new Map<string, string>();
    const staffFilled = staff.mean.trim() !== "" || staff.respondents.trim() !== "";
    const staffMean = readNumber(staff.mean);
    const staffN = Number(staff.respondents);
    if (staffFilled && staffMean === null) found.set("q-staff-mean", t("quality.satisfaction.notANumber"));
    if (staffFilled && !(Number.isInteger(staffN) && staffN > 0)) found.set("q-staff-respondents", t("quality.errors.NO_RESPONDENTS"));
    const rows = citizen.map((c, index) => {
      const m = readNumber(c.mean);
      const n = Number(c.respondents);
      if (c.surveyType.trim() === "") found.set(`q-citizen-${index}-surveyType`, t("quality.satisfaction.typeRequired"));
      if (m === null) found.set(`q-citizen-${index}-mean`, t("quality.satisfaction.notANumber"));
      if (!(Number.isInteger(n) && n > 0)) found.set(`q-citizen-${index}-respondents`, t("quality.errors.NO_RESPONDENTS"));
      return { surveyType: c.surveyType.trim(), mean: m ?? 0, respondents: n };
    });
    setLocalErrors(found);
    if (found.size > 0) return;
    props.onSave({
      instrument: "satisfaction",
      content: {
        staff: staffFilled
          ? { mean: staffMean ?? 0, respondents: staffN, scaleMin: Number(staff.scaleMin), scaleMax: Number(staff.scaleMax) }
          : null,
        citizen: rows,
      },
    });
  };

  /** A citizen survey's field, labelled with its row ("Antall svar, 2") as the header is not read with it. */
  const citizenInput = (
    index: number,
    field: "surveyType" | "mean" | "respondents",
    label: string,
    value: string,
    inputMode?: "decimal" | "numeric",
  ) => {
    const id = `q-citizen-${index}-${field}`;
    const error = errors.get(id);
    const set = (patch: Partial<CitizenRow>) => {
      setCitizen(citizen.map((x, i) => (i === index ? { ...x, ...patch } : x)));
      change();
    };
    return (
      <>
        <input
          id={id}
          className="ds-input"
          aria-label={`${label}, ${index + 1}`}
          aria-invalid={error ? true : undefined}
          inputMode={inputMode}
          readOnly={!props.editable}
          value={value}
          onChange={(e) => set({ [field]: e.target.value })}
        />
        {error && <p className="field-error">{error}</p>}
      </>
    );
  };

  const staffN = Number(staff.respondents);
  const otherScale = staff.scaleMin !== "1" || staff.scaleMax !== "6";
  return (
    <div className="stack">
      <section aria-labelledby="staff-heading" className="stack narrow-wide">
        <Heading level={2} data-size="sm" id="staff-heading">
          {t("quality.satisfaction.staffTitle")}
        </Heading>
        <Paragraph data-size="sm">{t("quality.satisfaction.staffIntro")}</Paragraph>
        <div className="field-row">
          <Textfield
            id="q-staff-scaleMin"
            label={t("quality.satisfaction.scaleMin")}
            inputMode="numeric"
            readOnly={!props.editable}
            value={staff.scaleMin}
            onChange={(e) => (setStaff({ ...staff, scaleMin: e.target.value }), change())}
            error={errors.get("q-staff-scale")}
          />
          <Textfield
            id="q-staff-scaleMax"
            label={t("quality.satisfaction.scaleMax")}
            inputMode="numeric"
            readOnly={!props.editable}
            value={staff.scaleMax}
            onChange={(e) => (setStaff({ ...staff, scaleMax: e.target.value }), change())}
          />
        </div>
        <Textfield
          id="q-staff-mean"
          label={t("quality.satisfaction.mean")}
          inputMode="decimal"
          readOnly={!props.editable}
          value={staff.mean}
          onChange={(e) => (setStaff({ ...staff, mean: e.target.value }), change())}
          error={errors.get("q-staff-mean")}
        />
        <Textfield
          id="q-staff-respondents"
          label={t("quality.satisfaction.respondents")}
          inputMode="numeric"
          readOnly={!props.editable}
          value={props.editable ? staff.respondents : formatTypedNumber(staff.respondents)}
          onChange={(e) => (setStaff({ ...staff, respondents: e.target.value }), change())}
          error={errors.get("q-staff-respondents")}
        />
        {staff.respondents !== "" && Number.isInteger(staffN) && staffN > 0 && isUncertain(staffN) && (
          <Alert data-color="warning" data-testid="staff-uncertain">
            {t("quality.satisfaction.uncertain", { min: MIN_RESPONDENTS })}
          </Alert>
        )}
        {otherScale && <Alert data-color="info">{t("quality.satisfaction.otherScale")}</Alert>}
      </section>

      <section aria-labelledby="citizen-heading" className="stack">
        <Heading level={2} data-size="sm" id="citizen-heading">
          {t("quality.satisfaction.citizenTitle")}
        </Heading>
        <Paragraph data-size="sm">{t("quality.satisfaction.citizenIntro")}</Paragraph>
        {props.editable && (
          <div className="file-field">
            <label htmlFor="satisfaction-file" className="ds-label">
              {t("quality.satisfaction.csv")}
            </label>
            <input id="satisfaction-file" type="file" accept=".csv,.txt,text/csv" onChange={(e) => void onFile(e)} />
            {importNote && (
              <Alert data-color={importNote.kind} data-testid="satisfaction-import">
                {importNote.text}
              </Alert>
            )}
          </div>
        )}
        {citizen.length > 0 && (
          <DataTable
            caption={t("quality.satisfaction.citizenCaption")}
            size="sm"
            testId="citizen-rows"
            rows={citizen}
            rowKey={(c) => c.key}
            rowHeader={false}
            columns={[
              {
                key: "surveyType",
                header: t("quality.satisfaction.surveyType"),
                render: (c, index) => citizenInput(index, "surveyType", t("quality.satisfaction.surveyType"), c.surveyType),
              },
              {
                key: "mean",
                header: t("quality.satisfaction.mean16"),
                render: (c, index) => citizenInput(index, "mean", t("quality.satisfaction.mean16"), c.mean, "decimal"),
              },
              {
                key: "respondents",
                header: t("quality.satisfaction.respondents"),
                render: (c, index) => {
                  const n = Number(c.respondents);
                  return (
                    <>
                      {citizenInput(index, "respondents", t("quality.satisfaction.respondents"), c.respondents, "numeric")}
                      {Number.isInteger(n) && n > 0 && isUncertain(n) && (
                        <Tag data-size="sm" data-color="warning">
                          {t("quality.satisfaction.uncertainShort")}
                        </Tag>
                      )}
                    </>
                  );
                },
              },
              {
                key: "remove",
                header: t("quality.satisfaction.remove"),
                hideHeader: true,
                render: (_c, index) =>
                  props.editable && (
                    <Button variant="tertiary" data-size="sm" onClick={() => (setCitizen(citizen.filter((_, i) => i !== index)), change())}>
                      {t("quality.satisfaction.removeRow", { row: index + 1 })}
                    </Button>
                  ),
              },
            ]}
          />
        )}
        {props.editable && (
          <div>
            <Button
              variant="secondary"
              onClick={() => (setCitizen([...citizen, { key: nextKey(), surveyType: "", mean: "", respondents: "" }]), change())}
            >
              {t("quality.satisfaction.addRow")}
            </Button>
          </div>
        )}
      </section>
      <QualitySaveButton editor={props} onClick={save} />
    </div>
  );
}
