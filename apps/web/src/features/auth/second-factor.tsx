import { Alert, Button, Heading, List, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { RECENT_SIGN_IN_MINUTES } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { readAppError, translateError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useAfterEnrolment, useEnrolBegin, useEnrolConfirm, useSecondFactorStatus, useVerifySecondFactor } from "./api";

/** The second sign-in step: the code from the authenticator app, or a recovery code. */
export function SecondFactorStep({
  challenge,
  email,
  viaProvider = false,
  onRestart,
}: {
  challenge: string;
  email: string;
  viaProvider?: boolean;
  onRestart: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const verify = useVerifySecondFactor({
    onError: (e) => {
      const code = readAppError(e)?.code;
      if (code === "TOKEN_INVALID") onRestart(t("auth.twoStep.restart"));
      else
        setError(
          code === "INVALID_CREDENTIALS" || code === "VALIDATION_FAILED" ? t("auth.twoStep.wrongCode") : translateError(t, e).message,
        );
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(recovery ? { challenge, recoveryCode: value } : { challenge, code: value.replace(/\s/g, "") });
  };
  return (
    <section className="stack" aria-labelledby="two-step-heading" data-testid="second-factor-step">
      <Heading level={2} data-size="sm" id="two-step-heading">
        {t("auth.twoStep.codeTitle")}
      </Heading>
      <Paragraph>{viaProvider ? t("auth.twoStep.codeIntroProvider") : t("auth.twoStep.codeIntro", { email })}</Paragraph>
      <form className="sign-in__form" onSubmit={submit} noValidate>
        <Textfield
          id="two-step-code"
          label={recovery ? t("auth.twoStep.recoveryCode") : t("auth.twoStep.code")}
          inputMode={recovery ? "text" : "numeric"}
          autoComplete="one-time-code"
          value={value}
          error={error ?? undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="button-row">
          <Button type="submit" disabled={verify.isPending} aria-busy={verify.isPending}>
            {t("auth.twoStep.verify")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              setRecovery(!recovery);
              setValue("");
              setError(null);
            }}
          >
            {recovery ? t("auth.twoStep.useCode") : t("auth.twoStep.useRecovery")}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * Sets up the authenticator app: a QR code and the key as text, then a code to confirm, then the
 * recovery codes, shown once. From the account page (after the current password, or for an
 * account without one a recent sign-in; also to replace the app in use), or during a sign-in
 * that requires it.
 */
export function EnrolSecondFactor({
  challenge,
  viaProvider = false,
  onDone,
  onRestart,
  askPassword = false,
  replacing = false,
}: {
  challenge?: string;
  viaProvider?: boolean;
  onDone: () => void;
  onRestart?: (message: string) => void;
  askPassword?: boolean;
  replacing?: boolean;
}) {
  const { t } = useTranslation();
  const afterEnrolment = useAfterEnrolment();
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [signedIn, setSignedIn] = useState(false);
  const fail = (e: unknown) => {
    const appCode = readAppError(e)?.code;
    if (appCode === "TOKEN_INVALID" && onRestart) onRestart(t("auth.twoStep.restart"));
    else
      setError(
        appCode === "INVALID_CREDENTIALS" || appCode === "VALIDATION_FAILED" ? t("auth.twoStep.wrongCode") : translateError(t, e).message,
      );
  };
  const begin = useEnrolBegin({
    onSuccess: () => setPasswordError(null),
    onError: (e) => {
      const translated = translateError(t, e);
      const onPassword = translated.fields.currentPassword;
      setPasswordError(onPassword ?? null);
      if (onPassword) setError(null);
      else fail(e);
    },
  });
  const confirm = useEnrolConfirm({
    onSuccess: (result) => {
      setRecoveryCodes(result.recoveryCodes);
      setSignedIn(result.signedIn);
    },
    onError: fail,
  });
  const input = challenge ? { challenge } : {};
  const start = (event: FormEvent) => {
    event.preventDefault();
    begin.mutate(askPassword ? { currentPassword: password } : input);
  };
  if (recoveryCodes) {
    return (
      <section className="stack" aria-labelledby="recovery-heading" data-testid="recovery-codes">
        <Heading level={3} data-size="xs" id="recovery-heading">
          {t("auth.twoStep.recoveryTitle")}
        </Heading>
        <Paragraph>{t("auth.twoStep.recoveryIntro")}</Paragraph>
        <List.Unordered className="recovery-codes">
          {recoveryCodes.map((c) => (
            <List.Item key={c}>
              <code>{c}</code>
            </List.Item>
          ))}
        </List.Unordered>
        <div>
          <Button
            onClick={() => {
              // After a required enrolment the session exists now: load the app with it.
              void afterEnrolment(signedIn);
              onDone();
            }}
          >
            {t("auth.twoStep.recoveryDone")}
          </Button>
        </div>
      </section>
    );
  }
  return (
    <section className="stack" aria-labelledby="enrol-heading" data-testid="enrol-second-factor">
      <Heading level={3} data-size="xs" id="enrol-heading">
        {replacing ? t("auth.twoStep.replace") : t("auth.twoStep.enrolTitle")}
      </Heading>
      {challenge && <Alert data-color="info">{t(viaProvider ? "auth.twoStep.enrolRequiredProvider" : "auth.twoStep.enrolRequired")}</Alert>}
      {replacing && <Paragraph>{t("auth.twoStep.replaceIntro")}</Paragraph>}
      <Paragraph>{t("auth.twoStep.enrolIntro")}</Paragraph>
      {!begin.data ? (
        <form className="sign-in__form" onSubmit={start} noValidate>
          {askPassword && (
            <Textfield
              id="enrol-current-password"
              label={t("auth.currentPassword")}
              description={t("auth.twoStep.passwordFirst")}
              type="password"
              autoComplete="current-password"
              value={password}
              error={passwordError ?? undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
          {!challenge && !askPassword && (
            <Paragraph data-size="sm">{t("auth.twoStep.recentSignIn", { minutes: RECENT_SIGN_IN_MINUTES })}</Paragraph>
          )}
          <div>
            <Button type="submit" disabled={begin.isPending} aria-busy={begin.isPending}>
              {t("auth.twoStep.enrolStart")}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {/* The SVG comes from our own server and encodes only the otpauth URI. */}
          <div
            className="qr-code"
            role="img"
            aria-label={t("auth.twoStep.qrLabel")}
            dangerouslySetInnerHTML={{ __html: begin.data.qrSvg }}
          />
          <Paragraph>
            {t("auth.twoStep.secret")}: <code data-testid="totp-secret">{begin.data.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </Paragraph>
          <form
            className="sign-in__form"
            onSubmit={(event) => {
              event.preventDefault();
              confirm.mutate({ ...input, code: code.replace(/\s/g, "") });
            }}
            noValidate
          >
            <Textfield
              id="enrol-code"
              label={t("auth.twoStep.code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              error={error ?? undefined}
              onChange={(e) => setCode(e.target.value)}
            />
            <div>
              <Button type="submit" disabled={confirm.isPending} aria-busy={confirm.isPending}>
                {t("auth.twoStep.confirm")}
              </Button>
            </div>
          </form>
        </>
      )}
      {!begin.data && error && <Alert data-color="danger">{error}</Alert>}
    </section>
  );
}

/** The account page's section: whether two-step sign-in is on, and setting it up when it is not. */
export function TwoStepSettings() {
  const { t } = useTranslation();
  const status = useSecondFactorStatus();
  const [mode, setMode] = useState<"idle" | "enrol" | "replace">("idle");
  if (!status.isSuccess) return <QueryView query={status} pending={null} testId="two-step-settings" />;
  const s = status.data;
  return (
    <section className="stack" aria-labelledby="two-step-settings" data-testid="two-step-settings">
      <Heading level={2} data-size="sm" id="two-step-settings">
        {t("auth.twoStep.accountTitle")}
      </Heading>
      <Paragraph>
        {s.enabled
          ? t("auth.twoStep.accountOn", { date: formatDateTime(s.enabledAt ?? ""), count: s.recoveryCodesLeft })
          : t("auth.twoStep.accountOff")}
      </Paragraph>
      {s.required && !s.enabled && <Alert data-color="warning">{t("auth.twoStep.accountRequired")}</Alert>}
      {mode === "idle" ? (
        <div>
          <Button variant="secondary" onClick={() => setMode(s.enabled ? "replace" : "enrol")}>
            {s.enabled ? t("auth.twoStep.replace") : t("auth.twoStep.enrolTitle")}
          </Button>
        </div>
      ) : (
        <EnrolSecondFactor askPassword={s.hasPassword} replacing={mode === "replace"} onDone={() => setMode("idle")} />
      )}
      {s.enabled && <Paragraph data-size="sm">{t("auth.twoStep.accountLost")}</Paragraph>}
    </section>
  );
}
