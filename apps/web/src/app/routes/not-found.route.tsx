import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export default function NotFoundRoute() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("app.notFoundTitle")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("app.notFoundTitle")}
      </Heading>
      <Paragraph>{t("app.notFoundBody")}</Paragraph>
      <Link to="/">{t("app.toList")}</Link>
    </div>
  );
}
