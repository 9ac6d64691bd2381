import { Field, Heading, Label, Paragraph, Radio, Textarea, Textfield } from "@digdir/designsystemet-react";
import {
  MATURITY_AREA_DEFINITIONS,
  MATURITY_AREAS,
  MATURITY_LEVELS,
  maturityBand,
  maturityIndex,
  type MaturityArea,
} from "@malestokk/domain";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

import { PeerStandInNotice } from "../../components/peer-stand-in";
import { Loading } from "../../components/query-state";
import { formatScore } from "../../lib/format";
import { QualitySaveButton, type QualityEditorProps } from "./quality-report";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const MaturityRadar = lazy(() => import("./maturity-radar"));

interface AreaDraft {
  readonly score: number | null;
  readonly comment: string;
  readonly evidence: string;
}

/** The eight areas, each a radio group of levels 1–5 with its descriptor, plus a comment and evidence. */
export function MaturityForm(props: QualityEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { view } = props;
  const stored = view.content.instrument === "maturity" ? view.content.content.scores : [];
  const [draft, setDraft] = useState<Record<MaturityArea, AreaDraft>>(
    () =>
      Object.fromEntries(
        MATURITY_AREAS.map((area) => {
          const s = stored.find((x) => x.area === area);
          return [area, { score: s?.score ?? null, comment: s?.comment ?? "", evidence: s?.evidence ?? "" }];
        }),
      ) as Record<MaturityArea, AreaDraft>,
  );
  const weights = Object.fromEntries(view.weights.map((w) => [w.area, w.weight]));
  const index = maturityIndex(Object.fromEntries(MATURITY_AREAS.map((a) => [a, draft[a].score])), weights);
  const set = (area: MaturityArea, patch: Partial<AreaDraft>) => {
    setDraft({ ...draft, [area]: { ...draft[area], ...patch } });
    props.onDirty();
  };
  const peers = view.derived.kind === "maturity" ? view.derived.peers : [];
  return (
    <div className="stack">
      <Paragraph>{t("quality.maturity.intro")}</Paragraph>
      <Paragraph data-testid="maturity-index" aria-live="polite">
        {index.value === null
          ? t("quality.maturity.indexNone")
          : t("quality.maturity.index", {
              value: formatScore(index.value),
              band: t(`quality.maturity.bands.${maturityBand(index.value)}`),
            })}
        {index.value !== null &&
          !index.complete &&
          ` ${t("quality.maturity.incomplete", { count: MATURITY_AREAS.length - index.answered })}`}
      </Paragraph>
      {MATURITY_AREAS.map((area) => {
        const def = MATURITY_AREA_DEFINITIONS[area];
        return (
          <fieldset key={area} className="maturity-area" aria-describedby={`q-${area}-weight`}>
            <legend>
              <Heading level={2} data-size="xs">
                {localized(def.name, lang)}
              </Heading>
            </legend>
            <Paragraph data-size="sm" id={`q-${area}-weight`}>
              {t("quality.maturity.weight", { weight: weights[area] ?? 1 })}
            </Paragraph>
            <div className="maturity-levels" role="radiogroup" aria-label={`${localized(def.name, lang)}: ${t("quality.maturity.score")}`}>
              {MATURITY_LEVELS.map((level) => (
                <Radio
                  key={level}
                  name={`q-${area}`}
                  value={String(level)}
                  checked={draft[area].score === level}
                  disabled={!props.editable}
                  onChange={() => set(area, { score: level })}
                  label={`${level} – ${localized(def.levels[level - 1], lang) ?? ""}`}
                />
              ))}
              <Radio
                name={`q-${area}`}
                value=""
                checked={draft[area].score === null}
                disabled={!props.editable}
                onChange={() => set(area, { score: null })}
                label={t("quality.maturity.unanswered")}
              />
            </div>
            <Field>
              <Label htmlFor={`q-${area}-comment`}>{t("quality.maturity.comment")}</Label>
              <Textarea
                id={`q-${area}-comment`}
                rows={2}
                maxLength={1000}
                readOnly={!props.editable}
                value={draft[area].comment}
                onChange={(e) => set(area, { comment: e.target.value })}
              />
            </Field>
            <Textfield
              id={`q-${area}-evidence`}
              label={t("quality.maturity.evidence")}
              maxLength={1000}
              readOnly={!props.editable}
              value={draft[area].evidence}
              onChange={(e) => set(area, { evidence: e.target.value })}
            />
          </fieldset>
        );
      })}
      <QualitySaveButton
        editor={props}
        onClick={() =>
          props.onSave({
            instrument: "maturity",
            content: {
              scores: MATURITY_AREAS.map((area) => ({
                area,
                score: draft[area].score,
                comment: draft[area].comment.trim() || null,
                evidence: draft[area].evidence.trim() || null,
              })),
            },
          })
        }
      />
      {view.derived.kind === "maturity" && <PeerStandInNotice group={view.derived.peerGroup} />}
      <Suspense fallback={<Loading />}>
        <MaturityRadar
          own={Object.fromEntries(MATURITY_AREAS.map((a) => [a, draft[a].score]))}
          peers={peers}
          language={lang}
          year={props.view.year}
        />
      </Suspense>
    </div>
  );
}
