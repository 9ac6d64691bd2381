import { getMailRecipient, type DbOrTx } from "@malestokk/db";

import type { SecretBox } from "../auth/secret-box";
import { queueNotice, type MailSettings } from "./notify";

type MailContext = { readonly mail: MailSettings; readonly secrets: SecretBox; readonly now: () => Date };

/**
 * The security notices (issue 25, point 2), one call each from the auth services, in their
 * transactions: they go to the account's own address and cannot be turned off.
 */
export function queueResetLink(ctx: MailContext, tx: DbOrTx, args: { userId: number; token: string; expiresAt: string }): boolean {
  const user = getMailRecipient(tx, args.userId, "resetLink");
  if (!user) return false;
  const content = { kind: "resetLink", name: user.name, expiresAt: args.expiresAt } as const;
  // The key is the link's own expiry: a new link is a new notice; the token itself never appears in a key.
  return queueNotice(ctx, tx, [user], { key: `resetLink:${args.expiresAt}`, content, secret: args.token }) > 0;
}

export function queuePasswordChanged(ctx: MailContext, tx: DbOrTx, userId: number): void {
  const user = getMailRecipient(tx, userId, "passwordChanged");
  if (!user) return;
  const at = ctx.now().toISOString();
  queueNotice(ctx, tx, [user], { key: `passwordChanged:${at}`, content: { kind: "passwordChanged", name: user.name, at } });
}

export function queueSecondFactorChanged(ctx: MailContext, tx: DbOrTx, userId: number, change: "enabled" | "replaced" | "reset"): void {
  const user = getMailRecipient(tx, userId, "secondFactorChanged");
  if (!user) return;
  const at = ctx.now().toISOString();
  queueNotice(ctx, tx, [user], {
    key: `secondFactorChanged:${change}:${at}`,
    content: { kind: "secondFactorChanged", name: user.name, at, change },
  });
}
