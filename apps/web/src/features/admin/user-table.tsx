import { Alert, Button, Heading, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { translateFormError } from "../../lib/form-errors";
import { userGrantLabel, type AdminGrant, type AdminUser } from "./admin-text";
import { AddRoleDialog } from "./add-role-dialog";
import { useCreateResetLink, useRemoveRole, useResetSecondFactor, useSetDisabled, useUnlinkIdentities } from "./api";
import { ConfirmDialog, type ConfirmRequest } from "../../components/confirm-dialog";
import { ResetLinkDialog, type IssuedResetLink } from "./reset-link-dialog";
import { useMe } from "../../lib/session";

type PendingAction =
  | { readonly kind: "removeRole"; readonly user: AdminUser; readonly grant: AdminGrant }
  | { readonly kind: "disable" | "enable" | "unlink"; readonly user: AdminUser }
  | { readonly kind: "resetSecondFactor"; readonly user: AdminUser };

function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const states = [
    user.disabled && (
      <Tag key="disabled" data-color="danger" data-size="sm">
        {t("admin.users.status.disabled")}
      </Tag>
    ),
    !user.hasPassword && (
      <Tag key="noPassword" data-color="warning" data-size="sm">
        {t("admin.users.status.noPassword")}
      </Tag>
    ),
    user.isDemo && (
      <Tag key="demo" data-color="info" data-size="sm">
        {t("admin.users.status.demo")}
      </Tag>
    ),
  ].filter(Boolean);
  // How the user signs in, beside the state: not a reason to stop calling the user active.
  const signIn = [
    user.secondFactorEnabled && (
      <Tag key="secondFactor" data-color="neutral" data-size="sm">
        {t("admin.users.status.secondFactor")}
      </Tag>
    ),
    user.linkedIdentities > 0 && (
      <Tag key="linked" data-color="neutral" data-size="sm">
        {t("admin.users.status.linked")}
      </Tag>
    ),
  ].filter(Boolean);
  if (states.length === 0 && signIn.length === 0) return <>{t("admin.users.status.active")}</>;
  return (
    <span className="admin-tags">
      {states.length === 0 ? <span>{t("admin.users.status.active")}</span> : states}
      {signIn}
    </span>
  );
}

