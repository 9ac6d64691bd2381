import { Alert, Button, Heading, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { API_TOKEN_DAY_CHOICES, API_TOKEN_DEFAULT_DAYS, CreateApiTokenInputSchema, type IssueParams } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { noErrors, translateFormError, translateFormIssue, type FormErrors } from "../../lib/form-errors";
import { useApiTokens, useCreateApiToken } from "./api";
import { NewToken } from "./new-token";
import { TokenList } from "./token-list";

type Field = "name" | "expiresInDays";
const FIELDS: readonly Field[] = ["name", "expiresInDays"];

/**
 * One organisation's API tokens for its manager or an administrator (issue 23, point 3): make one (a name
 * and an expiry), see its secret once, list them with their last use, and revoke one after confirming.
 */
export function ApiTokenPanel(props: { municipalityNumber: string; organisationName: string }) {
  const { t } = useTranslation();
  const tokens = useApiTokens(props.municipalityNumber);
  const [name, setName] = useState("");
  const [days, setDays] = useState(String(API_TOKEN_DEFAULT_DAYS));
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const create = useCreateApiToken({
    onSuccess: (result) => {
      setMade({ name: result.item.name, token: result.token });
      setName("");
      setDays(String(API_TOKEN_DEFAULT_DAYS));
    },
    onError: (e) => setErrors(translateFormError(t, e, FIELDS, "apiTokens")),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = { name, expiresInDays: Number(days) };
    const parsed = CreateApiTokenInputSchema.safeParse(input);
    if (!parsed.success) {
      // The same schema as the server's: its issues in the words the server's would get.
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "expiresInDays" ? "expiresInDays" : "name";
        const bound: IssueParams =
          "minimum" in issue ? { minimum: Number(issue.minimum) } : "maximum" in issue ? { maximum: Number(issue.maximum) } : {};
        fields[field] ??= translateFormIssue(t, "apiTokens", field, issue.code, bound);
      }
      setErrors({ summary: null, fields });
      document.getElementById(fields.name ? "api-token-name" : "api-token-expires")?.focus();
      return;
    }
    setErrors(noErrors());
    create.mutate({ municipalityNumber: props.municipalityNumber, ...parsed.data });
  };

  return (
    <div className="stack">
      <Paragraph>{t("apiTokens.intro", { name: props.organisationName })}</Paragraph>
      {made ? (
        <NewToken name={made.name} token={made.token} onDone={() => setMade(null)} />
      ) : (
        <section aria-labelledby="api-token-create-heading" className="stack">
          <Heading level={2} data-size="sm" id="api-token-create-heading">
            {t("apiTokens.create.heading")}
          </Heading>
          <form onSubmit={onSubmit} noValidate className="stack" data-testid="api-token-form">
            {errors.summary && (
              <Alert data-color="danger" role="alert">
                {errors.summary}
              </Alert>
            )}
            <Textfield
              id="api-token-name"
              label={t("apiTokens.create.name")}
              description={t("apiTokens.create.nameDescription")}
              value={name}
              maxLength={80}
              autoComplete="off"
              error={errors.fields.name}
              onChange={(e) => setName(e.target.value)}
            />
            <SelectField
              id="api-token-expires"
              label={t("apiTokens.create.expires")}
              description={t("apiTokens.create.expiresDescription")}
              value={days}
              error={errors.fields.expiresInDays}
              onChange={(e) => setDays(e.target.value)}
            >
              {API_TOKEN_DAY_CHOICES.map((d) => (
                <Select.Option key={d} value={String(d)}>
                  {t("apiTokens.create.days", { count: d })}
                </Select.Option>
              ))}
            </SelectField>
            <div className="button-row">
              <Button type="submit" disabled={create.isPending} aria-busy={create.isPending}>
                {create.isPending ? t("apiTokens.create.creating") : t("apiTokens.create.submit")}
              </Button>
            </div>
          </form>
        </section>
      )}
      <TokenList
        query={tokens}
        caption={t("apiTokens.table.caption", { name: props.organisationName })}
        empty={t("apiTokens.table.empty")}
      />
    </div>
  );
}
