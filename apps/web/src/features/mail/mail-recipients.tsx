import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { useMailRecipients } from "./api";

/** Who receives what (issue 25): every user, and the notices each turned off under Min konto. */
export function MailRecipients() {
  const { t } = useTranslation();
  const recipients = useMailRecipients();
  return (
    <section className="stack" aria-labelledby="mail-recipients-heading">
      <Heading level={2} data-size="xs" id="mail-recipients-heading">
        {t("mail.admin.recipientsHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("mail.admin.recipientsIntro")}</Paragraph>
      <QueryView query={recipients} testId="mail-recipients">
        {(users) => (
          <DataTable
            caption={t("mail.admin.recipientsCaption")}
            testId="mail-recipients"
            rows={users}
            rowKey={(u) => u.userId}
            columns={[
              { key: "user", header: t("mail.admin.user"), render: (u) => `${u.name} (${u.email})` },
              {
                key: "off",
                header: t("mail.admin.turnedOff"),
                render: (u) =>
                  u.disabled
                    ? t("mail.admin.disabled")
                    : u.off.length === 0
                      ? t("mail.admin.noneOff")
                      : u.off.map((kind) => t(`mail.kinds.${kind}`, { defaultValue: kind })).join(", "),
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
