import { Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { UnsubscribePage } from "../../features/mail/unsubscribe-page";
import { useMailTexts } from "../../features/mail/use-mail-texts";

/** /e-post/avmeld?token=…: the one-click unsubscribe link's page, without sign-in (issue 25). */
export default function UnsubscribeRoute() {
  useMailTexts();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useEffect(() => {
    document.title = `${t("mail.unsubscribe.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t("mail.unsubscribe.title")}
      </Heading>
      <UnsubscribePage token={params.get("token") ?? ""} />
    </div>
  );
}
