import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import {
  IDEA_SECTORS,
  IDEA_STATUSES,
  IdeaInputSchema,
  writeXlsx,
  XLSX_MIME_TYPE,
  type IdeaSector,
  type IdeaStatus,
} from "@malestokk/domain";
import { useEffect, useState, type FormEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { SelectField } from "../../components/select-field";
import { EmptyState } from "../../components/empty-state";
import { downloadFile } from "../../components/download";
import { useLeaveGuard } from "../../components/leave-guard";
import { sheetName } from "../../components/sheet-names";
import { QueryView } from "../../components/query-view";
import { readAppError, translateError } from "../../lib/errors";
import { formatDateTimeShort, formatNok } from "../../lib/format";
import { useMe } from "../../lib/session";
import { useUrlState } from "../../lib/url-state";
import { useIdeas, useSubmitIdea } from "./api";
import { IdeaInvitations } from "./idea-invitations";
import { ideaTurnText } from "./idea-turn";

type Idea = RouterOutputs["ideas"]["list"][number];
const STATUS_COLOURS: Record<IdeaStatus, "neutral" | "info" | "success" | "danger" | "warning"> = {
  submitted: "neutral",
  prioritized: "info",
  compiled: "warning",
  approved: "success",
  rejected: "danger",
  withdrawn: "neutral",
};

export function IdeaStatusTag({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={STATUS_COLOURS[status]}>
      {t(`ideas.statuses.${status}`)}
    </Tag>
  );
}

/** The ideas as one worksheet: title, who, sector, status, score, recommendation, cost, problem and benefits. */
export function ideasSheet(t: TFunction, name: string, ideas: readonly Idea[]) {
  const header = [
    t("ideas.idea"),
    t("ideas.submitter"),
    t("ideas.sector"),
    t("ideas.status"),
    t("ideas.score"),
    t("ideas.recommendation"),
    t("ideas.detail.roughCost"),
    t("ideas.detail.problem"),
    t("ideas.detail.expectedBenefits"),
  ];
  const rows = ideas.map((i) => [
    i.title,
    i.organisationName,
    t(`ideas.sectors.${i.sector}`),
    t(`ideas.statuses.${i.status}`),
    i.priorityScore,
    i.recommendation ? t(`ideas.${i.recommendation}`) : "",
    i.roughCostNok,
    i.problem,
    i.expectedBenefits,
  ]);
  return { name, rows: [header, ...rows], headerRows: 1 };
}

/** The pipeline: every idea the user may see, filtered by status in the URL; managers submit new ones. The "compiled" view is the board's meeting pack. */
export function IdeasPage({ pack }: { pack: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useIdeas();
  const [status, setStatus] = useUrlState<IdeaStatus | "all">("status", "all", (raw) =>
    (IDEA_STATUSES as readonly string[]).includes(raw) ? (raw as IdeaStatus) : null,
  );
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const heading = pack ? t("ideas.pack.heading") : t("ideas.title");
  useEffect(() => {
    document.title = `${heading} – ${t("app.name")}`;
  }, [heading, t]);
  // Managers submit for their own municipality (the server checks).
  const submitters = (me.data?.grants ?? []).filter((g) => g.role === "manager" || g.role === "admin");
  const organisations = (me.data?.grants ?? []).filter((g) => g.role === "manager" && g.organisationNumber !== null);
  if (!list.isSuccess) return <QueryView query={list} />;
  const shown = list.data.filter((i) => (pack ? i.status === "compiled" : status === "all" || i.status === status));
  const exportXlsx = () => downloadFile("prosjektideer.xlsx", writeXlsx([ideasSheet(t, sheetName(t, "ideas"), shown)]), XLSX_MIME_TYPE);
  // In the meeting pack the route gives the page its h1 and the one download for the whole pack.
  if (pack) {
    return (
      <section className="stack" aria-labelledby="pack-items">
        <Heading level={2} data-size="md" id="pack-items">
          {t("ideas.pack.items")}
        </Heading>
        {shown.length === 0 ? <EmptyState>{t("ideas.pack.none")}</EmptyState> : <IdeasTable ideas={shown} detailed />}
      </section>
    );
  }
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>{t("ideas.intro")}</Paragraph>
      <div className="button-row no-print">
        <Link to="/ideer/motepakke">{t("ideas.pack.open")}</Link>
        <Button variant="tertiary" data-size="sm" onClick={exportXlsx}>
          {t("ideas.downloadList")}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => window.print()}>
          {t("ideas.print")}
        </Button>
      </div>
      <IdeaInvitations />
      {sent && (
        <Alert data-color="success" role="status" data-testid="idea-sent">
          {sent}
        </Alert>
      )}
      {!pack && organisations.length > 0 && submitters.length > 0 && !submitting && (
        <div className="no-print">
          <Button onClick={() => setSubmitting(true)}>{t("ideas.submit.open")}</Button>
        </div>
      )}
      {submitting && (
        <SubmitForm
          organisations={organisations.map((g) => ({ number: g.organisationNumber ?? "", name: g.organisationName ?? "" }))}
          onDone={(title) => {
            setSubmitting(false);
            setSent(t("ideas.submit.sent", { title }));
          }}
          onCancel={() => setSubmitting(false)}
        />
      )}
      {!pack && (
        <Field className="no-print">
          <Label htmlFor="idea-status-filter">{t("ideas.filter")}</Label>
          <Select id="idea-status-filter" value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus | "all")}>
            <Select.Option value="all">{t("ideas.all")}</Select.Option>
            {IDEA_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`ideas.statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      {shown.length === 0 ? (
        <EmptyState>{pack ? t("ideas.pack.none") : organisations.length > 0 ? t("ideas.emptySubmit") : t("ideas.empty")}</EmptyState>
      ) : (
        <IdeasTable ideas={shown} detailed={pack} />
      )}
    </div>
  );
}

function IdeasTable({ ideas, detailed }: { ideas: readonly Idea[]; detailed: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("ideas.caption")}
      captionHidden
      testId="ideas-table"
      rows={ideas}
      rowKey={(i) => i.id}
      columns={[
        {
          key: "idea",
          header: t("ideas.idea"),
          render: (i) => (
            <>
              <Link to={`/ideer/${i.id}`}>{i.title}</Link>{" "}
              {i.isDemo && (
                <Tag data-size="sm" data-color="warning">
                  {t("app.demoTag")}
                </Tag>
              )}
            </>
          ),
        },
        { key: "organisationName", header: t("ideas.submitter") },
        { key: "sector", header: t("ideas.sector"), render: (i) => t(`ideas.sectors.${i.sector}`) },
        {
          key: "status",
          header: t("ideas.status"),
          render: (i) => {
            const turn = ideaTurnText(t, i);
            return (
              <>
                <IdeaStatusTag status={i.status} />
                {turn !== null && (
                  <p className="field-note" data-testid="idea-turn">
                    {turn}
                  </p>
                )}
              </>
            );
          },
        },
        { key: "score", header: t("ideas.score"), numeric: true, render: (i) => i.priorityScore ?? "" },
        {
          key: "recommendation",
          header: t("ideas.recommendation"),
          render: (i) => (i.recommendation ? t(`ideas.${i.recommendation}`) : ""),
        },
        { key: "roughCost", header: t("ideas.detail.roughCost"), numeric: true, render: (i) => formatNok(i.roughCostNok) },
        {
          key: "last",
          header: detailed ? t("ideas.detail.expectedBenefits") : t("ideas.updated"),
          render: (i) => (detailed ? i.expectedBenefits : formatDateTimeShort(i.updatedAt)),
        },
      ]}
    />
  );
}

const FIRST_SECTOR: IdeaSector = "helseVelferd";

function SubmitForm({
  organisations,
  onDone,
  onCancel,
}: {
  organisations: readonly { number: string; name: string }[];
  onDone: (title: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState(organisations[0]?.number ?? "");
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState("");
  const [sector, setSector] = useState<IdeaSector>(FIRST_SECTOR);
  const [expectedBenefits, setExpectedBenefits] = useState("");
  const [roughCost, setRoughCost] = useState("");
  const [participants, setParticipants] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Sending or cancelling closes the form, which ends the guard.
  useLeaveGuard([title, problem, expectedBenefits, roughCost, participants].some((text) => text !== "") || sector !== FIRST_SECTOR);
  const submit = useSubmitIdea({
    onSuccess: (_r, input) => onDone(input.idea.title),
    onError: (error) => {
      const fields: Record<string, string> = {};
      for (const issue of readAppError(error)?.issues ?? [])
        fields[String(issue.path[0])] ??= t([`ideas.errors.${issue.code}`, "errors.VALIDATION_FAILED"], issue.params);
      setErrors(Object.keys(fields).length > 0 ? fields : { form: translateError(t, error).message });
    },
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    const cost = Number(roughCost.replace(/[\s\u00a0]/g, ""));
    const candidate = {
      title,
      problem,
      sector,
      expectedBenefits,
      roughCostNok: roughCost.trim() === "" || !Number.isInteger(cost) ? Number.NaN : cost,
      participants: participants.split(/[,;\s]+/).filter((s) => s !== ""),
    };
    const parsed = IdeaInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        fields[field] ??= t(
          field === "roughCostNok"
            ? "ideas.errors.NOT_A_NUMBER"
            : field === "participants"
              ? "ideas.errors.UNKNOWN_MUNICIPALITY"
              : "ideas.errors.REQUIRED",
          { number: typeof issue.input === "string" ? issue.input : "" },
        );
      }
      setErrors(fields);
      return;
    }
    setErrors({});
    submit.mutate({ municipalityNumber: organisation, idea: parsed.data });
  };
  return (
    <section className="panel" aria-labelledby="idea-form-heading" data-testid="idea-form">
      <Heading level={2} data-size="xs" id="idea-form-heading">
        {t("ideas.submit.heading")}
      </Heading>
      <form className="stack" onSubmit={send} noValidate>
        {organisations.length > 1 && (
          <SelectField
            id="idea-organisation"
            label={t("ideas.submit.organisation")}
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
          >
            {organisations.map((o) => (
              <Select.Option key={o.number} value={o.number}>
                {o.name}
              </Select.Option>
            ))}
          </SelectField>
        )}
        <Textfield
          id="idea-title"
          label={t("ideas.submit.title")}
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.target.value)}
          autoComplete="off"
        />
        <Textfield
          multiline
          rows={3}
          id="idea-problem"
          label={t("ideas.submit.problem")}
          value={problem}
          error={errors.problem}
          onChange={(e) => setProblem(e.target.value)}
        />
        <SelectField
          id="idea-sector"
          label={t("ideas.submit.sector")}
          value={sector}
          onChange={(e) => setSector(e.target.value as IdeaSector)}
        >
          {IDEA_SECTORS.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`ideas.sectors.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={3}
          id="idea-benefits"
          label={t("ideas.submit.expectedBenefits")}
          value={expectedBenefits}
          error={errors.expectedBenefits}
          onChange={(e) => setExpectedBenefits(e.target.value)}
        />
        <Textfield
          id="idea-cost"
          label={t("ideas.submit.roughCost")}
          inputMode="numeric"
          value={roughCost}
          error={errors.roughCostNok}
          onChange={(e) => setRoughCost(e.target.value)}
          autoComplete="off"
        />
        <Textfield
          id="idea-participants"
          label={t("ideas.submit.participants")}
          description={t("ideas.submit.participantsDescription")}
          value={participants}
          error={errors.participants}
          onChange={(e) => setParticipants(e.target.value)}
          autoComplete="off"
        />
        {errors.form && (
          <Alert data-color="danger" role="alert">
            {errors.form}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" disabled={submit.isPending} aria-busy={submit.isPending}>
            {t("ideas.submit.send")}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("ideas.submit.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
