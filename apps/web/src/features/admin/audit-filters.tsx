import { Button, Heading, Select, Textfield } from "@digdir/designsystemet-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AUDIT_ACTIONS, isAuditAction } from "@malestokk/domain";

import { SelectField } from "../../components/select-field";
import { translateFormIssue } from "../../lib/form-errors";
import { actionLabel } from "./admin-text";
import { EMPTY_AUDIT_FILTER, hasAuditFilter, isValidMunicipalityNumber, startOfDay, type AuditFilterValues } from "./audit-filter";

type FilterErrors = Partial<Record<keyof AuditFilterValues, string>>;

/** The filter form: changes apply on submit, so a half-typed number does not start a search. */
export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (next: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilterValues>(value);
  const [errors, setErrors] = useState<FilterErrors>({});

  // The URL is the truth: Back, a pasted link or "clear" replace what the form shows.
  const { action, actor, municipality, from, to } = value;
  useEffect(() => {
    setDraft({ action, actor, municipality, from, to });
    setErrors({});
  }, [action, actor, municipality, from, to]);

  const set = (key: keyof AuditFilterValues) => (next: string) => setDraft((d) => ({ ...d, [key]: next }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FilterErrors = {};
    const number = draft.municipality.trim();
    if (number !== "" && !isValidMunicipalityNumber(number)) {
      next.municipality = translateFormIssue(t, "admin", "municipalityNumber", "invalid_format");
    }
    if (draft.from !== "" && !startOfDay(draft.from)) next.from = translateFormIssue(t, "admin", "date", "invalid_format");
    if (draft.to !== "" && !startOfDay(draft.to)) next.to = translateFormIssue(t, "admin", "date", "invalid_format");
    if (!next.from && !next.to && draft.from !== "" && draft.to !== "" && draft.from > draft.to) {
      next.to = translateFormIssue(t, "admin", "to", "BEFORE_FROM");
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onApply({ ...draft, municipality: number, actor: draft.actor.trim() });
  };

  const actions: readonly string[] = action === "" || isAuditAction(action) ? AUDIT_ACTIONS : [...AUDIT_ACTIONS, action];

  return (
    <section className="admin-panel admin-panel--wide" aria-labelledby="audit-filter-heading">
      <Heading level={2} data-size="xs" id="audit-filter-heading">
        {t("admin.audit.filter.title")}
      </Heading>
      <form onSubmit={submit} noValidate className="admin-filter">
        <SelectField
          id="audit-action"
          label={t("admin.audit.filter.action")}
          value={draft.action}
          onChange={(e) => set("action")(e.target.value)}
        >
          <Select.Option value="">{t("admin.audit.filter.allActions")}</Select.Option>
          {actions.map((a) => (
            <Select.Option key={a} value={a}>
              {actionLabel(t, a)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          id="audit-actor"
          label={t("admin.audit.filter.actor")}
          description={t("admin.audit.filter.actorDescription")}
          autoComplete="off"
          value={draft.actor}
          onChange={(e) => set("actor")(e.target.value)}
          error={errors.actor}
        />
        <Textfield
          id="audit-municipality"
          label={t("admin.audit.filter.municipality")}
          description={t("admin.fields.municipalityNumberDescription")}
          inputMode="numeric"
          autoComplete="off"
          value={draft.municipality}
          onChange={(e) => set("municipality")(e.target.value)}
          error={errors.municipality}
        />
        <Textfield
          id="audit-from"
          type="date"
          label={t("admin.audit.filter.from")}
          value={draft.from}
          onChange={(e) => set("from")(e.target.value)}
          error={errors.from}
        />
        <Textfield
          id="audit-to"
          type="date"
          label={t("admin.audit.filter.to")}
          value={draft.to}
          onChange={(e) => set("to")(e.target.value)}
          error={errors.to}
        />
        <div className="admin-actions admin-filter__buttons">
          <Button type="submit">{t("admin.audit.filter.apply")}</Button>
          {hasAuditFilter(value) && (
            <Button variant="secondary" onClick={() => onApply(EMPTY_AUDIT_FILTER)}>
              {t("admin.audit.filter.clear")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
