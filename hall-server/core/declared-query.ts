// A declared query (protocol/hall/query.ts) read from a request's parameters: the parsed object, or the 400 with the code
// and Chinese message its schema names. The router parses every declared query with it.
import { z } from 'zod';
import { queryErrorOf, queryObject } from '../../protocol/hall/query.ts';
import { ApiError } from './module.ts';

const zhCN = z.locales.zhCN();

export function parseDeclaredQuery<S extends z.ZodType>(schema: S, search: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(queryObject(search), { error: zhCN.localeError });
  if (parsed.success) return parsed.data;
  const { code, message } = queryErrorOf(parsed.error);
  throw new ApiError(400, code, message);
}
