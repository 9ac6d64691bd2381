import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { OpenIndex } from "../../features/open/open-index";
import { useOpenTexts } from "../../features/open/open-texts";

/** /apne-data: the published figures, open to everyone (docs/open-data.md#open-pages). */
export default function OpenDataRoute() {
  useOpenTexts();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("open.title")} – ${t("app.name")}`;
  }, [t]);
  return <OpenIndex />;
}
