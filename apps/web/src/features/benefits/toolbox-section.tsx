import { Button, Heading, Paragraph, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { fileExtensionOf, MAX_TOOLBOX_DOCUMENT_BYTES, TOOLBOX_DOCUMENT_TYPES, ToolboxLinkInputSchema } from "@malestokk/domain";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { formatDateShort, formatFileSize } from "../../lib/format";
import { noErrors, translateFormError, translateFormIssue, type FormErrors } from "../../lib/form-errors";
import { toolboxDocumentHref, useAddToolboxLink, useRemoveToolboxEntry, useToolbox, useUploadToolboxDocument } from "./api";

type Entry = RouterOutputs["toolbox"]["list"]["entries"][number];

const AREA = "benefits.toolbox";
const MAX_MB = MAX_TOOLBOX_DOCUMENT_BYTES / (1024 * 1024);
const ACCEPT = [
  ...TOOLBOX_DOCUMENT_TYPES.map((type) => `.${type}`),
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
].join(",");

/**
 * A joint project's toolbox (issue 26, docs/toolbox.md): the links and documents a municipality needs to take
 * the solution up. Whoever sees the project opens and downloads them; the owner and the secretariat add a
 * link, upload a document (with its progress) and remove an entry (asked first). An ordinary project (not
 * `joint`) has none: its keepers read how it gets one, others see nothing (unless entries were kept from
 * when it was joint, which stay listed).
 */
export function ToolboxSection({ projectId, joint, onDone }: { projectId: number; joint: boolean; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const query = useToolbox(projectId);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const remove = useRemoveToolboxEntry({
    onSuccess: () => {
      onDone(t(`${AREA}.removed`, { title: removing?.title ?? "" }));
      setRemoving(null);
    },
  });
  const canEdit = query.data?.canEdit ?? false;

  const kindText = (entry: Entry) => t(`${AREA}.kinds.${entry.kind === "link" ? "link" : (entry.documentType ?? "pdf")}`);
  const columns = [
    {
      key: "title",
      header: t(`${AREA}.title`),
      render: (entry: Entry) =>
        entry.kind === "link" ? (
          <a href={entry.url ?? "#"} rel="noopener noreferrer nofollow">
            {entry.title}
          </a>
        ) : (
          <a href={toolboxDocumentHref(projectId, entry.id)} download={entry.fileName ?? true}>
            {entry.title}
            <span className="visually-hidden"> ({t(`${AREA}.downloadHint`, { name: entry.fileName ?? "" })})</span>
          </a>
        ),
    },
    { key: "kind", header: t(`${AREA}.kind`), render: kindText },
    {
      key: "size",
      header: t(`${AREA}.size`),
      numeric: true,
      render: (entry: Entry) => (entry.sizeBytes === null ? "–" : formatFileSize(entry.sizeBytes)),
    },
    { key: "added", header: t(`${AREA}.added`), render: (entry: Entry) => formatDateShort(entry.addedAt) },
    ...(canEdit
      ? [
          {
            key: "remove",
            header: t(`${AREA}.actions`),
            hideHeader: true,
            render: (entry: Entry) => (
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={t(`${AREA}.removeLabel`, { title: entry.title })}
                onClick={() => setRemoving(entry)}
              >
                {t(`${AREA}.remove`)}
              </Button>
            ),
          },
        ]
      : []),
  ];

  if (!joint && (!query.isSuccess || query.data.entries.length === 0)) {
    return query.data?.canEdit ? (
      <section className="stack" aria-labelledby="toolbox-heading" data-testid="toolbox">
        <Heading level={2} data-size="sm" id="toolbox-heading">
          {t(`${AREA}.heading`)}
        </Heading>
        <Paragraph data-size="sm" data-testid="toolbox-not-joint">
          {t(`${AREA}.notJoint`)}
        </Paragraph>
      </section>
    ) : null;
  }
  return (
    <section className="stack" aria-labelledby="toolbox-heading" data-testid="toolbox">
      <Heading level={2} data-size="sm" id="toolbox-heading">
        {t(`${AREA}.heading`)}
      </Heading>
      <Paragraph data-size="sm">{t(`${AREA}.intro`)}</Paragraph>
      <QueryView query={query}>
        {(data) => (
          <>
            <DataTable
              caption={t(`${AREA}.caption`)}
              captionHidden
              columns={columns}
              rows={data.entries}
              rowKey={(entry) => entry.id}
              empty={t(`${AREA}.empty`)}
              emptyAction={<Paragraph data-size="sm">{t(data.canEdit ? `${AREA}.emptyEdit` : `${AREA}.emptyRead`)}</Paragraph>}
              testId="toolbox-table"
            />
            {data.canEdit && (
              <div className="stack no-print">
                <LinkForm projectId={projectId} onDone={onDone} />
                <UploadForm projectId={projectId} onDone={onDone} />
              </div>
            )}
          </>
        )}
      </QueryView>
      <ConfirmDialog
        request={
          removing
            ? {
                title: t(`${AREA}.removeTitle`, { title: removing.title }),
                body: t(`${AREA}.removeBody`),
                confirmLabel: t(`${AREA}.remove`),
                destructive: true,
              }
            : null
        }
        pending={remove.isPending}
        error={remove.error ? translateError(t, remove.error).message : null}
        onConfirm={() => removing && remove.mutate({ projectId, entryId: removing.id })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </section>
  );
}

/** A form that adds one entry: its heading, the entry's title, and what the kind of entry asks besides. */
function EntryForm(props: {
  kind: "link" | "upload";
  pending: boolean;
  onSubmit: (event: FormEvent) => void;
  title: string;
  titleError: string | undefined;
  onTitle: (title: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = `toolbox-${props.kind}-heading`;
  return (
    <form className="stack" onSubmit={props.onSubmit} noValidate aria-labelledby={heading} data-testid={`toolbox-${props.kind}-form`}>
      <Heading level={3} data-size="xs" id={heading}>
        {t(props.kind === "link" ? `${AREA}.addLinkHeading` : `${AREA}.uploadHeading`)}
      </Heading>
      <Textfield
        id={`toolbox-${props.kind}-title`}
        label={t(`${AREA}.entryTitle`)}
        value={props.title}
        error={props.titleError}
        autoComplete="off"
        onChange={(e) => props.onTitle(e.target.value)}
      />
      {props.children}
      <div>
        <Button type="submit" variant="secondary" disabled={props.pending} aria-busy={props.pending}>
          {t(props.kind === "link" ? `${AREA}.addLink` : `${AREA}.upload`)}
        </Button>
      </div>
    </form>
  );
}

/** The code an issue of a domain schema names: a refinement's own (URL_NOT_WEB), else zod's. */
function issueCode(issue: { code: string; params?: Record<string, unknown> | undefined }): string {
  const named = issue.code === "custom" ? issue.params?.code : undefined;
  return typeof named === "string" ? named : issue.code;
}

function LinkForm({ projectId, onDone }: { projectId: number; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [errors, setErrors] = useState<FormErrors<"title" | "url">>(noErrors());
  const add = useAddToolboxLink({
    onSuccess: (_r, input) => {
      onDone(t(`${AREA}.linkAdded`, { title: input.title }));
      setTitle("");
      setUrl("");
    },
    onError: (error) => setErrors(translateFormError(t, error, ["title", "url"], AREA)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ToolboxLinkInputSchema.safeParse({ title, url });
    if (!parsed.success) {
      const fields: Partial<Record<"title" | "url", string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "url" ? "url" : "title";
        fields[field] ??= translateFormIssue(t, AREA, field, issueCode(issue));
      }
      setErrors({ summary: null, fields });
      return;
    }
    setErrors(noErrors());
    add.mutate({ projectId, ...parsed.data });
  };
  return (
    <EntryForm kind="link" pending={add.isPending} onSubmit={submit} title={title} titleError={errors.fields.title} onTitle={setTitle}>
      <Textfield
        id="toolbox-link-url"
        type="url"
        label={t(`${AREA}.url`)}
        description={t(`${AREA}.urlDescription`)}
        value={url}
        error={errors.fields.url}
        autoComplete="url"
        onChange={(e) => setUrl(e.target.value)}
      />
      {errors.summary && <ValidationMessage data-testid="toolbox-link-error">{errors.summary}</ValidationMessage>}
    </EntryForm>
  );
}

/** Why a file is refused before it is sent: the server checks its content again. */
function fileProblem(file: File | null): { code: string; params: Record<string, number> } | null {
  if (file === null) return { code: "FILE_MISSING", params: {} };
  if (file.size === 0) return { code: "FILE_EMPTY", params: {} };
  if (file.size > MAX_TOOLBOX_DOCUMENT_BYTES) return { code: "FILE_TOO_LARGE", params: { maxMb: MAX_MB } };
  return (TOOLBOX_DOCUMENT_TYPES as readonly string[]).includes(fileExtensionOf(file.name))
    ? null
    : { code: "FILE_WRONG_TYPE", params: {} };
}

function UploadForm({ projectId, onDone }: { projectId: number; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FormErrors<"title" | "file">>(noErrors());
  const upload = useUploadToolboxDocument({
    onSuccess: (_r, input) => {
      onDone(t(`${AREA}.uploaded`, { title: input.title }));
      setTitle("");
      setFile(null);
      setInputKey((key) => key + 1);
    },
    onError: (error) => setErrors(translateFormError(t, error, ["title", "file"], AREA)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Partial<Record<"title" | "file", string>> = {};
    if (title.trim() === "") fields.title = t(`${AREA}.errors.TITLE_MISSING`);
    const problem = fileProblem(file);
    if (problem) fields.file = t(`${AREA}.errors.${problem.code}`, problem.params);
    setErrors({ summary: null, fields });
    if (!file || Object.keys(fields).length > 0) return;
    setProgress(0);
    upload.mutate(
      { projectId, title: title.trim(), file, onProgress: setProgress },
      {
        onSettled: () => setProgress(null),
      },
    );
  };
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <EntryForm kind="upload" pending={upload.isPending} onSubmit={submit} title={title} titleError={errors.fields.title} onTitle={setTitle}>
      <div className="file-field">
        <label htmlFor="toolbox-file" className="ds-label">
          {t(`${AREA}.file`)}
        </label>
        <span id="toolbox-file-description" className="ds-paragraph" data-size="sm">
          {t(`${AREA}.fileDescription`, { maxMb: MAX_MB })}
        </span>
        <input
          key={inputKey}
          id="toolbox-file"
          type="file"
          accept={ACCEPT}
          aria-describedby={errors.fields.file ? "toolbox-file-description toolbox-file-error" : "toolbox-file-description"}
          aria-invalid={errors.fields.file ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {file && <Paragraph data-size="sm">{t(`${AREA}.chosen`, { name: file.name, size: formatFileSize(file.size) })}</Paragraph>}
        {errors.fields.file && (
          <ValidationMessage id="toolbox-file-error" data-testid="toolbox-file-error">
            {errors.fields.file}
          </ValidationMessage>
        )}
      </div>
      {errors.summary && <ValidationMessage data-testid="toolbox-upload-error">{errors.summary}</ValidationMessage>}
      <div role="status" aria-live="polite">
        {percent !== null && (
          <div className="stack" data-testid="toolbox-progress">
            <progress max={100} value={percent} aria-label={t(`${AREA}.progress`)} />
            <Paragraph data-size="sm">{t(`${AREA}.uploading`, { name: file?.name ?? "", percent })}</Paragraph>
          </div>
        )}
      </div>
    </EntryForm>
  );
}
