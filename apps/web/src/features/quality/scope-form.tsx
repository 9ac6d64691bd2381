import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import {
  digitalizationRates,
  digitalMailShare,
  SCOPE_SECTORS,
  STAIRCASE_STEP_NAMES,
  STAIRCASE_STEPS,
  SVARUT_REFERENCE,
  type ServiceState,
  type StaircaseStep,
} from "@malestokk/domain";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { Loading } from "../../components/query-state";
import { formatPercent, formatScore, formatTypedNumber } from "../../lib/format";
import { useMailTrend } from "./api";
import { QualitySaveButton, type QualityEditorProps } from "./quality-report";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const StaircaseChart = lazy(() => import("./staircase-chart"));
const MailTrend = lazy(() => import("./mail-trend"));

/** "" not assessed, "no" not offered by us, "1"…"5" a step. */
type Answer = "" | "no" | `${StaircaseStep}`;

interface MailRow {
  readonly shipmentType: string;
  readonly digital: string;
  readonly paper: string;
}

const percent = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });

function count(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, "");
  if (compact === "") return 0;
  return /^\d{1,9}$/.test(compact) ? Number(compact) : null;
}

/** The service basket by sector with each service's step, and the year's SvarUt counts. */
export function ScopeForm(props: QualityEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { view } = props;
  const stored = view.content.instrument === "scope" ? view.content.content : { services: [], mail: [] };
  const [answers, setAnswers] = useState<Record<string, { answer: Answer; evidence: string }>>(() =>
    Object.fromEntries(
      view.basket.map((s) => {
        const a = stored.services.find((x) => x.code === s.code);
        const answer: Answer = !a ? "" : a.notOffered ? "no" : a.step === null ? "" : (String(a.step) as Answer);
        return [s.code, { answer, evidence: a?.evidence ?? "" }];
      }),
    ),
  );
  // Either one total, or counts per shipment type (byggesak, skoleskyss, …) that add up to it.
  const [mailRows, setMailRows] = useState<MailRow[]>(() =>
    stored.mail.length === 0
      ? [{ shipmentType: "", digital: "", paper: "" }]
      : stored.mail.map((m) => ({ shipmentType: m.shipmentType, digital: String(m.digital), paper: String(m.paper) })),
  );
  const byType = mailRows.some((m) => m.shipmentType !== "") || mailRows.length > 1;
  const [mailError, setMailError] = useState<string | null>(null);
  const states: ServiceState[] = view.basket.map((s) => {
    const a = answers[s.code]?.answer ?? "";
    return a === "" ? null : a === "no" ? { notOffered: true } : { step: Number(a) as StaircaseStep };
  });
  const rates = digitalizationRates(states);
  const counts = mailRows.map((m) => ({ shipmentType: m.shipmentType.trim(), digital: count(m.digital), paper: count(m.paper) }));
  const readable = counts.every((c) => c.digital !== null && c.paper !== null);
  const digital = counts.reduce((sum, c) => sum + (c.digital ?? 0), 0);
  const paper = counts.reduce((sum, c) => sum + (c.paper ?? 0), 0);
  const s3 = readable ? digitalMailShare(digital, paper) : null;
  const setMailRow = (index: number, patch: Partial<MailRow>) => {
    setMailRows(mailRows.map((m, i) => (i === index ? { ...m, ...patch } : m)));
    props.onDirty();
  };
  const set = (code: string, patch: Partial<{ answer: Answer; evidence: string }>) => {
    setAnswers({ ...answers, [code]: { answer: answers[code]?.answer ?? "", evidence: answers[code]?.evidence ?? "", ...patch } });
    props.onDirty();
  };
  const save = () => {
    if (!readable) return setMailError(t("quality.scope.notACount"));
    if (byType && counts.some((c) => c.shipmentType === "" && (c.digital ?? 0) + (c.paper ?? 0) > 0))
      return setMailError(t("quality.scope.typeRequired"));
    setMailError(null);
    props.onSave({
      instrument: "scope",
      content: {
        services: view.basket
          .filter((s) => (answers[s.code]?.answer ?? "") !== "" || (answers[s.code]?.evidence ?? "").trim() !== "")
          .map((s) => {
            const a = answers[s.code] ?? { answer: "", evidence: "" };
            return {
              code: s.code,
              step: a.answer === "" || a.answer === "no" ? null : (Number(a.answer) as StaircaseStep),
              notOffered: a.answer === "no",
              evidence: a.evidence.trim() || null,
            };
          }),
        mail: counts
          .filter((c) => (c.digital ?? 0) + (c.paper ?? 0) > 0)
          .map((c) => ({ shipmentType: c.shipmentType, digital: c.digital ?? 0, paper: c.paper ?? 0 })),
      },
    });
  };
  const perSector = SCOPE_SECTORS.map((sector) => ({
    sector,
    counts: STAIRCASE_STEPS.map(
      (step) => view.basket.filter((s) => s.sector === sector && answers[s.code]?.answer === String(step)).length,
    ),
  }));
  return (
    <div className="stack">
      <Paragraph>{t("quality.scope.intro")}</Paragraph>
      <Paragraph data-testid="scope-rates" aria-live="polite">
        {rates.s1 === null
          ? t("quality.scope.ratesNone")
          : t("quality.scope.rates", {
              s1: percent.format(rates.s1),
              s2: formatScore(rates.s2 ?? 0),
              assessed: rates.assessed,
              notOffered: rates.notOffered,
            })}
      </Paragraph>
      {SCOPE_SECTORS.map((sector) => (
        <section key={sector} aria-labelledby={`sector-${sector}`} className="stack">
          <Heading level={2} data-size="xs" id={`sector-${sector}`}>
            {t(`quality.scope.sectors.${sector}`)}
          </Heading>
          <DataTable
            caption={t(`quality.scope.sectors.${sector}`)}
            captionHidden
            size="sm"
            rows={view.basket.filter((s) => s.sector === sector)}
            rowKey={(s) => s.code}
            columns={[
              { key: "service", header: t("quality.scope.service"), render: (s) => localized(s.name, lang) },
              {
                key: "step",
                header: t("quality.scope.step"),
                render: (s) => (
                  <select
                    id={`q-service-${s.code}`}
                    className="ds-input"
                    aria-label={`${t("quality.scope.step")}: ${localized(s.name, lang)}`}
                    disabled={!props.editable}
                    value={answers[s.code]?.answer ?? ""}
                    onChange={(e) => set(s.code, { answer: e.target.value as Answer })}
                  >
                    <option value="">{t("quality.scope.unanswered")}</option>
                    {STAIRCASE_STEPS.map((step) => (
                      <option key={step} value={String(step)}>{`${step} – ${localized(STAIRCASE_STEP_NAMES[step], lang)}`}</option>
                    ))}
                    <option value="no">{t("quality.scope.notOffered")}</option>
                  </select>
                ),
              },
              {
                key: "evidence",
                header: t("quality.scope.evidence"),
                render: (s) => (
                  <input
                    className="ds-input"
                    aria-label={`${t("quality.scope.evidence")}: ${localized(s.name, lang)}`}
                    readOnly={!props.editable}
                    maxLength={1000}
                    value={answers[s.code]?.evidence ?? ""}
                    onChange={(e) => set(s.code, { evidence: e.target.value })}
                  />
                ),
              },
            ]}
          />
        </section>
      ))}
      <Suspense fallback={<Loading />}>
        <StaircaseChart perSector={perSector} />
      </Suspense>
      <section aria-labelledby="mail-heading" className="stack narrow-wide">
        <Heading level={2} data-size="sm" id="mail-heading">
          {t("quality.scope.mailTitle")}
        </Heading>
        <Paragraph data-size="sm">{t("quality.scope.mailIntro")}</Paragraph>
        {mailError && (
          <p className="field-error" role="alert">
            {mailError}
          </p>
        )}
        {mailRows.map((m, index) => (
          <fieldset key={index} className="override-field">
            <legend className="ds-label">
              {byType ? t("quality.scope.shipmentN", { n: index + 1 }) : t("quality.scope.allShipments")}
            </legend>
            {byType && (
              <Textfield
                id={`q-mail-${index}-type`}
                label={t("quality.scope.shipmentType")}
                description={t("quality.scope.shipmentTypeExamples")}
                readOnly={!props.editable}
                value={m.shipmentType}
                onChange={(e) => setMailRow(index, { shipmentType: e.target.value })}
              />
            )}
            <Textfield
              id={`q-mail-${index}-digital`}
              label={t("quality.scope.digital")}
              inputMode="numeric"
              readOnly={!props.editable}
              value={props.editable ? m.digital : formatTypedNumber(m.digital)}
              onChange={(e) => setMailRow(index, { digital: e.target.value })}
            />
            <Textfield
              id={`q-mail-${index}-paper`}
              label={t("quality.scope.paper")}
              inputMode="numeric"
              readOnly={!props.editable}
              value={props.editable ? m.paper : formatTypedNumber(m.paper)}
              onChange={(e) => setMailRow(index, { paper: e.target.value })}
            />
          </fieldset>
        ))}
        {props.editable && (
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => (setMailRows([...mailRows, { shipmentType: "", digital: "", paper: "" }]), props.onDirty())}
            >
              {t("quality.scope.addShipmentType")}
            </Button>
          </div>
        )}
        <Paragraph data-testid="mail-share" aria-live="polite">
          {s3 === null
            ? t("quality.scope.mailNone")
            : t("quality.scope.mailShare", { share: percent.format(s3), reference: SVARUT_REFERENCE.percent, year: SVARUT_REFERENCE.year })}
        </Paragraph>
        <NationalMailShare municipalityNumber={props.municipalityNumber} year={view.year} />
      </section>
      <Suspense fallback={<Loading />}>
        <MailTrend municipalityNumber={props.municipalityNumber} />
      </Suspense>
      <QualitySaveButton editor={props} onClick={save} />
    </div>
  );
}

/**
 * The year's national S3 (ratio of sums over approved figures, as every benchmark page computes it)
 * beside the 2014 figure from the programme's proposal (issue 20); the trend below reads the same series.
 */
function NationalMailShare({ municipalityNumber, year }: { municipalityNumber: string; year: number }) {
  const { t } = useTranslation();
  const series = useMailTrend(municipalityNumber);
  if (!series.isSuccess) return null;
  const national = series.data.points.find((p) => p.year === year)?.national ?? { n: 0, ratioOfSums: null };
  const reference = { reference: formatPercent(SVARUT_REFERENCE.percent), referenceYear: SVARUT_REFERENCE.year, year };
  return (
    <Paragraph data-testid="mail-national">
      {national.ratioOfSums === null
        ? t("quality.scope.mailNationalNone", reference)
        : t("quality.scope.mailNational", { ...reference, share: formatPercent(Math.round(national.ratioOfSums)), count: national.n })}
    </Paragraph>
  );
}
