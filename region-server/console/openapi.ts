// The region's API reference (OpenAPI 3.1), generated from the zod schemas of protocol/region/: what a hall calls
// (enrolment, the signed push, its pack, the sealing key) and every console endpoint.
import { z } from 'zod';
import { ErrorBody } from '../../protocol/hall/common.ts';
import { CONSOLE_ENDPOINTS, type ConsoleEndpoint } from '../../protocol/region/console.ts';
import { SealingPublicKey } from '../../protocol/region/records.ts';
import { CitizenEndpoints } from '../../protocol/citizen/endpoints.ts';
import { NEIGHBOURS_PATH, NeighboursAnswer, SiteEndpoints } from '../../protocol/citizen/site-endpoints.ts';
import { PHONE_RATING_FEED_PATH, PhoneRatingFeed } from '../../protocol/citizen/phone-rating-link.ts';
import { APPOINTMENT_FEED_PATH, AppointmentFeed, BookingEndpoints } from '../../protocol/citizen/appointments.ts';
import { SITE_HEADER, SYNC_SIGNATURE_HEADER, TIME_HEADER, enrolRequestSchema, enrolResponseSchema, syncAnswerSchema, syncBatchSchema, syncErrorSchema } from '../../protocol/region/sync.ts';

function schema(s: z.ZodType): unknown {
  try {
    return z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' });
  } catch {
    return {};
  }
}

const json = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) } });
const refusal = { description: '拒绝；message 为中文说明', content: json(syncErrorSchema) };

function hallPaths(): Record<string, Record<string, unknown>> {
  const signedHeaders = [SITE_HEADER, TIME_HEADER, SYNC_SIGNATURE_HEADER].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } }));
  return {
    '/api/region/enrol': {
      post: {
        summary: '大厅凭一次性注册码登记为站点，提交其 Ed25519 公钥',
        'x-roles': 'public',
        requestBody: { required: true, content: json(enrolRequestSchema) },
        responses: { '200': { description: 'OK', content: json(enrolResponseSchema) }, '4XX': refusal },
      },
    },
    '/api/region/sync': {
      post: {
        summary: '推送一批事件（≤ 500 条），请求体原文由站点私钥签名；按 (站点, 序号) 恰好存储一次，应答已连续收到的最高序号',
        'x-roles': 'site',
        parameters: [{ name: SYNC_SIGNATURE_HEADER, in: 'header', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json(syncBatchSchema) },
        responses: { '200': { description: 'OK', content: json(syncAnswerSchema) }, '4XX': refusal },
      },
    },
    '/api/region/sites/{id}/pack': {
      get: {
        summary: '站点取本站最新内容包（have 之上的版本；无新版本时 204）；请求由站点私钥签名，时钟误差 15 分钟内',
        'x-roles': 'site',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'have', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
          ...signedHeaders.filter((h) => h.name !== SYNC_SIGNATURE_HEADER),
          { name: SYNC_SIGNATURE_HEADER, in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': { description: '签名的内容包', content: { 'application/zip': {} } }, '204': { description: '没有更新的版本' }, '4XX': refusal },
      },
    },
    '/api/region/sealing-key': {
      get: {
        summary: '区域当前的封装公钥（X25519）：大厅用它密封回访电话、姓名、意见原文',
        'x-roles': 'public',
        responses: { '200': { description: 'OK', content: json(SealingPublicKey) } },
      },
    },
  };
}

/** What the citizen's phone calls (public, by the token printed on the ticket). */
function citizenPaths(): Record<string, Record<string, unknown>> {
  const e = CitizenEndpoints.progress;
  return {
    [e.path.replace(/:(\w+)/g, '{$1}')]: {
      get: {
        summary: e.summary,
        'x-roles': 'public',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{24}$' } }],
        responses: {
          '200': { description: 'OK', content: json(e.response) },
          '404': { description: '号票不存在或已过期', content: json(ErrorBody) },
          '429': { description: '查询过于频繁', content: json(ErrorBody) },
        },
      },
    },
    [`${e.path.replace(/:(\w+)/g, '{$1}')}/stream`]: {
      get: {
        summary: '号票进度的实时推送（Server-Sent Events）：连接后先发当前进度，之后每次变化（叫号、过号、办结、评价）再发一条 data: 进度 JSON；空闲时定期发注释行保持连接',
        'x-roles': 'public',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{24}$' } }],
        responses: {
          '200': { description: 'text/event-stream；每条 data 为一份进度', content: { 'text/event-stream': { schema: schema(e.response) } } },
          '404': { description: '号票不存在或已过期', content: json(ErrorBody) },
          '429': { description: '连接过于频繁', content: json(ErrorBody) },
        },
      },
    },
  };
}

/** 扫码评价: the phone's rating (kept until the hall settles it) and the hall's signed pull of its site's pending ones. */
function phoneRatingPaths(): Record<string, Record<string, unknown>> {
  const e = CitizenEndpoints.rate;
  return {
    [e.path.replace(/:(\w+)/g, '{$1}')]: {
      post: {
        summary: '扫码评价：手机对已办结的服务评价（渠道“二维码”）。区域中心先保存（回访电话加密保存），由大厅拉取后裁定：'
          + '一次服务只有一个评价，评价器与手机先到者为准。202 已保存、正在送达大厅；200 大厅已接受（重试得到同一答复）；409 已评价（附时间与渠道）',
        'x-roles': 'public',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{24}$' } }],
        requestBody: { required: true, content: json(e.body) },
        responses: {
          '202': { description: '评价已提交，正在送达大厅', content: json(e.response) },
          '200': { description: '大厅已接受', content: json(e.response) },
          '409': { description: '本次服务已评价（state rated，附时间与渠道），或已提交过另一份评价', content: json(e.response) },
          '4XX': refusal,
        },
      },
    },
    [PHONE_RATING_FEED_PATH.replace(':id', '{id}')]: {
      get: {
        summary: '站点取本站尚未裁定的扫码评价（含回访电话，仅发给本站）；大厅裁定后以 citizen.rating.settled 记录随事件日志推回；请求由站点私钥签名',
        'x-roles': 'site',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ...[SITE_HEADER, TIME_HEADER, SYNC_SIGNATURE_HEADER].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
        ],
        responses: { '200': { description: 'OK', content: json(PhoneRatingFeed) }, '4XX': refusal },
      },
    },
  };
}

