import { Alert, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { diffTemplateVersions, isEmptyDiff, type TemplateBenefit, type TemplateDiff, type UnitValueChange } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { formatDate, formatDecimal, formatKroner, formatNok } from "../../lib/format";
import { usePublishTemplate, useRollUp, useSaveTemplate, useTemplate } from "./api";
import { RollUpSection } from "./roll-up";
import { TemplateBenefitForm } from "./template-form";

/** How a template benefit is valued, in words: "antall × enhetsverdi" with its unit values, or a share of an annual value. */
function ValueText({ benefit }: { benefit: TemplateBenefit }) {
  const { t } = useTranslation();
  if (benefit.valueMethod === "share")
    return (
      <>
        {benefit.annualValueNok === null
          ? t("benefits.valuations.unpriced")
          : t("benefits.solutions.shareOf", { value: formatNok(benefit.annualValueNok) })}
      </>
    );
  return (
    <ul className="plain-list">
      {[...benefit.unitValues]
        .sort((a, b) => a.fromYear - b.fromYear)
        .map((u) => (
          <li key={u.fromYear}>
            {t("benefits.solutions.unitValueLine", {
              year: u.fromYear,
              value: formatKroner(u.valueNok),
              unit: benefit.indicator.unit,
              date: formatDate(u.date),
              source: u.source,
            })}
          </li>
        ))}
    </ul>
  );
}

/** The benefits of one template version, as a table. */
export function TemplateTable({ caption, benefits }: { caption: string; benefits: readonly TemplateBenefit[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      size="sm"
      rows={benefits}
      rowKey={(b) => b.key}
      empty={t("benefits.solutions.templateEmpty")}
      columns={[
        { key: "title", header: t("benefits.solutions.benefit") },
        { key: "type", header: t("benefits.solutions.form.type"), render: (b) => t(`benefits.types.${b.type}`) },
        {
          key: "indicator",
          header: t("benefits.solutions.measure"),
          render: (b) => `${b.indicator.name} (${b.indicator.unit})${b.linkedIndicatorCode ? ` · ${b.linkedIndicatorCode}` : ""}`,
        },
        {
          key: "method",
          header: t("benefits.solutions.form.valueMethod"),
          render: (b) => (
            <>
              {t(`benefits.solutions.methods.${b.valueMethod}`)} · {b.cash ? t("benefits.solutions.cash") : t("benefits.solutions.nonCash")}
              <ValueText benefit={b} />
            </>
          ),
        },
        {
          key: "targets",
          header: t("benefits.solutions.suggestedTargets"),
          render: (b) =>
            b.suggestedTargets
              .map((x) =>
                t("benefits.solutions.targetAfter", { value: formatDecimal(x.value), unit: b.indicator.unit, years: x.afterYears }),
              )
              .join("; "),
        },
      ]}
    />
  );
}

/** What a template version changes, as a list of sentences: benefits added, removed and changed, unit values per year. */
export function TemplateChanges({ diff, first = false }: { diff: TemplateDiff; first?: boolean }) {
  const { t } = useTranslation();
  if (first) return <>{t("benefits.solutions.changesFirst")}</>;
  if (isEmptyDiff(diff)) return <>{t("benefits.solutions.changesNone")}</>;
  const unitValue = (u: UnitValueChange) => {
    const values = {
      year: u.fromYear,
      before: u.before === null ? "" : formatKroner(u.before),
      after: u.after === null ? "" : formatKroner(u.after),
    };
    if (u.before === null) return t("benefits.solutions.unitValueAdded", values);
    if (u.after === null) return t("benefits.solutions.unitValueRemoved", values);
    return t("benefits.solutions.unitValueChanged", values);
  };
  return (
    <ul className="plain-list" data-testid="template-changes">
      {diff.added.map((b) => (
        <li key={`a-${b.key}`}>{t("benefits.solutions.changeAdded", { title: b.title })}</li>
      ))}
      {diff.removed.map((b) => (
        <li key={`r-${b.key}`}>{t("benefits.solutions.changeRemoved", { title: b.title })}</li>
      ))}
      {diff.changed.map((b) => (
        <li key={`c-${b.key}`}>
          {b.fields.length > 0 &&
            t("benefits.solutions.changeChanged", {
              title: b.title,
              fields: b.fields.map((f) => t(`benefits.solutions.changedFields.${f}`)).join(", "),
            })}
          {b.fields.length > 0 && b.unitValues.length > 0 && " "}
          {b.unitValues.length > 0 &&
            t("benefits.solutions.changeUnitValues", { title: b.title, changes: b.unitValues.map(unitValue).join("; ") })}
        </li>
      ))}
    </ul>
  );
}

type TemplateVersion = {
  number: number;
  benefits: TemplateBenefit[];
  publishedByName: string;
  publishedAt: string;
  comment: string | null;
};

/** Every published version, newest first: its number, when and by whom, the comment, and what it changed from the one before. */
function TemplateHistory({ versions }: { versions: readonly TemplateVersion[] }) {
  const { t } = useTranslation();
  const rows = versions.map((v, i) => {
    const previous = versions[i + 1] ?? null;
    return { ...v, previous, diff: diffTemplateVersions(previous?.benefits ?? null, v.benefits) };
  });
  return (
    <section className="stack" aria-labelledby="template-history-heading" data-testid="template-history">
      <Heading level={3} data-size="xs" id="template-history-heading">
        {t("benefits.solutions.historyHeading")}
      </Heading>
      <DataTable
        caption={t("benefits.solutions.historyCaption")}
        captionHidden
        size="sm"
        rows={rows}
        rowKey={(v) => v.number}
        columns={[
          {
            key: "number",
            header: t("benefits.solutions.historyVersion"),
            render: (v) => t("benefits.solutions.versionTag", { number: v.number }),
          },
          { key: "publishedAt", header: t("benefits.solutions.historyPublished"), render: (v) => formatDate(v.publishedAt.slice(0, 10)) },
          { key: "publishedByName", header: t("benefits.solutions.historyBy") },
          { key: "comment", header: t("benefits.solutions.historyComment"), render: (v) => v.comment ?? "" },
          {
            key: "changes",
            header: t("benefits.solutions.historyChanges"),
            render: (v) => <TemplateChanges diff={v.diff} first={v.previous === null} />,
          },
        ]}
      />
    </section>
  );
}

/**
 * A joint project's template plan (issue 26) on its page: the latest published version for everyone who sees
 * the project, the draft with its editor and the publishing step for the owner's keepers and the secretariat,
 * and the roll-up over the municipalities that adopted it.
 */
export function TemplateSection({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const query = useTemplate(projectId);
  const rollUp = useRollUp(projectId);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const save = useSaveTemplate({
    onSuccess: () => {
      setEditing(null);
      setMessage(t("benefits.solutions.draftSaved"));
    },
  });
  const publish = usePublishTemplate({
    onSuccess: ({ number }) => {
      setPublishing(false);
      setMessage(t("benefits.solutions.published", { number }));
    },
  });
  if (!query.isSuccess) return <QueryView query={query} />;
  const { draft, versions, canEdit } = query.data;
  const latest = versions[0] ?? null;
  if (!latest && !canEdit) return null;
  const benefits = draft.content.benefits;
  const write = (next: TemplateBenefit[]) => save.mutate({ projectId, expectedVersion: draft.version, template: { benefits: next } });
  const draftChanged = latest === null || JSON.stringify(latest.benefits) !== JSON.stringify(benefits);
  return (
    <section className="stack" aria-labelledby="template-heading" data-testid="template-section">
      <Heading level={2} data-size="sm" id="template-heading">
        {t("benefits.solutions.templateHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("benefits.solutions.templateIntro")}</Paragraph>
      {message && (
        <Alert data-color="success" role="status" data-testid="template-message">
          {message}
        </Alert>
      )}
      {latest ? (
        <>
          <Paragraph data-size="sm">
            {t("benefits.solutions.latestVersion", {
              number: latest.number,
              name: latest.publishedByName,
              date: formatDate(latest.publishedAt.slice(0, 10)),
            })}{" "}
            <Tag data-color="info">{t("benefits.solutions.versionTag", { number: latest.number })}</Tag>
          </Paragraph>
          <TemplateTable caption={t("benefits.solutions.versionCaption", { number: latest.number })} benefits={latest.benefits} />
          <TemplateHistory versions={versions} />
        </>
      ) : (
        <Paragraph>{t("benefits.solutions.notPublished")}</Paragraph>
      )}
      {canEdit && (
        <section className="stack" aria-labelledby="template-draft-heading">
          <Heading level={3} data-size="xs" id="template-draft-heading">
            {t("benefits.solutions.draftHeading")}
          </Heading>
          <DataTable
            caption={t("benefits.solutions.draftCaption")}
            captionHidden
            size="sm"
            rows={benefits}
            rowKey={(b) => b.key}
            empty={t("benefits.solutions.draftEmpty")}
            columns={[
              { key: "title", header: t("benefits.solutions.benefit") },
              {
                key: "method",
                header: t("benefits.solutions.form.valueMethod"),
                render: (b) => t(`benefits.solutions.methods.${b.valueMethod}`),
              },
              {
                key: "actions",
                header: t("benefits.solutions.actions"),
                hideHeader: true,
                render: (b, i) => (
                  <div className="button-row">
                    <Button variant="tertiary" data-size="sm" onClick={() => setEditing(i)}>
                      {t("benefits.solutions.editBenefit", { title: b.title })}
                    </Button>
                    <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => setRemoving(i)}>
                      {t("benefits.solutions.removeBenefit", { title: b.title })}
                    </Button>
                  </div>
                ),
              },
            ]}
          />
          {editing === null && (
            <div className="button-row no-print">
              <Button variant="secondary" data-size="sm" onClick={() => setEditing("new")}>
                {t("benefits.solutions.addBenefit")}
              </Button>
              {benefits.length > 0 && draftChanged && draft.version !== null && (
                <Button data-size="sm" onClick={() => setPublishing(true)}>
                  {t("benefits.solutions.publish", { number: (latest?.number ?? 0) + 1 })}
                </Button>
              )}
            </div>
          )}
          {editing !== null && (
            <TemplateBenefitForm
              key={String(editing)}
              initial={editing === "new" ? null : (benefits[editing] ?? null)}
              index={editing === "new" ? benefits.length : editing}
              others={benefits.filter((_, j) => j !== editing)}
              pending={save.isPending}
              error={save.error}
              onSubmit={(b) => write(editing === "new" ? [...benefits, b] : benefits.map((x, j) => (j === editing ? b : x)))}
              onCancel={() => {
                setEditing(null);
                save.reset();
              }}
            />
          )}
          {save.error !== null && editing === null && (
            <Alert data-color="danger" role="alert">
              {translateError(t, save.error).message}
            </Alert>
          )}
        </section>
      )}
      {latest && rollUp.isSuccess && <RollUpSection data={rollUp.data} />}
      <ConfirmDialog
        request={
          removing !== null
            ? {
                title: t("benefits.solutions.removeTitle", { title: benefits[removing]?.title ?? "" }),
                body: t("benefits.solutions.removeBody"),
                confirmLabel: t("benefits.solutions.removeConfirm"),
                destructive: true,
              }
            : null
        }
        pending={save.isPending}
        error={save.error ? translateError(t, save.error).message : null}
        onConfirm={() => {
          write(benefits.filter((_, j) => j !== removing));
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />
      <ConfirmDialog
        request={
          publishing
            ? {
                title: t("benefits.solutions.publishTitle", { number: (latest?.number ?? 0) + 1 }),
                body: t("benefits.solutions.publishBody"),
                confirmLabel: t("benefits.solutions.publishConfirm"),
              }
            : null
        }
        pending={publish.isPending}
        error={publish.error ? translateError(t, publish.error).message : null}
        onConfirm={() => draft.version !== null && publish.mutate({ projectId, expectedVersion: draft.version, comment: null })}
        onCancel={() => {
          setPublishing(false);
          publish.reset();
        }}
      />
    </section>
  );
}
