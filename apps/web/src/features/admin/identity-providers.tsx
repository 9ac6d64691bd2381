import "../../lib/zod-setup";
import { Alert, Button, Checkbox, Heading, Paragraph, Switch, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { DEFAULT_MFA_ACR_VALUES, DEFAULT_MFA_AMR_VALUES, SaveIdentityProviderInputSchema, type IssueParams, type SaveIdentityProviderInput } from "@malestokk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog, type ConfirmRequest } from "../../components/confirm-dialog";
import { EmptyState } from "../../components/empty-state";
import { Loading } from "../../components/query-state";
import { TableScroll } from "../../components/table-scroll";
import { readAppError, translateError, translateFieldIssue } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { noErrors, type FormErrors } from "./admin-errors";
import { AdminQueryError } from "./admin-query-error";
import { organisationLabel } from "./admin-text";
import { FormErrorSummary } from "./form-error-summary";

export type AdminProvider = RouterOutputs["admin"]["identityProviders"]["providers"][number];
type Notice = { readonly kind: "success" | "warning" | "danger"; readonly text: string };

const FIELDS = ["name", "slug", "issuer", "clientId", "clientSecret", "emailClaim", "organisations", "mfaAmrValues", "mfaAcrValues"] as const;
/** Fields typed as a list, separated by commas or spaces. */
const LIST_FIELDS = ["organisations", "mfaAmrValues", "mfaAcrValues"] as const;
type FieldName = (typeof FIELDS)[number];
const FIELD_IDS: Record<FieldName, string> = {
  name: "provider-name",
  slug: "provider-slug",
  issuer: "provider-issuer",
  clientId: "provider-client-id",
  clientSecret: "provider-client-secret",
  emailClaim: "provider-email-claim",
  organisations: "provider-organisations",
  mfaAmrValues: "provider-mfa-amr",
  mfaAcrValues: "provider-mfa-acr",
};

function isField(value: string): value is FieldName {
  return (FIELDS as readonly string[]).includes(value);
}

interface ProviderDraft {
  readonly name: string;
  readonly slug: string;
  readonly issuer: string;
  readonly clientId: string;
  /** Blank: keep the stored secret (or none for a new provider). Never filled from the server. */
  readonly clientSecret: string;
  readonly removeSecret: boolean;
  readonly emailClaim: string;
  readonly requireVerifiedEmail: boolean;
  /** Numbers as typed, separated by commas or spaces. */
  readonly organisations: string;
  readonly enabled: boolean;
  readonly nationalRoles: boolean;
  readonly vouchesForMfa: boolean;
  /** Values as typed, separated by commas or spaces. */
  readonly mfaAmrValues: string;
  readonly mfaAcrValues: string;
}

const EMPTY_DRAFT: ProviderDraft = {
  name: "",
  slug: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
  removeSecret: false,
  emailClaim: "email",
  requireVerifiedEmail: true,
  organisations: "",
  enabled: true,
  nationalRoles: false,
  vouchesForMfa: false,
  mfaAmrValues: DEFAULT_MFA_AMR_VALUES.join(", "),
  mfaAcrValues: DEFAULT_MFA_ACR_VALUES.join(", "),
};

function draftOf(provider: AdminProvider): ProviderDraft {
  return {
    ...EMPTY_DRAFT,
    name: provider.name,
    slug: provider.slug,
    issuer: provider.issuer,
    clientId: provider.clientId,
    emailClaim: provider.emailClaim,
    requireVerifiedEmail: provider.requireVerifiedEmail,
    organisations: provider.organisations.map((o) => o.number).join(", "),
    enabled: provider.enabled,
    nationalRoles: provider.nationalRoles,
    vouchesForMfa: provider.vouchesForMfa,
    mfaAmrValues: provider.mfaAmrValues.join(", "),
    mfaAcrValues: provider.mfaAcrValues.join(", "),
  };
}

function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((v) => v !== "");
}

