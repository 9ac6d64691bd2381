import { isSingleCallProcedure } from "@malestokk/domain";

import { AppError } from "../errors";

/**
 * Refuses an HTTP request whose batch holds a call that checks a secret next to any other call
 * (issue 17, finding 4): called while the context is made, so nothing in the batch runs.
 */
export function refuseBatchedSecretCalls(paths: readonly string[]): void {
  if (paths.length <= 1) return;
  const procedure = paths.find(isSingleCallProcedure);
  if (procedure) {
    throw new AppError("SINGLE_CALL_REQUIRED", { message: `${procedure} must be the only call in its request`, params: { procedure } });
  }
}
