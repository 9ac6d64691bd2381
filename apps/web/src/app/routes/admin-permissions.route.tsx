import "../../features/admin/admin.css";

import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { AdminForbidden } from "../../features/admin/admin-query-error";
import { PermissionMatrix } from "../../features/admin/permission-matrix";
import { useTRPC } from "../../lib/trpc";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

export default function AdminPermissionsRoute() {
  useAdminTexts();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const permissions = useQuery(trpc.admin.permissions.queryOptions());
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
