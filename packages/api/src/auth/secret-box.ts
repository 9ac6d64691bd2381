import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { listStoredSecrets, replaceStoredSecret, type Db } from "@malestokk/db";

const PREFIX = "sealed:v1:";

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

/**
 * Secrets the server must read back (TOTP keys, identity providers' client secrets), sealed with
 * AES-256-GCM under a key from SECRET_KEY, so a copied database file or backup does not give them
 * away. Without a key they are stored as given (the demo), and a sealed value cannot be opened.
 */
export interface SecretBox {
  readonly sealing: boolean;
  seal(plain: string): string;
  open(stored: string): string;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The key is derived from the configured text, so any long random string will do. */
export function createSecretBox(secretKey: string | null | undefined): SecretBox {
  if (!secretKey) {
    return {
      sealing: false,
      seal: (plain) => plain,
      open: (stored) => {
        if (isSealed(stored)) throw new SecretKeyError("A stored secret is sealed, but SECRET_KEY is not set");
        return stored;
      },
    };
  }
  const key = Buffer.from(hkdfSync("sha256", secretKey, "malestokk", "stored secrets v1", 32));
  return {
    sealing: true,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${iv.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(stored) {
      // Values stored before a key was set are read as they are, and sealed at the next start.
      if (!isSealed(stored)) return stored;
      const [iv, body] = stored.slice(PREFIX.length).split(".");
      if (!iv || !body) throw new SecretKeyError("A sealed secret is malformed");
      const bytes = Buffer.from(body, "base64url");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretKeyError("A sealed secret does not open with this SECRET_KEY (was the key changed?)");
      }
    },
  };
}

/**
 * At start: seals every secret still stored as given once a key is set (one transaction). Refuses
 * to go on without a key when some are sealed, since TOTP sign-ins would then fail for no clear reason.
 */
export function sealStoredSecrets(db: Db, box: SecretBox): { sealed: number } {
  return db.transaction((tx) => {
    const stored = listStoredSecrets(tx);
    if (!box.sealing) {
      if (stored.some((s) => isSealed(s.value)))
        throw new SecretKeyError("The database holds sealed secrets: set the SECRET_KEY they were sealed with");
      return { sealed: 0 };
    }
    let sealed = 0;
    for (const secret of stored) {
      // Opening proves the key is the right one before anything is written.
      const plain = box.open(secret.value);
      if (!isSealed(secret.value)) {
        replaceStoredSecret(tx, secret, box.seal(plain));
        sealed++;
      }
    }
    return { sealed };
  });
}

/** Re-seals every stored secret from one key to another (key rotation), in one transaction; any that does not open stops it. */
export function resealStoredSecrets(db: Db, from: SecretBox, to: SecretBox): { resealed: number } {
  return db.transaction((tx) => {
    const stored = listStoredSecrets(tx);
    for (const secret of stored) replaceStoredSecret(tx, secret, to.seal(from.open(secret.value)));
    return { resealed: stored.length };
  });
}