/** The procedure's input: a left-out secret keeps the stored one, null removes it. */
function inputOf(draft: ProviderDraft, base: { id: number; version: number } | null) {
  const secret = draft.clientSecret.trim();
  return {
    ...(base ?? {}),
    name: draft.name,
    slug: draft.slug,
    issuer: draft.issuer.trim(),
    clientId: draft.clientId,
    clientSecret: draft.removeSecret ? null : secret === "" ? undefined : secret,
    emailClaim: draft.emailClaim,
    requireVerifiedEmail: draft.requireVerifiedEmail,
    organisations: splitList(draft.organisations),
    enabled: draft.enabled,
    nationalRoles: draft.nationalRoles,
    vouchesForMfa: draft.vouchesForMfa,
    // The values count only while the provider vouches for MFA; left out, the defaults are stored.
    ...(draft.vouchesForMfa ? { mfaAmrValues: splitList(draft.mfaAmrValues), mfaAcrValues: splitList(draft.mfaAcrValues) } : {}),
  };
}

/** The page's own text for a field issue first (identity.errors.field.<field>.<code>), then the shared one. */
function issueText(t: TFunction, field: string, code: string, params: IssueParams = {}): string {
  const own = t(`identity.errors.field.${field}.${code}`, { ...params, defaultValue: "" });
  return own === "" ? translateFieldIssue(t, field, code, params) : own;
}

/** A refused save: field messages where the server names a field, else one message for the summary. */
function translateSaveError(t: TFunction, error: unknown): FormErrors<FieldName> {
  const appError = readAppError(error);
  const fallback = translateError(t, error).message;
  if (!appError) return { summary: fallback, fields: {} };
  if (appError.code === "VERSION_CONFLICT") return { summary: t("identity.errors.versionConflict"), fields: {} };
  if (appError.code === "IN_USE") return { summary: t(`identity.errors.${String(appError.params.reason)}`, { defaultValue: fallback }), fields: {} };
  if (appError.code === "NOT_FOUND" && appError.issues.length === 0) return { summary: t("identity.errors.gone"), fields: {} };
  const fields: Partial<Record<FieldName, string>> = {};
  const elsewhere: string[] = [];
  for (const issue of appError.issues) {
    const field = issue.path.find((p): p is string => typeof p === "string") ?? "";
    const message = issueText(t, field, issue.code, issue.params);
    if (isField(field)) fields[field] ??= message;
    else elsewhere.push(message);
  }
  if (appError.issues.length > 0) return { summary: [t("identity.errors.summary"), ...elsewhere].join(" "), fields };
  return { summary: fallback, fields };
}

/**
 * Identity providers (OpenID Connect) and password sign-in, for administrators: the callback
 * address to register, the providers from the environment (read-only) and from settings, and the
 * switch that turns password sign-in off for everyone.
 */
