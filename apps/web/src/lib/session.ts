import type { RouterOutputs } from "@malestokk/api";
import {
  can,
  defaultUiLanguage,
  isOrganisationRole,
  languageOfBrowser,
  type Permission,
  type Role,
  type RoleGrant,
  type Sector,
} from "@malestokk/domain";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { readStoredLanguage, type Language } from "./i18n";
import { useTRPC } from "./trpc";

export type Me = NonNullable<RouterOutputs["auth"]["me"]>;

/** What the sign-in form asks first, sent in the page to a visitor without a session. */
export interface BootstrappedSignIn {
  readonly options: RouterOutputs["auth"]["signInOptions"];
  readonly demoAccounts: RouterOutputs["auth"]["demoAccounts"];
}

/** A query's answer the server ran for the page's first screen (ADR 034): procedure, input, answer. */
export interface BootstrappedQuery {
  readonly path: string;
  readonly input?: unknown;
  readonly data: unknown;
}

interface Bootstrap {
  readonly me?: Me | null;
  readonly signIn?: BootstrappedSignIn;
  readonly queries?: readonly BootstrappedQuery[];
}

/** What the server put in the page (a JSON block in it): who was signed in, and for the sign-in form. Read once. */
function takeBootstrap(): Bootstrap {
  const element = typeof document === "undefined" ? null : document.getElementById("malestokk-bootstrap");
  if (!element?.textContent) return {};
  element.remove();
  try {
    return JSON.parse(element.textContent) as Bootstrap;
  } catch {
    return {};
  }
}

const bootstrap = takeBootstrap();
let bootstrapped: Me | null | undefined = bootstrap.me;
let bootstrappedSignIn: BootstrappedSignIn | undefined = bootstrap.signIn;
let bootstrappedQueries: readonly BootstrappedQuery[] = bootstrap.queries ?? [];

/** The first screen's answers from the page, once (main.tsx puts them in the query cache before the first draw). */
export function takeBootstrappedQueries(): readonly BootstrappedQuery[] {
  const taken = bootstrappedQueries;
  bootstrappedQueries = [];
  return taken;
}

/** The sign-in form's first answers from the page, once (after that, the form asks the server). */
export function takeBootstrappedSignIn(): BootstrappedSignIn | undefined {
  const taken = bootstrappedSignIn;
  bootstrappedSignIn = undefined;
  return taken;
}

/** Who the server said is signed in when it sent the page, before anything is drawn (main.tsx). */
export function peekBootstrappedMe(): Me | null | undefined {
  return bootstrapped;
}

/**
 * The language to show (ADR 026): the account's choice; else one made on this browser; else, signed in,
 * the municipality's written standard; else the browser's languages; else bokmål. `isChoice` tells a
 * choice, which is remembered on the browser, from a default, which is not.
 */
export function languageFor(me: Me | null | undefined, browser: readonly string[]): { language: Language; isChoice: boolean } {
  const chosen = me?.language ?? readStoredLanguage();
  if (chosen) return { language: chosen, isChoice: true };
  if (me) return { language: defaultUiLanguage({ chosen: null, writtenStandard: me.writtenStandard, browser }), isChoice: false };
  return { language: languageOfBrowser(browser) ?? "nb", isChoice: false };
}

/** The signed-in user (null when signed out); every page reads it from one cached query. */
export function useMe() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.auth.me.queryOptions();
  // Seeded once, not initialData: after sign-out the cache must fall back to asking the server.
  if (bootstrapped !== undefined) {
    queryClient.setQueryData(options.queryKey, bootstrapped);
    bootstrapped = undefined;
  }
  return useQuery({ ...options, staleTime: 60_000 });
}

export function grantsOf(me: Me | null | undefined): RoleGrant[] {
  return (me?.grants ?? []).map((g) => ({
    role: g.role as Role,
    organisationId: g.organisationId,
    sector: g.sector as Sector | null,
  }));
}

/** Mirrors the server's permission table to hide what would be refused; the server still decides. */
export function useCan(permission: Permission, organisationId: number | null = null): boolean {
  const me = useMe();
  return can(grantsOf(me.data), permission, organisationId);
}

/**
 * After sign-out: the page shows sign-in at once, and nothing fetched under the old session stays
 * in memory for the next person at this browser.
 */
export function forgetSession(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>): void {
  const meKey = trpc.auth.me.queryKey();
  queryClient.setQueryData(meKey, null);
  queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(meKey) });
}

/** Whether the user holds a role (manager, finance) in this organisation itself. */
export function useHasRoleIn(organisationId: number | null): boolean {
  const me = useMe();
  return organisationId !== null && grantsOf(me.data).some((g) => isOrganisationRole(g.role) && g.organisationId === organisationId);
}
