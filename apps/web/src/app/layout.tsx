import { Alert, Button, Paragraph, SkipLink, Tag } from "@digdir/designsystemet-react";
import { can } from "@malestokk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useMatches } from "react-router";

import { LeaveGuardProvider } from "../components/leave-guard";
import { Loading } from "../components/query-state";
import { QueryView } from "../components/query-view";
import { useHasDemoData } from "../lib/demo";
import { LANGUAGE_NAMES, LANGUAGES, setLanguage, type Language } from "../lib/i18n";
import { refreshing } from "../lib/refreshing";
import { forgetSession, grantsOf, languageFor, useMe, type Me } from "../lib/session";
import { useTRPC } from "../lib/trpc";
import type * as SignInPageModule from "../features/auth/sign-in-page";
import type { RouteHandle } from "./router";

// Only visitors who are not signed in need the sign-in form (and its form components): it stays out of
// everyone's first JavaScript, and the server preloads it for a visitor without a session.
type SignInModule = typeof SignInPageModule;
let signInModule: SignInModule | null = null;

/** Loads the sign-in form's code; once it is in, the layout draws the form at once, with no loading state before it. */
export function loadSignInPage(): Promise<SignInModule> {
  return import("../features/auth/sign-in-page").then((module) => (signInModule = module));
}

const LazySignInPage = lazy(() => loadSignInPage().then((module) => ({ default: module.SignInPage })));

function SignIn({ expired }: { expired: boolean }) {
  const Loaded = signInModule?.SignInPage;
  if (Loaded) return <Loaded expired={expired} />;
  return (
    <Suspense fallback={<Loading />}>
      <LazySignInPage expired={expired} />
    </Suspense>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.auth.setLanguage.mutationOptions(refreshing(() => queryClient.invalidateQueries(trpc.auth.me.queryFilter()))),
  );
  // Signed in, the choice is kept on the account too, for every later sign-in on any browser (ADR 026).
  const choose = (language: Language) => {
    void setLanguage(i18n, language);
    if (me.data) save.mutate({ language });
  };
  return (
    <div role="group" aria-label={t("app.language")} className="language-switch">
      {LANGUAGES.map((lng: Language) => (
        <button
          key={lng}
          type="button"
          className="language-switch__button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          onClick={() => choose(lng)}
        >
          {/* Each language is named in itself, so people find their own whatever is shown now. */}
          {LANGUAGE_NAMES[lng]}
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

const ADMIN_LINKS = [
  ["/admin/brukere", "nav.users"],
  ["/admin/innlogging", "nav.signIn"],
  ["/admin/tilganger", "nav.permissions"],
  ["/admin/logg", "nav.audit"],
  ["/admin/import", "nav.import"],
  ["/admin/aar", "nav.years"],
  ["/admin/api-nokler", "nav.apiTokens"],
  ["/admin/e-post", "nav.mail"],
] as const;

/**
 * A disclosure button's state: open until the page changes or Escape is pressed (focus then returns
 * to the button).
 */
function useDisclosure(controls: string) {
  const { pathname } = useLocation();
  const [isOpen, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  if (isOpen && openedAt !== pathname) setOpen(false);
  useEffect(() => {
    if (!isOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [isOpen]);
  const buttonProps = {
    ref: button,
    type: "button" as const,
    "aria-expanded": isOpen,
    "aria-controls": controls,
    onClick: () => {
      setOpen(!isOpen);
      setOpenedAt(pathname);
    },
  };
  return { isOpen, buttonProps };
}

/** The administration pages behind one disclosure button, so that the header keeps to one row at 1366 px for an administrator too. */
function AdminMenu() {
  const { t } = useTranslation();
  const { isOpen, buttonProps } = useDisclosure("admin-menu");
  return (
    <li className="main-nav__group">
      <button {...buttonProps} className="main-nav__group-button">
        {t("nav.admin")}
      </button>
      <ul id="admin-menu" className="main-nav__sublist" hidden={!isOpen}>
        {ADMIN_LINKS.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to}>{t(label)}</NavLink>
          </li>
        ))}
      </ul>
    </li>
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
          <NavLink to="/kommuner">{t("nav.municipalities")}</NavLink>
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
        {isAdmin && <AdminMenu />}
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

/**
 * On a narrow screen (or zoomed in) the menu and the language switch fold behind one "Meny" button, so
 * that the header takes little of the screen; the signed-in user stays in view.
 */
function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const { isOpen: isMenuOpen, buttonProps } = useDisclosure("app-menu");
  const isAdmin = grantsOf(me.data).some((g) => g.role === "admin");
  const canSeeSector = can(grantsOf(me.data), "sector.read");
  const isFolding = me.data != null;
  return (
    <header className="app-header">
      <div className={isFolding ? "app-header__inner app-header__inner--folding" : "app-header__inner"}>
        <Link to="/" className="app-header__brand">
          <span className="app-header__name">{t("app.name")}</span>
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </Link>
        {isFolding && (
          <button {...buttonProps} className="app-header__menu-button">
            {t("nav.menu")}
          </button>
        )}
        <div id="app-menu" className={isMenuOpen ? "app-header__menu app-header__menu--open" : "app-header__menu"}>
          {me.data && <UserMenu email={me.data.email} isAdmin={isAdmin} canSeeSector={canSeeSector} />}
          <LanguageSwitch />
        </div>
        {me.data && (
          <span className="app-header__user" data-testid="signed-in-as">
            {t("nav.signedInAs", { email: me.data.email })}
          </span>
        )}
      </div>
    </header>
  );
}

/** At every sign-in, the account's language, or the default for the user (ADR 026). */
function useAccountLanguage(me: Me | null | undefined): void {
  const { i18n } = useTranslation();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === me.email) return;
    appliedFor.current = me.email;
    const { language, isChoice } = languageFor(me, navigator.languages);
    if (language !== i18n.language) void setLanguage(i18n, language, { remember: isChoice });
  }, [me, i18n]);
}

/** The page the server drew (ADR 041) is the app's now: its controls take clicks again (styles.css). */
function useTakenOver(): void {
  useEffect(() => document.getElementById("root")?.removeAttribute("data-drawn"), []);
}

export function Layout() {
  const { t } = useTranslation();
  useTakenOver();
  const me = useMe();
  useAccountLanguage(me.data);
  const sessionLost = useSessionLost();
  const isPublic = useMatches().some((m) => (m.handle as RouteHandle | undefined)?.public === true);
  const signInAnnouncement = useFocusAfterSignIn(isPublic || !me.isSuccess ? null : Boolean(me.data));

  let content;
  if (isPublic) content = <Outlet />;
  else content = <QueryView query={me}>{(signedIn) => (signedIn ? <Outlet /> : <SignIn expired={sessionLost} />)}</QueryView>;

  return (
    <LeaveGuardProvider>
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <DemoBanner />
      <Header />
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="route-announcer">
        {signInAnnouncement}
      </div>
      <main id="main" tabIndex={-1} className="app-main">
        {content}
      </main>
      <footer className="app-footer">
        <Link to="/tilgjengelighet">{t("app.accessibility")}</Link>
        <Link to="/api-dokumentasjon">{t("app.apiDocs")}</Link>
      </footer>
    </LeaveGuardProvider>
  );
}
