// ConfirmDialog lays its buttons out with .admin-actions, which lives in the admin styles.
import "../../features/admin/admin.css";
import { Alert, Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { AllApiTokens } from "../../features/api-tokens/all-api-tokens";
import { useApiTokenTexts } from "../../features/api-tokens/use-api-token-texts";
import { useCan } from "../../lib/session";

/** /admin/api-nokler: every organisation's API tokens, for administrators (issue 23, point 3). */
export default function AdminApiTokensRoute() {
  useApiTokenTexts();
  const { t } = useTranslation();
  // The server refuses non-admins too; this only spares them a list they cannot read.
  const allowed = useCan("users.manage");
  useEffect(() => {
    document.title = `${t("apiTokens.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("apiTokens.title")}
      </Heading>
      {allowed ? (
        <AllApiTokens />
      ) : (
        <Alert data-color="warning" data-testid="api-tokens-admin-only">
          {t("apiTokens.admin.adminOnly")}
        </Alert>
      )}
    </div>
  );
}