/** 可预约服务: the booking API for the 网办/掌办 channel, and the appointment feed a hall pulls with a signed GET. */
function bookingPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of Object.values(BookingEndpoints)) {
    const params = [...e.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    (paths[e.path.replace(/:(\w+)/g, '{$1}')] ??= {})[e.method.toLowerCase()] = {
      summary: e.summary,
      'x-roles': 'public',
      ...(params.length ? { parameters: params } : {}),
      ...('body' in e ? { requestBody: { required: true, content: json(e.body) } } : {}),
      responses: { [e.method === 'POST' && e.path.endsWith('/appointments') ? '201' : '200']: { description: 'OK', content: json(e.response) }, '4XX': refusal },
    };
  }
  paths[APPOINTMENT_FEED_PATH.replace(':id', '{id}')] = {
    get: {
      summary: '站点取本站今日起的预约（身份证号只以本站密钥的 HMAC 出现）及本站预约密钥；请求由站点私钥签名',
      'x-roles': 'site',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        ...[SITE_HEADER, TIME_HEADER, SYNC_SIGNATURE_HEADER].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
      ],
      responses: { '200': { description: 'OK', content: json(AppointmentFeed) }, '4XX': refusal },
    },
  };
  return paths;
}

/** The public site page's API (/s/<siteId> reads it) and the neighbours' counts a hall pulls for its kiosk home. */
function sitePaths(): Record<string, Record<string, unknown>> {
  const e = SiteEndpoints.site;
  return {
    [e.path.replace(/:(\w+)/g, '{$1}')]: {
      get: {
        summary: e.summary,
        'x-roles': 'public',
        parameters: [{ name: 'siteId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,39}$' } }],
        responses: {
          '200': { description: 'OK（可缓存 5 秒）', content: json(e.response) },
          '404': { description: '没有这个站点', content: json(ErrorBody) },
          '429': { description: '查询过于频繁（每个地址每分钟 60 次）', content: json(ErrorBody) },
        },
      },
    },
    [NEIGHBOURS_PATH.replace(':id', '{id}')]: {
      get: {
        summary: '站点取邻近站点的实时概况（取号机首页显示其等候人数）；sites 为逗号分隔的站点编号（最多 4 个）；请求由站点私钥签名',
        'x-roles': 'site',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'sites', in: 'query', required: true, schema: { type: 'string' } },
          ...[SITE_HEADER, TIME_HEADER, SYNC_SIGNATURE_HEADER].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
        ],
        responses: { '200': { description: 'OK', content: json(NeighboursAnswer) }, '4XX': refusal },
      },
    },
  };
}

function consolePaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of Object.values(CONSOLE_ENDPOINTS) as ConsoleEndpoint[]) {
    const params = [...e.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const querySchema = e.query ? (schema(e.query) as { properties?: Record<string, unknown>; required?: string[] }) : {};
    const query = Object.entries(querySchema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: querySchema.required?.includes(name) ?? false, schema: s }));
    const ok = e.file ? { description: 'OK', content: { [e.file]: {} } } : { description: 'OK', ...(e.response ? { content: json(e.response) } : {}) };
    (paths[e.path.replace(/:(\w+)/g, '{$1}')] ??= {})[e.method.toLowerCase()] = {
      summary: e.summary,
      'x-permission': e.permission ?? 'public',
      ...(e.permission === null ? {} : { security: [{ bearer: [] }] }),
      ...(params.length + query.length ? { parameters: [...params, ...query] } : {}),
      ...(e.body ? { requestBody: { required: true, content: json(e.body) } } : {}),
      responses: { '200': ok, '4XX': { description: '请求有误；message 为中文说明', content: json(ErrorBody) } },
    };
  }
  return paths;
}

export function regionOpenApi(): unknown {
  return {
    openapi: '3.1.0',
    info: {
      title: 'yibao-kiosk region-server API',
      version: '1',
      description:
        '区域医保服务网络中心接口。大厅：注册、签名的事件日志推送、内容包、封装公钥。区域管理台：账号（区域管理员/统计查看/回访督办）、' +
        '站点一览、满意度、差评案件、上报导出、站点注册、统一事项清单。错误体为 {"error":{"code","message"}}。',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: { ...hallPaths(), ...citizenPaths(), ...phoneRatingPaths(), ...sitePaths(), ...bookingPaths(), ...consolePaths() },
  };
}
