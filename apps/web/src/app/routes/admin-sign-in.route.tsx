import "../../features/admin/admin.css";

import { Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { IdentityProviders } from "../../features/admin/identity-providers/identity-providers";
import { useLocaleArea } from "../../lib/i18n";
import enIdentity from "../../locales/en.identity.json";
import nbIdentity from "../../locales/nb.identity.json";
import nnIdentity from "../../locales/nn.identity.json";
import { useAdminTexts } from "../../features/admin/use-admin-texts";

/** /admin/innlogging: identity providers and password sign-in. Its texts load with the page, not with the first one. */
export default function AdminSignInRoute() {
  useAdminTexts();
  useLocaleArea("identity", { nb: nbIdentity, nn: nnIdentity, en: enIdentity });
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("identity.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("identity.title")}
      </Heading>
      <IdentityProviders />
    </div>
  );
}
