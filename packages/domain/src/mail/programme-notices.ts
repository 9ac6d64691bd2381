import type { UiLanguage } from "../auth/ui-language";
import type { LocalizedText } from "../text/localized";
import { formatNoticeDate } from "./notice-date";

/**
 * The notices of the benefit and idea work (issue 25): a measurement due or overdue, an invitation to a
 * joint project or idea, an idea waiting for a step, and the board's meeting pack. What each says is only
 * what its recipient reads in the app (docs/decisions/038-programme-notices.md).
 */
export interface NoticeOrganisation {
  readonly number: string;
  readonly name: string;
}

/** Where a measured benefit lives: a project's own plan, or a municipality's local plan of a joint solution. */
export type MeasuredPlan =
  | { readonly kind: "project"; readonly projectId: number }
  | { readonly kind: "local"; readonly projectId: number; readonly number: string };

/** The step an idea waits for, by whose turn it is (`ideaWaitingFor`): the council's, the secretariat's, the board's. */
export type IdeaStepAwaited = "prioritize" | "compile" | "decide";

export type ProgrammeNoticeContent =
  | {
      readonly kind: "measurementDue";
      readonly plan: MeasuredPlan;
      readonly projectName: string;
      /** The organisation whose plan it is. */
      readonly organisation: NoticeOrganisation;
      readonly benefit: string;
      readonly indicator: string;
      readonly dueDate: string;
      /** Days left to the due date (0 on the day), or negative once it is overdue. */
      readonly daysLeft: number;
      readonly ownerName: string;
      /** Whether the recipient is the benefit's owner (else one of the plan's keepers). */
      readonly isOwner: boolean;
    }
  | {
      readonly kind: "invitation";
      readonly joint: "project" | "idea";
      readonly id: number;
      readonly name: string;
      readonly owner: NoticeOrganisation;
      readonly invitee: NoticeOrganisation;
      readonly by: string;
    }
  | {
      readonly kind: "ideaStep";
      readonly ideaId: number;
      readonly title: string;
      readonly owner: NoticeOrganisation;
      readonly awaits: IdeaStepAwaited;
      /** Who took the step before (or submitted the idea). */
      readonly by: string;
    }
  | {
      readonly kind: "meetingPack";
      readonly meetingDate: string;
      /** The titles of the items up for decision (compiled ideas). */
      readonly items: readonly string[];
      readonly by: string;
    };

/** Where a programme notice's link points (a path of the web app). */
export function programmeNoticePath(content: ProgrammeNoticeContent): string {
  switch (content.kind) {
    case "measurementDue":
      return content.plan.kind === "project"
        ? `/gevinster/prosjekt/${content.plan.projectId}`
        : `/kommune/${content.plan.number}/felles/${content.plan.projectId}`;
    case "invitation":
      // The invitations wait for the manager's answer above the municipality's projects, or the idea list.
      return content.joint === "project" ? `/kommune/${content.invitee.number}/gevinster` : "/ideer";
    case "ideaStep":
      return `/ideer/${content.ideaId}`;
    case "meetingPack":
      return "/ideer/motepakke";
  }
}

/** Subject, paragraphs and the link's words of one notice, in one language. */
export interface ProgrammeNoticeLines {
  readonly subject: string;
  readonly body: readonly string[];
  readonly action: string;
}

function t(text: LocalizedText, l: UiLanguage): string {
  return text[l];
}

function quoted(text: string, l: UiLanguage): string {
  return l === "en" ? `“${text}”` : `«${text}»`;
}

function org(o: NoticeOrganisation): string {
  return `${o.name} (${o.number})`;
}

function daysAhead(days: number, l: UiLanguage): string {
  if (days === 0) return t({ nb: "i dag", nn: "i dag", en: "today" }, l);
  if (days === 1) return t({ nb: "i morgen", nn: "i morgon", en: "tomorrow" }, l);
  return t({ nb: `om ${days} dager`, nn: `om ${days} dagar`, en: `in ${days} days` }, l);
}

type Content<K extends ProgrammeNoticeContent["kind"]> = Extract<ProgrammeNoticeContent, { kind: K }>;

