import { Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { AccountSettings } from "../../features/auth/account-settings";
import { MailPreferences } from "../../features/mail/mail-preferences";
import { useMailTexts } from "../../features/mail/use-mail-texts";
import { useMe } from "../../lib/session";

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
      {me.data && <MailPreferences />}
    </div>
  );
}
