import { Heading } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { CompareUnits } from "../../features/compare/compare";

/** /sammenlign: head to head. */
export default function CompareRoute() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("compare.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("compare.title")}
      </Heading>
      <CompareUnits />
    </div>
  );
}
