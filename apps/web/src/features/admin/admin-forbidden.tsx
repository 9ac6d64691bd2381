import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** What an admin page says for FORBIDDEN (QueryView's `forbidden`). */
export function AdminForbidden() {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" data-testid="admin-forbidden">
      <Heading level={2} data-size="xs">
        {t("admin.forbidden.title")}
      </Heading>
      <Paragraph>{t("admin.forbidden.body")}</Paragraph>
      <Link to="/">{t("admin.forbidden.toFront")}</Link>
    </Alert>
  );
}
