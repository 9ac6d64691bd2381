import "../../features/admin/admin.css";

import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { AdminForbidden } from "../../features/admin/admin-forbidden";
import { usePermissionTable } from "../../features/admin/api";
import { PermissionMatrix } from "../../features/admin/permission-matrix";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

export default function AdminPermissionsRoute() {
  useAdminTexts();
  const { t } = useTranslation();
  const permissions = usePermissionTable();
  useEffect(() => {
    document.title = `${t("admin.permissions.title")} – ${t("app.name")}`;
  }, [t]);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("admin.permissions.title")}
      </Heading>
      {!permissions.isSuccess ? (
        <QueryView query={permissions} forbidden={<AdminForbidden />} />
      ) : (
        <>
          <Paragraph>{t("admin.permissions.intro")}</Paragraph>
          <PermissionMatrix data={permissions.data} />
        </>
      )}
    </div>
  );
}
