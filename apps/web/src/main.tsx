// The app, loaded by the page's entry (load.ts) once the page has painted.
import { startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";

import { AppTree } from "./app/app-tree";
import { loadSignInPage } from "./app/layout";
import { createRouter, routerReady } from "./app/router";
import { createI18n, loadBokmal, setLanguage } from "./lib/i18n";
import { languageFor, peekBootstrappedMe, takeBootstrappedQueries } from "./lib/session";
import { createQueryClient, createTrpcClient, seedQueries } from "./lib/trpc";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

// The texts start loading now, beside the first page's chunk (the router waits for both).
void loadBokmal();
const i18n = createI18n();
// The account's language, a remembered one or the default (ADR 026), loaded before the first paint so the
// page does not flip.
const { language, isChoice } = languageFor(peekBootstrappedMe(), navigator.languages);
if (language !== "nb") await setLanguage(i18n, language, { remember: isChoice });

// The router starts loading the first page's chunk now (the server named it in the page, so it is
// usually in already).
const router = createRouter();
// React empties #root at its first commit: draw once the first page's chunk is in, so the shell the
// server sent (and the sign-in form in it for a visitor without a session, whose code loads meanwhile)
// stays until the page replaces it, with no blank frame or loading state between.
const drawnSignIn = root.querySelector(".sign-in") !== null;
await Promise.all([routerReady(router), drawnSignIn ? loadSignInPage() : null]);

// The first screen's answers came in the page (ADR 034): the page draws from them without asking again.
const queryClient = createQueryClient();
const trpcClient = createTrpcClient();
seedQueries(queryClient, trpcClient, takeBootstrappedQueries());

const app = <AppTree queryClient={queryClient} trpcClient={trpcClient} i18n={i18n} router={router} />;
// A main page the server drew (ADR 041) is taken over as it stands, when it was drawn in the language shown
// here (a choice stored on this browser is one the server could not know); anything else is drawn anew.
// As a transition: React then works in slices of a few milliseconds, yielding to the browser between them, not
// in one task of 200 ms and more on a phone that holds up a tap meanwhile (total blocking time, issue 21). A tap
// on the page before the take-over is done makes React finish it at once and then handle the tap.
startTransition(() => {
  if (root.dataset.drawn === language) hydrateRoot(root, app);
  else createRoot(root).render(app);
});
