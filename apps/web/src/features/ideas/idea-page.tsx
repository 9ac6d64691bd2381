import { Alert, Breadcrumbs, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from "@digdir/designsystemet-react";
import { can, ideaWaitingFor, type IdeaAction, type IdeaStep } from "@malestokk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { LeaveButton } from "../../components/leave-button";
import { DataTable } from "../../components/data-table";
import { ParticipationTable, removedText } from "../../components/participation-table";
import { NotFoundNotice, QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { formatDateTimeShort, formatNok } from "../../lib/format";
import { grantsOf, useMe } from "../../lib/session";
import { useIdea, useIdeaStep, useLeaveIdea, useRemoveIdeaParticipant } from "./api";
import { ideaTurnText } from "./idea-turn";
import { IdeaStatusTag } from "./ideas-page";

/** One idea: what it is, its history step by step, and the step the user may take now. */
export function IdeaPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useIdea(id);
  const me = useMe();
  // Kept here: the step's form goes away once the step is taken, its confirmation must not.
  const [done, setDone] = useState<string | null>(null);
  const title = query.data?.title;
  useEffect(() => {
    document.title = `${title ? t("ideas.detail.heading", { title }) : t("ideas.title")} – ${t("app.name")}`;
  }, [title, t]);
  if (!query.isSuccess) {
    return (
      <QueryView query={query} notFound={<NotFoundNotice text={t("ideas.detail.notFound")} to="/ideer" back={t("ideas.detail.back")} />} />
    );
  }
  const idea = query.data;
  const grants = grantsOf(me.data);
  // The submitting municipality's manager keeps the invitations; a participant's manager may leave (the server checks both).
  const keeper = can(grants, "ideas.submit", idea.organisationId);
  const participating =
    idea.participants.find((p) => grants.some((g) => g.organisationId === p.id) && can(grants, "ideas.submit", p.id)) ?? null;
  return (
    <div className="stack">
      <Breadcrumbs aria-label={t("nav.breadcrumbs")} className="no-print">
        <Breadcrumbs.List>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <Link to="/ideer">{t("ideas.title")}</Link>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {t("ideas.detail.heading", { title: idea.title })}
      </Heading>
      <Paragraph>
        <IdeaStatusTag status={idea.status} />{" "}
        {t("ideas.detail.submittedBy", { name: idea.organisationName, number: idea.organisationNumber })} ·{" "}
        {t(`ideas.sectors.${idea.sector}`)}
      </Paragraph>
      {idea.participants.length > 0 && (
        <Paragraph>
          {t("ideas.detail.participants", { list: idea.participants.map((p) => `${p.name} (${p.number})`).join(", ") })}
        </Paragraph>
      )}
      {participating && <LeaveIdea id={idea.id} title={idea.title} municipality={participating} />}
      {idea.projectId !== null && (
        <Alert data-color="success" data-testid="idea-project">
          <Paragraph>{t("ideas.detail.project", { title: idea.title })}</Paragraph>
          <Link to={`/gevinster/prosjekt/${idea.projectId}`}>{t("ideas.detail.toProject")}</Link>
        </Alert>
      )}
      <dl className="benefit-facts">
        <dt>{t("ideas.detail.problem")}</dt>
        <dd>{idea.problem}</dd>
        <dt>{t("ideas.detail.expectedBenefits")}</dt>
        <dd>{idea.expectedBenefits}</dd>
        <dt>{t("ideas.detail.roughCost")}</dt>
        <dd>{formatNok(idea.roughCostNok)}</dd>
        {idea.priorityScore !== null && (
          <>
            <dt>{t("ideas.score")}</dt>
            <dd>{idea.priorityScore}</dd>
          </>
        )}
        {idea.recommendation !== null && (
          <>
            <dt>{t("ideas.recommendation")}</dt>
            <dd>{t(`ideas.${idea.recommendation}`)}</dd>
          </>
        )}
      </dl>
      {done && (
        <Alert data-color="success" role="status" data-testid="idea-step-done">
          {done}
        </Alert>
      )}
      {idea.actions.map((action) => (
        <StepForm key={`${action}-${idea.version}`} id={idea.id} version={idea.version} action={action} onDone={setDone} />
      ))}
      <IdeaTurnNote idea={idea} />
      {keeper && <IdeaParticipation id={idea.id} ownerNumber={idea.organisationNumber} rows={idea.participation} onDone={setDone} />}
      <section className="stack" aria-labelledby="idea-history">
        <Heading level={2} data-size="sm" id="idea-history">
          {t("ideas.detail.history")}
        </Heading>
        <DataTable
          caption={t("ideas.detail.historyCaption")}
          captionHidden
          testId="idea-history"
          rows={idea.events}
          rowHeader={false}
          columns={[
            { key: "when", header: t("ideas.detail.when"), render: (e) => formatDateTimeShort(e.at) },
            { key: "step", header: t("ideas.detail.step"), render: (e) => t(`ideas.history.${e.action}`) },
            { key: "userName", header: t("ideas.detail.who") },
            { key: "status", header: t("ideas.status"), render: (e) => t(`ideas.statuses.${e.toStatus}`) },
            { key: "why", header: t("ideas.detail.why"), render: (e) => e.comment ?? "" },
          ]}
        />
      </section>
    </div>
  );
}

/** Whose step the idea waits for, when it is not the user's: "Venter på KPR for helse og velferd". */
function IdeaTurnNote({ idea }: { idea: Parameters<typeof ideaTurnText>[1] }) {
  const { t } = useTranslation();
  const text = ideaTurnText(t, idea);
  if (text === null) {
    return ideaWaitingFor(idea) === null && idea.actions.length === 0 ? (
      <Paragraph data-size="sm">{t("ideas.detail.noActions")}</Paragraph>
    ) : null;
  }
  return (
    <Paragraph data-size="sm" data-testid="idea-waiting">
      {text}
    </Paragraph>
  );
}

/** The invitations the submitting municipality sent, with their answers; each can be withdrawn or removed, after asking. */
function IdeaParticipation({
  id,
  ownerNumber,
  rows,
  onDone,
}: {
  id: number;
  ownerNumber: string;
  rows: Parameters<typeof ParticipationTable>[0]["rows"];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveIdeaParticipant();
  return (
    <section className="stack" aria-labelledby="idea-participation-heading" data-testid="idea-participation">
      <Heading level={2} data-size="sm" id="idea-participation-heading">
        {t("ideas.participation.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("ideas.participation.intro")}</Paragraph>
      <ParticipationTable
        ns="ideas.participation"
        rows={rows}
        pending={remove.isPending}
        error={remove.error ? translateError(t, remove.error).message : null}
        onRemove={async (row) => {
          await remove.mutateAsync({ municipalityNumber: ownerNumber, ideaId: id, participant: row.number });
          onDone(removedText(t, row));
        }}
        onCancel={() => remove.reset()}
      />
    </section>
  );
}

/** For the manager of a municipality that takes part: leave the idea (asks first), back to the idea list. */
function LeaveIdea({ id, title, municipality }: { id: number; title: string; municipality: { number: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const leave = useLeaveIdea({ onSuccess: () => void navigate("/ideer") });
  return (
    <LeaveButton
      label={t("ideas.participation.leave")}
      title={t("ideas.participation.leaveTitle", { title })}
      body={t("ideas.participation.leaveBody", { name: municipality.name })}
      pending={leave.isPending}
      error={leave.error ? translateError(t, leave.error).message : null}
      onConfirm={() => leave.mutate({ municipalityNumber: municipality.number, ideaId: id })}
      onCancel={() => leave.reset()}
    />
  );
}

function StepForm({ id, version, action, onDone }: { id: number; version: number; action: IdeaAction; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState("3");
  const [choice, setChoice] = useState<"yes" | "no">("yes");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const step = useIdeaStep({
    onSuccess: ({ status }) => onDone(t("ideas.step.done", { status: t(`ideas.statuses.${status}`) })),
    onError: (e) => {
      setError(conflictOf(e, ["changed", "moved"]) ? t("ideas.step.conflict") : translateError(t, e).message);
      onDone("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim() === "") {
      setError(t("ideas.step.commentRequired"));
      return;
    }
    setError(null);
    const body: IdeaStep =
      action === "prioritize"
        ? { action, score: Number(score), comment }
        : action === "compile"
          ? { action, recommendation: choice, comment }
          : action === "decide"
            ? { action, decision: choice, comment }
            : { action, comment };
    step.mutate({ id, expectedVersion: version, step: body });
  };
  const headingId = `idea-step-${action}`;
  return (
    <section className="panel no-print" aria-labelledby={headingId} data-testid={`idea-step-${action}`}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t(`ideas.step.${action}Heading`)}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        {action === "prioritize" && (
          <Fieldset>
            <Fieldset.Legend>{t("ideas.step.score")}</Fieldset.Legend>
            <div className="field-row">
              {["1", "2", "3", "4", "5"].map((s) => (
                <Radio
                  key={s}
                  name={`${headingId}-score`}
                  id={`${headingId}-score-${s}`}
                  value={s}
                  label={s}
                  checked={score === s}
                  onChange={() => setScore(s)}
                />
              ))}
            </div>
          </Fieldset>
        )}
        {(action === "compile" || action === "decide") && (
          <Fieldset>
            <Fieldset.Legend>{action === "compile" ? t("ideas.step.recommendation") : t("ideas.step.decision")}</Fieldset.Legend>
            {(["yes", "no"] as const).map((c) => (
              <Radio
                key={c}
                name={`${headingId}-choice`}
                id={`${headingId}-${c}`}
                value={c}
                label={t(`ideas.${c}`)}
                checked={choice === c}
                onChange={() => setChoice(c)}
              />
            ))}
          </Fieldset>
        )}
        <Textfield
          multiline
          rows={2}
          id={`${headingId}-comment`}
          label={t("ideas.step.comment")}
          value={comment}
          error={error ?? undefined}
          onChange={(e) => setComment(e.target.value)}
        />
        <div>
          <Button
            type="submit"
            data-color={action === "withdraw" ? "danger" : "accent"}
            disabled={step.isPending}
            aria-busy={step.isPending}
          >
            {action === "withdraw" ? t("ideas.actions.withdraw") : t("ideas.step.confirm")}
          </Button>
        </div>
      </form>
    </section>
  );
}
