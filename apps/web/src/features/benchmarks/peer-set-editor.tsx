import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { formatDecimal, formatInteger, formatScore } from "../../lib/format";
import { usePeerSuggestions, useSavePeerSet } from "./api";

/** Suggests the ten most similar municipalities and saves the chosen ones as a named peer set. */
export function PeerSetEditor(props: {
  municipalityNumber: string;
  municipalityName: string;
  /** Offered only to users with a role in this municipality. */
  canShare: boolean;
  onSaved: (id: number, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const suggestions = usePeerSuggestions(props.municipalityNumber);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState("");
  const [share, setShare] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; members?: string; form?: string }>({});
  const save = useSavePeerSet({
    onSuccess: (set) => props.onSaved(set.id, set.name),
    onError: (error) => setErrors({ form: translateError(t, error).message }),
  });

  if (!suggestions.isSuccess) return <QueryView query={suggestions} />;

  const chosen = suggestions.data.filter((s) => !unchecked.has(s.number)).map((s) => s.number);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (name.trim() === "") next.name = t("peers.nameRequired");
    if (chosen.length === 0) next.members = t("peers.noneChosen");
    setErrors(next);
    if (next.name || next.members) return;
    save.mutate({
      name: name.trim(),
      // The municipality itself is always in its own comparison.
      memberNumbers: [props.municipalityNumber, ...chosen],
      shareWithMunicipality: share ? props.municipalityNumber : null,
    });
  };

  return (
    <section className="panel peer-editor" aria-labelledby="peer-editor-heading">
      <Heading level={3} data-size="xs" id="peer-editor-heading">
        {t("peers.editorTitle")}
      </Heading>
      <Paragraph data-size="sm">{t("peers.editorIntro", { name: props.municipalityName })}</Paragraph>
      <Paragraph data-size="xs" data-testid="peer-suggest-fine-print">
        {t("peers.finePrint")}
      </Paragraph>
      {errors.form && <Alert data-color="danger">{errors.form}</Alert>}
      <form onSubmit={submit} className="stack" noValidate>
        <Fieldset>
          <Fieldset.Legend>{t("peers.members")}</Fieldset.Legend>
          {suggestions.data.map((s) => (
            <Checkbox
              key={s.number}
              label={`${s.name} (${s.number}, ${s.countyName})`}
              description={[
                ...(s.reasons.length === 0
                  ? [t("peers.noReason")]
                  : s.reasons.map((r) =>
                      r.code === "SAME_COUNTY"
                        ? t("peers.reason.SAME_COUNTY")
                        : r.code === "SIMILAR_POPULATION"
                          ? t("peers.reason.SIMILAR_POPULATION", {
                              population: formatInteger(r.params.population),
                              ownPopulation: formatInteger(r.params.ownPopulation),
                            })
                          : t("peers.reason.SIMILAR_DENSITY", {
                              density: formatDecimal(r.params.density),
                              ownDensity: formatDecimal(r.params.ownDensity),
                            }),
                    )),
                t("peers.distance", { distance: formatScore(s.distance) }),
              ].join("; ")}
              checked={!unchecked.has(s.number)}
              onChange={(e) => {
                const next = new Set(unchecked);
                if (e.target.checked) next.delete(s.number);
                else next.add(s.number);
                setUnchecked(next);
              }}
            />
          ))}
          {errors.members && (
            <Paragraph data-size="sm" className="field-error">
              {errors.members}
            </Paragraph>
          )}
        </Fieldset>
        <Textfield id="peer-set-name" label={t("peers.name")} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        {props.canShare && (
          <Checkbox
            label={t("peers.share", { name: props.municipalityName })}
            description={t("peers.shareDescription")}
            checked={share}
            onChange={(e) => setShare(e.target.checked)}
          />
        )}
        <div className="button-row">
          <Button type="submit" disabled={save.isPending}>
            {t("peers.save")}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {t("peers.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
