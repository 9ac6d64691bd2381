import { Button, Fieldset, Heading, Textfield } from "@digdir/designsystemet-react";
import { checkTemplate, TemplateBenefitSchema, VALUE_METHODS, type FieldIssue, type TemplateBenefit } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { readAppError } from "../../lib/errors";
import { parseDecimal } from "./benefit-draft";
import { BenefitIndicatorFields, BenefitKindFields, EnumSelect, type BenefitFieldValues } from "./benefit-fields";
import { issuesByPath } from "./texts";

/** One template benefit as typed: numbers as text until checked. */
type Draft = BenefitFieldValues & {
  key: string;
  title: string;
  description: string;
  valueMethod: TemplateBenefit["valueMethod"];
  annualValueNok: string;
  targets: { afterYears: string; value: string }[];
  unitValues: { fromYear: string; valueNok: string; date: string; source: string }[];
};

const text = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

function draftOf(b: TemplateBenefit | null, index: number): Draft {
  return {
    key: b?.key ?? `gevinst-${index + 1}`,
    title: b?.title ?? "",
    description: b?.description ?? "",
    type: b?.type ?? "efficiency",
    valuation: b?.valuation ?? "budgetOwn",
    cash: b?.cash ?? true,
    valueMethod: b?.valueMethod ?? "volume",
    indicatorName: b?.indicator.name ?? "",
    unit: b?.indicator.unit ?? "",
    direction: b?.indicator.direction ?? "higher",
    method: b?.indicator.method ?? "",
    frequency: b?.indicator.frequency ?? "yearly",
    linkedIndicatorCode: b?.linkedIndicatorCode ?? "",
    annualValueNok: text(b?.annualValueNok ?? null),
    targets: (b?.suggestedTargets ?? [{ afterYears: 1, value: 0 }]).map((t) => ({
      afterYears: String(t.afterYears),
      value: text(t.value),
    })),
    unitValues: (b?.unitValues ?? []).map((u) => ({
      fromYear: String(u.fromYear),
      valueNok: text(u.valueNok),
      date: u.date,
      source: u.source,
    })),
  };
}

function candidateOf(d: Draft) {
  return {
    key: d.key,
    title: d.title,
    description: d.description.trim() === "" ? null : d.description,
    type: d.type,
    valuation: d.valuation,
    cash: d.cash,
    valueMethod: d.valueMethod,
    indicator: {
      name: d.indicatorName,
      unit: d.unit,
      direction: d.direction,
      method: d.method.trim() === "" ? null : d.method,
      frequency: d.frequency,
    },
    linkedIndicatorCode: d.linkedIndicatorCode === "" ? null : d.linkedIndicatorCode,
    annualValueNok: d.valueMethod === "share" && d.annualValueNok.trim() !== "" ? parseDecimal(d.annualValueNok) : null,
    suggestedTargets: d.targets.map((t) => ({ afterYears: Number(t.afterYears), value: parseDecimal(t.value) })),
    unitValues:
      d.valueMethod === "volume"
        ? d.unitValues.map((u) => ({ fromYear: Number(u.fromYear), valueNok: parseDecimal(u.valueNok), date: u.date, source: u.source }))
        : [],
  };
}

/**
 * One benefit of a joint project's template (issue 26): type, how it is valued (volume × unit value, or a share
 * of an annual value), its indicator or unit, the targets suggested in years after adoption, and the unit
 * values by year with their date and source. Checked with the schema and rules the server uses.
 */
