import { listOrganisationNames, type DbOrTx } from "@malestokk/db";
import { CONTEXT_WORDS, isContextPassword, MIN_PASSWORD_LENGTH, personalContextWords } from "@malestokk/domain";

import { AppError } from "../errors";

let common: Promise<ReadonlySet<string>> | null = null;

/**
 * The common and breached passwords of zxcvbn-ts (some 49 000, from leaked password lists), lower
 * case. Loaded on first use, on the server only; only those long enough to pass our length rule
 * are kept, the rest are refused anyway.
 */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].filter((p) => p.length >= MIN_PASSWORD_LENGTH).map((p) => p.toLowerCase())),
  );
  return common;
}

/** Whether a password is on the list of common or breached passwords, compared case-insensitively (ASVS 5.0 6.2.4). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.trim().toLowerCase());
}

/** Refuses a new password from the list, on the `newPassword` field with the reason (decision 005). */
export async function requireUncommonPassword(password: string): Promise<void> {
  if (await isCommonPassword(password)) {
    throw new AppError("VALIDATION_FAILED", {
      message: "The new password is on the list of common passwords",
      issues: [{ path: ["newPassword"], code: "COMMON_PASSWORD", params: {} }],
    });
  }
}

/**
 * Whether a password is made only of words this service's users are known by (ASVS 5.0 6.2.11): the
 * product and sector words, the user's own name and e-mail, and every name in the register.
 */
export function isGuessablePassword(db: DbOrTx, password: string, user: { readonly email: string; readonly name: string }): boolean {
  return isContextPassword(password, [...CONTEXT_WORDS, ...personalContextWords(user), ...listOrganisationNames(db)]);
}

/** Refuses a new password made of such words, on the `newPassword` field with the reason. */
export function requireUnguessablePassword(db: DbOrTx, password: string, user: { readonly email: string; readonly name: string }): void {
  if (isGuessablePassword(db, password, user)) {
    throw new AppError("VALIDATION_FAILED", {
      message: "The new password is made of words that are easy to guess here",
      issues: [{ path: ["newPassword"], code: "GUESSABLE_PASSWORD", params: {} }],
    });
  }
}
