import { describe, expect, it } from "vitest";

import { CSRF, startApp } from "./test-helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function start() {
  const { base, connection, signIn: signInAs } = await startApp();
  const signIn = async (email: string) => (await signInAs(email)).cookie;
  // The demo's joint project: Oslo owns it, Bergen takes part, Trondheim does not.
  const { id: projectId } = connection.sqlite.prepare("SELECT id FROM projects WHERE name = 'Felles innbyggerportal'").get() as {
    id: number;
  };
  const upload = (cookie: string, fileName: string, body: Buffer, headers: Record<string, string> = CSRF) =>
    fetch(`${base}/files/toolbox/${projectId}?${new URLSearchParams({ title: "Kravspesifikasjon", fileName }).toString()}`, {
      method: "POST",
      headers: { ...headers, cookie, "content-type": "application/octet-stream" },
      body,
    });
  return { base, signIn, projectId, upload };
}

describe("toolbox documents over HTTP (issue 26)", () => {
  it("serves an uploaded PDF to a participant as an attachment with a safe type and a name by RFC 6266/5987", async () => {
    const { base, signIn, projectId, upload } = await start();
    const owner = await signIn("manager.0301@demo.example");
    const stored = await upload(owner, "Krav – Bodø.pdf", PDF);
    expect(stored.status).toBe(201);
    const { id } = (await stored.json()) as { id: number };

    const bergen = await signIn("manager.4601@demo.example");
    const res = await fetch(`${base}/files/toolbox/${projectId}/${id}`, { headers: { cookie: bergen } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Krav _ Bodo.pdf"; filename*=UTF-8''Krav%20%E2%80%93%20Bod%C3%B8.pdf`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("refuses a download to whoever cannot see the project and to no session, and a missing entry", async () => {
    const { base, signIn, projectId, upload } = await start();
    const { id } = (await (await upload(await signIn("manager.0301@demo.example"), "krav.pdf", PDF)).json()) as { id: number };
    const trondheim = await signIn("manager.5001@demo.example");
    const refused = await fetch(`${base}/files/toolbox/${projectId}/${id}`, { headers: { cookie: trondheim } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-disposition")).toBeNull();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect((await fetch(`${base}/files/toolbox/${projectId}/${id}`)).status).toBe(401);
    const owner = await signIn("manager.0301@demo.example");
    expect((await fetch(`${base}/files/toolbox/${projectId}/${id + 1000}`, { headers: { cookie: owner } })).status).toBe(404);
  });

  it("refuses an HTML page named .pdf, a file over 5 MB, a participant's upload and one without the cross-site header", async () => {
    const { signIn, upload } = await start();
    const owner = await signIn("manager.0301@demo.example");
    const html = await upload(owner, "krav.pdf", Buffer.from("<!doctype html><script>alert(1)</script>"));
    expect(html.status).toBe(400);
    expect(await html.json()).toEqual({
      error: { code: "VALIDATION_FAILED", params: {}, issues: [{ path: ["file"], code: "FILE_WRONG_TYPE", params: {} }] },
    });
    const huge = Buffer.alloc(6 * 1024 * 1024);
    PDF.copy(huge);
    const large = await upload(owner, "stor.pdf", huge);
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: { issues: { code: string }[] } }).error.issues[0]?.code).toBe("FILE_TOO_LARGE");
    expect((await upload(await signIn("manager.4601@demo.example"), "krav.pdf", PDF)).status).toBe(403);
    expect((await upload(owner, "krav.pdf", PDF, {})).status).toBe(403);
  });
});
