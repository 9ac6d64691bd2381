import { Button, Checkbox, ErrorSummary, Fieldset, Heading, Select, Textfield } from "@digdir/designsystemet-react";
import type { BenefitInput, BenefitMap, FieldIssue } from "@malestokk/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { useLeaveGuard } from "../../components/leave-guard";
import { checkBenefitDraft, type BenefitDraft } from "./benefit-draft";
import { BenefitIndicatorFields, BenefitKindFields } from "./benefit-fields";
import { issuesByPath } from "./texts";

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
  const change = (patch: Partial<BenefitDraft>) => setDraft((d) => ({ ...d, ...patch }));
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
        <BenefitKindFields texts="benefits.benefitForm" id={fieldId} values={draft} errors={errors} onChange={change}>
          {draft.valuation !== "unpriced" &&
            text("annualValueNok", t("benefits.benefitForm.annualValueNok"), draft.annualValueNok, (v) => set("annualValueNok", v), {
              inputMode: "numeric",
            })}
        </BenefitKindFields>
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
        <BenefitIndicatorFields texts="benefits.benefitForm" id={fieldId} values={draft} errors={errors} onChange={change} />
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
