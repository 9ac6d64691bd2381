import { QueryClientProvider } from "@tanstack/react-query";
import i18next from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";

import { DemoAccounts, SignInPage } from "../features/auth/sign-in-page";
import { BOKMAL } from "../lib/bokmal";
import { createQueryClient, createTrpcClient, TRPCProvider } from "../lib/trpc";

/**
 * The sign-in form in bokmål as the app first draws it (nothing asked of the server yet), rendered at
 * build time (vite.config.ts) into index.html's shell. The server sends it to a visitor without a
 * session, so the form paints with the HTML and the CSS, before any script (FCP, LCP:
 * docs/quality-targets.md#p-1); the app then draws the page in its place. The demo accounts' heading and
 * introduction come between the markers `<!--demo-accounts:start-->` and `<!--demo-accounts:end-->`, which
 * the server keeps only while there are demo accounts: on a phone that introduction is the page's largest
 * text (LCP), and so it paints with the form rather than after the scripts.
 */
export function renderSignIn(): string {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { nb: { translation: BOKMAL } },
    lng: "nb",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const queryClient = createQueryClient();
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createTrpcClient()} queryClient={queryClient}>
          {/* Disabled until the app takes over: what is typed before then would be lost when the app draws the form anew. */}
          <fieldset disabled className="prerendered">
            <SignInPage drawnDemoIntro={<DemoAccounts accounts={null} />} />
          </fieldset>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return html.replace(
    /<section aria-labelledby="demo-accounts-heading"[\s\S]*?<\/section>/,
    "<!--demo-accounts:start-->$&<!--demo-accounts:end-->",
  );
}
