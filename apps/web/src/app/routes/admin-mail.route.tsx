import "../../features/admin/admin.css";

import { Alert, Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { MailAdmin } from "../../features/mail/mail-admin";
import { MailRecipients } from "../../features/mail/mail-recipients";
import { useMailTexts } from "../../features/mail/use-mail-texts";
import { useCan } from "../../lib/session";

/** /admin/e-post: whether mail is on, the outbox (queued, sent, failed with the reason, retry) and who receives what (issue 25). */
export default function AdminMailRoute() {
  useMailTexts();
  const { t } = useTranslation();
  // The server refuses non-admins too; this only spares them a page they cannot use.
  const allowed = useCan("users.manage");
  useEffect(() => {
    document.title = `${t("mail.admin.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("mail.admin.title")}
      </Heading>
      {allowed ? (
        <>
          <MailAdmin />
          <MailRecipients />
        </>
      ) : (
        <Alert data-color="warning">{t("query.forbiddenBody")}</Alert>
      )}
    </div>
  );
}
