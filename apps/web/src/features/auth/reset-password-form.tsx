import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { translateError } from "../../lib/errors";
import { useCompleteReset } from "./api";

/** Sets a password from a one-time link; the token is in the URL fragment, never sent to logs. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reset = useCompleteReset({
    onSuccess: () => setError(null),
    onError: (e) => {
      const translated = translateError(t, e);
      setError(translated.fields.newPassword ?? translated.message);
    },
  });
  if (!token) return <Alert data-color="warning">{t("auth.resetMissing")}</Alert>;
  if (reset.data) {
    return (
      <Alert data-color="success">
        <Paragraph>{t("auth.resetDone", { email: reset.data.email })}</Paragraph>
        <Link to="/">{t("auth.toSignIn")}</Link>
      </Alert>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ token, newPassword: password });
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Paragraph>{t("auth.resetIntro")}</Paragraph>
      <Textfield
        id="reset-password"
        label={t("auth.newPassword")}
        description={t("auth.newPasswordDescription")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error ?? undefined}
      />
      <div>
        <Button type="submit" disabled={reset.isPending}>
          {t("auth.resetSave")}
        </Button>
      </div>
    </form>
  );
}
