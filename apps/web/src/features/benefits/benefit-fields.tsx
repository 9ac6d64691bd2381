import { Checkbox, Fieldset, Radio, Select, Textfield } from "@digdir/designsystemet-react";
import { BENEFIT_TYPES, BENEFIT_VALUATIONS, INDICATORS, MEASUREMENT_FREQUENCIES } from "@malestokk/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { indicatorLabel } from "../../components/indicator-format";
import { SelectField } from "../../components/select-field";
import { useLanguage } from "../../lib/i18n";
import type { BenefitDraft } from "./benefit-draft";

/** What a benefit of a plan and a benefit of a joint project's template both have, as typed. */
export type BenefitFieldValues = Pick<
  BenefitDraft,
  "type" | "valuation" | "cash" | "indicatorName" | "unit" | "direction" | "method" | "frequency" | "linkedIndicatorCode"
>;

/** A select over a closed list, each value named by `text`. */
export function EnumSelect<T extends string>(props: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  values: readonly T[];
  value: T;
  text: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <SelectField
      id={props.id}
      label={props.label}
      description={props.description}
      error={props.error}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
    >
      {props.values.map((x) => (
        <Select.Option key={x} value={x}>
          {props.text(x)}
        </Select.Option>
      ))}
    </SelectField>
  );
}

interface FieldProps {
  /** The form's texts: a plan's benefit and a template's benefit word some labels differ. */
  texts: "benefits.benefitForm" | "benefits.solutions.form";
  /** The element id of the field an input path names ("indicator.unit"). */
  id: (path: string) => string;
  values: BenefitFieldValues;
  errors: Readonly<Record<string, string | undefined>>;
  onChange: (patch: Partial<BenefitFieldValues>) => void;
}

/**
 * The type and valuation of a benefit, with what the form adds to their row (`children`: a plan's annual value,
 * a template's value method), and whether it is cash (docs/indicators.md#benefits).
 */
export function BenefitKindFields(props: FieldProps & { children?: ReactNode }) {
  const { t } = useTranslation();
  const { values, errors, onChange } = props;
  return (
    <>
      <div className="field-row">
        <EnumSelect
          id={props.id("type")}
          label={t(`${props.texts}.type`)}
          error={errors.type}
          values={BENEFIT_TYPES}
          value={values.type}
          text={(v) => t(`benefits.types.${v}`)}
          onChange={(type) => onChange({ type })}
        />
        <EnumSelect
          id={props.id("valuation")}
          label={t(`${props.texts}.valuation`)}
          error={errors.valuation}
          values={BENEFIT_VALUATIONS}
          value={values.valuation}
          text={(v) => t(`benefits.valuations.${v}`)}
          onChange={(valuation) => onChange({ valuation })}
        />
        {props.children}
      </div>
      <Checkbox
        id={props.id("cash")}
        label={t(`${props.texts}.cash`)}
        checked={values.cash}
        onChange={(e) => onChange({ cash: e.target.checked })}
      />
    </>
  );
}

/**
 * What is measured: the indicator or volume and its unit, which way is better, the method and how often, and
 * whether the measurements are the municipality's approved figures of an indicator in Målestokk.
 */
export function BenefitIndicatorFields(props: FieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { values, errors, onChange } = props;
  const text = (path: string, key: string, value: string, onText: (v: string) => void) => (
    <Textfield
      id={props.id(path)}
      label={t(`${props.texts}.${key}`)}
      value={value}
      error={errors[path]}
      autoComplete="off"
      onChange={(e) => onText(e.target.value)}
    />
  );
  return (
    <Fieldset>
      <Fieldset.Legend>{t(`${props.texts}.indicatorHeading`)}</Fieldset.Legend>
      <div className="stack">
        <div className="field-row">
          {text("indicator.name", "indicatorName", values.indicatorName, (v) => onChange({ indicatorName: v }))}
          {text("indicator.unit", "unit", values.unit, (v) => onChange({ unit: v }))}
        </div>
        <Fieldset>
          <Fieldset.Legend>{t(`${props.texts}.direction`)}</Fieldset.Legend>
          {(["higher", "lower"] as const).map((d) => (
            <Radio
              key={d}
              name={props.id("indicator.direction")}
              id={`${props.id("indicator.direction")}-${d}`}
              value={d}
              label={t(`benefits.directions.${d}`)}
              checked={values.direction === d}
              onChange={() => onChange({ direction: d })}
            />
          ))}
        </Fieldset>
        {text("indicator.method", "method", values.method, (v) => onChange({ method: v }))}
        <div className="field-row">
          <EnumSelect
            id={props.id("indicator.frequency")}
            label={t(`${props.texts}.frequency`)}
            error={errors["indicator.frequency"]}
            values={MEASUREMENT_FREQUENCIES}
            value={values.frequency}
            text={(f) => t(`benefits.frequencies.${f}`)}
            onChange={(frequency) => onChange({ frequency })}
          />
          <SelectField
            id={props.id("linkedIndicatorCode")}
            label={t(`${props.texts}.linked`)}
            description={t(`${props.texts}.linkedDescription`)}
            error={errors.linkedIndicatorCode}
            value={values.linkedIndicatorCode}
            onChange={(e) => onChange({ linkedIndicatorCode: e.target.value })}
          >
            <Select.Option value="">{t(`${props.texts}.notLinked`)}</Select.Option>
            {INDICATORS.map((i) => (
              <Select.Option key={i.code} value={i.code}>
                {indicatorLabel(i.code, language)}
              </Select.Option>
            ))}
          </SelectField>
        </div>
      </div>
    </Fieldset>
  );
}
