import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useApiTokenTexts } from "../../features/api-tokens/use-api-token-texts";
import { AccountSettings } from "../../features/auth/account-settings";
import { MailPreferences } from "../../features/mail/mail-preferences";
import { useMailTexts } from "../../features/mail/use-mail-texts";
import { useMe, type Me } from "../../lib/session";

/** A manager's way to the API tokens of each municipality they manage (issue 23, point 3). */
function ApiTokenLinks({ me }: { me: Me }) {
  useApiTokenTexts();
  const { t } = useTranslation();
  const managed = me.grants.filter((g) => g.role === "manager" && g.organisationNumber !== null && /^\d{4}$/.test(g.organisationNumber));
  if (managed.length === 0) return null;
  return (
    <section aria-labelledby="account-api-tokens" className="stack" data-testid="account-api-tokens">
      <Heading level={2} data-size="sm" id="account-api-tokens">
        {t("apiTokens.account.heading")}
      </Heading>
      <Paragraph>{t("apiTokens.account.intro")}</Paragraph>
      <ul>
        {managed.map((g) => (
          <li key={g.organisationNumber}>
            <Link to={`/kommune/${g.organisationNumber}/api-nokler`}>{t("apiTokens.account.link", { name: g.organisationName })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function AccountRoute() {
  useMailTexts();
  const { t } = useTranslation();
  const me = useMe();
  useEffect(() => {
    document.title = `${t("auth.accountTitle")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("auth.accountTitle")}
      </Heading>
      {me.data && <AccountSettings me={me.data} />}
      {me.data && <ApiTokenLinks me={me.data} />}
      {me.data && <MailPreferences />}
    </div>
  );
}
