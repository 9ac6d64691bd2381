import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { formatDate, formatDateShort } from "../../lib/format";
import { useApprovePlan, usePlanVersion } from "./api";

type ProjectData = RouterOutputs["benefits"]["project"];

/**
 * The plan's approval: whether the current plan is approved, what asks for a new version, the
 * approval (asks first, with date and comment) and the approved versions, each to show. The approver
 * is the signed-in user, whom the server records (issue 20, point 16); the dialog names them.
 */
export function PlanSection({
  data,
  canApprove,
  approverName,
  onDone,
}: {
  data: ProjectData;
  canApprove: boolean;
  /** The signed-in user's name: who approves. */
  approverName: string;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { project, versions } = data;
  const projectId = project.id;
  const [approving, setApproving] = useState<{ date: string; comment: string } | null>(null);
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const version = usePlanVersion(projectId, shownVersion);
  const approve = useApprovePlan({
    onSuccess: ({ number }) => {
      setApproving(null);
      onDone(t("benefits.plan.approved", { number }));
    },
  });
  const latest = versions[0] ?? null;
  const nextNumber = (latest?.number ?? 0) + 1;
  const approveError = approve.error
    ? conflictOf(approve.error)
      ? t("benefits.plan.conflict")
      : readAppError(approve.error)?.code === "INCOMPLETE"
        ? t("benefits.plan.needsBenefit")
        : translateError(t, approve.error).message
    : null;
  return (
    <>
      <section className="stack" aria-labelledby="plan-heading" data-testid="plan-status">
        <Heading level={2} data-size="sm" id="plan-heading">
          {t("benefits.plan.heading")}
        </Heading>
        <Paragraph>
          {latest
            ? t("benefits.plan.approvedBy", {
                number: latest.number,
                name: latest.approvedByName,
                date: formatDate(latest.approvedOn),
                phase: t(`benefits.phases.${latest.phase}`),
              })
            : t("benefits.plan.notApproved")}
        </Paragraph>
        {!latest && data.fromIdea && (
          <Alert data-color="warning" data-testid="plan-requested">
            {t("benefits.plan.requested", { title: data.fromIdea.title })}
          </Alert>
        )}
        {latest && data.newVersionDue && (
          <Alert data-color="warning">{t("benefits.plan.newVersionDue", { phase: t(`benefits.phases.${project.phase}`) })}</Alert>
        )}
        {latest && !data.newVersionDue && data.changedSinceApproval && <Alert data-color="info">{t("benefits.plan.changed")}</Alert>}
        {canApprove && (data.changedSinceApproval || !latest) && (
          <div className="no-print">
            <Button onClick={() => setApproving({ date: data.today, comment: "" })}>{t("benefits.plan.approve")}</Button>
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
              { key: "approvedOn", header: t("benefits.plan.approvedOn"), render: (v) => formatDateShort(v.approvedOn) },
              { key: "comment", header: t("benefits.plan.comment"), render: (v) => v.comment ?? "" },
              {
                key: "show",
                header: t("benefits.plan.show", { number: "" }),
                hideHeader: true,
                render: (v) => (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-expanded={shownVersion === v.number}
                    onClick={() => setShownVersion(shownVersion === v.number ? null : v.number)}
                  >
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
              {version.data.content.project.name} · {t(`benefits.phases.${version.data.content.project.phase}`)} ·{" "}
              {version.data.approvedByName}, {formatDate(version.data.approvedOn)}
            </Paragraph>
            <ul>
              {version.data.content.benefits.map((b) => (
                <li key={b.id}>
                  <strong>{b.title}</strong> ({b.ownerName}): {b.indicator.name}, {t("benefits.benefits.baseline").toLowerCase()}{" "}
                  {b.baseline.value} {b.indicator.unit} ({formatDate(b.baseline.date)});{" "}
                  {b.targets
                    .map((x) => t("benefits.benefits.target", { value: `${x.value} ${b.indicator.unit}`, date: formatDate(x.date) }))
                    .join("; ")}
                </li>
              ))}
            </ul>
          </section>
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
        onConfirm={() =>
          approving &&
          approve.mutate({
            projectId,
            planHash: data.planHash,
            approvedOn: approving.date,
            comment: approving.comment.trim() === "" ? null : approving.comment,
          })
        }
        onCancel={() => {
          setApproving(null);
          approve.reset();
        }}
      >
        {approving && (
          <div className="stack">
            <Paragraph data-testid="plan-approver">{t("benefits.plan.approvingAs", { name: approverName })}</Paragraph>
            <Textfield
              id="approve-date"
              type="date"
              label={t("benefits.plan.approvedOn")}
              value={approving.date}
              onChange={(e) => setApproving({ ...approving, date: e.target.value })}
            />
            <Textfield
              id="approve-comment"
              label={t("benefits.plan.comment")}
              value={approving.comment}
              onChange={(e) => setApproving({ ...approving, comment: e.target.value })}
            />
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
