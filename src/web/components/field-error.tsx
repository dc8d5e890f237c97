import { reasonsForField, useReasonText } from './problem-text';

/**
 * The server's reasons for one field, in the reader's language, shown next to that field. Give the
 * input `aria-describedby={fieldErrorId(id)}` so a screen reader reads the reason with the field.
 */
export function FieldError({ error, field, id }: { error: unknown; field: string; id: string }) {
  const say = useReasonText();
  const reasons = reasonsForField(error, field);
  if (reasons.length === 0) return null;
  return (
    <span id={fieldErrorId(id)} className="field-error" role="alert" data-testid={`field-error-${field}`}>
      {reasons.map((reason) => say(reason)).join(' ')}
    </span>
  );
}

/** The id of a field's error text, for `aria-describedby`. */
export function fieldErrorId(id: string): string {
  return `${id}-error`;
}
