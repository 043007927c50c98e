/**
 * A number field's text for the API: the number typed ("7", "7.0", "7,5" with a decimal comma), else the
 * text itself, so the API's own message (not whole, at least 1, not a number) is shown next to the field in
 * the coordinator's language. An empty field goes as null (JSON has no NaN), which the API answers with
 * "required": no default hides behind a blank.
 */
export function numberOf(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  return (/^-?\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed) as number;
}