export function IdentityProviders() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.admin.identityProviders.queryOptions());
  const [editing, setEditing] = useState<AdminProvider | null>(null);
  const [formFocus, setFormFocus] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleting, setDeleting] = useState<AdminProvider | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  // The audit log has new entries too.
  const refresh = () => queryClient.invalidateQueries(trpc.admin.pathFilter());

  const remove = useMutation(trpc.admin.deleteIdentityProvider.mutationOptions());

  const startEdit = (provider: AdminProvider) => {
    setNotice(null);
    setEditing(provider);
    setFormFocus(true);
  };

  const stopEdit = () => {
    setEditing(null);
    setFormFocus(true);
  };

  /** Someone else saved first: the form keeps the admin's values and saves on top of the newest version. */
  const rebase = async (id: number) => {
    const fresh = await query.refetch();
    const now = fresh.data?.providers.find((p) => p.id === id) ?? null;
    if (now) {
      setEditing(now);
    } else {
      setEditing(null);
      setNotice({ kind: "warning", text: t("identity.errors.gone") });
    }
  };

  const confirmDelete = () => {
    if (!deleting || deleting.id === null || deleting.version === null) return;
    const { name } = deleting;
    remove.mutate(
      { id: deleting.id, version: deleting.version },
      {
        onSuccess: () => {
          if (editing?.id === deleting.id) setEditing(null);
          setDeleting(null);
          setDeleteError(null);
          setNotice({ kind: "success", text: t("identity.delete.done", { name }) });
          void refresh();
        },
        onError: (error) => {
          const appError = readAppError(error);
          if (appError?.code === "VERSION_CONFLICT" || appError?.code === "NOT_FOUND") {
            setDeleting(null);
            setNotice({ kind: "warning", text: t(appError.code === "NOT_FOUND" ? "identity.errors.gone" : "identity.errors.deleteConflict") });
            void refresh();
            return;
          }
          const reason = appError?.params.reason;
          setDeleteError(appError?.code === "IN_USE" && typeof reason === "string" ? t(`identity.errors.${reason}`) : translateError(t, error).message);
        },
      },
    );
  };

  if (query.isPending) return <Loading />;
  if (query.isError) return <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { providers, localSignIn, callbackUrl, secretsSealed } = query.data;

  const deleteRequest: ConfirmRequest | null = deleting && {
    title: t("identity.delete.title", { name: deleting.name }),
    body: t("identity.delete.body", { name: deleting.name }),
    confirmLabel: t("identity.delete.confirm"),
    destructive: true,
  };

  return (
    <>
      <Paragraph>{t("identity.intro")}</Paragraph>
      {!secretsSealed && <TitledAlert color="warning" level={2} title={t("identity.unsealed.title")} body={t("identity.unsealed.body")} testId="secrets-unsealed" />}
      <LocalSignIn enabled={localSignIn} onChanged={refresh} />
      <div role="status" data-testid="identity-notice">
        {notice && <Alert data-color={notice.kind}>{notice.text}</Alert>}
      </div>
      <ProviderTable
        providers={providers}
        onEdit={startEdit}
        onDelete={(provider) => {
          setDeleteError(null);
          setDeleting(provider);
        }}
      />
      <ProviderForm
        key={editing?.id ?? "new"}
        provider={editing}
        callbackUrl={callbackUrl}
        focusOnMount={formFocus}
        onSaved={async (text) => {
          setNotice({ kind: "success", text });
          if (editing) stopEdit();
          await refresh();
        }}
        onCancel={stopEdit}
        onConflict={rebase}
      />
      <ConfirmDialog
        request={deleteRequest}
        pending={remove.isPending}
        error={deleteError}
        onConfirm={confirmDelete}
        onCancel={() => {
          setDeleting(null);
          setDeleteError(null);
        }}
      />
    </>
  );
}

/** Password sign-in for everyone: switching it off asks first, and the server refuses when it would lock people out. */
function LocalSignIn({ enabled, onChanged }: { enabled: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const set = useMutation(trpc.admin.setLocalSignIn.mutationOptions());

  const errorText = (error: unknown) => {
    const appError = readAppError(error);
    const reason = appError?.params.reason;
    return appError?.code === "IN_USE" && typeof reason === "string" ? t(`identity.local.${reason}`, { defaultValue: translateError(t, error).message }) : translateError(t, error).message;
  };

  const change = (on: boolean) => {
    setMessage(null);
    set.mutate(
      { enabled: on },
      {
        onSuccess: (result) => {
          setAsking(false);
          setDialogError(null);
          setMessage({ kind: "success", text: t(result.localSignIn ? "identity.local.turnedOn" : "identity.local.turnedOff") });
          void onChanged();
        },
        onError: (error) => {
          if (on) setMessage({ kind: "danger", text: errorText(error) });
          else setDialogError(errorText(error));
        },
      },
    );
  };

  return (
    <div className="stack">
      <Switch
        id="local-sign-in"
        label={t("identity.local.label")}
        description={t(enabled ? "identity.local.descriptionOn" : "identity.local.descriptionOff")}
        checked={enabled}
        disabled={set.isPending}
        onChange={(e) => {
          if (e.target.checked) change(true);
          else {
            setMessage(null);
            setDialogError(null);
            setAsking(true);
          }
        }}
      />
      <div role="status" data-testid="local-sign-in-message">
        {message && <Alert data-color={message.kind}>{message.text}</Alert>}
      </div>
      <ConfirmDialog
        request={asking ? { title: t("identity.local.confirmTitle"), body: t("identity.local.confirmBody"), confirmLabel: t("identity.local.confirm"), destructive: true } : null}
        pending={set.isPending}
        error={dialogError}
        onConfirm={() => change(false)}
        onCancel={() => {
          setAsking(false);
          setDialogError(null);
        }}
      />
    </div>
  );
}

function ProviderStatus({ provider }: { provider: AdminProvider }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <span className="admin-tags">
        <Tag data-size="sm" data-color={provider.enabled ? "success" : "neutral"}>
          {t(provider.enabled ? "identity.list.enabled" : "identity.list.disabled")}
        </Tag>
        {provider.source === "environment" && (
          <Tag data-size="sm" data-color="info">
            {t("identity.list.environment")}
          </Tag>
        )}
        {provider.nationalRoles && (
          <Tag data-size="sm" data-color="warning">
            {t("identity.list.nationalRoles")}
          </Tag>
        )}
        {provider.vouchesForMfa && (
          <Tag data-size="sm" data-color="info">
            {t("identity.list.vouchesForMfa")}
          </Tag>
        )}
      </span>
      <span>{t(provider.hasClientSecret ? "identity.list.hasSecret" : "identity.list.noSecret")}</span>
      {provider.unknownOrganisations.length > 0 && (
        <Alert data-color="warning" data-size="sm">
          {t("identity.list.unknownOrganisations", { numbers: provider.unknownOrganisations.join(", ") })}
        </Alert>
      )}
    </div>
  );
}

