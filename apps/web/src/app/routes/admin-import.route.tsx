import { Alert, Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { ReferenceImport } from "../../features/reference-import/reference-import";
import { useCan } from "../../lib/session";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

export default function AdminImportRoute() {
  useAdminTexts();
  const { t } = useTranslation();
  // The server refuses non-admins too; this only spares them a form they cannot use.
  const allowed = useCan("reference.import");
  useEffect(() => {
    document.title = `${t("referenceImport.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("referenceImport.title")}
      </Heading>
      {allowed ? (
        <ReferenceImport />
      ) : (
        <Alert data-color="warning" data-testid="import-admin-only">
          {t("referenceImport.adminOnly")}
        </Alert>
      )}
    </div>
  );
}
