import { Alert, Breadcrumbs, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { can } from "@malestokk/domain";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { NotFoundNotice, QueryView } from "../../components/query-view";
import { readAppError, translateError } from "../../lib/errors";
import { grantsOf, useCan, useMe } from "../../lib/session";
import { useDeleteProject, useProject, useSaveMap, useSaveProject, useTemplate } from "./api";
import { BenefitList } from "./benefit-list";
import { BenefitMapDiagram } from "./benefit-map";
import { MapEditor } from "./map-editor";
import { LeaveProject, ParticipationSection } from "./participation";
import { PlanSection } from "./plan-section";
import { ProjectForm } from "./project-form";
import { ToolboxSection } from "./toolbox-section";
import { TemplateSection } from "./template-section";
import { downloadProjectXlsx } from "./project-export";

/** One project's benefit realization plan: benefits and their status, the map, approval and version history. */
export function ProjectPage({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const query = useProject(projectId);
  const ownerId = query.data?.project.ownerOrganisationId ?? null;
  const canEdit = useCan("benefits.edit", ownerId);
  const canApprove = useCan("benefits.approve", ownerId);
  const [editingProject, setEditingProject] = useState(false);
  const [editingMap, setEditingMap] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "warning"; text: string } | null>(null);
  const [deletingProject, setDeletingProject] = useState(false);
  const name = query.data?.project.name;
  useEffect(() => {
    document.title = `${name ? t("benefits.projectPage.title", { name }) : t("benefits.crumb")} – ${t("app.name")}`;
  }, [name, t]);
  const done = (text: string, kind: "success" | "warning" = "success") => setMessage({ kind, text });
  const saveProject = useSaveProject({
    onSuccess: () => {
      setEditingProject(false);
      done(t("benefits.projectForm.saved"));
    },
  });
  const saveMap = useSaveMap({
    onSuccess: () => {
      setEditingMap(false);
      done(t("benefits.map.saved"));
    },
  });
  // A joint project takes part with other municipalities, or has a published template any of them may adopt.
  const template = useTemplate(projectId);
  const deleteProject = useDeleteProject({ onSuccess: () => void navigate(`/kommune/${query.data?.project.ownerNumber ?? ""}/gevinster`) });

  if (!query.isSuccess) {
    return (
      <QueryView query={query} notFound={<NotFoundNotice text={t("benefits.projectPage.notFound")} to="/" back={t("app.toList")} />} />
    );
  }
  const { project, benefits } = query.data;
  // A municipality the user manages that takes part: its manager may leave (the server checks again).
  const grants = grantsOf(me.data);
  const participating =
    project.participants.find((p) => grants.some((g) => g.organisationId === p.id) && can(grants, "benefits.approve", p.id)) ?? null;
  const exportXlsx = () => downloadProjectXlsx(t, query.data);

  return (
    <div className="stack">
      <Breadcrumbs aria-label={t("nav.breadcrumbs")} className="no-print">
        <Breadcrumbs.List>
          {[
            { to: "/", label: t("app.home") },
            { to: `/kommune/${project.ownerNumber}`, label: project.ownerName },
            { to: `/kommune/${project.ownerNumber}/gevinster`, label: t("benefits.crumb") },
          ].map((c) => (
            <Breadcrumbs.Item key={c.to}>
              <Breadcrumbs.Link asChild>
                <Link to={c.to}>{c.label}</Link>
              </Breadcrumbs.Link>
            </Breadcrumbs.Item>
          ))}
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {t("benefits.projectPage.title", { name: project.name })} {project.isDemo && <Tag data-color="warning">{t("app.demoTag")}</Tag>}
      </Heading>
      <Paragraph>
        {t("benefits.projectPage.ownedBy", { name: project.ownerName, number: project.ownerNumber })} ·{" "}
        {t(`benefits.sectors.${project.sector}`)} · {t("benefits.phase")}: {t(`benefits.phases.${project.phase}`)}
      </Paragraph>
      {project.participants.length > 0 && (
        <Paragraph>
          {t("benefits.projectPage.participants", { list: project.participants.map((p) => `${p.name} (${p.number})`).join(", ") })}
        </Paragraph>
      )}
      {project.description && <Paragraph>{project.description}</Paragraph>}
      {!canEdit && <Paragraph data-size="sm">{t("benefits.projectPage.readOnly")}</Paragraph>}
      {participating && <LeaveProject projectId={projectId} projectName={project.name} municipality={participating} />}
      <div className="button-row no-print">
        {canEdit && !editingProject && (
          <Button variant="secondary" data-size="sm" onClick={() => setEditingProject(true)}>
            {t("benefits.projectPage.edit")}
          </Button>
        )}
        <Button variant="tertiary" data-size="sm" onClick={exportXlsx}>
          {t("benefits.projectPage.exportXlsx")}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => window.print()}>
          {t("benefits.projectPage.print")}
        </Button>
        {canEdit && (
          <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => setDeletingProject(true)}>
            {t("benefits.projectPage.delete")}
          </Button>
        )}
      </div>
      {message && (
        <Alert data-color={message.kind} role="status" data-testid="benefits-message">
          {message.text}
        </Alert>
      )}
      {editingProject && (
        <ProjectForm
          initial={{ name: project.name, description: project.description, sector: project.sector, phase: project.phase }}
          pending={saveProject.isPending}
          error={saveProject.error}
          onSubmit={({ participants: _invited, ...fields }) =>
            saveProject.mutate({ projectId, expectedVersion: project.version, project: fields })
          }
          onCancel={() => {
            setEditingProject(false);
            saveProject.reset();
          }}
        />
      )}

      {canEdit && <ParticipationSection projectId={projectId} participation={query.data.participation} onDone={done} />}

      <PlanSection data={query.data} canApprove={canApprove} approverName={me.data?.name ?? ""} onDone={done} />

      <section className="stack" aria-labelledby="map-heading">
        <Heading level={2} data-size="sm" id="map-heading">
          {t("benefits.map.heading")}
        </Heading>
        <BenefitMapDiagram map={project.benefitMap} benefits={benefits} />
        {canEdit && !editingMap && (
          <div className="no-print">
            <Button variant="secondary" data-size="sm" onClick={() => setEditingMap(true)}>
              {t("benefits.map.edit")}
            </Button>
          </div>
        )}
        {editingMap && (
          <MapEditor
            initial={project.benefitMap}
            pending={saveMap.isPending}
            error={
              saveMap.error
                ? readAppError(saveMap.error)?.issues[0]
                  ? t(
                      `benefits.errors.${readAppError(saveMap.error)?.issues[0]?.code ?? ""}`,
                      readAppError(saveMap.error)?.issues[0]?.params,
                    )
                  : translateError(t, saveMap.error).message
                : null
            }
            onSubmit={(map) => saveMap.mutate({ projectId, expectedVersion: project.version, map })}
            onCancel={() => {
              setEditingMap(false);
              saveMap.reset();
            }}
          />
        )}
      </section>

      <BenefitList data={query.data} canEdit={canEdit} onDone={done} />

      <ToolboxSection
        projectId={projectId}
        joint={project.participants.length > 0 || (template.data?.versions.length ?? 0) > 0}
        onDone={done}
      />
      <TemplateSection projectId={projectId} />

      <ConfirmDialog
        request={
          deletingProject
            ? {
                title: t("benefits.projectPage.deleteTitle", { name: project.name }),
                body: t("benefits.projectPage.deleteBody"),
                confirmLabel: t("benefits.projectPage.deleteConfirm"),
                destructive: true,
              }
            : null
        }
        pending={deleteProject.isPending}
        error={deleteProject.error ? translateError(t, deleteProject.error).message : null}
        onConfirm={() => deleteProject.mutate({ projectId, expectedVersion: project.version })}
        onCancel={() => {
          setDeletingProject(false);
          deleteProject.reset();
        }}
      />
    </div>
  );
}