function measurementLines(c: Content<"measurementDue">, l: UiLanguage): ProgrammeNoticeLines {
  const benefit = quoted(c.benefit, l);
  const project = quoted(c.projectName, l);
  const date = formatNoticeDate(c.dueDate, l);
  const plan =
    c.plan.kind === "project"
      ? t({ nb: `prosjektet ${project}`, nn: `prosjektet ${project}`, en: `the project ${project}` }, l)
      : t(
          {
            nb: `den lokale planen til ${org(c.organisation)} for ${project}`,
            nn: `den lokale planen til ${org(c.organisation)} for ${project}`,
            en: `the local plan of ${org(c.organisation)} for ${project}`,
          },
          l,
        );
  const overdue = c.daysLeft < 0;
  const who = c.isOwner
    ? t({ nb: "Du er eier av gevinsten.", nn: "Du er eigar av gevinsten.", en: "You are the owner of this benefit." }, l)
    : t(
        {
          nb: `Gevinsteier er ${c.ownerName}. Du får denne e-posten fordi du kan redigere planen.`,
          nn: `Gevinsteigar er ${c.ownerName}. Du får denne e-posten fordi du kan redigere planen.`,
          en: `The benefit's owner is ${c.ownerName}. You receive this e-mail because you may edit the plan.`,
        },
        l,
      );
  return {
    subject: overdue
      ? t(
          {
            nb: `${benefit}: målingen skulle vært gjort innen ${date}`,
            nn: `${benefit}: målinga skulle vore gjord innan ${date}`,
            en: `${benefit}: the measurement was due on ${date}`,
          },
          l,
        )
      : t(
          {
            nb: `${benefit}: neste måling skal gjøres innen ${date}`,
            nn: `${benefit}: neste måling skal gjerast innan ${date}`,
            en: `${benefit}: the next measurement is due on ${date}`,
          },
          l,
        ),
    body: [
      overdue
        ? t(
            {
              nb: `Gevinsten ${benefit} i ${plan} skulle vært målt innen ${date} (indikator: ${c.indicator}), og ingen ny måling er registrert ennå.`,
              nn: `Gevinsten ${benefit} i ${plan} skulle vore målt innan ${date} (indikator: ${c.indicator}), og inga ny måling er registrert enno.`,
              en: `The benefit ${benefit} in ${plan} was to be measured by ${date} (indicator: ${c.indicator}), and no new measurement has been recorded yet.`,
            },
            l,
          )
        : t(
            {
              nb: `Gevinsten ${benefit} i ${plan} skal måles innen ${date}, ${daysAhead(c.daysLeft, l)} (indikator: ${c.indicator}).`,
              nn: `Gevinsten ${benefit} i ${plan} skal målast innan ${date}, ${daysAhead(c.daysLeft, l)} (indikator: ${c.indicator}).`,
              en: `The benefit ${benefit} in ${plan} is to be measured by ${date}, ${daysAhead(c.daysLeft, l)} (indicator: ${c.indicator}).`,
            },
            l,
          ),
      who,
    ],
    action: t({ nb: "Åpne gevinstplanen", nn: "Opne gevinstplanen", en: "Open the benefit plan" }, l),
  };
}

function invitationLines(c: Content<"invitation">, l: UiLanguage): ProgrammeNoticeLines {
  const name = quoted(c.name, l);
  const what =
    c.joint === "project"
      ? t({ nb: `samarbeidsprosjektet ${name}`, nn: `samarbeidsprosjektet ${name}`, en: `the joint project ${name}` }, l)
      : t({ nb: `idéen ${name}`, nn: `idéen ${name}`, en: `the idea ${name}` }, l);
  return {
    subject: t(
      {
        nb: `${c.owner.name} inviterer ${c.invitee.name} til ${what}`,
        nn: `${c.owner.name} inviterer ${c.invitee.name} til ${what}`,
        en: `${c.owner.name} invites ${c.invitee.name} to ${what}`,
      },
      l,
    ),
    body: [
      t(
        {
          nb: `${c.by} i ${org(c.owner)} har invitert ${org(c.invitee)} til å være med på ${what}.`,
          nn: `${c.by} i ${org(c.owner)} har invitert ${org(c.invitee)} til å vere med på ${what}.`,
          en: `${c.by} of ${org(c.owner)} has invited ${org(c.invitee)} to take part in ${what}.`,
        },
        l,
      ),
      t(
        {
          nb: "Som leder kan du takke ja eller nei i Målestokk. Kommunen er med først når invitasjonen er godtatt.",
          nn: "Som leiar kan du takke ja eller nei i Målestokk. Kommunen er med først når invitasjonen er godteken.",
          en: "As a manager you can accept or decline it in Målestokk. The municipality takes part only once the invitation is accepted.",
        },
        l,
      ),
    ],
    action: t({ nb: "Se invitasjonen", nn: "Sjå invitasjonen", en: "See the invitation" }, l),
  };
}

