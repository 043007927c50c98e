import * as z from 'zod/mini';
import type { Language } from '../i18n.ts';
import { validationFailed } from './errors.ts';
import { type FieldProblem, fieldMessages } from './messages.ts';

type Issue = z.core.$ZodIssue;

const problems = new Set<string>(Object.keys(fieldMessages.en));
const isProblem = (message: string): message is FieldProblem => problems.has(message);

/** Maps one zod issue to a problem the person can fix, with the limit it names when there is one. */
function problemOf(issue: Issue): [FieldProblem, number?] {
  // A schema may name the problem itself (e.g. consent), which beats any generic reading.
  if (isProblem(issue.message)) return [issue.message];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return ['required'];
      // 7.5 days: a number, only not whole; "wrong type" would not tell anyone what to type instead.
      return issue.expected === 'int' && typeof issue.input === 'number' ? ['whole_number'] : ['wrong_type'];
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? ['required'] : ['too_short', Number(issue.minimum)];
      // A number below its least ("at least 2", not "at least 2 characters").
      if (issue.origin === 'number' || issue.origin === 'int')
        return ['too_small_number', Number(issue.minimum)];
      return ['too_short', Number(issue.minimum)];
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int')
        return ['too_big_number', Number(issue.maximum)];
      return issue.origin === 'array'
        ? ['too_many', Number(issue.maximum)]
        : ['too_long', Number(issue.maximum)];
    case 'invalid_format':
      return issue.format === 'email' ? ['invalid_email'] : ['invalid'];
    case 'invalid_value':
      return ['invalid_choice'];
    default:
      return ['invalid'];
  }
}

/** Field path → message in `language`; the first problem of a field is the one shown. */
export function fieldErrors(issues: readonly Issue[], language: Language): Record<string, string> {
  const fields: Record<string, string> = {};
  // Own properties only: a client's "__proto__" or "constructor" key is a field to name like any other.
  const put = (path: string, message: string) => {
    if (!Object.hasOwn(fields, path))
      Object.defineProperty(fields, path, {
        value: message,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  };
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        put(path ? `${path}.${key}` : key, fieldMessages[language].unknown_field());
      continue;
    }
    const [problem, limit] = problemOf(issue);
    put(path || '_', fieldMessages[language][problem](limit));
  }
  return fields;
}

/** Parses with the request's schema or throws a 400 whose field messages speak the request's language. */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  language: Language,
): z.output<S> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  throw validationFailed(fieldErrors(result.error.issues, language));
}
