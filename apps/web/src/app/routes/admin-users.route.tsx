import "../../features/admin/admin.css";

import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { AdminForbidden } from "../../features/admin/admin-forbidden";
import { useAdminUsers } from "../../features/admin/api";
import { CreateUserForm } from "../../features/admin/create-user-form";
import { FourEyesSettings } from "../../features/admin/four-eyes-settings";
import { OpenDataLicenceSettings } from "../../features/admin/open-data-licence";
import { SecondFactorPolicy } from "../../features/admin/second-factor-policy";
import { UserTable } from "../../features/admin/user-table";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

export default function AdminUsersRoute() {
  useAdminTexts();
  const { t } = useTranslation();
  const users = useAdminUsers();
  useEffect(() => {
    document.title = `${t("admin.users.title")} – ${t("app.name")}`;
  }, [t]);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("admin.users.title")}
      </Heading>
      <SecondFactorPolicy />
      {!users.isSuccess ? (
        <QueryView query={users} forbidden={<AdminForbidden />} />
      ) : (
        <>
          <Paragraph>{t("admin.users.intro")}</Paragraph>
          <CreateUserForm />
          <UserTable users={users.data} />
          <FourEyesSettings />
          <OpenDataLicenceSettings />
        </>
      )}
    </div>
  );
}
