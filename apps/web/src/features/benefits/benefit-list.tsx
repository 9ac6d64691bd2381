import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import type { BenefitInput, FieldIssue } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { EmptyState } from "../../components/empty-state";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { useDeleteBenefit, useSaveBenefit } from "./api";
import { BenefitCard, type BenefitView } from "./benefit-card";
import { draftFromBenefit, EMPTY_BENEFIT } from "./benefit-draft";
import { BenefitForm } from "./benefit-form";

type ProjectData = RouterOutputs["benefits"]["project"];
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

/** The plan's benefits: a card each, one form at a time to add or edit one, and deleting one (asks first). */
export function BenefitList({
  data,
  canEdit,
  onDone,
}: {
  data: ProjectData;
  canEdit: boolean;
  onDone: (text: string, kind?: "success" | "warning") => void;
}) {
  const { t } = useTranslation();
  const { project, benefits } = data;
  const projectId = project.id;
  const [editing, setEditing] = useState<Editing>(null);
  const [serverIssues, setServerIssues] = useState<readonly FieldIssue[]>([]);
  const [deletingBenefit, setDeletingBenefit] = useState<BenefitView | null>(null);
  const saveBenefit = useSaveBenefit({
    onSuccess: (_r, input) => {
      setEditing(null);
      setServerIssues([]);
      onDone(t("benefits.benefits.saved", { title: input.benefit.title }));
    },
    onError: (error) => {
      if (conflictOf(error)) {
        setEditing(null);
        onDone(t("benefits.benefits.conflict"), "warning");
        return;
      }
      const appError = readAppError(error);
      setServerIssues(
        appError?.issues.length ? appError.issues : [{ path: [], code: appError?.code ?? "NETWORK", params: appError?.params ?? {} }],
      );
    },
  });
  const deleteBenefit = useDeleteBenefit({
    onSuccess: () => {
      const title = deletingBenefit?.title ?? "";
      setDeletingBenefit(null);
      onDone(t("benefits.benefits.deleted", { title }));
    },
  });
  const closeForm = () => {
    setEditing(null);
    setServerIssues([]);
  };
  return (
    <>
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
              people={data.people}
              pending={saveBenefit.isPending}
              serverIssues={serverIssues}
              onSubmit={(input) => saveBenefit.mutate({ projectId, benefitId: b.id, expectedVersion: b.version, benefit: input })}
              onCancel={closeForm}
            />
          ) : (
            <BenefitCard
              key={b.id}
              projectId={projectId}
              benefit={b}
              canEdit={canEdit}
              today={data.today}
              onEdit={() => setEditing({ kind: "edit", benefit: b })}
              onDelete={() => setDeletingBenefit(b)}
            />
          ),
        )}
        {editing?.kind === "new" && (
          <BenefitForm
            initial={EMPTY_BENEFIT}
            editingTitle={null}
            map={project.benefitMap}
            people={data.people}
            pending={saveBenefit.isPending}
            serverIssues={serverIssues}
            onSubmit={(input) => saveBenefit.mutate({ projectId, benefitId: null, expectedVersion: null, benefit: input })}
            onCancel={closeForm}
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
          deletingBenefit && {
            title: t("benefits.benefits.deleteTitle", { title: deletingBenefit.title }),
            body: t("benefits.benefits.deleteBody"),
            confirmLabel: t("benefits.benefits.delete"),
            destructive: true,
          }
        }
        pending={deleteBenefit.isPending}
        error={deleteBenefit.error ? translateError(t, deleteBenefit.error).message : null}
        onConfirm={() =>
          deletingBenefit && deleteBenefit.mutate({ projectId, benefitId: deletingBenefit.id, expectedVersion: deletingBenefit.version })
        }
        onCancel={() => {
          setDeletingBenefit(null);
          deleteBenefit.reset();
        }}
      />
    </>
  );
}
