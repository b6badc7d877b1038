// The hall-server's configuration: a JSON file (`--config FILE`), validated here with messages a manager understands.
import { z } from 'zod';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，例如 03:00');

/** 预约 (§10.1.2): at most this many due 预约 tickets are called in a row while walk-ins wait; default 2. */
const AppointmentsInRow = z.number().int().min(1).max(10).optional();

export const QueuePolicyConfig = z.discriminatedUnion('kind', [
  /** Priority tickets always first. */
  z.strictObject({ kind: z.literal('strict'), maxWaitMinutes: z.number().int().positive().optional(), appointmentsInRow: AppointmentsInRow }),
  /** After `normalPerPriority` normal tickets, one priority ticket (when one waits). */
  z.strictObject({
    kind: z.literal('interleave'),
    normalPerPriority: z.number().int().min(1).max(20),
    maxWaitMinutes: z.number().int().positive().optional(),
    appointmentsInRow: AppointmentsInRow,
  }),
]);
export type QueuePolicyConfig = z.infer<typeof QueuePolicyConfig>;

export const QueueConfig = z.strictObject({
  policy: QueuePolicyConfig.default({ kind: 'interleave', normalPerPriority: 3, maxWaitMinutes: 60 }),
  recallCooldownSeconds: z.number().int().min(0).max(600).default(10),
  noShowAfterCalls: z.number().int().min(1).max(10).default(3),
  /** 过号重排: a late citizen's 过号 ticket rejoins behind this many tickets waiting for the same item. */
  rejoinAfter: z.number().int().min(0).max(100).default(3),
  undoSeconds: z.number().int().min(0).max(600).default(30),
  /** Refuse tickets outside the issuing hours of the pack. A demo hall may switch it off to be tried at any hour. */
  enforceIssuingHours: z.boolean().default(true),
  /** Local clock time at which numbering starts again. */
  dailyResetAt: ClockTime.default('03:00'),
  /** Days after which a ticket's personal fields (ID hash, masked name, sealed ID number and name) are erased. */
  personalDataRetentionDays: z.number().int().min(1).max(3650).default(90),
  /** Minutes east of UTC of the hall's local time (China: 480). */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

export const HallConfig = z.strictObject({
  /** A demo hall pairs its terminals automatically and says so on screen. */
  demo: z.boolean().default(false),
  queue: QueueConfig.default(QueueConfig.parse({})),
  /** The key file (HMAC key for ID hashes, AES-256-GCM keys for fields read back), outside the data dir and readable by
   * the hall-server's user only. Absent: $CREDENTIALS_DIRECTORY/hall-keys.json (systemd LoadCredential=); a demo hall
   * creates its own beside the data dir. See core/keys.ts. */
  keysFile: z.string().min(1).optional(),
  /** Days an event is kept (a client further behind gets a fresh snapshot), unless its type is listed below. */
  eventRetentionDays: z.number().int().min(1).max(365).default(7),
  /** Days kept for particular event types, e.g. `{"terminal.seen": 1}`: a heartbeat's event is only news for a day, as
   * is a change of the neighbours' counts. */
  eventRetentionDaysByType: z
    .record(z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/, '事件类型应为小写点分名称，例如 terminal.seen'), z.number().int().min(1).max(365))
    .default({ 'terminal.seen': 1, 'neighbours.changed': 1 }),
  /** Years an audit entry (who did what) is kept before it is purged. 网络安全法 asks for at least six months of logs;
   * a hall keeps its trail for three years unless its rules say otherwise. */
  auditRetentionYears: z.number().int().min(1).max(30).default(3),
  /** The region this hall pushes its event log to and takes its packs from (hall-server/region-link/). Enrolment needs
   * a one-time code from the region console: `--region-enrol-code` at start, or the console's 区域中心 section. */
  region: z.strictObject({ url: z.string().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '区域中心地址应以 http:// 或 https:// 开头') }).optional(),
  /** The citizen's phone (hall-server/citizen/): the base of the URL printed in each ticket's QR. `publicUrl` is the
   * region's address phones reach on 4G, used while the hall is enrolled; `hallUrl` is this hall's address on its own
   * Wi-Fi, used otherwise (a hall without a region link serves the progress page itself). Neither: no link is printed. */
  citizen: z.strictObject({
    publicUrl: z.string().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '公众访问地址应以 http:// 或 https:// 开头').max(120).optional(),
    hallUrl: z.string().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '大厅 Wi-Fi 地址应以 http:// 或 https:// 开头').max(120).optional(),
    /** While enrolled: how often to ask the region for ratings phones sent there (扫码评价); the citizen waits on it. */
    phoneRatingPullSeconds: z.number().int().min(1, '扫码评价同步间隔应为 1 到 300 秒').max(300, '扫码评价同步间隔应为 1 到 300 秒').default(5),
  }).default({ phoneRatingPullSeconds: 5 }),
  maxBodyBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(64 * 1024),
  /** Ed25519 public keys (raw base64url, as `npm run pack -- keygen` prints them) whose signed packs this hall accepts,
   * besides those in <dataDir>/packs/trusted-keys.txt. The demo key is trusted only in a demo hall. */
  trustedKeys: z.array(z.string().regex(/^[A-Za-z0-9_-]{43}$/, '公钥应为 43 个字符的 base64url 字符串（pack keygen 输出的“公钥”）')).default([]),
});
export type HallConfig = z.infer<typeof HallConfig>;
export type HallConfigInput = z.input<typeof HallConfig>;

/** Turns zod issues into one line per problem, naming the field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(根)'}: ${i.message}`).join('\n');
}
