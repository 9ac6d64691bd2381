import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { noErrors, translateFormError, translateFormIssue, type FormErrors } from "../../lib/form-errors";
import { useFourEyes, useSetFourEyes } from "./api";

const FIELDS = ["unitNumber"] as const;

/**
 * Four eyes per organisation (issue 20, point 16): the organisations where the one who submits a
 * report may not approve it, each with a switch off, and a form to require it for one more.
 */
export function FourEyesSettings() {
  const { t } = useTranslation();
  const list = useFourEyes();
  const [number, setNumber] = useState("");
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(noErrors);
  const [done, setDone] = useState<string | null>(null);
  const set = useSetFourEyes({
    onSuccess: (result, input) => {
      setErrors(noErrors());
      if (result.required) setNumber("");
      setDone(t(result.required ? "admin.fourEyes.turnedOn" : "admin.fourEyes.turnedOff", { number: input.unitNumber }));
    },
    onError: (error) => {
      const next = translateFormError(t, error, FIELDS, "admin");
      // One field: its own message says it all, without a summary above.
      setErrors(next.fields.unitNumber ? { summary: null, fields: next.fields } : next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const trimmed = number.trim();
    const code = trimmed === "" ? "REQUIRED" : /^(\d{4}|\d{9})$/.test(trimmed) ? null : "invalid_format";
    if (code !== null) {
      setErrors({ summary: null, fields: { unitNumber: translateFormIssue(t, "admin", "unitNumber", code) } });
      return;
    }
    set.mutate({ unitNumber: trimmed, required: true });
  };
  return (
    <QueryView query={list} pending={null} forbidden={false} testId="four-eyes">
      {(units) => (
        <section className="panel stack" aria-labelledby="four-eyes-heading" data-testid="four-eyes-settings">
          <Heading level={2} data-size="xs" id="four-eyes-heading">
            {t("admin.fourEyes.heading")}
          </Heading>
          <Paragraph data-size="sm">{t("admin.fourEyes.intro")}</Paragraph>
          <div role="status">{done && <Alert data-color="success">{done}</Alert>}</div>
          {errors.summary && <Alert data-color="danger">{errors.summary}</Alert>}
          <DataTable
            caption={t("admin.fourEyes.caption")}
            testId="four-eyes-list"
            rows={units}
            rowKey={(u) => u.number}
            empty={t("admin.fourEyes.empty")}
            columns={[
              { key: "name", header: t("admin.fourEyes.organisation"), render: (u) => `${u.name} (${u.number})` },
              {
                key: "off",
                header: t("admin.fourEyes.actions"),
                hideHeader: true,
                render: (u) => (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    disabled={set.isPending}
                    onClick={() => {
                      setDone(null);
                      set.mutate({ unitNumber: u.number, required: false });
                    }}
                  >
                    {t("admin.fourEyes.turnOff", { name: u.name })}
                  </Button>
                ),
              },
            ]}
          />
          <form className="stack" onSubmit={submit} noValidate>
            <Textfield
              id="four-eyes-unit"
              label={t("admin.fourEyes.unitNumber")}
              description={t("admin.fields.unitNumberDescription")}
              inputMode="numeric"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              error={errors.fields.unitNumber}
            />
            <div>
              <Button type="submit" disabled={set.isPending}>
                {t("admin.fourEyes.turnOn")}
              </Button>
            </div>
          </form>
        </section>
      )}
    </QueryView>
  );
}
