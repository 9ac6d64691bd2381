import { describe, expect, it } from "vitest";

import { noticePath, renderNotice } from "./notices";
import type { ProgrammeNoticeContent } from "./programme-notices";

const links = { baseUrl: "https://m.no", unsubscribeUrl: "https://m.no/e-post/avmeld?token=t" };
const bergen = { number: "4601", name: "Bergen" };
const oslo = { number: "0301", name: "Oslo" };

describe("programme notices", () => {
  it("links a measurement to the project's plan, or to the municipality's local plan of a joint solution", () => {
    const base = {
      kind: "measurementDue",
      projectName: "Digital post",
      organisation: bergen,
      benefit: "Færre brev",
      indicator: "Brev per år",
      dueDate: "2026-06-30",
      daysLeft: 14,
      ownerName: "Kari",
      isOwner: true,
    } as const;
    expect(noticePath({ ...base, plan: { kind: "project", projectId: 7 } })).toBe("/gevinster/prosjekt/7");
    expect(noticePath({ ...base, plan: { kind: "local", projectId: 7, number: "4601" } })).toBe("/kommune/4601/felles/7");
  });

  it("tells the owner and the keepers apart, and says when a measurement is overdue, in each language", () => {
    const content: ProgrammeNoticeContent = {
      kind: "measurementDue",
      plan: { kind: "project", projectId: 7 },
      projectName: "Digital post",
      organisation: bergen,
      benefit: "Færre brev",
      indicator: "Brev per år",
      dueDate: "2026-06-30",
      daysLeft: 1,
      ownerName: "Kari",
      isOwner: false,
    };
    const nb = renderNotice(content, "nb", links);
    expect(nb.subject).toBe("«Færre brev»: neste måling skal gjøres innen 30.06.2026");
    expect(nb.text).toContain("skal måles innen 30.06.2026, i morgen");
    expect(nb.text).toContain("Gevinsteier er Kari. Du får denne e-posten fordi du kan redigere planen.");
    expect(nb.url).toBe("https://m.no/gevinster/prosjekt/7");
    const nn = renderNotice({ ...content, daysLeft: -3, isOwner: true }, "nn", links);
    expect(nn.subject).toBe("«Færre brev»: målinga skulle vore gjord innan 30.06.2026");
    expect(nn.text).toContain("inga ny måling er registrert enno");
    expect(nn.text).toContain("Du er eigar av gevinsten.");
    const en = renderNotice({ ...content, daysLeft: 10 }, "en", links);
    expect(en.subject).toBe("“Færre brev”: the next measurement is due on 30 June 2026");
    expect(en.text).toContain("in 10 days");
  });

  it("names the invitation's project or idea, the owner, the invitee and who invited, and links to where the manager answers", () => {
    const project: ProgrammeNoticeContent = {
      kind: "invitation",
      joint: "project",
      id: 3,
      name: "Felles arkiv",
      owner: bergen,
      invitee: oslo,
      by: "Ola",
    };
    const nb = renderNotice(project, "nb", links);
    expect(nb.subject).toBe("Bergen inviterer Oslo til samarbeidsprosjektet «Felles arkiv»");
    expect(nb.text).toContain("Ola i Bergen (4601) har invitert Oslo (0301) til å være med på samarbeidsprosjektet «Felles arkiv».");
    expect(nb.url).toBe("https://m.no/kommune/0301/gevinster");
    const nn = renderNotice({ ...project, joint: "idea" }, "nn", links);
    expect(nn.subject).toBe("Bergen inviterer Oslo til idéen «Felles arkiv»");
    expect(nn.text).toContain("til å vere med på idéen");
    expect(nn.url).toBe("https://m.no/ideer");
  });

  it("says whose turn an idea waits for", () => {
    const content: ProgrammeNoticeContent = {
      kind: "ideaStep",
      ideaId: 5,
      title: "Chatbot",
      owner: bergen,
      awaits: "compile",
      by: "Rådet",
    };
    const nn = renderNotice(content, "nn", links);
    expect(nn.subject).toBe("Idéen «Chatbot» ventar på samanstilling");
    expect(nn.text).toContain("Rådet har prioritert idéen «Chatbot» frå Bergen (4601).");
    expect(nn.url).toBe("https://m.no/ideer/5");
    expect(renderNotice({ ...content, awaits: "decide" }, "en", links).subject).toBe("The idea “Chatbot” awaits a decision");
    expect(renderNotice({ ...content, awaits: "prioritize" }, "nb", links).subject).toBe("Idéen «Chatbot» venter på prioritering");
  });

  it("lists the meeting pack's items and links to the pack", () => {
    const content: ProgrammeNoticeContent = {
      kind: "meetingPack",
      meetingDate: "2026-04-02",
      items: ["Chatbot", "<Arkiv>"],
      by: "Sekretariatet",
    };
    const nb = renderNotice(content, "nb", links);
    expect(nb.subject).toBe("Møtepakken til programstyremøtet 02.04.2026 er klar");
    expect(nb.text).toContain("2 saker venter på beslutning:\n\n– Chatbot\n\n– <Arkiv>");
    expect(nb.html).toContain("<p>– &lt;Arkiv&gt;</p>");
    expect(nb.url).toBe("https://m.no/ideer/motepakke");
    expect(renderNotice({ ...content, items: ["Chatbot"] }, "nn", links).text).toContain("Éi sak ventar på avgjerd:");
  });
});