/** Every user with roles and status, and what an administrator can do with each. */
export function UserTable({ users }: { users: readonly AdminUser[] }) {
  const myEmail = useMe().data?.email ?? null;
  const { t } = useTranslation();
  const [addRoleFor, setAddRoleFor] = useState<AdminUser | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedResetLink | null>(null);
  const [notice, setNotice] = useState<{ readonly text: string; readonly isError: boolean } | null>(null);

  /** What the confirmed action did, said when it is done. */
  const doneText = (action: PendingAction): string => {
    const { user } = action;
    if (action.kind === "removeRole") return t("admin.users.roleRemoved", { role: userGrantLabel(t, action.grant), name: user.name });
    if (action.kind === "resetSecondFactor") return t("auth.twoStep.resetDone", { email: user.email });
    if (action.kind === "unlink") return t("admin.users.unlinkDone", { name: user.name });
    return t(action.kind === "disable" ? "admin.users.disabledDone" : "admin.users.enabledDone", { name: user.name });
  };
  // The handlers are read when the action is confirmed, so `pending` is the action confirmed.
  const confirmed = {
    onSuccess: () => {
      if (pending) setNotice({ text: doneText(pending), isError: false });
      setPending(null);
      setConfirmError(null);
    },
    onError: (error: unknown) => setConfirmError(translateFormError(t, error, [], "admin").summary),
  };

  const removeRole = useRemoveRole(confirmed);
  const setDisabled = useSetDisabled(confirmed);
  const resetSecondFactor = useResetSecondFactor(confirmed);
  const unlinkIdentities = useUnlinkIdentities(confirmed);
  const resetLink = useCreateResetLink({
    onSuccess: (result, input) => {
      const user = users.find((u) => u.id === input.userId);
      if (!user) return;
      setIssued({
        title: t("admin.resetLink.title", { name: user.name }),
        name: user.name,
        email: user.email,
        resetToken: result.resetToken,
        expiresAt: result.expiresAt,
      });
    },
    onError: (error) => setNotice({ text: translateFormError(t, error, [], "admin").summary ?? "", isError: true }),
  });

  const request: ConfirmRequest | null = (() => {
    if (!pending) return null;
    const { user } = pending;
    if (pending.kind === "removeRole") {
      const role = userGrantLabel(t, pending.grant);
      return {
        title: t("admin.users.confirmRemove.title"),
        body: t("admin.users.confirmRemove.body", { role, name: user.name, email: user.email }),
        confirmLabel: t("admin.users.confirmRemove.confirm"),
        destructive: true,
      };
    }
    if (pending.kind === "resetSecondFactor") {
      return {
        title: t("auth.twoStep.resetTitle", { email: user.email }),
        body: t("auth.twoStep.resetBody"),
        confirmLabel: t("auth.twoStep.reset", { email: user.email }),
        destructive: true,
      };
    }
    const kind = pending.kind;
    return {
      title: t(`admin.users.confirm.${kind}.title`),
      body: t(`admin.users.confirm.${kind}.body`, { name: user.name, email: user.email }),
      confirmLabel: t(`admin.users.confirm.${kind}.confirm`),
      destructive: kind !== "enable",
    };
  })();

  const confirm = () => {
    if (!pending) return;
    const { user } = pending;
    if (pending.kind === "removeRole") removeRole.mutate({ grantId: pending.grant.id });
    else if (pending.kind === "resetSecondFactor") resetSecondFactor.mutate({ userId: user.id });
    else if (pending.kind === "unlink") unlinkIdentities.mutate({ userId: user.id });
    else setDisabled.mutate({ userId: user.id, disabled: pending.kind === "disable" });
  };

  const makeResetLink = (user: AdminUser) => {
    setNotice(null);
    resetLink.mutate({ userId: user.id });
  };

  return (
    <section className="stack" aria-labelledby="user-list-heading">
      <Heading level={2} data-size="sm" id="user-list-heading">
        {t("admin.users.listTitle")}
      </Heading>
      <div role="status" data-testid="user-notice">
        {notice && <Alert data-color={notice.isError ? "danger" : "success"}>{notice.text}</Alert>}
      </div>
      <DataTable
        caption={t("admin.users.caption", { count: users.length })}
        zebra
        size="sm"
        className="admin-table"
        rows={users}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ "data-testid": `user-${user.email}` })}
        empty={t("admin.users.empty")}
        columns={[
          { key: "name", header: t("admin.fields.name") },
          { key: "email", header: t("admin.fields.email") },
          {
            key: "roles",
            header: t("admin.users.roles"),
            render: (user) =>
              user.grants.length === 0 ? (
                t("admin.users.noRoles")
              ) : (
                <ul className="admin-roles">
                  {user.grants.map((grant) => {
                    const role = userGrantLabel(t, grant);
                    return (
                      <li key={grant.id}>
                        <span>{role}</span>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t("admin.users.removeRoleLabel", { role, name: user.name })}
                          onClick={() => {
                            setConfirmError(null);
                            setPending({ kind: "removeRole", user, grant });
                          }}
                        >
                          {t("admin.users.removeRole")}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              ),
          },
          { key: "status", header: t("admin.users.statusHeader"), render: (user) => <UserStatus user={user} /> },
          {
            key: "actions",
            header: t("admin.users.actions"),
            render: (user) => (
              <div className="admin-actions admin-actions--compact">
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-label={t("admin.users.addRoleLabel", { name: user.name })}
                  onClick={() => setAddRoleFor(user)}
                >
                  {t("admin.users.addRole")}
                </Button>
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-label={t("admin.users.resetLinkLabel", { name: user.name })}
                  disabled={resetLink.isPending}
                  onClick={() => makeResetLink(user)}
                >
                  {t("admin.users.resetLink")}
                </Button>
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={() => {
                    setConfirmError(null);
                    setPending({ kind: "resetSecondFactor", user });
                  }}
                >
                  {t("auth.twoStep.reset", { email: user.email })}
                </Button>
                {user.linkedIdentities > 0 && (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    aria-label={t("admin.users.unlinkLabel", { name: user.name })}
                    onClick={() => {
                      setConfirmError(null);
                      setPending({ kind: "unlink", user });
                    }}
                  >
                    {t("admin.users.unlink")}
                  </Button>
                )}
                {/* Nobody disables their own account (the server refuses it too). */}
                {user.email !== myEmail && (
                  <Button
                    variant="secondary"
                    data-color={user.disabled ? "accent" : "danger"}
                    data-size="sm"
                    aria-label={t(user.disabled ? "admin.users.enableLabel" : "admin.users.disableLabel", { name: user.name })}
                    onClick={() => {
                      setConfirmError(null);
                      setPending({ kind: user.disabled ? "enable" : "disable", user });
                    }}
                  >
                    {t(user.disabled ? "admin.users.enable" : "admin.users.disable")}
                  </Button>
                )}
              </div>
            ),
          },
        ]}
      />
      <ConfirmDialog
        request={request}
        pending={removeRole.isPending || setDisabled.isPending || resetSecondFactor.isPending || unlinkIdentities.isPending}
        error={confirmError}
        onConfirm={confirm}
        onCancel={() => {
          setPending(null);
          setConfirmError(null);
        }}
      />
      <AddRoleDialog user={addRoleFor} onClose={() => setAddRoleFor(null)} onAdded={(text) => setNotice({ text, isError: false })} />
      <ResetLinkDialog link={issued} onClose={() => setIssued(null)} />
    </section>
  );
}
