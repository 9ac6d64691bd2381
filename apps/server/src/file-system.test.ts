import { describe, expect, it } from "vitest";

import { networkFileSystem, parseMounts } from "./file-system";

const MOUNTS = [
  "/dev/sda1 / ext4 rw,relatime 0 0",
  "proc /proc proc rw,nosuid 0 0",
  "fileserver:/export/data /srv/data nfs4 rw,relatime 0 0",
  "//nas/share /mnt/nas cifs rw 0 0",
  "/dev/sdb1 /srv/data/local ext4 rw 0 0",
  "/dev/sdc1 /mnt/with\\040space xfs rw 0 0",
].join("\n");

describe("networkFileSystem (docs/quality-targets.md#r-8)", () => {
  it("names the network file system the database's directory is on, by the longest matching mount point", () => {
    expect(networkFileSystem("/srv/data/malestokk.db", MOUNTS)).toBe("nfs4");
    expect(networkFileSystem("/mnt/nas/db/malestokk.db", MOUNTS)).toBe("cifs");
    expect(networkFileSystem("/srv/data/local/malestokk.db", MOUNTS)).toBeNull();
    expect(networkFileSystem("/var/lib/malestokk/malestokk.db", MOUNTS)).toBeNull();
    // A mount point that is only a prefix of another directory's name does not count.
    expect(networkFileSystem("/srv/database/malestokk.db", MOUNTS)).toBeNull();
    expect(networkFileSystem("/x.db", "")).toBeNull();
  });

  it("reads /proc/mounts escapes", () => {
    expect(parseMounts(MOUNTS).at(-1)).toEqual({ mountPoint: "/mnt/with space", type: "xfs" });
  });
});
