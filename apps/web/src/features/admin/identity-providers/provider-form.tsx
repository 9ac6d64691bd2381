import { Button, Checkbox, Heading, Textfield } from "@digdir/designsystemet-react";
import { SaveIdentityProviderInputSchema, type SaveIdentityProviderInput } from "@malestokk/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { conflictOf, noErrors, type FormErrors } from "../../../lib/form-errors";
import { FormErrorSummary } from "../../../components/form-error-summary";
import { useSaveIdentityProvider } from "../api";
import { CallbackUri } from "./callback-uri";
import { ClientSecretField } from "./client-secret-field";
import { draftOf, EMPTY_DRAFT, FIELD_IDS, FIELDS, inputOf, type AdminProvider, type FieldName, type ProviderDraft } from "./provider-draft";
import { translateInputIssues, translateSaveError } from "./provider-errors";

/** Adds a provider, or edits one (keyed by id by the caller, so a new provider starts with a fresh draft). */
export function ProviderForm(props: {
  provider: AdminProvider | null;
  callbackUrl: string | null;
  focusOnMount: boolean;
  onSaved: (text: string) => void;
  onCancel: () => void;
  onConflict: (id: number) => Promise<void>;
}) {
  const { provider, focusOnMount } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProviderDraft>(() => (provider ? draftOf(provider) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<FormErrors<FieldName>>(noErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  const isEdit = provider !== null && provider.id !== null && provider.version !== null;
  // The version read when editing began (updated only after a conflict), so a background refetch cannot hide someone else's save.
  const base = isEdit && provider.id !== null && provider.version !== null ? { id: provider.id, version: provider.version } : null;

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const save = useSaveIdentityProvider({
    onSuccess: (_result, values) => {
      setErrors(noErrors());
      if (!isEdit) setDraft(EMPTY_DRAFT);
      props.onSaved(t(isEdit ? "identity.form.saved" : "identity.form.added", { name: values.name }));
    },
    onError: (error) => {
      setErrors(translateSaveError(t, error));
      if (base && conflictOf(error, ["changed", "gone"])) void props.onConflict(base.id);
    },
  });

  const set = <K extends keyof ProviderDraft>(key: K, value: ProviderDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(draft, base);
    const checked = SaveIdentityProviderInputSchema.safeParse(input);
    if (!checked.success) {
      setErrors(translateInputIssues(t, checked.error.issues, input));
      return;
    }
    setErrors(noErrors());
    const values: SaveIdentityProviderInput = checked.data;
    save.mutate(values);
  };

  const links = FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ id: FIELD_IDS[field], message }] : [];
  });

  return (
    <section className="admin-panel" aria-labelledby="provider-form-heading">
      <Heading level={2} data-size="sm" id="provider-form-heading" ref={heading} tabIndex={-1}>
        {isEdit ? t("identity.form.editTitle", { name: provider.name }) : t("identity.form.addTitle")}
      </Heading>
      <CallbackUri url={props.callbackUrl} />
      <FormErrorSummary summary={errors.summary} links={links} testId="provider-errors" focusKey={errors} />
      <form onSubmit={submit} noValidate className="admin-form">
        <Textfield
          id={FIELD_IDS.name}
          label={t("identity.form.name")}
          description={t("identity.form.nameDescription")}
          autoComplete="off"
          value={draft.name}
          onChange={(e) => set("name", e.target.value)}
          error={errors.fields.name}
        />
        <Textfield
          id={FIELD_IDS.slug}
          label={t("identity.form.slug")}
          description={t("identity.form.slugDescription")}
          autoComplete="off"
          spellCheck={false}
          value={draft.slug}
          onChange={(e) => set("slug", e.target.value)}
          error={errors.fields.slug}
        />
        <Textfield
          id={FIELD_IDS.issuer}
          label={t("identity.form.issuer")}
          description={t("identity.form.issuerDescription")}
          type="url"
          autoComplete="off"
          spellCheck={false}
          value={draft.issuer}
          onChange={(e) => set("issuer", e.target.value)}
          error={errors.fields.issuer}
        />
        <Textfield
          id={FIELD_IDS.clientId}
          label={t("identity.form.clientId")}
          description={t("identity.form.clientIdDescription")}
          autoComplete="off"
          spellCheck={false}
          value={draft.clientId}
          onChange={(e) => set("clientId", e.target.value)}
          error={errors.fields.clientId}
        />
        <ClientSecretField
          stored={isEdit ? provider.hasClientSecret : null}
          secret={draft.clientSecret}
          remove={draft.removeSecret}
          error={errors.fields.clientSecret}
          onSecret={(value) => set("clientSecret", value)}
          onRemove={(remove) => setDraft((d) => ({ ...d, removeSecret: remove, clientSecret: remove ? "" : d.clientSecret }))}
        />
        <Textfield
          id={FIELD_IDS.emailClaim}
          label={t("identity.form.emailClaim")}
          description={t("identity.form.emailClaimDescription")}
          autoComplete="off"
          spellCheck={false}
          value={draft.emailClaim}
          onChange={(e) => set("emailClaim", e.target.value)}
          error={errors.fields.emailClaim}
        />
        <Checkbox
          id="provider-require-verified-email"
          label={t("identity.form.requireVerifiedEmail")}
          description={t("identity.form.requireVerifiedEmailDescription")}
          checked={draft.requireVerifiedEmail}
          onChange={(e) => set("requireVerifiedEmail", e.target.checked)}
        />
        <Textfield
          id={FIELD_IDS.organisations}
          label={t("identity.form.organisations")}
          description={t("identity.form.organisationsDescription")}
          inputMode="numeric"
          autoComplete="off"
          value={draft.organisations}
          onChange={(e) => set("organisations", e.target.value)}
          error={errors.fields.organisations}
        />
        <Checkbox
          id="provider-national-roles"
          label={t("identity.form.nationalRoles")}
          description={t("identity.form.nationalRolesDescription")}
          checked={draft.nationalRoles}
          onChange={(e) => set("nationalRoles", e.target.checked)}
        />
        <Checkbox
          id="provider-vouches-for-mfa"
          label={t("identity.form.vouchesForMfa")}
          description={t("identity.form.vouchesForMfaDescription")}
          checked={draft.vouchesForMfa}
          onChange={(e) => set("vouchesForMfa", e.target.checked)}
        />
        {draft.vouchesForMfa && (
          <>
            <Textfield
              id={FIELD_IDS.mfaAmrValues}
              label={t("identity.form.mfaAmrValues")}
              description={t("identity.form.mfaAmrValuesDescription")}
              autoComplete="off"
              spellCheck={false}
              value={draft.mfaAmrValues}
              onChange={(e) => set("mfaAmrValues", e.target.value)}
              error={errors.fields.mfaAmrValues}
            />
            <Textfield
              id={FIELD_IDS.mfaAcrValues}
              label={t("identity.form.mfaAcrValues")}
              description={t("identity.form.mfaAcrValuesDescription")}
              autoComplete="off"
              spellCheck={false}
              value={draft.mfaAcrValues}
              onChange={(e) => set("mfaAcrValues", e.target.value)}
              error={errors.fields.mfaAcrValues}
            />
          </>
        )}
        <Checkbox
          id="provider-enabled"
          label={t("identity.form.enabled")}
          description={t("identity.form.enabledDescription")}
          checked={draft.enabled}
          onChange={(e) => set("enabled", e.target.checked)}
        />
        <div className="admin-actions">
          <Button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
            {save.isPending ? t("identity.form.saving") : t(isEdit ? "identity.form.submitEdit" : "identity.form.submitAdd")}
          </Button>
          {isEdit && (
            <Button type="button" variant="secondary" onClick={props.onCancel}>
              {t("identity.form.cancel")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
