// The API reference, generated from the registered routes and their zod schemas (OpenAPI 3.1).
import { z } from 'zod';
import { accessOf } from '../../protocol/hall/access.ts';
import { ErrorBody } from '../../protocol/hall/index.ts';
import type { RouteSpec } from './module.ts';

function jsonSchema(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  } catch {
    return {};
  }
}

export function openApiDocument(routes: Array<RouteSpec<z.ZodType, unknown>>, version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const op: Record<string, unknown> = {
      summary: r.summary ?? `${r.method} ${r.path}`,
      'x-roles': r.roles,
      'x-access': accessOf(r),
      ...(r.roles === 'public' ? {} : { security: [{ bearer: [] }] }),
      ...(params.length ? { parameters: params } : {}),
      responses: {
        '200': { description: 'OK', ...(r.response ? { content: { 'application/json': { schema: jsonSchema(r.response) } } } : {}) },
        '4XX': { description: '请求有误；message 为中文说明', content: { 'application/json': { schema: jsonSchema(ErrorBody) } } },
      },
    };
    if (r.body) op['requestBody'] = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.rawBody) op['requestBody'] = { required: true, content: { 'application/octet-stream': {} } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'yibao-kiosk hall-server API',
      version,
      description:
        '医保经办大厅服务接口。所有请求体为 JSON，未知字段与超长请求会被拒绝，错误体为 {"error":{"code","message"}}。' +
        '终端用管理台生成的配对码换取令牌（Authorization: Bearer <token>）；窗口面板令牌只能操作本窗口。事件流：WebSocket /api/events。',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
