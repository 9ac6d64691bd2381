import "../../features/admin/admin.css";

import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { AdminForbidden } from "../../features/admin/admin-query-error";
import { CreateUserForm } from "../../features/admin/create-user-form";
import { SecondFactorPolicy } from "../../features/admin/second-factor-policy";
import { UserTable } from "../../features/admin/user-table";
import { useTRPC } from "../../lib/trpc";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

export default function AdminUsersRoute() {
  useAdminTexts();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.queryOptions());
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
        </>
      )}
    </div>
  );
}
