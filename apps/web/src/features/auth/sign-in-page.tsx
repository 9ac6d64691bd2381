import { Alert, Button, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { translateError } from "../../lib/errors";
import { EnrolSecondFactor, SecondFactorStep } from "./second-factor";
import { useTRPC } from "../../lib/trpc";

/** Shown instead of any page while nobody is signed in. */
export function SignInPage({ expired = false }: { expired?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const demo = useQuery(trpc.auth.demoAccounts.queryOptions());
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  // After the right password, when the account has (or must set up) a second factor.
  const [step, setStep] = useState<{ kind: "secondFactor" | "enrolSecondFactor"; challenge: string } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t("auth.signInTitle")} – ${t("app.name")}`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        setError(null);
        if (result.status !== "signedIn") {
          setStep({ kind: result.status, challenge: result.challenge });
          setPassword("");
          return;
        }
        // Everything cached so far was fetched without a session.
        await queryClient.resetQueries();
      },
      onError: (e) => setError(translateError(t, e).message),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <div className="stack sign-in">
      <Heading level={1} data-size="lg">
        {t("auth.signInTitle")}
      </Heading>
      {expired && <Alert data-color="info">{t("auth.sessionExpired")}</Alert>}
      <Paragraph>{t("auth.signInIntro")}</Paragraph>
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
          onRestart={(message) => {
            setStep(null);
            setError(message);
          }}
        />
      )}
      {step?.kind === "enrolSecondFactor" && (
        <EnrolSecondFactor
          challenge={step.challenge}
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
      {!step && (
      <form onSubmit={submit} className="sign-in__form" noValidate>
        <Textfield
          id="sign-in-email"
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <Textfield
          id="sign-in-password"
          label={t("auth.password")}
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
      {demo.data && demo.data.length > 0 && (
        <section aria-labelledby="demo-accounts-heading" className="demo-accounts" data-testid="demo-accounts">
          <Heading level={2} data-size="xs" id="demo-accounts-heading">
            {t("auth.demoTitle")}
          </Heading>
          <Paragraph data-size="sm">{t("auth.demoIntro")}</Paragraph>
          <Table data-size="sm">
            <caption className="visually-hidden">{t("auth.demoTitle")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("auth.email")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("auth.roles")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {demo.data.map((account) => (
                <Table.Row key={account.email}>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => setEmail(account.email)}
                      aria-label={t("auth.demoUse", { email: account.email })}
                    >
                      {account.email}
                    </Button>
                  </Table.Cell>
                  <Table.Cell>
                    {t(`auth.role.${account.role}`)}
                    {account.municipalityNumber ? ` (${account.municipalityNumber})` : ""}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
    </div>
  );
}
