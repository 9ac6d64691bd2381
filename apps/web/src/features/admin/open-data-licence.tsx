import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { OPEN_DATA_LICENCES, OpenDataLicenceInputSchema, type OpenDataLicenceId } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { SelectField } from "../../components/select-field";
import { noErrors, translateFormError, translateFormIssue, type FormErrors } from "../../lib/form-errors";
import { useOpenDataLicence, useSetOpenDataLicence } from "./api";

const FIELDS = ["licence", "attribution"] as const;

/** The licence the public API states in every answer (NLOD 2.0 or CC BY 4.0) and whom users of the data name as its source. */
export function OpenDataLicenceSettings() {
  const current = useOpenDataLicence();
  return (
    <QueryView query={current} pending={null} forbidden={false} testId="open-data-licence">
      {(setting) => (
        <LicenceForm key={`${setting.licence}|${setting.attribution}`} licence={setting.licence} attribution={setting.attribution} />
      )}
    </QueryView>
  );
}

function LicenceForm(props: { licence: OpenDataLicenceId; attribution: string }) {
  const { t } = useTranslation();
  const [licence, setLicence] = useState<OpenDataLicenceId>(props.licence);
  const [attribution, setAttribution] = useState(props.attribution);
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(noErrors);
  const [done, setDone] = useState(false);
  const set = useSetOpenDataLicence({
    onSuccess: () => {
      setErrors(noErrors());
      setDone(true);
    },
    onError: (error) => setErrors(translateFormError(t, error, FIELDS, "admin")),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const parsed = OpenDataLicenceInputSchema.safeParse({ licence, attribution });
    if (!parsed.success) {
      setErrors({ summary: null, fields: { attribution: translateFormIssue(t, "admin", "attribution", "REQUIRED") } });
      return;
    }
    set.mutate(parsed.data);
  };
  return (
    <section className="panel stack" aria-labelledby="open-data-licence-heading" data-testid="open-data-licence-settings">
      <Heading level={2} data-size="xs" id="open-data-licence-heading">
        {t("admin.openDataLicence.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("admin.openDataLicence.intro")}</Paragraph>
      <div role="status">{done && <Alert data-color="success">{t("admin.openDataLicence.saved")}</Alert>}</div>
      {errors.summary && <Alert data-color="danger">{errors.summary}</Alert>}
      <form className="stack" onSubmit={submit} noValidate>
        <SelectField
          id="open-data-licence"
          label={t("admin.openDataLicence.licence")}
          value={licence}
          error={errors.fields.licence}
          onChange={(e) => setLicence(e.target.value as OpenDataLicenceId)}
        >
          {OPEN_DATA_LICENCES.map((id) => (
            <option key={id} value={id}>
              {t(`admin.openDataLicence.names.${id}`)}
            </option>
          ))}
        </SelectField>
        <Textfield
          id="open-data-attribution"
          label={t("admin.openDataLicence.attribution")}
          description={t("admin.openDataLicence.attributionDescription")}
          value={attribution}
          maxLength={200}
          onChange={(e) => setAttribution(e.target.value)}
          error={errors.fields.attribution}
        />
        <div>
          <Button type="submit" disabled={set.isPending}>
            {t("admin.openDataLicence.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
