import "../../lib/zod-setup";
import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { EmailSchema } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { noErrors, translateFormError, translateFormIssue, type FormErrors } from "../../lib/form-errors";
import { FormErrorSummary } from "../../components/form-error-summary";
import { checkGrant, EMPTY_GRANT, grantFieldIds, GrantFields, type DraftIssue, type GrantDraft } from "./grant-fields";
import { ResetLinkDialog, type IssuedResetLink } from "./reset-link-dialog";
import { useCreateUser } from "./api";

const FIELDS = ["email", "name", "role", "municipalityNumber", "sector"] as const;
type FieldName = (typeof FIELDS)[number];

const ID_PREFIX = "create-user";
const FIELD_IDS: Record<FieldName, string> = {
  email: `${ID_PREFIX}-email`,
  name: `${ID_PREFIX}-name`,
  ...grantFieldIds(ID_PREFIX),
};

/** Mirrors the procedure's input rules (EmailSchema from domain, name 1–200 characters). */
function checkUser(email: string, name: string): DraftIssue<"email" | "name">[] {
  const issues: DraftIssue<"email" | "name">[] = [];
  if (email.trim() === "") {
    issues.push({ field: "email", code: "REQUIRED" });
  } else {
    const checked = EmailSchema.safeParse(email);
    const issue = checked.success ? undefined : checked.error.issues[0];
    if (issue) issues.push({ field: "email", code: issue.code, params: issue.code === "too_big" ? { maximum: 254 } : {} });
  }
  const trimmed = name.trim();
  if (trimmed === "") issues.push({ field: "name", code: "REQUIRED" });
  else if (trimmed.length > 200) issues.push({ field: "name", code: "too_big", params: { maximum: 200 } });
  return issues;
}

/** Creates a user with a first role and shows the one-time link for setting a password. */
export function CreateUserForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const [errors, setErrors] = useState<FormErrors<FieldName>>(noErrors);
  const [issued, setIssued] = useState<IssuedResetLink | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const mutation = useCreateUser({
    onSuccess: (result, input) => {
      setErrors(noErrors());
      setEmail("");
      setName("");
      setGrant(EMPTY_GRANT);
      setCreated(t("admin.create.created", { email: input.email }));
      setIssued({
        title: t("admin.create.createdTitle", { email: input.email }),
        name: input.name,
        email: input.email,
        resetToken: result.resetToken,
        expiresAt: result.expiresAt,
      });
    },
    onError: (error) => setErrors(translateFormError(t, error, FIELDS, "admin")),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const checkedGrant = checkGrant(grant);
    const issues: DraftIssue<FieldName>[] = [...checkUser(email, name), ...checkedGrant.issues];
    if (issues.length > 0 || checkedGrant.input === null) {
      const fields: Partial<Record<FieldName, string>> = {};
      for (const issue of issues) fields[issue.field] ??= translateFormIssue(t, "admin", issue.field, issue.code, issue.params);
      setErrors({ summary: t("admin.errors.summary"), fields });
      return;
    }
    setErrors(noErrors());
    mutation.mutate({ email: email.trim(), name: name.trim(), ...checkedGrant.input });
  };

  const links = FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ id: FIELD_IDS[field], message }] : [];
  });

  return (
    <section className="admin-panel" aria-labelledby="create-user-heading">
      <Heading level={2} data-size="sm" id="create-user-heading">
        {t("admin.create.title")}
      </Heading>
      <Paragraph data-size="sm">{t("admin.create.intro")}</Paragraph>
      <FormErrorSummary summary={errors.summary} links={links} testId="create-user-errors" focusKey={errors} />
      <form onSubmit={submit} noValidate className="admin-form">
        <Textfield
          id={FIELD_IDS.email}
          label={t("admin.fields.email")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <Textfield
          id={FIELD_IDS.name}
          label={t("admin.fields.name")}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <GrantFields idPrefix={ID_PREFIX} draft={grant} errors={errors.fields} onChange={setGrant} />
        <div>
          <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
            {mutation.isPending ? t("admin.create.submitting") : t("admin.create.submit")}
          </Button>
        </div>
      </form>
      <div role="status">
        {created && (
          <Alert data-color="success" data-testid="create-user-done">
            {created}
          </Alert>
        )}
      </div>
      <ResetLinkDialog link={issued} onClose={() => setIssued(null)} />
    </section>
  );
}
