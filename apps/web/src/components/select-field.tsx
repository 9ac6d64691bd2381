import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import type { ChangeEventHandler, ReactNode } from "react";

/**
 * A labelled choice: the label, an optional description the select points to, the select with its
 * options, and the field's error under it (marking the select invalid). Textfield does the same
 * for text; the forms use this for every select.
 */
export function SelectField(props: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null | undefined;
  value: string;
  onChange: ChangeEventHandler<HTMLSelectElement>;
  children: ReactNode;
}) {
  const { id, description, error } = props;
  const descriptionId = `${id}-description`;
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      {description && <Field.Description id={descriptionId}>{description}</Field.Description>}
      <Select
        id={id}
        value={props.value}
        aria-describedby={description ? descriptionId : undefined}
        aria-invalid={error ? true : undefined}
        onChange={props.onChange}
      >
        {props.children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
