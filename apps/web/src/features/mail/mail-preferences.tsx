import { Alert, Checkbox, Fieldset, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { useMailPreferences, useSetMailPreference } from "./api";

/** Min konto → notices by e-mail (issue 25): one switch per kind; security notices are always sent. */
export function MailPreferences() {
  const { t } = useTranslation();
  const preferences = useMailPreferences();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = useSetMailPreference({
    onSuccess: () => setMessage({ ok: true, text: t("mail.preferences.saved") }),
    onError: () => setMessage({ ok: false, text: t("mail.preferences.failed") }),
  });
  return (
    <section className="stack" aria-labelledby="mail-preferences-heading" data-testid="mail-preferences">
      <Heading level={2} data-size="xs" id="mail-preferences-heading">
        {t("mail.preferences.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("mail.preferences.intro")}</Paragraph>
      <QueryView query={preferences} testId="mail-preferences">
        {(p) => (
          <>
            {!p.enabled && <Alert data-color="info">{t("mail.preferences.off")}</Alert>}
            <Fieldset>
              <Fieldset.Legend>{t("mail.preferences.legend")}</Fieldset.Legend>
              {p.kinds.map(({ kind, on }) => (
                <Checkbox
                  key={kind}
                  label={t(`mail.kinds.${kind}`)}
                  checked={on}
                  disabled={set.isPending}
                  onChange={(event) => {
                    setMessage(null);
                    set.mutate({ kind, on: event.target.checked });
                  }}
                />
              ))}
            </Fieldset>
          </>
        )}
      </QueryView>
      <div role="status">{message && <Alert data-color={message.ok ? "success" : "danger"}>{message.text}</Alert>}</div>
    </section>
  );
}
