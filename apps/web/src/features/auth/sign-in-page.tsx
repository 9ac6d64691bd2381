import { Alert, Button, Heading, Link as DsLink, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { OIDC_FAILURES, readSecondFactorFragment, type OidcFailure } from "@malestokk/domain";

import { DataTable } from "../../components/data-table";
import { FormErrorSummary } from "../../components/form-error-summary";
import { translateError, translateFieldIssue } from "../../lib/errors";
import { noErrors, translateFormError, type FormErrors } from "../../lib/form-errors";
import { useDemoAccounts, useSignIn, useSignInOptions } from "./api";
import { EnrolSecondFactor, SecondFactorStep } from "./second-factor";

/** Takes something the server sent in the address out of it (and so out of the history). */
function dropFromAddress(edit: (url: URL) => void): void {
  const url = new URL(window.location.href);
  edit(url);
  window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
}

/** A part of the page's address; empty when the form is drawn at build time (app/prerender.tsx), where there is none. */
const addressPart = (part: "search" | "hash"): string => (typeof window === "undefined" ? "" : window.location[part]);

/** Why the server sent the browser back from a provider (/?innlogging=<reason>); read once, then dropped from the address. */
function useProviderRefusal(): OidcFailure | null {
  const [reason] = useState<OidcFailure | null>(() => {
    const value = new URLSearchParams(addressPart("search")).get("innlogging");
    return value && (OIDC_FAILURES as readonly string[]).includes(value) ? (value as OidcFailure) : null;
  });
  useEffect(() => {
    if (reason) dropFromAddress((url) => url.searchParams.delete("innlogging"));
  }, [reason]);
  return reason;
}

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];
const FIELD_IDS: Record<Field, string> = { email: "sign-in-email", password: "sign-in-password" };

type Step = { kind: "secondFactor" | "enrolSecondFactor"; challenge: string; viaProvider: boolean };

/** A provider sign-in that needs the local second factor comes back with the step in the fragment: read once, then dropped. */
function useProviderStep(): Step | null {
  const [step] = useState<Step | null>(() => {
    const found = readSecondFactorFragment(addressPart("hash"));
    return found && { ...found, viaProvider: true };
  });
  useEffect(() => {
    if (step) dropFromAddress((url) => (url.hash = ""));
  }, [step]);
  return step;
}

/** After the provider, back to the page the user was on. */
function providerStartUrl(slug: string): string {
  const here = window.location.pathname + window.location.search;
  return `/auth/oidc/${encodeURIComponent(slug)}/start?returnTo=${encodeURIComponent(here)}`;
}

type DemoAccount = NonNullable<ReturnType<typeof useDemoAccounts>["data"]>[number];

/**
 * The demo accounts, each a button that fills in its address. Without `accounts` only the heading and the
 * introduction: what the build draws into the page (app/prerender.tsx), kept by the server while there
 * are demo accounts, so the page's largest text paints with the HTML (LCP); the table follows with the app.
 */
export function DemoAccounts({ accounts, onUse }: { accounts: readonly DemoAccount[] | null; onUse?: (email: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="demo-accounts-heading" className="demo-accounts" {...(accounts ? { "data-testid": "demo-accounts" } : {})}>
      <Heading level={2} data-size="xs" id="demo-accounts-heading">
        {t("auth.demoTitle")}
      </Heading>
      <Paragraph data-size="sm">{t("auth.demoIntro")}</Paragraph>
      {accounts && (
        <DataTable
          caption={t("auth.demoTitle")}
          captionHidden
          size="sm"
          rows={accounts}
          rowKey={(account) => account.email}
          rowHeader={false}
          columns={[
            {
              key: "email",
              header: t("auth.email"),
              render: (account) => (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => onUse?.(account.email)}
                  aria-label={t("auth.demoUse", { email: account.email })}
                >
                  {account.email}
                </Button>
              ),
            },
            {
              key: "roles",
              header: t("auth.roles"),
              render: (account) =>
                `${t(`auth.role.${account.role}`)}${account.municipalityNumber ? ` (${account.municipalityNumber})` : ""}`,
            },
          ]}
        />
      )}
    </section>
  );
}

/**
 * Shown instead of any page while nobody is signed in. `drawnDemoIntro` stands where the demo accounts go
 * until they are known (app/prerender.tsx draws their introduction there).
 */
