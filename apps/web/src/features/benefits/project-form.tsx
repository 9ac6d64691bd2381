import { Alert, Button, Heading, Select, Textfield } from "@digdir/designsystemet-react";
import {
  PROJECT_PHASES,
  PROJECT_SECTORS,
  ProjectInputSchema,
  type ProjectFields,
  type ProjectInput,
  type ProjectPhase,
  type ProjectSector,
} from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { readAppError, translateError } from "../../lib/errors";
import { benefitIssueText } from "./texts";

/**
 * Creates or edits a project: name, description, sector and phase; a new project also names the
 * municipalities it invites (later invitations are made on the project's page).
 */
export function ProjectForm(props: {
  initial: ProjectFields | null;
  pending: boolean;
  /** The last refusal from the server, if any. */
  error: unknown;
  onSubmit: (input: ProjectInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial?.name ?? "");
  const [description, setDescription] = useState(props.initial?.description ?? "");
  const [sector, setSector] = useState<ProjectSector>(props.initial?.sector ?? "common");
  const [phase, setPhase] = useState<ProjectPhase>(props.initial?.phase ?? "concept");
  const [participants, setParticipants] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const isEdit = props.initial !== null;
  const server: Record<string, string> = {};
  for (const issue of readAppError(props.error)?.issues ?? []) server[String(issue.path[0])] ??= benefitIssueText(t, issue);
  const errors = { ...server, ...local };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      name,
      description: description.trim() === "" ? null : description,
      sector,
      phase,
      participants: participants
        .split(/[,;\s]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    };
    const parsed = ProjectInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        next[String(issue.path[0])] ??= benefitIssueText(t, {
          code: issue.path[0] === "participants" ? "UNKNOWN_MUNICIPALITY" : "REQUIRED",
          params: { number: typeof issue.input === "string" ? issue.input : "" },
        });
      setLocal(next);
      return;
    }
    setLocal({});
    props.onSubmit(parsed.data);
  };
  const general = props.error && Object.keys(server).length === 0 ? translateError(t, props.error).message : null;
  return (
    <section className="panel" aria-labelledby="project-form-heading" data-testid="project-form">
      <Heading level={2} data-size="xs" id="project-form-heading">
        {isEdit ? t("benefits.projectForm.editTitle") : t("benefits.projectForm.createTitle")}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          id="project-name"
          label={t("benefits.projectForm.name")}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
        />
        <Textfield
          multiline
          rows={2}
          id="project-description"
          label={t("benefits.projectForm.description")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="field-row">
          <SelectField
            id="project-sector"
            label={t("benefits.projectForm.sector")}
            value={sector}
            onChange={(e) => setSector(e.target.value as ProjectSector)}
          >
            {PROJECT_SECTORS.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`benefits.sectors.${s}`)}
              </Select.Option>
            ))}
          </SelectField>
          <SelectField
            id="project-phase"
            label={t("benefits.projectForm.phase")}
            description={t("benefits.projectForm.phaseDescription")}
            value={phase}
            onChange={(e) => setPhase(e.target.value as ProjectPhase)}
          >
            {PROJECT_PHASES.map((p) => (
              <Select.Option key={p} value={p}>
                {t(`benefits.phases.${p}`)}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        {!isEdit && (
          <Textfield
            id="project-participants"
            label={t("benefits.projectForm.participants")}
            description={t("benefits.projectForm.participantsDescription")}
            value={participants}
            error={errors.participants}
            onChange={(e) => setParticipants(e.target.value)}
            autoComplete="off"
          />
        )}
        {general && (
          <Alert data-color="danger" role="alert">
            {general}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" disabled={props.pending} aria-busy={props.pending}>
            {isEdit ? t("benefits.projectForm.save") : t("benefits.projectForm.create")}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            {t("benefits.projectForm.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
