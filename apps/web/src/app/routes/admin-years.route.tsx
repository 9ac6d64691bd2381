// ConfirmDialog lays its buttons out with .admin-actions, which lives in the admin styles.
import "../../features/admin/admin.css";
import { Alert, Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { ReportingYears } from "../../features/admin-years/reporting-years";
import { useCan } from "../../lib/session";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

/** /admin/aar: administrators follow each reporting year and close or reopen it. */
export default function AdminYearsRoute() {
  useAdminTexts();
  const { t } = useTranslation();
  // The server refuses non-admins too; this only spares them buttons they cannot use.
  const allowed = useCan("years.manage");
  useEffect(() => {
    document.title = `${t("admin.years.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("admin.years.title")}
      </Heading>
      {allowed ? (
        <ReportingYears />
      ) : (
        <Alert data-color="warning" data-testid="years-admin-only">
          {t("admin.years.adminOnly")}
        </Alert>
      )}
    </div>
  );
}
