import { MIN_PASSWORD_LENGTH } from "@malestokk/domain";

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
