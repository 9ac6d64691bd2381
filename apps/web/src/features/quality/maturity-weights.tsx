import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { MATURITY_AREA_DEFINITIONS, MATURITY_AREAS, type MaturityArea } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { translateError } from "../../lib/errors";
import { useSaveMaturityWeights } from "./api";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

/** For administrators: how much each area counts in Q1, for every organisation. */
export function MaturityWeights({ weights }: { weights: readonly { area: MaturityArea; weight: number }[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [draft, setDraft] = useState<Record<string, string>>(Object.fromEntries(weights.map((w) => [w.area, String(w.weight)])));
  const [message, setMessage] = useState<{ kind: "success" | "danger"; text: string } | null>(null);
  const save = useSaveMaturityWeights({
    onSuccess: () => setMessage({ kind: "success", text: t("quality.weights.saved") }),
    onError: (e) => setMessage({ kind: "danger", text: translateError(t, e).message }),
  });
  const invalid = MATURITY_AREAS.filter((a) => !/^\d{1,2}$/.test((draft[a] ?? "").trim()));
  return (
    <section aria-labelledby="weights-heading" className="stack narrow-wide">
      <Heading level={2} data-size="sm" id="weights-heading">
        {t("quality.weights.title")}
      </Heading>
      <Paragraph data-size="sm">{t("quality.weights.intro")}</Paragraph>
      {MATURITY_AREAS.map((area) => (
        <Textfield
          key={area}
          id={`weight-${area}`}
          label={localized(MATURITY_AREA_DEFINITIONS[area].name, lang)}
          inputMode="numeric"
          value={draft[area] ?? ""}
          error={invalid.includes(area) ? t("quality.weights.invalid") : undefined}
          onChange={(e) => setDraft({ ...draft, [area]: e.target.value })}
        />
      ))}
      <div className="button-row">
        <Button
          variant="secondary"
          disabled={invalid.length > 0 || save.isPending}
          onClick={() => save.mutate({ weights: MATURITY_AREAS.map((area) => ({ area, weight: Number(draft[area]) })) })}
        >
          {t("quality.weights.save")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {message && <Alert data-color={message.kind}>{message.text}</Alert>}
      </div>
    </section>
  );
}
