import type { Db } from "@malestokk/db";

export interface ContextOptions {
  readonly db: Db;
  /** The clock, injected so tests and services never call Date.now() directly. */
  readonly now?: () => Date;
  /** Where unexpected errors are reported, with the id the user sees. */
  readonly reportError?: (errorId: string, error: unknown) => void;
}

export interface Context {
  readonly db: Db;
  readonly now: () => Date;
  readonly reportError: (errorId: string, error: unknown) => void;
}

/** The context without HTTP: used by the server adapter and by router tests through createCaller. */
export function createContextInner(options: ContextOptions): Context {
  return {
    db: options.db,
    now: options.now ?? (() => new Date()),
    reportError: options.reportError ?? (() => undefined),
  };
}
