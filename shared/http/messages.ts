import type { Language } from '../i18n.ts';
import { en } from './messages/en.ts';
import { nb } from './messages/nb.ts';
import { sv } from './messages/sv.ts';
import type { ErrorCode, FieldProblem } from './messages/types.ts';

// One file per language under messages/ so a reviewer edits one language; each `satisfies
// HttpMessages`, so a key missing from or added to one language fails typecheck there.
export { type ErrorCode, errorCodes, type FieldProblem, type HttpMessages } from './messages/types.ts';

export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  sv: sv.errors,
  nb: nb.errors,
  en: en.errors,
};

export const fieldMessages: Record<Language, Record<FieldProblem, (limit?: number) => string>> = {
  sv: sv.fields,
  nb: nb.fields,
  en: en.fields,
};
