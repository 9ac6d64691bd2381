import { Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

import { ResetPasswordForm } from "../../features/auth/reset-password-form";

export default function ResetPasswordRoute() {
  const { t } = useTranslation();
  const token = useLocation().hash.replace(/^#/, "");
  useEffect(() => {
    document.title = `${t("auth.resetTitle")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t("auth.resetTitle")}
      </Heading>
      <ResetPasswordForm token={token} />
    </div>
  );
}