export function SignInPage({ expired = false, drawnDemoIntro = null }: { expired?: boolean; drawnDemoIntro?: ReactNode }) {
  const { t } = useTranslation();
  const demo = useDemoAccounts();
  const options = useSignInOptions();
  const providerRefusal = useProviderRefusal();
  const providerStep = useProviderStep();
  const localSignIn = options.data?.localSignIn ?? true;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Fields the server refused (empty or malformed), each named and marked (WCAG 3.3.1).
  const [fieldErrors, setFieldErrors] = useState<FormErrors<Field>>(noErrors);
  // After the right password, when the account has (or must set up) a second factor.
  const [step, setStep] = useState<Step | null>(providerStep);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t("auth.signInTitle")} – ${t("app.name")}`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const signIn = useSignIn({
    onSuccess: (result) => {
      setError(null);
      setFieldErrors(noErrors());
      if (result.status !== "signedIn") {
        setStep({ kind: result.status, challenge: result.challenge, viaProvider: false });
        setPassword("");
      }
    },
    onError: (e) => {
      const form = translateFormError(t, e, FIELDS);
      const onFields = Object.keys(form.fields).length > 0;
      setFieldErrors(onFields ? form : noErrors());
      setError(onFields ? null : translateError(t, e).message);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = FIELDS.filter((field) => (field === "email" ? email : password).trim() === "");
    if (empty.length > 0) {
      setError(null);
      setFieldErrors({
        summary: t("errors.VALIDATION_FAILED"),
        fields: Object.fromEntries(empty.map((field) => [field, translateFieldIssue(t, field, "REQUIRED")])),
      });
      return;
    }
    signIn.mutate({ email, password });
  };

  return (
    <div className="stack sign-in">
      <Heading level={1} data-size="lg">
        {t("auth.signInTitle")}
      </Heading>
      {expired && <Alert data-color="info">{t("auth.sessionExpired")}</Alert>}
      <Paragraph>{localSignIn ? t("auth.signInIntro") : t("auth.signInIntroProvidersOnly")}</Paragraph>
      <Paragraph>
        {/* A plain link: the form is also drawn at build time, without a router (prerender.tsx). */}
        <DsLink href="/apne-data" data-testid="open-data-link">
          {t("auth.openData")}
        </DsLink>
      </Paragraph>
      {providerRefusal && (
        <Alert data-color="danger" data-testid="provider-refusal" role="alert">
          <Heading level={2} data-size="xs">
            {t("auth.provider.refusedTitle")}
          </Heading>
          <Paragraph>{t(`auth.provider.refused.${providerRefusal}`)}</Paragraph>
        </Alert>
      )}
      {!step && options.data && options.data.providers.length > 0 && (
        <nav aria-label={t("auth.provider.listLabel")} className="sign-in__providers" data-testid="sign-in-providers">
          <ul className="sign-in__provider-list">
            {options.data.providers.map((provider) => (
              <li key={provider.slug}>
                {/* A full page navigation: the provider's sign-in is another site. */}
                <Button asChild variant={localSignIn ? "secondary" : "primary"}>
                  <a href={providerStartUrl(provider.slug)}>{t("auth.provider.signInWith", { name: provider.name })}</a>
                </Button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <FormErrorSummary
        summary={fieldErrors.summary}
        links={FIELDS.flatMap((field) => {
          const message = fieldErrors.fields[field];
          return message ? [{ id: FIELD_IDS[field], message }] : [];
        })}
        testId="sign-in-error"
        focusKey={fieldErrors}
      />
      {error && (
        <div ref={errorRef} tabIndex={-1}>
          <Alert data-color="danger" data-testid="sign-in-error">
            {error}
          </Alert>
        </div>
      )}
      {step?.kind === "secondFactor" && (
        <SecondFactorStep
          challenge={step.challenge}
          email={email}
          viaProvider={step.viaProvider}
          onRestart={(message) => {
            setStep(null);
            setError(message);
          }}
        />
      )}
      {step?.kind === "enrolSecondFactor" && (
        <EnrolSecondFactor
          challenge={step.challenge}
          viaProvider={step.viaProvider}
          onDone={() => setStep(null)}
          onRestart={(message) => {
            setStep(null);
            setError(message);
          }}
        />
      )}
      {step && (
        <div>
          <Button variant="tertiary" onClick={() => setStep(null)}>
            {t("auth.twoStep.back")}
          </Button>
        </div>
      )}
      {!step && localSignIn && (
        <form onSubmit={submit} className="sign-in__form" noValidate>
          <Textfield
            id={FIELD_IDS.email}
            label={t("auth.email")}
            error={fieldErrors.fields.email}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
          <Textfield
            id={FIELD_IDS.password}
            label={t("auth.password")}
            error={fieldErrors.fields.password}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <div>
            <Button type="submit" disabled={signIn.isPending} aria-busy={signIn.isPending}>
              {signIn.isPending ? t("auth.signingIn") : t("auth.signIn")}
            </Button>
          </div>
        </form>
      )}
      {demo.data && demo.data.length > 0 ? <DemoAccounts accounts={demo.data} onUse={setEmail} /> : drawnDemoIntro}
    </div>
  );
}
