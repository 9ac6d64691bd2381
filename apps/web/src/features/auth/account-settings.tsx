import { Alert, Button, Heading, List, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { translateError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import type { Me } from "../../lib/session";
import { useChangePassword, useSignInOptions, useSignOutEverywhere } from "./api";
import { TwoStepSettings } from "./second-factor";

export function AccountSettings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  // With password sign-in switched off, a password and its second factor have no use here.
  const passwords = useSignInOptions().data?.localSignIn ?? true;
  const [confirming, setConfirming] = useState(false);

  const change = useChangePassword({
    onSuccess: () => {
      setFieldErrors({});
      setCurrent("");
      setNext("");
      setMessage(t("auth.passwordChanged"));
    },
    onError: (error) => {
      const translated = translateError(t, error);
      setMessage(null);
      setFieldErrors(Object.keys(translated.fields).length > 0 ? translated.fields : { newPassword: translated.message });
    },
  });
  const signOutEverywhere = useSignOutEverywhere();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <div className="stack">
      <Paragraph>{t("auth.accountIntro", { email: me.email, expires: formatDateTime(me.expiresAt) })}</Paragraph>
      <section aria-labelledby="roles-heading">
        <Heading level={2} data-size="xs" id="roles-heading">
          {t("auth.roles")}
        </Heading>
        <List.Unordered>
          {me.grants.map((g, i) => (
            <List.Item key={i}>
              {g.organisationName
                ? t("auth.roleIn", {
                    role: t(`auth.role.${g.role}`),
                    organisation: `${g.organisationName} (${g.organisationNumber ?? ""})`,
                  })
                : t(`auth.role.${g.role}`)}
            </List.Item>
          ))}
        </List.Unordered>
      </section>
      {!passwords && (
        <Paragraph className="panel" data-testid="provider-only">
          {t("auth.providerOnlyAccount")}
        </Paragraph>
      )}
      {passwords && (
        <section aria-labelledby="password-heading" className="panel">
          <Heading level={2} data-size="xs" id="password-heading">
            {t("auth.changePasswordTitle")}
          </Heading>
          <form onSubmit={submit} className="stack" noValidate>
            <Textfield
              id="current-password"
              label={t("auth.currentPassword")}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              error={fieldErrors.currentPassword}
            />
            <Textfield
              id="new-password"
              label={t("auth.newPassword")}
              description={t("auth.newPasswordDescription")}
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              error={fieldErrors.newPassword}
            />
            <div>
              <Button type="submit" disabled={change.isPending}>
                {t("auth.changePassword")}
              </Button>
            </div>
          </form>
          <div role="status">{message && <Alert data-color="success">{message}</Alert>}</div>
        </section>
      )}
      {passwords && (
        <div className="panel">
          <TwoStepSettings />
        </div>
      )}
      <section aria-labelledby="everywhere-heading" className="panel">
        <Heading level={2} data-size="xs" id="everywhere-heading">
          {t("auth.signOutEverywhereTitle")}
        </Heading>
        <Paragraph data-size="sm">{t("auth.signOutEverywhereIntro")}</Paragraph>
        <div>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t("auth.signOutEverywhere")}
          </Button>
        </div>
        <ConfirmDialog
          request={
            confirming
              ? {
                  title: t("auth.signOutEverywhereTitle"),
                  body: t("auth.confirmSignOutEverywhere"),
                  confirmLabel: t("auth.signOutEverywhere"),
                  destructive: true,
                }
              : null
          }
          pending={signOutEverywhere.isPending}
          error={signOutEverywhere.error ? translateError(t, signOutEverywhere.error).message : null}
          onCancel={() => setConfirming(false)}
          onConfirm={() => signOutEverywhere.mutate()}
        />
      </section>
    </div>
  );
}
