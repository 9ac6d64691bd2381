import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { ApiDocsPage } from "../../features/api-docs/api-docs-page";
import { useLocaleArea } from "../../lib/i18n";
import enApiDocs from "../../locales/en.api-docs.json";
import nbApiDocs from "../../locales/nb.api-docs.json";
import nnApiDocs from "../../locales/nn.api-docs.json";

/** /api-dokumentasjon: the public API's endpoints, parameters and examples. Open to everyone. */
export default function ApiDocsRoute() {
  useLocaleArea("apiDocs", { nb: nbApiDocs, nn: nnApiDocs, en: enApiDocs });
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("apiDocs.title")} – ${t("app.name")}`;
  }, [t]);
  return <ApiDocsPage />;
}
