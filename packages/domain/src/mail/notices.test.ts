import { describe, expect, it } from "vitest";

import {
  escapeHtml,
  formatNoticeDate,
  formatNoticeTime,
  nextTryAfterFailure,
  noticePath,
  osloDateTime,
  renderNotice,
  retryDelayMs,
} from "./notices";

describe("retries", () => {
  it("waits one minute, doubled each try, at most an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("gives up after the last try, and at once on a permanent refusal", () => {
    expect(nextTryAfterFailure(1, { permanent: false })).toBe(60_000);
    expect(nextTryAfterFailure(7, { permanent: false })).toBe(3_600_000);
    expect(nextTryAfterFailure(8, { permanent: false })).toBeNull();
    expect(nextTryAfterFailure(1, { permanent: true })).toBeNull();
  });
});

describe("dates in notices", () => {
  it("reads instants in Norwegian time, summer and winter", () => {
    expect(osloDateTime(new Date("2026-01-15T23:30:00Z"))).toEqual({ date: "2026-01-16", time: "00:30" });
    expect(osloDateTime(new Date("2026-07-01T22:00:00Z"))).toEqual({ date: "2026-07-02", time: "00:00" });
    expect(formatNoticeTime("2026-03-01T12:05:00Z", "nn")).toBe("01.03.2026 kl. 13:05");
    expect(formatNoticeTime("2026-03-01T12:05:00Z", "en")).toBe("1 March 2026 at 13:05");
    expect(formatNoticeDate("2026-04-30", "nb")).toBe("30.04.2026");
  });
});

describe("renderNotice", () => {
  const unit = { number: "4601", name: "Bergen", isCooperative: false };

  it("links to the exact page, for municipalities and IT cooperatives", () => {
    expect(noticePath({ kind: "reportSubmitted", area: "costs", unit, year: 2025, by: "x" })).toBe("/kommune/4601/kostnader/2025");
    expect(
      noticePath({
        kind: "reportSubmitted",
        area: "costs",
        unit: { number: "987654321", name: "IKT Vest", isCooperative: true },
        year: 2025,
        by: "x",
      }),
    ).toBe("/samarbeid/987654321/kostnader/2025");
    expect(noticePath({ kind: "reportReturned", area: "quality", instrument: "tjenester", unit, year: 2025, by: "x", comment: "c" })).toBe(
      "/kommune/4601/tjenester/2025",
    );
    expect(noticePath({ kind: "resetLink", name: "A", expiresAt: "2026-03-02T12:00:00Z" }, "tok")).toBe("/tilbakestill-passord#tok");
  });

  it("writes each language, escapes the HTML, and offers unsubscribing only where a user may turn a kind off", () => {
    const content = { kind: "reportReturned", area: "costs", unit, year: 2025, by: "Mona", comment: "<b>Sjekk</b> lisensane" } as const;
    const links = { baseUrl: "https://m.no/", unsubscribeUrl: "https://m.no/e-post/avmeld?token=t" };
    const nn = renderNotice(content, "nn", links);
    expect(nn.subject).toBe("Bergen (4601): kostnadsrapporten for 2025 er returnert");
    expect(nn.url).toBe("https://m.no/kommune/4601/kostnader/2025");
    expect(nn.text).toContain("«<b>Sjekk</b> lisensane»");
    expect(nn.html).toContain("&lt;b&gt;Sjekk&lt;/b&gt;");
    expect(nn.html).not.toContain("<b>Sjekk");
    expect(nn.html).toContain('lang="nn"');
    expect(nn.text).toContain("https://m.no/e-post/avmeld?token=t");
    expect(renderNotice(content, "en", links).subject).toBe("Bergen (4601): the cost report for 2025 was returned");
    const security = renderNotice({ kind: "passwordChanged", name: "Kari", at: "2026-03-01T12:00:00Z" }, "nb", links);
    expect(security.text).not.toContain("avmeld");
    expect(security.text).toContain("Var dette deg?");
    expect(security.text).toContain("Sikkerhetsvarsler sendes alltid");
  });

  it("counts the days to a deadline, and says when it was missed", () => {
    const reminder = (daysBefore: number) =>
      renderNotice({ kind: "deadlineReminder", unit, year: 2025, deadline: "2026-04-30", daysBefore }, "nb", { baseUrl: "https://m.no" })
        .subject;
    expect(reminder(30)).toBe("Bergen (4601): 30 dager til fristen for 2025");
    expect(reminder(1)).toBe("Bergen (4601): 1 dag til fristen for 2025");
    expect(reminder(-1)).toBe("Bergen (4601): fristen for 2025 gikk ut 30.04.2026");
  });

  it("escapes every character HTML treats specially", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
