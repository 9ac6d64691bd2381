import { appendAudit, setUserLanguage } from "@malestokk/db";
import type { UiLanguage } from "@malestokk/domain";

import { auditBy, type SignedInContext } from "../../context";

/**
 * Keeps the signed-in user's own choice of interface language on the account, used at every sign-in
 * (ADR 026). Only one's own: the procedure takes no user id.
 */
export function setOwnLanguage(ctx: SignedInContext, input: { language: UiLanguage }): { language: UiLanguage } {
  const at = ctx.now().toISOString();
  const userId = ctx.session.user.id;
  ctx.db.transaction((tx) => {
    setUserLanguage(tx, { userId, language: input.language, now: at });
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "auth.languageChanged",
      entity: "user",
      entityId: String(userId),
      details: { language: input.language },
    });
  });
  return { language: input.language };
}
