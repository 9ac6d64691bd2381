import { Alert, Breadcrumbs, Button, Heading, Paragraph, Tag, Textfield } from "@digdir/designsystemet-react";
import { can, writeXlsx, XLSX_MIME_TYPE, type BenefitInput, type FieldIssue } from "@malestokk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { downloadFile } from "../../components/download";
import { sheetName } from "../../components/sheet-names";
import { NotFoundNotice, QueryView } from "../../components/query-view";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { grantsOf, useCan, useMe } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { BenefitCard, type BenefitView } from "./benefit-card";
import { draftFromBenefit, EMPTY_BENEFIT } from "./benefit-draft";
import { BenefitForm } from "./benefit-form";
import { BenefitMapDiagram } from "./benefit-map";
import { MapEditor } from "./map-editor";
import { LeaveProject, ParticipationSection } from "./participation";
import { ProjectForm } from "./project-form";


type Editing = { readonly kind: "new" } | { readonly kind: "edit"; readonly benefit: BenefitView } | null;

function inputOf(b: BenefitView): BenefitInput {
  return {
    title: b.title,
    description: b.description,
    ownerName: b.ownerName,
    // Sent only to those who keep the plan, the only ones who edit it.
    ownerUserId: b.ownerUserId ?? null,
    type: b.type,
    valuation: b.valuation,
    annualValueNok: b.annualValueNok,
    cash: b.cash,
    quantitative: b.quantitative,
    disBenefit: b.disBenefit,
    indicator: b.indicator,
    linkedIndicatorCode: b.linkedIndicatorCode,
    baseline: b.baseline,
    targets: b.targets,
    preconditionKeys: b.preconditionKeys,
    goalKeys: b.goalKeys,
  };
}

