import { eq, isNotNull, or } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { identityProviders, mailOutbox, users } from "../schema/index";

/**
 * A secret the server reads back: a user's TOTP key (enrolled or pending), a provider's client secret,
 * or the token a message in the mail outbox carries (a reset link's, until the message is sent).
 */
export interface StoredSecret {
  readonly kind: "totp" | "totpPending" | "clientSecret" | "mailSecret";
  readonly id: number;
  readonly value: string;
}

export function listStoredSecrets(db: DbOrTx): StoredSecret[] {
  const userRows = db
    .select({ id: users.id, totp: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(or(isNotNull(users.totpSecret), isNotNull(users.totpPendingSecret)))
    .all();
  const providerRows = db
    .select({ id: identityProviders.id, secret: identityProviders.clientSecret })
    .from(identityProviders)
    .where(isNotNull(identityProviders.clientSecret))
    .all();
  const mailRows = db.select({ id: mailOutbox.id, secret: mailOutbox.secret }).from(mailOutbox).where(isNotNull(mailOutbox.secret)).all();
  return [
    ...userRows.flatMap((u): StoredSecret[] => [
      ...(u.totp ? [{ kind: "totp" as const, id: u.id, value: u.totp }] : []),
      ...(u.pending ? [{ kind: "totpPending" as const, id: u.id, value: u.pending }] : []),
    ]),
    ...providerRows.flatMap((p): StoredSecret[] => (p.secret ? [{ kind: "clientSecret", id: p.id, value: p.secret }] : [])),
    ...mailRows.flatMap((m): StoredSecret[] => (m.secret ? [{ kind: "mailSecret", id: m.id, value: m.secret }] : [])),
  ];
}

export function replaceStoredSecret(db: DbOrTx, secret: StoredSecret, value: string): void {
  if (secret.kind === "clientSecret")
    db.update(identityProviders).set({ clientSecret: value }).where(eq(identityProviders.id, secret.id)).run();
  else if (secret.kind === "mailSecret") db.update(mailOutbox).set({ secret: value }).where(eq(mailOutbox.id, secret.id)).run();
  else if (secret.kind === "totp") db.update(users).set({ totpSecret: value }).where(eq(users.id, secret.id)).run();
  else db.update(users).set({ totpPendingSecret: value }).where(eq(users.id, secret.id)).run();
}
