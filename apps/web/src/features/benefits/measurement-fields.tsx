import { Textfield } from "@digdir/designsystemet-react";
import { MeasurementInputSchema, type FieldIssue, type MeasurementInput } from "@malestokk/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { parseDecimal } from "./benefit-draft";
import { benefitIssueText } from "./texts";

/** A measurement as its fields hold it: a plan's own benefit's, or a local plan's typed by hand. */
export interface MeasurementDraft {
  readonly value: string;
  readonly date: string;
  readonly comment: string;
}

/** The measurement the fields give, or the field issues that stop it before it is sent. */
export function readMeasurement(draft: MeasurementDraft): { measurement: MeasurementInput } | { issues: FieldIssue[] } {
  const number = parseDecimal(draft.value);
  if (Number.isNaN(number))
    return { issues: [{ path: ["value"], code: draft.value.trim() === "" ? "REQUIRED" : "NOT_A_NUMBER", params: { value: draft.value } }] };
  const parsed = MeasurementInputSchema.safeParse({
    value: number,
    date: draft.date,
    comment: draft.comment.trim() === "" ? null : draft.comment,
  });
  return parsed.success ? { measurement: parsed.data } : { issues: [{ path: ["date"], code: "DATE_FORMAT", params: {} }] };
}

/** One field's message; a measurement before the baseline is the same rule seen from the measurement's side. */
export function measurementFieldError(t: TFunction, issues: readonly FieldIssue[], field: keyof MeasurementDraft): string | undefined {
  const issue = issues.find((i) => i.path[0] === field);
  if (!issue) return undefined;
  return benefitIssueText(t, issue.code === "BASELINE_AFTER_MEASUREMENT" ? { ...issue, code: "MEASUREMENT_BEFORE_BASELINE" } : issue);
}

/** The value (in the benefit's unit), the day and the optional comment of a measurement. */
export function MeasurementFields(props: {
  idPrefix: string;
  unit: string;
  draft: MeasurementDraft;
  issues: readonly FieldIssue[];
  onChange: (patch: Partial<MeasurementDraft>) => void;
}) {
  const { t } = useTranslation();
  const { idPrefix, draft, issues, onChange } = props;
  return (
    <>
      <Textfield
        id={`${idPrefix}-value`}
        label={t("benefits.measurements.valueLabel", { unit: props.unit })}
        inputMode="decimal"
        autoComplete="off"
        value={draft.value}
        error={measurementFieldError(t, issues, "value")}
        onChange={(e) => onChange({ value: e.target.value })}
      />
      <Textfield
        id={`${idPrefix}-date`}
        type="date"
        label={t("benefits.measurements.dateLabel")}
        value={draft.date}
        error={measurementFieldError(t, issues, "date")}
        onChange={(e) => onChange({ date: e.target.value })}
      />
      <Textfield
        id={`${idPrefix}-comment`}
        label={t("benefits.measurements.commentLabel")}
        autoComplete="off"
        value={draft.comment}
        error={measurementFieldError(t, issues, "comment")}
        onChange={(e) => onChange({ comment: e.target.value })}
      />
    </>
  );
}
