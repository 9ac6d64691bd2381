import { Button, Checkbox, ErrorSummary, Fieldset, Heading, Radio, Select, Textfield } from "@digdir/designsystemet-react";
import {
  BENEFIT_TYPES,
  BENEFIT_VALUATIONS,
  INDICATORS,
  MEASUREMENT_FREQUENCIES,
  type BenefitInput,
  type BenefitMap,
  type FieldIssue,
} from "@malestokk/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { useLeaveGuard } from "../../components/leave-guard";
import { indicatorLabel } from "../../components/indicator-format";
import { checkBenefitDraft, type BenefitDraft } from "./benefit-draft";
import { issuesByPath } from "./texts";
import { useLanguage } from "../../lib/i18n";

/** The element id of the field an input path names ("targets.1.date" → "benefit-targets-1-date"). */
export const fieldId = (path: string) => `benefit-${path.replace(/\./g, "-")}`;

/**
 * Adds or edits a benefit with every field of the method (docs/indicators.md#benefits). Mistakes are shown on
 * their fields and in a summary that takes focus; the server's refusals come back the same way.
 */
export function BenefitForm(props: {
  initial: BenefitDraft;
  editingTitle: string | null;
  map: BenefitMap;
  people: readonly { id: number; name: string }[];
  pending: boolean;
  serverIssues: readonly FieldIssue[];
  onSubmit: (input: BenefitInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<BenefitDraft>(props.initial);
  const [localIssues, setLocalIssues] = useState<readonly FieldIssue[]>([]);
  // Saving or cancelling closes the form, which ends the guard.
  useLeaveGuard(JSON.stringify(draft) !== JSON.stringify(props.initial));
  const summaryRef = useRef<HTMLDivElement>(null);
  const issues = localIssues.length > 0 ? localIssues : props.serverIssues;
  const errors = issuesByPath(t, issues);
  useEffect(() => {
    if (issues.length > 0) summaryRef.current?.focus();
  }, [issues]);
  const set = <K extends keyof BenefitDraft>(key: K, value: BenefitDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkBenefitDraft(draft, props.map);
    setLocalIssues(checked.issues);
    if (checked.input) props.onSubmit(checked.input);
  };
  const toggle = (key: "preconditionKeys" | "goalKeys", value: string, on: boolean) =>
    set(key, on ? [...draft[key], value] : draft[key].filter((k) => k !== value));
  const text = (
    path: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    extra: { description?: string; inputMode?: "decimal" | "numeric"; type?: "date" } = {},
  ) => (
    <Textfield
      id={fieldId(path)}
      label={label}
      value={value}
      error={errors[path]}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      {...extra}
    />
  );
  return (
    <section className="panel" aria-labelledby="benefit-form-heading" data-testid="benefit-form">
      <Heading level={3} data-size="xs" id="benefit-form-heading">
        {props.editingTitle ? t("benefits.benefitForm.editTitle", { title: props.editingTitle }) : t("benefits.benefitForm.addTitle")}
      </Heading>
      {issues.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} data-testid="benefit-form-errors">
          <ErrorSummary>
            <ErrorSummary.Heading>{t("benefits.benefitForm.errorSummary")}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {Object.entries(errors).map(([path, message]) => (
                <ErrorSummary.Item key={path}>
                  <ErrorSummary.Link href={`#${fieldId(path)}`}>{message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        </div>
      )}
      <form className="stack" onSubmit={submit} noValidate>
        {text("title", t("benefits.benefitForm.title"), draft.title, (v) => set("title", v))}
        <Textfield
          multiline
          rows={2}
          id={fieldId("description")}
          label={t("benefits.benefitForm.description")}
          value={draft.description}
          error={errors.description}
          onChange={(e) => set("description", e.target.value)}
        />
        <div className="field-row">
          {text("ownerName", t("benefits.benefitForm.ownerName"), draft.ownerName, (v) => set("ownerName", v))}
          <SelectField
            id={fieldId("ownerUserId")}
            label={t("benefits.benefitForm.ownerUser")}
            description={t("benefits.benefitForm.ownerUserDescription")}
            error={errors.ownerUserId}
            value={draft.ownerUserId}
            onChange={(e) => {
              const person = props.people.find((p) => String(p.id) === e.target.value);
              setDraft((d) => ({
                ...d,
                ownerUserId: e.target.value,
                ownerName: d.ownerName.trim() === "" && person ? person.name : d.ownerName,
              }));
            }}
          >
            <Select.Option value="">{t("benefits.benefitForm.noUser")}</Select.Option>
            {props.people.map((p) => (
              <Select.Option key={p.id} value={String(p.id)}>
                {p.name}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        <div className="field-row">
          <SelectField
            id={fieldId("type")}
            label={t("benefits.benefitForm.type")}
            value={draft.type}
            onChange={(e) => set("type", e.target.value as BenefitDraft["type"])}
          >
            {BENEFIT_TYPES.map((v) => (
              <Select.Option key={v} value={v}>
                {t(`benefits.types.${v}`)}
              </Select.Option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId("valuation")}
            label={t("benefits.benefitForm.valuation")}
            value={draft.valuation}
            onChange={(e) => set("valuation", e.target.value as BenefitDraft["valuation"])}
          >
            {BENEFIT_VALUATIONS.map((v) => (
              <Select.Option key={v} value={v}>
                {t(`benefits.valuations.${v}`)}
              </Select.Option>
            ))}
          </SelectField>
          {draft.valuation !== "unpriced" &&
            text("annualValueNok", t("benefits.benefitForm.annualValueNok"), draft.annualValueNok, (v) => set("annualValueNok", v), {
              inputMode: "numeric",
            })}
        </div>
        <Checkbox
          id={fieldId("cash")}
          label={t("benefits.benefitForm.cash")}
          checked={draft.cash}
          onChange={(e) => set("cash", e.target.checked)}
        />
        <Checkbox
          id={fieldId("quantitative")}
          label={t("benefits.benefitForm.quantitative")}
          checked={draft.quantitative}
          onChange={(e) => set("quantitative", e.target.checked)}
        />
        <Checkbox
          id={fieldId("disBenefit")}
          label={t("benefits.benefitForm.disBenefit")}
          checked={draft.disBenefit}
          onChange={(e) => set("disBenefit", e.target.checked)}
        />
        <Fieldset>
          <Fieldset.Legend>{t("benefits.benefitForm.indicatorHeading")}</Fieldset.Legend>
          <div className="stack">
            <div className="field-row">
              {text("indicator.name", t("benefits.benefitForm.indicatorName"), draft.indicatorName, (v) => set("indicatorName", v))}
              {text("indicator.unit", t("benefits.benefitForm.unit"), draft.unit, (v) => set("unit", v))}
            </div>
            <Fieldset>
              <Fieldset.Legend>{t("benefits.benefitForm.direction")}</Fieldset.Legend>
              {(["higher", "lower"] as const).map((d) => (
                <Radio
                  key={d}
                  name="benefit-direction"
                  id={`benefit-direction-${d}`}
                  value={d}
                  label={t(`benefits.directions.${d}`)}
                  checked={draft.direction === d}
                  onChange={() => set("direction", d)}
                />
              ))}
            </Fieldset>
            {text("indicator.method", t("benefits.benefitForm.method"), draft.method, (v) => set("method", v))}
            <div className="field-row">
              <SelectField
                id={fieldId("indicator.frequency")}
                label={t("benefits.benefitForm.frequency")}
                value={draft.frequency}
                onChange={(e) => set("frequency", e.target.value as BenefitDraft["frequency"])}
              >
                {MEASUREMENT_FREQUENCIES.map((f) => (
                  <Select.Option key={f} value={f}>
                    {t(`benefits.frequencies.${f}`)}
                  </Select.Option>
                ))}
              </SelectField>
              <SelectField
                id={fieldId("linkedIndicatorCode")}
                label={t("benefits.benefitForm.linked")}
                description={t("benefits.benefitForm.linkedDescription")}
                error={errors.linkedIndicatorCode}
                value={draft.linkedIndicatorCode}
                onChange={(e) => set("linkedIndicatorCode", e.target.value)}
              >
                <Select.Option value="">{t("benefits.benefitForm.notLinked")}</Select.Option>
                {INDICATORS.map((i) => (
                  <Select.Option key={i.code} value={i.code}>
                    {indicatorLabel(i.code, language)}
                  </Select.Option>
                ))}
              </SelectField>
            </div>
          </div>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t("benefits.benefitForm.baselineHeading")}</Fieldset.Legend>
          <Fieldset.Description>{t("benefits.benefitForm.baselineDescription")}</Fieldset.Description>
          <div className="field-row">
            {text("baseline.value", t("benefits.benefitForm.baselineValue"), draft.baselineValue, (v) => set("baselineValue", v), {
              inputMode: "decimal",
            })}
            {text("baseline.date", t("benefits.benefitForm.baselineDate"), draft.baselineDate, (v) => set("baselineDate", v), {
              type: "date",
            })}
          </div>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t("benefits.benefitForm.targetsHeading")}</Fieldset.Legend>
          <div className="stack">
            {draft.targets.map((target, index) => {
              const n = index + 1;
              const update = (patch: Partial<{ value: string; date: string }>) =>
                set(
                  "targets",
                  draft.targets.map((x, i) => (i === index ? { ...x, ...patch } : x)),
                );
              return (
                <div className="field-row" key={index}>
                  {text(`targets.${index}.value`, t("benefits.benefitForm.targetValue", { n }), target.value, (v) => update({ value: v }), {
                    inputMode: "decimal",
                  })}
                  {text(`targets.${index}.date`, t("benefits.benefitForm.targetDate", { n }), target.date, (v) => update({ date: v }), {
                    type: "date",
                  })}
                  {draft.targets.length > 1 && (
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      onClick={() =>
                        set(
                          "targets",
                          draft.targets.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t("benefits.benefitForm.removeTarget", { n })}
                    </Button>
                  )}
                </div>
              );
            })}
            <div>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => set("targets", [...draft.targets, { value: "", date: "" }])}
              >
                {t("benefits.benefitForm.addTarget")}
              </Button>
            </div>
          </div>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t("benefits.benefitForm.mapHeading")}</Fieldset.Legend>
          {props.map.preconditions.length === 0 && props.map.goals.length === 0 ? (
            <Fieldset.Description>{t("benefits.benefitForm.noMap")}</Fieldset.Description>
          ) : (
            <div className="field-row">
              {props.map.preconditions.length > 0 && (
                <Fieldset>
                  <Fieldset.Legend>{t("benefits.benefitForm.preconditions")}</Fieldset.Legend>
                  {props.map.preconditions.map((p) => (
                    <Checkbox
                      key={p.key}
                      id={`benefit-precondition-${p.key}`}
                      label={p.label}
                      checked={draft.preconditionKeys.includes(p.key)}
                      onChange={(e) => toggle("preconditionKeys", p.key, e.target.checked)}
                    />
                  ))}
                </Fieldset>
              )}
              {props.map.goals.length > 0 && (
                <Fieldset>
                  <Fieldset.Legend>{t("benefits.benefitForm.goals")}</Fieldset.Legend>
                  {props.map.goals.map((g) => (
                    <Checkbox
                      key={g.key}
                      id={`benefit-goal-${g.key}`}
                      label={g.label}
                      checked={draft.goalKeys.includes(g.key)}
                      onChange={(e) => toggle("goalKeys", g.key, e.target.checked)}
                    />
                  ))}
                </Fieldset>
              )}
            </div>
          )}
        </Fieldset>
        <div className="button-row">
          <Button type="submit" disabled={props.pending} aria-busy={props.pending}>
            {props.pending ? t("benefits.benefitForm.saving") : t("benefits.benefitForm.save")}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            {t("benefits.benefitForm.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
