import { existsSync } from "node:fs";

/** Where Debian's libreoffice-calc-nogui puts LibreOffice's command (npm test installs it when missing). */
export const SOFFICE = "/usr/bin/soffice";

/**
 * The LibreOffice command, or a failure that says how to get it: a spec that needs it must not pass
 * silently without it (the CSV read-back of issue 23).
 */
export function requireSoffice(): string {
  if (!existsSync(SOFFICE)) {
    throw new Error(
      `${SOFFICE} is missing: the CSV read-back needs headless LibreOffice. Install it with \`apt-get install -y libreoffice-calc-nogui\` (npm test does it when run as root).`,
    );
  }
  return SOFFICE;
}