export function TemplateBenefitForm(props: {
  initial: TemplateBenefit | null;
  index: number;
  others: readonly TemplateBenefit[];
  pending: boolean;
  error: unknown;
  onSubmit: (benefit: TemplateBenefit) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setDraft] = useState<Draft>(() => draftOf(props.initial, props.index));
  const [local, setLocal] = useState<FieldIssue[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((x) => ({ ...x, [key]: value }));
  const change = (patch: Partial<Draft>) => setDraft((x) => ({ ...x, ...patch }));
  const server = (readAppError(props.error)?.issues ?? [])
    .filter((i) => i.path[0] === "benefits" && i.path[1] === props.index)
    .map((i) => ({ ...i, path: i.path.slice(2) }));
  const errors = issuesByPath(t, [...local, ...server]);
  const id = (path: string) => `template-${path.replaceAll(".", "-")}`;
  const field = (
    path: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    extra: { type?: "date"; inputMode?: "numeric" | "decimal" } = {},
  ) => (
    <Textfield
      id={id(path)}
      label={label}
      value={value}
      error={errors[path]}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      {...extra}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = TemplateBenefitSchema.safeParse(candidateOf(d));
    if (!parsed.success) {
      setLocal(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], code: "REQUIRED", params: {} })));
      return;
    }
    const rules = checkTemplate({ benefits: [...props.others, parsed.data] }).filter((i) => i.path[1] === props.others.length);
    if (rules.length > 0) {
      setLocal(rules.map((i) => ({ ...i, path: i.path.slice(2) })));
      return;
    }
    setLocal([]);
    props.onSubmit(parsed.data);
  };
  const row = <T,>(list: T[], index: number, patch: Partial<T>) => list.map((x, i) => (i === index ? { ...x, ...patch } : x));
  return (
    <section className="panel" aria-labelledby="template-form-heading" data-testid="template-form">
      <Heading level={3} data-size="xs" id="template-form-heading">
        {props.initial ? t("benefits.solutions.form.editTitle") : t("benefits.solutions.form.addTitle")}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field-row">
          {field("title", t("benefits.solutions.form.title"), d.title, (v) => set("title", v))}
          {field("key", t("benefits.solutions.form.key"), d.key, (v) => set("key", v))}
        </div>
        <Textfield
          multiline
          rows={2}
          id={id("description")}
          label={t("benefits.solutions.form.description")}
          value={d.description}
          onChange={(e) => set("description", e.target.value)}
        />
        <BenefitKindFields texts="benefits.solutions.form" id={id} values={d} errors={errors} onChange={change}>
          <EnumSelect
            id={id("valueMethod")}
            label={t("benefits.solutions.form.valueMethod")}
            description={t("benefits.solutions.form.valueMethodDescription")}
            values={VALUE_METHODS}
            value={d.valueMethod}
            text={(x) => t(`benefits.solutions.methods.${x}`)}
            onChange={(v) => set("valueMethod", v)}
          />
        </BenefitKindFields>
        <BenefitIndicatorFields texts="benefits.solutions.form" id={id} values={d} errors={errors} onChange={change} />
        {d.valueMethod === "share" &&
          field("annualValueNok", t("benefits.solutions.form.annualValueNok"), d.annualValueNok, (v) => set("annualValueNok", v), {
            inputMode: "numeric",
          })}
        <Fieldset>
          <Fieldset.Legend>{t("benefits.solutions.form.targetsHeading")}</Fieldset.Legend>
          <Fieldset.Description>{t("benefits.solutions.form.targetsDescription")}</Fieldset.Description>
          {d.targets.map((target, i) => (
            <div className="field-row" key={i}>
              {field(
                `suggestedTargets.${i}.afterYears`,
                t("benefits.solutions.form.afterYears", { n: i + 1 }),
                target.afterYears,
                (v) => set("targets", row(d.targets, i, { afterYears: v })),
                { inputMode: "numeric" },
              )}
              {field(
                `suggestedTargets.${i}.value`,
                t("benefits.solutions.form.targetValue", { n: i + 1 }),
                target.value,
                (v) => set("targets", row(d.targets, i, { value: v })),
                { inputMode: "decimal" },
              )}
              {d.targets.length > 1 && (
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() =>
                    set(
                      "targets",
                      d.targets.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t("benefits.solutions.form.removeTarget", { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => set("targets", [...d.targets, { afterYears: "", value: "" }])}
            >
              {t("benefits.solutions.form.addTarget")}
            </Button>
          </div>
        </Fieldset>
        {d.valueMethod === "volume" && (
          <Fieldset>
            <Fieldset.Legend>{t("benefits.solutions.form.unitValuesHeading")}</Fieldset.Legend>
            <Fieldset.Description>{t("benefits.solutions.form.unitValuesDescription")}</Fieldset.Description>
            {errors.unitValues && (
              <p className="field-error" role="alert">
                {errors.unitValues}
              </p>
            )}
            {d.unitValues.map((u, i) => (
              <div className="field-row" key={i}>
                {field(
                  `unitValues.${i}.fromYear`,
                  t("benefits.solutions.form.fromYear", { n: i + 1 }),
                  u.fromYear,
                  (v) => set("unitValues", row(d.unitValues, i, { fromYear: v })),
                  { inputMode: "numeric" },
                )}
                {field(
                  `unitValues.${i}.valueNok`,
                  t("benefits.solutions.form.unitValueNok", { n: i + 1 }),
                  u.valueNok,
                  (v) => set("unitValues", row(d.unitValues, i, { valueNok: v })),
                  { inputMode: "decimal" },
                )}
                {field(
                  `unitValues.${i}.date`,
                  t("benefits.solutions.form.unitValueDate", { n: i + 1 }),
                  u.date,
                  (v) => set("unitValues", row(d.unitValues, i, { date: v })),
                  { type: "date" },
                )}
                {field(`unitValues.${i}.source`, t("benefits.solutions.form.unitValueSource", { n: i + 1 }), u.source, (v) =>
                  set("unitValues", row(d.unitValues, i, { source: v })),
                )}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() =>
                    set(
                      "unitValues",
                      d.unitValues.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t("benefits.solutions.form.removeUnitValue", { n: i + 1 })}
                </Button>
              </div>
            ))}
            <div>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => set("unitValues", [...d.unitValues, { fromYear: "", valueNok: "", date: "", source: "" }])}
              >
                {t("benefits.solutions.form.addUnitValue")}
              </Button>
            </div>
          </Fieldset>
        )}
        <div className="button-row">
          <Button type="submit" disabled={props.pending} aria-busy={props.pending}>
            {t("benefits.solutions.form.save")}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            {t("benefits.solutions.form.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
