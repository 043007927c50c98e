import type { ComponentChildren } from 'preact';

/**
 * A labelled field with the API's error for it next to it: the input gets `aria-invalid` and
 * `aria-describedby` pointing at the message, so a screen reader says why when the field has focus.
 */
export interface FieldProps {
  /** The field's name as the API's error `fields` name it (e.g. `capacity`, `evaluation.closeAfterDays`). */
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** Gets the props to spread on the input, select or textarea. */
  readonly children: (input: InputA11y) => ComponentChildren;
}

export interface InputA11y {
  id: string;
  name: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function Field(props: FieldProps) {
  const id = fieldId(props.name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : '']
    .filter((s) => s !== '')
    .join(' ');
  const input: InputA11y = {
    id,
    name: props.name,
    ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
    ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
  };
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.children(input)}
      {props.error ? (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** The error of `name` or of anything under it (`memberDomains.2` belongs to `memberDomains`). */
export function errorFor(fields: Readonly<Record<string, string>>, name: string): string | undefined {
  if (fields[name] !== undefined) return fields[name];
  const nested = Object.entries(fields).find(
    ([key]) => key.startsWith(`${name}.`) || key.startsWith(`${name}[`),
  );
  return nested?.[1];
}
