import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { CooperativeList } from "../../features/municipalities/cooperative-list";
import { MunicipalityList } from "../../features/municipalities/municipality-list";

export default function MunicipalityListRoute() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("municipalities.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <MunicipalityList />
      <CooperativeList />
    </div>
  );
}
