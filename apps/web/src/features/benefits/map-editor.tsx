import { Alert, Button, Checkbox, Fieldset, Heading, Textfield } from "@digdir/designsystemet-react";
import type { BenefitMap } from "@malestokk/domain";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

type Column = "deliverables" | "preconditions" | "goals";

/**
 * Edits the benefit map: deliverables, the preconditions they lead to, and goals. Keys stay as
 * they are for existing items, since benefits point to them.
 */
export function MapEditor(props: {
  initial: BenefitMap;
  pending: boolean;
  error: string | null;
  onSubmit: (map: BenefitMap) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [map, setMap] = useState<BenefitMap>(props.initial);
  const counter = useRef(0);
  const newKey = () => {
    counter.current += 1;
    return `n${Date.now().toString(36)}${counter.current}`;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed: BenefitMap = {
      deliverables: map.deliverables.filter((d) => d.label.trim() !== ""),
      preconditions: map.preconditions.filter((p) => p.label.trim() !== ""),
      goals: map.goals.filter((g) => g.label.trim() !== ""),
    };
    const kept = new Set(trimmed.deliverables.map((d) => d.key));
    props.onSubmit({ ...trimmed, preconditions: trimmed.preconditions.map((p) => ({ ...p, from: p.from.filter((k) => kept.has(k)) })) });
  };
  const setLabel = (column: Column, key: string, label: string) =>
    setMap((m) => ({ ...m, [column]: (m[column] as { key: string }[]).map((n) => (n.key === key ? { ...n, label } : n)) }));
  const remove = (column: Column, key: string) =>
    setMap((m) => ({ ...m, [column]: (m[column] as { key: string }[]).filter((n) => n.key !== key) }));
  const add = (column: Column) =>
    setMap((m) => ({
      ...m,
      [column]: [...m[column], column === "preconditions" ? { key: newKey(), label: "", from: [] } : { key: newKey(), label: "" }],
    }));
  const row = (column: Column, node: { key: string; label: string }, index: number, extra?: React.ReactNode) => (
    <div key={node.key} className="stack">
      <div className="field-row">
        <Textfield
          id={`map-${column}-${index}`}
          label={`${t(`benefits.map.${column}`)} ${index + 1}`}
          value={node.label}
          autoComplete="off"
          onChange={(e) => setLabel(column, node.key, e.target.value)}
        />
        <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(column, node.key)}>
          {t("benefits.map.remove", { label: node.label || String(index + 1) })}
        </Button>
      </div>
      {extra}
    </div>
  );
  return (
    <section className="panel" aria-labelledby="map-editor-heading" data-testid="map-editor">
      <Heading level={3} data-size="xs" id="map-editor-heading">
        {t("benefits.map.edit")}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        {(["deliverables", "preconditions", "goals"] as const).map((column) => (
          <Fieldset key={column}>
            <Fieldset.Legend>{t(`benefits.map.${column}`)}</Fieldset.Legend>
            <div className="stack">
              {column === "preconditions"
                ? map.preconditions.map((p, i) =>
                    row(
                      column,
                      p,
                      i,
                      map.deliverables.length > 0 && (
                        <Fieldset data-size="sm">
                          <Fieldset.Legend>{t("benefits.map.fromLabel")}</Fieldset.Legend>
                          {map.deliverables.map((d) => (
                            <Checkbox
                              key={d.key}
                              id={`map-from-${p.key}-${d.key}`}
                              label={d.label || d.key}
                              checked={p.from.includes(d.key)}
                              onChange={(e) =>
                                setMap((m) => ({
                                  ...m,
                                  preconditions: m.preconditions.map((x) =>
                                    x.key === p.key
                                      ? { ...x, from: e.target.checked ? [...x.from, d.key] : x.from.filter((k) => k !== d.key) }
                                      : x,
                                  ),
                                }))
                              }
                            />
                          ))}
                        </Fieldset>
                      ),
                    ),
                  )
                : map[column].map((n, i) => row(column, n, i))}
              <div>
                <Button type="button" variant="secondary" data-size="sm" onClick={() => add(column)}>
                  {t("benefits.map.add")}: {t(`benefits.map.${column}`)}
                </Button>
              </div>
            </div>
          </Fieldset>
        ))}
        {props.error && (
          <Alert data-color="danger" role="alert">
            {props.error}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" disabled={props.pending} aria-busy={props.pending}>
            {t("benefits.map.save")}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            {t("benefits.map.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
