import { Alert, Button, Paragraph, SkipLink, Tag } from "@digdir/designsystemet-react";
import { can } from "@malestokk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useMatches } from "react-router";

import { LeaveGuardProvider } from "../components/leave-guard";
import { Loading } from "../components/query-state";
import { QueryView } from "../components/query-view";
import { useHasDemoData } from "../lib/demo";
import { LANGUAGES, setLanguage, type Language } from "../lib/i18n";
import { forgetSession, grantsOf, useMe } from "../lib/session";
import { useTRPC } from "../lib/trpc";
import type { RouteHandle } from "./router";

// Only visitors who are not signed in need the sign-in form (and its form components): it stays out of
// everyone's first JavaScript, and the server preloads it for a visitor without a session.
const SignInPage = lazy(() => import("../features/auth/sign-in-page").then((module) => ({ default: module.SignInPage })));

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t("app.language")} className="language-switch">
      {LANGUAGES.map((lng: Language) => (
        <button
          key={lng}
          type="button"
          className="language-switch__button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => void setLanguage(i18n, lng)}
        >
          {/* Each language is named in itself, so people find their own whatever is shown now. */}
          {lng === "nb" ? "Norsk (bokmål)" : "English"}
        </button>
      ))}
    </div>
  );
}

function DemoBanner() {
  const { t } = useTranslation();
  if (!useHasDemoData()) return null;
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

function UserMenu({ email, isAdmin, canSeeSector }: { email: string; isAdmin: boolean; canSeeSector: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        forgetSession(queryClient, trpc);
      },
    }),
  );
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul className="main-nav__list">
        <li>
          <NavLink to="/">{t("nav.municipalities")}</NavLink>
        </li>
        <li>
          <NavLink to="/sammenlign">{t("nav.compare")}</NavLink>
        </li>
        {canSeeSector && (
          <li>
            <NavLink to="/sektor" end>
              {t("nav.sector")}
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to="/ideer">{t("nav.ideas")}</NavLink>
        </li>
        {isAdmin && (
          <>
            <li>
              <NavLink to="/admin/brukere">{t("nav.users")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/innlogging">{t("nav.signIn")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/tilganger">{t("nav.permissions")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/logg">{t("nav.audit")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/import">{t("nav.import")}</NavLink>
            </li>
            <li>
              <NavLink to="/admin/aar">{t("nav.years")}</NavLink>
            </li>
          </>
        )}
        <li>
          <NavLink to="/konto" title={t("nav.signedInAs", { email })}>
            {t("nav.account")}
          </NavLink>
        </li>
        <li>
          <Button variant="tertiary" data-size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t("nav.signOut")}
          </Button>
        </li>
      </ul>
      <span className="main-nav__user" data-testid="signed-in-as">
        {t("nav.signedInAs", { email })}
      </span>
    </nav>
  );
}

/** True once any query was refused for want of a session: the session ended while the page was open. */
function useSessionLost(): boolean {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [lost, setLost] = useState(false);
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const error = event.query.state.error as { data?: { code?: string } } | null;
        if (event.type === "updated" && error?.data?.code === "UNAUTHORIZED") {
          setLost(true);
          void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        }
      }),
    [queryClient, trpc],
  );
  return lost;
}

/**
 * After signing in the form is replaced by the page: focus goes to the page's heading once it is
 * there, and the step is announced, so focus does not fall to the body (WCAG 2.4.3, 4.1.3).
 */
function useFocusAfterSignIn(signedIn: boolean | null): string | null {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const wasSignedOut = useRef(false);
  useEffect(() => {
    if (signedIn === false) {
      wasSignedOut.current = true;
      setAnnouncement(null);
      return;
    }
    const main = document.getElementById("main");
    if (!signedIn || !wasSignedOut.current || !main) return;
    wasSignedOut.current = false;
    const focusHeading = (): boolean => {
      const heading = main.querySelector("h1");
      if (!heading) return false;
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      setAnnouncement(t("app.signedInAnnouncement", { page: heading.textContent }));
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [signedIn, t]);
  return announcement;
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const sessionLost = useSessionLost();
  const isPublic = useMatches().some((m) => (m.handle as RouteHandle | undefined)?.public === true);
  const isAdmin = grantsOf(me.data).some((g) => g.role === "admin");
  const canSeeSector = can(grantsOf(me.data), "sector.read");
  const signInAnnouncement = useFocusAfterSignIn(isPublic || !me.isSuccess ? null : Boolean(me.data));

  let content;
  if (isPublic) content = <Outlet />;
  else
    content = (
      <QueryView query={me}>
        {(signedIn) =>
          signedIn ? (
            <Outlet />
          ) : (
            <Suspense fallback={<Loading />}>
              <SignInPage expired={sessionLost} />
            </Suspense>
          )
        }
      </QueryView>
    );

  return (
    <LeaveGuardProvider>
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <DemoBanner />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            <span className="app-header__name">{t("app.name")}</span>
            <span className="app-header__tagline">{t("app.tagline")}</span>
          </Link>
          {me.data && <UserMenu email={me.data.email} isAdmin={isAdmin} canSeeSector={canSeeSector} />}
          <LanguageSwitch />
        </div>
      </header>
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="route-announcer">
        {signInAnnouncement}
      </div>
      <main id="main" tabIndex={-1} className="app-main">
        {content}
      </main>
      <footer className="app-footer">
        <Link to="/tilgjengelighet">{t("app.accessibility")}</Link>
      </footer>
    </LeaveGuardProvider>
  );
}
