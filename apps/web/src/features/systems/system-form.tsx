import { Button, Checkbox, Heading, Select, Textfield } from "@digdir/designsystemet-react";
import { SYSTEM_CLASS_NAMES, SYSTEM_CLASSES, type SystemClass } from "@malestokk/domain";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { FormErrorSummary } from "../../components/form-error-summary";
import { SYSTEM_FIELDS, type SystemDraft, type SystemField } from "./system-draft";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

/** Element ids of the fields, for labels, error summary links and moving focus. */
export const SYSTEM_FIELD_IDS: Record<SystemField, string> = {
  name: "system-name",
  vendor: "system-vendor",
  systemClass: "system-class",
  inUseFrom: "system-in-use-from",
  inUseTo: "system-in-use-to",
};

export interface SystemFormErrors {
  /** Set when the last attempt failed on fields; the summary above the form shows it. */
  readonly summary: string | null;
  readonly fields: Partial<Record<SystemField, string>>;
}

export const NO_ERRORS: SystemFormErrors = { summary: null, fields: {} };

/**
 * Adds a fagsystem (draft.id null) or edits one in place. Errors show on each field and in a
 * summary that takes focus, so a screen reader user hears what to fix.
 */
export function SystemForm(props: {
  draft: SystemDraft;
  /** The name as saved, for the heading while editing (the draft's name may be half typed). */
  editingName: string | null;
  errors: SystemFormErrors;
  pending: boolean;
  /** Shown above the fields, e.g. the version-conflict warning. */
  notice?: ReactNode;
  onChange: (draft: SystemDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { draft, errors, onChange } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  const isEdit = draft.id !== null;
  const links = SYSTEM_FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ id: SYSTEM_FIELD_IDS[field], message }] : [];
  });
  return (
    <section className="panel systems-form" aria-labelledby="system-form-heading" data-testid="system-form">
      <Heading level={2} data-size="xs" id="system-form-heading">
        {isEdit ? t("systems.form.editTitle", { name: props.editingName ?? draft.name }) : t("systems.form.addTitle")}
      </Heading>
      {props.notice}
      <FormErrorSummary summary={errors.summary} links={links} testId="system-form-errors" focusKey={errors} />
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield
          id={SYSTEM_FIELD_IDS.name}
          label={t("systems.form.name")}
          autoComplete="off"
          value={draft.name}
          error={errors.fields.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
        <Textfield
          id={SYSTEM_FIELD_IDS.vendor}
          label={t("systems.form.vendor")}
          description={t("systems.form.vendorDescription")}
          autoComplete="off"
          value={draft.vendor}
          error={errors.fields.vendor}
          onChange={(e) => onChange({ ...draft, vendor: e.target.value })}
        />
        <SelectField
          id={SYSTEM_FIELD_IDS.systemClass}
          label={t("systems.form.class")}
          description={t("systems.form.classDescription")}
          value={draft.systemClass}
          onChange={(e) => onChange({ ...draft, systemClass: e.target.value as SystemClass })}
        >
          {SYSTEM_CLASSES.map((c) => (
            <Select.Option key={c} value={c}>
              {localized(SYSTEM_CLASS_NAMES[c], lang)}
            </Select.Option>
          ))}
        </SelectField>
        <Checkbox
          id="system-svarut"
          label={t("systems.form.svarUt")}
          description={t("systems.form.svarUtDescription")}
          checked={draft.svarUt}
          onChange={(e) => onChange({ ...draft, svarUt: e.target.checked })}
        />
        <div className="field-row">
          <Textfield
            id={SYSTEM_FIELD_IDS.inUseFrom}
            label={t("systems.form.inUseFrom")}
            description={t("systems.form.yearDescription")}
            inputMode="numeric"
            autoComplete="off"
            value={draft.inUseFrom}
            error={errors.fields.inUseFrom}
            onChange={(e) => onChange({ ...draft, inUseFrom: e.target.value })}
          />
          <Textfield
            id={SYSTEM_FIELD_IDS.inUseTo}
            label={t("systems.form.inUseTo")}
            description={t("systems.form.inUseToDescription")}
            inputMode="numeric"
            autoComplete="off"
            value={draft.inUseTo}
            error={errors.fields.inUseTo}
            onChange={(e) => onChange({ ...draft, inUseTo: e.target.value })}
          />
        </div>
        <div className="button-row">
          <Button type="submit" disabled={props.pending} aria-busy={props.pending}>
            {props.pending ? t("systems.form.saving") : isEdit ? t("systems.form.save") : t("systems.form.add")}
          </Button>
          {isEdit && (
            <Button type="button" variant="secondary" onClick={props.onCancel}>
              {t("systems.form.cancel")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
