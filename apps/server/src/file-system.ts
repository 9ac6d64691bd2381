import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// SQLite's WAL needs shared memory and working locks, which network file systems do not give
// reliably (sqlite.org/wal.html): a database there can be corrupted (docs/quality-targets.md#r-8).
const NETWORK_TYPES = new Set([
  "nfs",
  "nfs4",
  "cifs",
  "smb3",
  "smbfs",
  "ncpfs",
  "afs",
  "9p",
  "fuse.sshfs",
  "fuse.rclone",
  "glusterfs",
  "ceph",
  "davfs",
]);

/** Mount points with their file-system type, from /proc/mounts text (octal escapes such as \040 undone). */
export function parseMounts(text: string): { mountPoint: string; type: string }[] {
  return text
    .split("\n")
    .map((line) => line.split(" "))
    .filter((fields) => fields.length >= 3)
    .map(([, mountPoint = "", type = ""]) => ({
      mountPoint: mountPoint.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))),
      type,
    }));
}

/** The file-system type when the database's directory is on a network file system; null otherwise or when unknown. */
export function networkFileSystem(databasePath: string, mountsText: string): string | null {
  const directory = resolve(dirname(databasePath));
  let best: { mountPoint: string; type: string } | null = null;
  for (const mount of parseMounts(mountsText)) {
    const inside = mount.mountPoint === "/" || directory === mount.mountPoint || directory.startsWith(`${mount.mountPoint}/`);
    if (inside && (!best || mount.mountPoint.length >= best.mountPoint.length)) best = mount;
  }
  return best && NETWORK_TYPES.has(best.type) ? best.type : null;
}

/** Reads this machine's mounts (Linux); elsewhere there is nothing to check. */
export function databaseOnNetworkFileSystem(databasePath: string): string | null {
  if (databasePath === ":memory:") return null;
  try {
    return networkFileSystem(databasePath, readFileSync("/proc/mounts", "utf8"));
  } catch {
    return null;
  }
}
