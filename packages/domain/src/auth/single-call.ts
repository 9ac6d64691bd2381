/**
 * The calls that check a secret (a password, a second-factor code, a reset token). Each must come
 * alone in its HTTP request: a batch would let many guesses run side by side (issue 17; decision
 * 005). The server refuses such a batch before anything runs, and the web app sends them unbatched.
 */
export const SINGLE_CALL_PROCEDURES = [
  "auth.signIn",
  "auth.secondFactor",
  "auth.completeReset",
  "auth.changePassword",
  "auth.enrolBegin",
  "auth.enrolConfirm",
] as const;

export function isSingleCallProcedure(path: string): boolean {
  return (SINGLE_CALL_PROCEDURES as readonly string[]).includes(path);
}
