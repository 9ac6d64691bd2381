import { Button, Field, Input, Label } from "@digdir/designsystemet-react";
import { useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { matchesMunicipality } from "../lib/municipality-search";

export interface PickableMunicipality {
  readonly number: string;
  readonly name: string;
  readonly altName: string | null;
  /** Every official name (Norwegian, Sámi, Kven), when known: typing any of them finds the municipality. */
  readonly officialNames?: readonly { readonly name: string }[];
}

/** Enough to choose from while typing; the rest are a few more letters away. */
const MAX_SHOWN = 50;

/**
 * A searchable municipality picker instead of a select of 357: a combobox with a list box as the
 * ARIA Authoring Practices' "list autocomplete" pattern describes it (WCAG 2.1.1, 4.1.2). Typing
 * filters by name, Sámi or Kven name, or number ("tromso" finds Tromsø); the arrow keys move
 * through the matches, Enter picks one, Escape closes the list and then clears the text. The
 * button picks the highlighted match, or the only one.
 */
export function MunicipalityPicker(props: {
  id: string;
  label: string;
  buttonLabel: string;
  options: readonly PickableMunicipality[];
  disabled?: boolean;
  onPick: (number: string) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const statusId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = text.trim() === "" ? props.options : props.options.filter((m) => matchesMunicipality(m, text));
  const shown = matches.slice(0, MAX_SHOWN);
  const expanded = open && !props.disabled && shown.length > 0;
  const chosen = shown[active] ?? (text.trim() !== "" && matches.length === 1 ? matches[0] : undefined);
  const optionId = (index: number) => `${props.id}-option-${index}`;

  const pick = (m: PickableMunicipality | undefined) => {
    if (!m || props.disabled) return;
    props.onPick(m.number);
    setText("");
    setActive(-1);
    setOpen(false);
  };
  const move = (step: number) => {
    setOpen(true);
    if (shown.length === 0) return;
    setActive((current) => (current < 0 ? (step > 0 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (event.altKey) setOpen(event.key === "ArrowDown");
      else move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      if (!chosen) return;
      event.preventDefault();
      pick(chosen);
    } else if (event.key === "Escape") {
      if (expanded) setOpen(false);
      else setText("");
      setActive(-1);
    }
  };

  return (
    <div className="municipality-picker">
      <Field>
        <Label htmlFor={props.id}>{props.label}</Label>
        <div className="municipality-picker__row">
          <div className="municipality-picker__combo">
            <Input
              id={props.id}
              role="combobox"
              type="text"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-describedby={statusId}
              aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
              placeholder={t("compare.searchPlaceholder")}
              value={text}
              disabled={props.disabled}
              onChange={(e) => {
                setText(e.target.value);
                setActive(-1);
                setOpen(true);
              }}
              onFocus={() => setOpen(text.trim() !== "")}
              onBlur={() => setOpen(false)}
              onKeyDown={onKeyDown}
            />
            <ul id={listId} role="listbox" aria-label={t("compare.options")} className="municipality-picker__list" hidden={!expanded}>
              {expanded &&
                shown.map((m, index) => (
                  // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the input has the keys, as in the APG combobox
                  <li
                    key={m.number}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    className="municipality-picker__option"
                    // Keeps focus in the input, where the keyboard user is.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick(m)}
                  >
                    {m.name} <span className="municipality-picker__number">{m.number}</span>
                  </li>
                ))}
            </ul>
          </div>
          <Button variant="secondary" disabled={props.disabled || !chosen} onClick={() => pick(chosen)}>
            {props.buttonLabel}
          </Button>
        </div>
      </Field>
      <span id={statusId} role="status" className="visually-hidden">
        {text.trim() === ""
          ? ""
          : matches.length > MAX_SHOWN
            ? t("compare.matchesMore", { count: matches.length, shown: MAX_SHOWN })
            : t("compare.matches", { count: matches.length })}
      </span>
    </div>
  );
}