const AWAITED: Record<IdeaStepAwaited, { subject: LocalizedText; turn: LocalizedText; action: LocalizedText }> = {
  prioritize: {
    subject: { nb: "venter på prioritering", nn: "ventar på prioritering", en: "awaits prioritization" },
    turn: {
      nb: "Den venter på at et kommunalt prioriteringsråd (KPR) vurderer og prioriterer den.",
      nn: "Han ventar på at eit kommunalt prioriteringsråd (KPR) vurderer og prioriterer han.",
      en: "It awaits a prioritization council (KPR) to assess and prioritize it.",
    },
    action: { nb: "Prioriter idéen", nn: "Prioriter idéen", en: "Prioritize the idea" },
  },
  compile: {
    subject: { nb: "venter på sammenstilling", nn: "ventar på samanstilling", en: "awaits compiling" },
    turn: {
      nb: "Den venter på at sekretariatet sammenstiller den med en anbefaling til programstyret.",
      nn: "Han ventar på at sekretariatet samanstiller han med ei tilråding til programstyret.",
      en: "It awaits the secretariat to compile it with a recommendation to the programme board.",
    },
    action: { nb: "Sammenstill idéen", nn: "Samanstill idéen", en: "Compile the idea" },
  },
  decide: {
    subject: { nb: "venter på beslutning", nn: "ventar på avgjerd", en: "awaits a decision" },
    turn: {
      nb: "Den venter på at programstyret beslutter ja eller nei.",
      nn: "Han ventar på at programstyret avgjer ja eller nei.",
      en: "It awaits the programme board's decision, yes or no.",
    },
    action: { nb: "Se idéen", nn: "Sjå idéen", en: "See the idea" },
  },
};

const DONE: Record<IdeaStepAwaited, LocalizedText> = {
  prioritize: { nb: "meldt inn", nn: "meldt inn", en: "submitted" },
  compile: { nb: "prioritert", nn: "prioritert", en: "prioritized" },
  decide: { nb: "sammenstilt", nn: "samanstilt", en: "compiled" },
};

function ideaStepLines(c: Content<"ideaStep">, l: UiLanguage): ProgrammeNoticeLines {
  const title = quoted(c.title, l);
  const awaited = AWAITED[c.awaits];
  return {
    subject: t(
      {
        nb: `Idéen ${title} ${awaited.subject.nb}`,
        nn: `Idéen ${title} ${awaited.subject.nn}`,
        en: `The idea ${title} ${awaited.subject.en}`,
      },
      l,
    ),
    body: [
      t(
        {
          nb: `${c.by} har ${DONE[c.awaits].nb} idéen ${title} fra ${org(c.owner)}.`,
          nn: `${c.by} har ${DONE[c.awaits].nn} idéen ${title} frå ${org(c.owner)}.`,
          en: `${c.by} has ${DONE[c.awaits].en} the idea ${title} from ${org(c.owner)}.`,
        },
        l,
      ),
      t(awaited.turn, l),
    ],
    action: t(awaited.action, l),
  };
}

function meetingPackLines(c: Content<"meetingPack">, l: UiLanguage): ProgrammeNoticeLines {
  const date = formatNoticeDate(c.meetingDate, l);
  const count = c.items.length;
  return {
    subject: t(
      {
        nb: `Møtepakken til programstyremøtet ${date} er klar`,
        nn: `Møtepakken til programstyremøtet ${date} er klar`,
        en: `The meeting pack for the programme board meeting on ${date} is ready`,
      },
      l,
    ),
    body: [
      t(
        {
          nb: `${c.by} har gjort møtepakken til møtet ${date} klar. ${count === 0 ? "Ingen saker venter på beslutning." : count === 1 ? "Én sak venter på beslutning:" : `${count} saker venter på beslutning:`}`,
          nn: `${c.by} har gjort møtepakken til møtet ${date} klar. ${count === 0 ? "Ingen saker ventar på avgjerd." : count === 1 ? "Éi sak ventar på avgjerd:" : `${count} saker ventar på avgjerd:`}`,
          en: `${c.by} has made the meeting pack for the meeting on ${date} ready. ${count === 0 ? "No items await a decision." : count === 1 ? "One item awaits a decision:" : `${count} items await a decision:`}`,
        },
        l,
      ),
      ...c.items.map((item) => `– ${item}`),
      t(
        {
          nb: "Møtepakken viser også sektoren slik den står, og kan skrives ut eller lastes ned som Excel-fil.",
          nn: "Møtepakken viser òg sektoren slik han står, og kan skrivast ut eller lastast ned som Excel-fil.",
          en: "The pack also shows the sector as it stands, and can be printed or downloaded as an Excel file.",
        },
        l,
      ),
    ],
    action: t({ nb: "Åpne møtepakken", nn: "Opne møtepakken", en: "Open the meeting pack" }, l),
  };
}

/** What a programme notice says, in the recipient's language. */
export function writeProgrammeNotice(content: ProgrammeNoticeContent, language: UiLanguage): ProgrammeNoticeLines {
  switch (content.kind) {
    case "measurementDue":
      return measurementLines(content, language);
    case "invitation":
      return invitationLines(content, language);
    case "ideaStep":
      return ideaStepLines(content, language);
    case "meetingPack":
      return meetingPackLines(content, language);
  }
}
