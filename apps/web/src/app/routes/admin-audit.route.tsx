import "../../features/admin/admin.css";

import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { useAuditFilter } from "../../features/admin/audit-filter";
import { AuditLog } from "../../features/admin/audit-log";
import { useAdminTexts } from "../../features/admin/use-admin-texts";
import { useMailTexts } from "../../features/mail/use-mail-texts";

export default function AdminAuditRoute() {
  useAdminTexts();
  // The mail entries name the kinds of notice in the mail pages' words.
  useMailTexts();
  const { t } = useTranslation();
  const [filter, setFilter] = useAuditFilter();
  useEffect(() => {
    document.title = `${t("admin.audit.title")} – ${t("app.name")}`;
  }, [t]);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("admin.audit.title")}
      </Heading>
      <Paragraph>{t("admin.audit.intro")}</Paragraph>
      <AuditLog filter={filter} onFilterChange={setFilter} />
    </div>
  );
}
