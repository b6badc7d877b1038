// Declared query parameters: an endpoint's `query` schema takes the request's parameters as an object of strings and
// answers what the handler reads. A failed check says the hall's error code (`400 <code>`) and a Chinese message, so the
// router answers the same error a handler would have. Browser-safe: the page builds the query from the same schema's
// input type.
import { z } from 'zod';
import { parseIsoDate } from '../rules/workdays.ts';

/** A refinement's error: the Chinese message and the code of the 400 the hall answers. */
export function queryIssue(code: string, message: string): { message: string; params: { code: string } } {
  return { message, params: { code } };
}

/** The 400 a failed query check answers: the first issue's code (`bad_query` when the schema named none) and message. */
export function queryErrorOf(error: z.ZodError): { code: string; message: string } {
  const issue = error.issues[0];
  const named = issue?.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return {
    code: typeof named === 'string' ? named : 'bad_query',
    message: issue?.message && issue.code === 'custom' ? issue.message : '查询条件不正确',
  };
}

/** Whether a text is a real calendar date, "YYYY-MM-DD". */
export function isIsoDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

/** A text parameter that must be one of an enum's values (`fallback` when absent). */
export function oneOf<const T extends Readonly<Record<string, string>>>(values: z.ZodEnum<T>, fallback: T[keyof T], code: string, message: string) {
  return z
    .string()
    .default(fallback)
    .refine((text) => (values.options as readonly string[]).includes(text), queryIssue(code, message))
    .pipe(values);
}

/** The request's query as the object a query schema takes (the first value of a repeated name, as `get` reads it). */
export function queryObject(search: Iterable<[string, string]>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of search) if (!(name in fields)) fields[name] = value;
  return fields;
}
