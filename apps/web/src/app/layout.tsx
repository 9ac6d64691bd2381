import { Alert, Paragraph, SkipLink, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";

import { LANGUAGES, type Language } from "../lib/i18n";
import { useTRPC } from "../lib/trpc";

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t("app.language")} className="language-switch">
      {LANGUAGES.map((lng: Language) => (
        <button
          key={lng}
          type="button"
          className="language-switch__button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {lng === "nb" ? "Norsk (bokmål)" : "English"}
        </button>
      ))}
    </nav>
  );
}

function DemoBanner() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  if (!info.data?.hasDemoData) return null;
  return (
    <Alert data-color="warning" className="demo-banner" data-testid="demo-banner">
      <Paragraph data-size="sm">
        <Tag data-color="warning" data-size="sm">
          {t("app.demoTag")}
        </Tag>{" "}
        {t("app.demoBanner")}
      </Paragraph>
    </Alert>
  );
}

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            <span className="app-header__name">{t("app.name")}</span>
            <span className="app-header__tagline">{t("app.tagline")}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <DemoBanner />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </>
  );
}
