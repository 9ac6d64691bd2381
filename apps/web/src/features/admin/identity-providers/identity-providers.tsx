import "../../../lib/zod-setup";
import { Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog, type ConfirmRequest } from "../../../components/confirm-dialog";
import { QueryView } from "../../../components/query-view";
import { readAppError, translateError } from "../../../lib/errors";
import { conflictOf } from "../../../lib/form-errors";
import { AdminForbidden } from "../admin-forbidden";
import { useDeleteIdentityProvider, useIdentityProviders } from "../api";
import { LocalSignIn } from "./local-sign-in";
import type { AdminProvider } from "./provider-draft";
import { ProviderForm } from "./provider-form";
import { ProviderTable } from "./provider-table";
import { StatusNotice, TitledAlert, type Notice } from "./status-notice";

/**
 * Identity providers (OpenID Connect) and password sign-in, for administrators: the callback
 * address to register, the providers from the environment (read-only) and from settings, and the
 * switch that turns password sign-in off for everyone.
 */
export function IdentityProviders() {
  const { t } = useTranslation();
  const query = useIdentityProviders();
  const [editing, setEditing] = useState<AdminProvider | null>(null);
  const [formFocus, setFormFocus] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleting, setDeleting] = useState<AdminProvider | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const remove = useDeleteIdentityProvider({
    onSuccess: (_result, input) => {
      if (editing?.id === input.id) setEditing(null);
      setDeleting(null);
      setDeleteError(null);
      setNotice({ kind: "success", text: t("identity.delete.done", { name: deleting?.name ?? "" }) });
    },
    onError: (error) => {
      const conflict = conflictOf(error, ["changed", "gone"]);
      if (conflict) {
        setDeleting(null);
        setNotice({ kind: "warning", text: t(conflict === "gone" ? "identity.errors.gone" : "identity.errors.deleteConflict") });
        return;
      }
      const appError = readAppError(error);
      const reason = appError?.params.reason;
      setDeleteError(
        appError?.code === "IN_USE" && typeof reason === "string" ? t(`identity.errors.${reason}`) : translateError(t, error).message,
      );
    },
  });

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
    remove.mutate({ id: deleting.id, version: deleting.version });
  };

  if (!query.isSuccess) return <QueryView query={query} forbidden={<AdminForbidden />} testId="identity-providers" />;
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
      {!secretsSealed && (
        <TitledAlert
          color="warning"
          level={2}
          title={t("identity.unsealed.title")}
          body={t("identity.unsealed.body")}
          testId="secrets-unsealed"
        />
      )}
      <LocalSignIn enabled={localSignIn} />
      <StatusNotice notice={notice} testId="identity-notice" />
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
        onSaved={(text) => {
          setNotice({ kind: "success", text });
          if (editing) stopEdit();
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
