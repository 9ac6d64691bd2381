import { Heading } from "@digdir/designsystemet-react";
import { benefitMapLayout, type BenefitMap } from "@malestokk/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "../../components/empty-state";
import { useLocaleArea } from "../../lib/i18n";
import enViews from "../../locales/en.benefit-views.json";
import nbViews from "../../locales/nb.benefit-views.json";
import nnViews from "../../locales/nn.benefit-views.json";
import "./benefit-map.css";

const COLUMNS = ["deliverables", "preconditions", "benefits", "goals"] as const;
const BOX_W = 200;
const BOX_H = 64;
const GAP_X = 60;
const GAP_Y = 16;
const TOP = 36;
const FILLS = ["#e8f1fb", "#fdf3e1", "#e6f4ea", "#f3e8f7"] as const;
const MAX_LINE = 26;

/** Up to three lines of at most MAX_LINE characters, the last cut with an ellipsis. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/)) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length <= MAX_LINE) line = next;
    else {
      if (line !== "") lines.push(line);
      line = word.length > MAX_LINE ? `${word.slice(0, MAX_LINE - 1)}…` : word;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= 3) return lines;
  const third = lines[2] ?? "";
  return [...lines.slice(0, 2), third.length > MAX_LINE - 1 ? `${third.slice(0, MAX_LINE - 1)}…` : `${third}…`];
}

/**
 * The benefit map (gevinstkart) drawn from the plan: deliverables → preconditions → benefits →
 * goals, with the same content as text beneath for screen readers and print.
 */
export function BenefitMapDiagram(props: {
  map: BenefitMap;
  benefits: readonly { id: number; title: string; preconditionKeys: readonly string[]; goalKeys: readonly string[] }[];
}) {
  useLocaleArea("benefitViews", { nb: nbViews, nn: nnViews, en: enViews });
  const { t } = useTranslation();
  // useId gives characters such as ":" or "«" that a url(#…) reference need not survive.
  const id = `benefit-map-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const markerId = `${id}-arrow`;
  const captionId = `${id}-caption`;
  const { map, benefits } = props;
  if (map.deliverables.length + map.preconditions.length + map.goals.length + benefits.length === 0) {
    return (
      <div data-testid="benefit-map-empty">
        <EmptyState>{t("benefitViews.mapEmpty")}</EmptyState>
      </div>
    );
  }
  const layout = benefitMapLayout(map, benefits);
  const width = 4 * BOX_W + 3 * GAP_X;
  const height = TOP + layout.rows * (BOX_H + GAP_Y);
  const position = new Map(layout.nodes.map((n) => [n.key, { x: n.column * (BOX_W + GAP_X), y: TOP + n.row * (BOX_H + GAP_Y) }]));
  const labels = new Map([...map.deliverables, ...map.preconditions, ...map.goals].map((n) => [n.key, n.label]));
  const list = (keys: readonly string[]) => (keys.length === 0 ? t("benefitViews.none") : keys.map((k) => labels.get(k) ?? k).join(", "));
  return (
    <figure className="benefit-map" data-testid="benefit-map" aria-labelledby={captionId}>
      <svg
        role="img"
        aria-label={t("benefitViews.mapSummary", {
          deliverables: map.deliverables.length,
          preconditions: map.preconditions.length,
          benefits: benefits.length,
          goals: map.goals.length,
        })}
        className="benefit-map__svg"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        style={{ maxWidth: width }}
      >
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#444" />
          </marker>
        </defs>
        {COLUMNS.map((column, i) => (
          <text key={column} x={i * (BOX_W + GAP_X) + BOX_W / 2} y={20} textAnchor="middle" fontWeight="600" fontSize="14" fill="#1e1e1e">
            {t(`benefitViews.columns.${column}`)}
          </text>
        ))}
        {layout.edges.map((e) => {
          const from = position.get(e.from);
          const to = position.get(e.to);
          if (!from || !to) return null;
          return (
            <line
              key={`${e.from}-${e.to}`}
              x1={from.x + BOX_W}
              y1={from.y + BOX_H / 2}
              x2={to.x}
              y2={to.y + BOX_H / 2}
              stroke="#444"
              strokeWidth="1.5"
              markerEnd={`url(#${markerId})`}
            />
          );
        })}
        {layout.nodes.map((n) => {
          const p = position.get(n.key);
          if (!p) return null;
          const lines = wrap(n.label);
          return (
            <g key={n.key}>
              <rect x={p.x} y={p.y} width={BOX_W} height={BOX_H} rx="6" fill={FILLS[n.column]} stroke="#5c5c5c" />
              <text
                x={p.x + BOX_W / 2}
                y={p.y + BOX_H / 2 - ((lines.length - 1) * 16) / 2 + 5}
                textAnchor="middle"
                fontSize="13"
                fill="#1e1e1e"
              >
                {lines.map((line, i) => (
                  <tspan key={i} x={p.x + BOX_W / 2} dy={i === 0 ? 0 : 16}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId}>{t("benefitViews.mapCaption")}</figcaption>
      <Heading level={3} data-size="2xs">
        {t("benefitViews.textAlternative")}
      </Heading>
      <ul className="benefit-map__text" data-testid="benefit-map-text">
        {benefits.map((b) => (
          <li key={b.id}>
            {t("benefitViews.benefitLine", { title: b.title, preconditions: list(b.preconditionKeys), goals: list(b.goalKeys) })}
          </li>
        ))}
        {map.preconditions.map((p) => (
          <li key={p.key}>{t("benefitViews.preconditionLine", { label: p.label, deliverables: list(p.from) })}</li>
        ))}
      </ul>
    </figure>
  );
}