function ProviderTable(props: { providers: readonly AdminProvider[]; onEdit: (provider: AdminProvider) => void; onDelete: (provider: AdminProvider) => void }) {
  const { t } = useTranslation();
  const { providers } = props;
  const caption = t("identity.list.caption", { count: providers.length });
  return (
    <section className="stack" aria-labelledby="provider-list-heading">
      <Heading level={2} data-size="sm" id="provider-list-heading">
        {t("identity.list.title")}
      </Heading>
      {providers.length === 0 ? (
        <EmptyState>{t("identity.list.empty")}</EmptyState>
      ) : (
        <>
          {providers.some((p) => p.source === "environment") && <Paragraph data-size="sm">{t("identity.list.envNote")}</Paragraph>}
          <TableScroll label={caption}>
            <Table zebra data-size="sm" className="data-table admin-table">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.name")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.slug")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.issuer")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.emailClaim")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.organisations")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.status")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {providers.map((provider) => (
                  <Table.Row key={`${provider.source}-${provider.slug}`} data-testid={`provider-${provider.slug}`}>
                    <Table.HeaderCell scope="row">{provider.name}</Table.HeaderCell>
                    <Table.Cell>
                      <code>{provider.slug}</code>
                    </Table.Cell>
                    <Table.Cell>{provider.issuer}</Table.Cell>
                    <Table.Cell>
                      <code>{provider.emailClaim}</code>
                    </Table.Cell>
                    <Table.Cell>
                      {provider.organisations.length === 0 && provider.unknownOrganisations.length === 0 ? (
                        t("identity.list.anyUser")
                      ) : (
                        <ul className="admin-roles">
                          {provider.organisations.map((o) => (
                            <li key={o.id}>{organisationLabel(t, o)}</li>
                          ))}
                          {provider.unknownOrganisations.map((number) => (
                            <li key={number}>{t("identity.list.unknownNumber", { number })}</li>
                          ))}
                        </ul>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <ProviderStatus provider={provider} />
                    </Table.Cell>
                    <Table.Cell>
                      {provider.source === "environment" ? (
                        t("identity.list.envOnly")
                      ) : (
                        <div className="admin-actions admin-actions--compact">
                          <Button variant="secondary" data-size="sm" aria-label={t("identity.list.editLabel", { name: provider.name })} onClick={() => props.onEdit(provider)}>
                            {t("identity.list.edit")}
                          </Button>
                          <Button
                            variant="secondary"
                            data-color="danger"
                            data-size="sm"
                            aria-label={t("identity.list.deleteLabel", { name: provider.name })}
                            onClick={() => props.onDelete(provider)}
                          >
                            {t("identity.list.delete")}
                          </Button>
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** A setting on the server that needs the administrator's attention: what is wrong, then what to do. */
function TitledAlert(props: { color: "warning" | "danger"; level: 2 | 3; title: string; body: string; testId: string }) {
  return (
    <Alert data-color={props.color} data-testid={props.testId}>
      <Heading level={props.level} data-size="xs">
        {props.title}
      </Heading>
      <Paragraph>{props.body}</Paragraph>
    </Alert>
  );
}

type CopyState = "idle" | "copied" | "failed";

/** The one redirect URI every provider needs registered; none until PUBLIC_ORIGIN is set, and then sign-in through providers is closed. */
function CallbackUri({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>("idle");
  if (url === null) return <TitledAlert color="danger" level={3} title={t("identity.callback.missingTitle")} body={t("identity.callback.missing")} testId="callback-uri" />;
  const copyUrl = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };
  return (
    <div className="stack" data-testid="callback-uri">
      <Paragraph data-size="sm">
        <strong>{t("identity.callback.label")}:</strong> <code>{url}</code>
      </Paragraph>
      <Paragraph data-size="sm">{t("identity.callback.description")}</Paragraph>
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => void copyUrl()}>
          {t("identity.callback.copy")}
        </Button>
      </div>
      <div role="status">{copy !== "idle" && <Paragraph data-size="sm">{t(copy === "copied" ? "identity.callback.copied" : "identity.callback.copyFailed")}</Paragraph>}</div>
    </div>
  );
}

/** Adds a provider, or edits one (keyed by id by the caller, so a new provider starts with a fresh draft). */
function ProviderForm(props: {
  provider: AdminProvider | null;
  callbackUrl: string | null;
  focusOnMount: boolean;
  onSaved: (text: string) => Promise<void>;
  onCancel: () => void;
  onConflict: (id: number) => Promise<void>;
}) {
  const { provider, focusOnMount } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<ProviderDraft>(() => (provider ? draftOf(provider) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<FormErrors<FieldName>>(noErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  const isEdit = provider !== null && provider.id !== null && provider.version !== null;
  // The version read when editing began (updated only after a conflict), so a background refetch cannot hide someone else's save.
  const base = isEdit && provider.id !== null && provider.version !== null ? { id: provider.id, version: provider.version } : null;

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const save = useMutation(trpc.admin.saveIdentityProvider.mutationOptions());

  const set = <K extends keyof ProviderDraft>(key: K, value: ProviderDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(draft, base);
    const checked = SaveIdentityProviderInputSchema.safeParse(input);
    if (!checked.success) {
      const fields: Partial<Record<FieldName, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path.find((p): p is string => typeof p === "string") ?? "";
        if (!isField(field)) continue;
        const index = issue.path[1];
        const params: IssueParams = {};
        if ("minimum" in issue) params.minimum = Number(issue.minimum);
        if ("maximum" in issue) params.maximum = Number(issue.maximum);
        if ((LIST_FIELDS as readonly string[]).includes(field) && typeof index === "number") params.value = input[field as (typeof LIST_FIELDS)[number]]?.[index] ?? "";
        fields[field] ??= issueText(t, field, issue.code, params);
      }
      setErrors({ summary: t("identity.errors.summary"), fields });
      return;
    }
    setErrors(noErrors());
    const values: SaveIdentityProviderInput = checked.data;
    save.mutate(values, {
      onSuccess: () => {
        setErrors(noErrors());
        if (!isEdit) setDraft(EMPTY_DRAFT);
        void props.onSaved(t(isEdit ? "identity.form.saved" : "identity.form.added", { name: values.name }));
      },
      onError: (error) => {
        setErrors(translateSaveError(t, error));
        const code = readAppError(error)?.code;
        if (base && (code === "VERSION_CONFLICT" || code === "NOT_FOUND")) void props.onConflict(base.id);
      },
    });
  };

  const links = FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ id: FIELD_IDS[field], message }] : [];
  });

  const secretDescription = !isEdit ? t("identity.form.clientSecretNew") : provider.hasClientSecret ? t("identity.form.clientSecretStored") : t("identity.form.clientSecretNone");

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
        <Textfield
          id={FIELD_IDS.clientSecret}
          label={t("identity.form.clientSecret")}
          description={secretDescription}
          type="password"
          autoComplete="new-password"
          value={draft.clientSecret}
          disabled={draft.removeSecret}
          onChange={(e) => set("clientSecret", e.target.value)}
          error={errors.fields.clientSecret}
        />
        {isEdit && provider.hasClientSecret && (
          <Checkbox
            id="provider-remove-secret"
            label={t("identity.form.removeSecret")}
            checked={draft.removeSecret}
            onChange={(e) => setDraft((d) => ({ ...d, removeSecret: e.target.checked, clientSecret: e.target.checked ? "" : d.clientSecret }))}
          />
        )}
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