/** One project's benefit realization plan: benefits and their status, the map, approval and version history. */
export function ProjectPage({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const query = useQuery({ ...trpc.benefits.project.queryOptions({ projectId }), retry: false });
  const ownerId = query.data?.project.ownerOrganisationId ?? null;
  const canEdit = useCan("benefits.edit", ownerId);
  const canApprove = useCan("benefits.approve", ownerId);
  const [editingProject, setEditingProject] = useState(false);
  const [editingMap, setEditingMap] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [serverIssues, setServerIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<{ kind: "success" | "warning"; text: string } | null>(null);
  const [deletingBenefit, setDeletingBenefit] = useState<BenefitView | null>(null);
  const [deletingProject, setDeletingProject] = useState(false);
  const [approving, setApproving] = useState<{ name: string; date: string; comment: string } | null>(null);
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const name = query.data?.project.name;
  useEffect(() => {
    document.title = `${name ? t("benefits.projectPage.title", { name }) : t("benefits.crumb")} – ${t("app.name")}`;
  }, [name, t]);
  const refresh = () => queryClient.invalidateQueries(trpc.benefits.pathFilter());
  const done = async (text: string) => {
    setMessage({ kind: "success", text });
    await refresh();
  };
  const saveProject = useMutation(trpc.benefits.saveProject.mutationOptions({ onSuccess: async () => { setEditingProject(false); await done(t("benefits.projectForm.saved")); } }));
  const saveMap = useMutation(trpc.benefits.saveMap.mutationOptions({ onSuccess: async () => { setEditingMap(false); await done(t("benefits.map.saved")); } }));
  const saveBenefit = useMutation(
    trpc.benefits.saveBenefit.mutationOptions({
      onSuccess: async (_r, input) => {
        setEditing(null);
        setServerIssues([]);
        await done(t("benefits.benefits.saved", { title: input.benefit.title }));
      },
      onError: (error) => {
        if (conflictOf(error)) {
          setEditing(null);
          setMessage({ kind: "warning", text: t("benefits.benefits.conflict") });
          void refresh();
          return;
        }
        const appError = readAppError(error);
        setServerIssues(appError?.issues.length ? appError.issues : [{ path: [], code: appError?.code ?? "NETWORK", params: appError?.params ?? {} }]);
      },
    }),
  );
  const deleteBenefit = useMutation(
    trpc.benefits.deleteBenefit.mutationOptions({
      onSuccess: async () => {
        const title = deletingBenefit?.title ?? "";
        setDeletingBenefit(null);
        await done(t("benefits.benefits.deleted", { title }));
      },
    }),
  );
  const deleteProject = useMutation(
    trpc.benefits.deleteProject.mutationOptions({
      onSuccess: async () => {
        const number = query.data?.project.ownerNumber ?? "";
        await queryClient.invalidateQueries(trpc.benefits.pathFilter());
        void navigate(`/kommune/${number}/gevinster`);
      },
    }),
  );
  const approve = useMutation(
    trpc.benefits.approvePlan.mutationOptions({
      onSuccess: async ({ number }) => {
        setApproving(null);
        await done(t("benefits.plan.approved", { number }));
      },
    }),
  );
  const version = useQuery({ ...trpc.benefits.planVersion.queryOptions({ projectId, number: shownVersion ?? 1 }), enabled: shownVersion !== null });

  if (!query.isSuccess) {
    return <QueryView query={query} notFound={<NotFoundNotice text={t("benefits.projectPage.notFound")} to="/" back={t("app.toList")} />} />;
  }
  const { project, benefits, versions } = query.data;
  // A municipality the user manages that takes part: its manager may leave (the server checks again).
  const grants = grantsOf(me.data);
  const participating = project.participants.find((p) => grants.some((g) => g.organisationId === p.id) && can(grants, "benefits.approve", p.id)) ?? null;
  const latest = versions[0] ?? null;
  const nextNumber = (latest?.number ?? 0) + 1;
  const approveError = approve.error ? (conflictOf(approve.error) ? t("benefits.plan.conflict") : readAppError(approve.error)?.code === "INCOMPLETE" ? t("benefits.plan.needsBenefit") : translateError(t, approve.error).message) : null;

  const exportXlsx = () => {
    const header = [
      t("benefits.benefitForm.title"), t("benefits.benefits.owner"), t("benefits.statusCounts"), t("benefits.benefitForm.type"), t("benefits.benefitForm.valuation"),
      t("benefits.benefitForm.annualValueNok"), t("benefits.benefits.cash"), t("benefits.benefits.disBenefit"), t("benefits.benefitForm.indicatorName"), t("benefits.benefitForm.unit"),
      t("benefits.benefitForm.direction"), t("benefits.benefitForm.frequency"), t("benefits.benefits.baseline"), t("benefits.benefitForm.baselineDate"), t("benefits.benefits.targets"), t("benefits.benefits.nextDue"),
    ];
    const rows = benefits.map((b) => [
      b.title, b.ownerName, t(`benefits.status.${b.summary.status}`), t(`benefits.types.${b.type}`), t(`benefits.valuations.${b.valuation}`),
      b.annualValueNok, b.cash ? t("benefits.benefits.cash") : t("benefits.benefits.nonCash"), b.disBenefit ? t("benefits.benefits.disBenefit") : "", b.indicator.name, b.indicator.unit,
      t(`benefits.directions.${b.indicator.direction}`), t(`benefits.frequencies.${b.indicator.frequency}`), b.baseline.value, b.baseline.date, b.targets.map((x) => `${x.value} (${x.date})`).join("; "), b.summary.nextDue,
    ]);
    const measurements = benefits.flatMap((b) => b.measurements.map((m) => [b.title, m.date, m.value, m.source === "indicator" ? t("benefits.measurements.fromIndicator") : (m.recordedByName ?? ""), m.comment ?? ""]));
    downloadFile(
      `gevinstplan-${project.id}.xlsx`,
      writeXlsx([
        { name: sheetName(t, "benefits"), rows: [header, ...rows], headerRows: 1 },
        { name: sheetName(t, "measurements"), headerRows: 1, rows: [[t("benefits.benefitForm.title"), t("benefits.measurements.date"), t("benefits.measurements.value"), t("benefits.measurements.who"), t("benefits.measurements.comment")], ...measurements] },
      ]),
      XLSX_MIME_TYPE,
    );
  };

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
        {t("benefits.projectPage.ownedBy", { name: project.ownerName, number: project.ownerNumber })} · {t(`benefits.sectors.${project.sector}`)} · {t("benefits.phase")}: {t(`benefits.phases.${project.phase}`)}
      </Paragraph>
      {project.participants.length > 0 && <Paragraph>{t("benefits.projectPage.participants", { list: project.participants.map((p) => `${p.name} (${p.number})`).join(", ") })}</Paragraph>}
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
          onSubmit={({ participants: _invited, ...fields }) => saveProject.mutate({ projectId, expectedVersion: project.version, project: fields })}
          onCancel={() => {
            setEditingProject(false);
            saveProject.reset();
          }}
        />
      )}

      {canEdit && <ParticipationSection projectId={projectId} participation={query.data.participation} onDone={done} />}

      <section className="stack" aria-labelledby="plan-heading" data-testid="plan-status">
        <Heading level={2} data-size="sm" id="plan-heading">
          {t("benefits.plan.heading")}
        </Heading>
        <Paragraph>
          {latest ? t("benefits.plan.approvedBy", { number: latest.number, name: latest.approvedByName, date: formatDate(latest.approvedOn), phase: t(`benefits.phases.${latest.phase}`) }) : t("benefits.plan.notApproved")}
        </Paragraph>
        {!latest && query.data.fromIdea && (
          <Alert data-color="warning" data-testid="plan-requested">
            {t("benefits.plan.requested", { title: query.data.fromIdea.title })}
          </Alert>
        )}
        {latest && query.data.newVersionDue && <Alert data-color="warning">{t("benefits.plan.newVersionDue", { phase: t(`benefits.phases.${project.phase}`) })}</Alert>}
        {latest && !query.data.newVersionDue && query.data.changedSinceApproval && <Alert data-color="info">{t("benefits.plan.changed")}</Alert>}
        {canApprove && (query.data.changedSinceApproval || !latest) && (
          <div className="no-print">
            <Button onClick={() => setApproving({ name: me.data?.name ?? "", date: query.data.today, comment: "" })}>{t("benefits.plan.approve")}</Button>
          </div>
        )}
        <Heading level={3} data-size="xs">
          {t("benefits.plan.historyHeading")}
        </Heading>
        {versions.length === 0 ? (
          <Paragraph data-size="sm">{t("benefits.plan.noHistory")}</Paragraph>
        ) : (
          <DataTable
            caption={t("benefits.plan.historyCaption")}
            captionHidden
            testId="plan-versions"
            rows={versions}
            rowKey={(v) => v.number}
            rowHeader={false}
            columns={[
              { key: "number", header: t("benefits.plan.number") },
              { key: "phase", header: t("benefits.phase"), render: (v) => t(`benefits.phases.${v.phase}`) },
              { key: "approvedByName", header: t("benefits.plan.approvedByName") },
              { key: "approvedOn", header: t("benefits.plan.approvedOn"), render: (v) => formatDate(v.approvedOn) },
              { key: "comment", header: t("benefits.plan.comment"), render: (v) => v.comment ?? "" },
              {
                key: "show",
                header: t("benefits.plan.show", { number: "" }),
                hideHeader: true,
                render: (v) => (
                  <Button variant="tertiary" data-size="sm" aria-expanded={shownVersion === v.number} onClick={() => setShownVersion(shownVersion === v.number ? null : v.number)}>
                    {shownVersion === v.number ? t("benefits.plan.hide") : t("benefits.plan.show", { number: v.number })}
                  </Button>
                ),
              },
            ]}
          />
        )}
        {shownVersion !== null && version.data && (
          <section className="panel stack" aria-labelledby="version-heading" data-testid="plan-version">
            <Heading level={3} data-size="xs" id="version-heading">
              {t("benefits.plan.versionTitle", { number: shownVersion })}
            </Heading>
            <Paragraph>
              {version.data.content.project.name} · {t(`benefits.phases.${version.data.content.project.phase}`)} · {version.data.approvedByName}, {formatDate(version.data.approvedOn)}
            </Paragraph>
            <ul>
              {version.data.content.benefits.map((b) => (
                <li key={b.id}>
                  <strong>{b.title}</strong> ({b.ownerName}): {b.indicator.name}, {t("benefits.benefits.baseline").toLowerCase()} {b.baseline.value} {b.indicator.unit} ({formatDate(b.baseline.date)});{" "}
                  {b.targets.map((x) => t("benefits.benefits.target", { value: `${x.value} ${b.indicator.unit}`, date: formatDate(x.date) })).join("; ")}
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>

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
            error={saveMap.error ? (readAppError(saveMap.error)?.issues[0] ? t(`benefits.errors.${readAppError(saveMap.error)?.issues[0]?.code ?? ""}`, readAppError(saveMap.error)?.issues[0]?.params) : translateError(t, saveMap.error).message) : null}
            onSubmit={(map) => saveMap.mutate({ projectId, expectedVersion: project.version, map })}
            onCancel={() => {
              setEditingMap(false);
              saveMap.reset();
            }}
          />
        )}
      </section>

      <section className="stack" aria-labelledby="benefits-heading">
        <Heading level={2} data-size="sm" id="benefits-heading">
          {t("benefits.benefits.heading")}
        </Heading>
        <Paragraph data-size="sm">{t("benefits.statusRule")}</Paragraph>
        {benefits.length === 0 && editing === null && <EmptyState>{t("benefits.benefits.empty")}</EmptyState>}
        {benefits.map((b) =>
          editing?.kind === "edit" && editing.benefit.id === b.id ? (
            <BenefitForm
              key={b.id}
              initial={draftFromBenefit(inputOf(b))}
              editingTitle={b.title}
              map={project.benefitMap}
              people={query.data.people}
              pending={saveBenefit.isPending}
              serverIssues={serverIssues}
              onSubmit={(input) => saveBenefit.mutate({ projectId, benefitId: b.id, expectedVersion: b.version, benefit: input })}
              onCancel={() => {
                setEditing(null);
                setServerIssues([]);
              }}
            />
          ) : (
            <BenefitCard key={b.id} projectId={projectId} benefit={b} canEdit={canEdit} today={query.data.today} onEdit={() => setEditing({ kind: "edit", benefit: b })} onDelete={() => setDeletingBenefit(b)} />
          ),
        )}
        {editing?.kind === "new" && (
          <BenefitForm
            initial={EMPTY_BENEFIT}
            editingTitle={null}
            map={project.benefitMap}
            people={query.data.people}
            pending={saveBenefit.isPending}
            serverIssues={serverIssues}
            onSubmit={(input) => saveBenefit.mutate({ projectId, benefitId: null, expectedVersion: null, benefit: input })}
            onCancel={() => {
              setEditing(null);
              setServerIssues([]);
            }}
          />
        )}
        {canEdit && editing === null && (
          <div className="no-print">
            <Button onClick={() => setEditing({ kind: "new" })}>{t("benefits.benefits.add")}</Button>
          </div>
        )}
      </section>

      <ConfirmDialog
        request={
          approving && {
            title: t("benefits.plan.approveTitle", { number: nextNumber }),
            body: t("benefits.plan.approveBody", { number: nextNumber }),
            confirmLabel: t("benefits.plan.approve"),
          }
        }
        pending={approve.isPending}
        error={approveError}
        onConfirm={() => approving && approve.mutate({ projectId, planHash: query.data.planHash, approvedByName: approving.name, approvedOn: approving.date, comment: approving.comment.trim() === "" ? null : approving.comment })}
        onCancel={() => {
          setApproving(null);
          approve.reset();
        }}
      >
        {approving && (
          <div className="stack">
            <Textfield id="approve-name" label={t("benefits.plan.approvedByName")} value={approving.name} onChange={(e) => setApproving({ ...approving, name: e.target.value })} autoComplete="name" />
            <Textfield id="approve-date" type="date" label={t("benefits.plan.approvedOn")} value={approving.date} onChange={(e) => setApproving({ ...approving, date: e.target.value })} />
            <Textfield id="approve-comment" label={t("benefits.plan.comment")} value={approving.comment} onChange={(e) => setApproving({ ...approving, comment: e.target.value })} />
          </div>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        request={deletingBenefit && { title: t("benefits.benefits.deleteTitle", { title: deletingBenefit.title }), body: t("benefits.benefits.deleteBody"), confirmLabel: t("benefits.benefits.delete"), destructive: true }}
        pending={deleteBenefit.isPending}
        error={deleteBenefit.error ? translateError(t, deleteBenefit.error).message : null}
        onConfirm={() => deletingBenefit && deleteBenefit.mutate({ projectId, benefitId: deletingBenefit.id, expectedVersion: deletingBenefit.version })}
        onCancel={() => {
          setDeletingBenefit(null);
          deleteBenefit.reset();
        }}
      />
      <ConfirmDialog
        request={deletingProject ? { title: t("benefits.projectPage.deleteTitle", { name: project.name }), body: t("benefits.projectPage.deleteBody"), confirmLabel: t("benefits.projectPage.deleteConfirm"), destructive: true } : null}
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
