// Content-pack tool for hall managers and integrators: npm run pack -- <command> [options]  (or scripts/pack <command>)
import { cpSync, existsSync, lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PUBLIC_KEY } from '../content/keys/demo.ts';
import { HallClientError, PacksClient } from '../hall-server/packs/client.ts';
import { manifestSchema, type PackData } from '../content/schema/index.ts';
import {
  diffPacks,
  formatIssue,
  generateKeyPair,
  readPackFolder,
  readPackSource,
  sealPack,
  validatePackFiles,
  writePackZip,
  type ReadResult,
  type ValidationReport,
} from '../content/validate/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(ROOT, 'content/packs/sample');

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }): number | Promise<number>;
}

const trustOption = {
  trust: { type: 'string', multiple: true },
  'trust-demo': { type: 'boolean', default: false },
} as const;

function trustedKeys(values: Record<string, unknown>): string[] {
  const keys = ((values.trust as string[] | undefined) ?? []).map((k) => (existsSync(k) ? readFileSync(k, 'utf8').trim() : k.trim()));
  if (values['trust-demo']) keys.push(DEMO_PUBLIC_KEY);
  return keys;
}

function read(source: string): ReadResult {
  return readPackSource(source);
}

function printReport(report: ValidationReport): void {
  const s = report.summary;
  if (s) console.log(`${s.title}  版本 ${s.version}（${s.packId}）${s.sample ? '  [示例数据]' : ''}\n  ${s.services} 个事项，${s.windows} 个窗口，${s.staff} 名工作人员，${s.files} 个文件${s.signedBy ? `，签名密钥 ${s.signedBy}` : ''}`);
  for (const e of report.errors) console.log(`  ✗ 错误  ${formatIssue(e)}`);
  for (const w of report.warnings) console.log(`  ! 提示  ${formatIssue(w)}`);
  console.log(report.ok ? `通过校验${report.warnings.length ? `（${report.warnings.length} 条提示）` : ''}` : `未通过校验：${report.errors.length} 个错误`);
}

class UsageError extends Error {}

function loadData(source: string): PackData {
  // Compares content, so a pack being edited (file list not yet updated, unsigned) is fine.
  const files = read(source);
  const r = validatePackFiles(files.issues.length ? files : { files: sealPack(files.files, null), issues: [] }, { trustedKeys: [], unsigned: true });
  if (!r.content) {
    printReport(r.report);
    throw new UsageError(`${source} 的文件格式有误，无法比较`);
  }
  return r.content;
}

function writeSealed(dir: string, files: Map<string, Uint8Array>): void {
  writeFileSync(join(dir, 'manifest.json'), files.get('manifest.json')!);
  const sig = files.get('manifest.sig');
  if (sig) writeFileSync(join(dir, 'manifest.sig'), sig);
  else rmSync(join(dir, 'manifest.sig'), { force: true });
}

const commands: Record<string, Command> = {
  init: {
    summary: '从模板（示例大厅）新建一个内容包文件夹',
    usage: 'pack init <新文件夹> --id <内容包标识> --name <大厅名称> [--region-code 6位行政区划代码] [--credit-code 18位统一社会信用代码]',
    options: { id: { type: 'string' }, name: { type: 'string' }, 'region-code': { type: 'string' }, 'credit-code': { type: 'string' } },
    run({ values, positionals }) {
      const dir = positionals[0];
      if (!dir || !values.id || !values.name) throw new UsageError('需要新文件夹、--id 和 --name');
      if (existsSync(dir)) throw new UsageError(`${dir} 已存在，请换一个名称`);
      cpSync(SAMPLE, dir, { recursive: true });
      rmSync(join(dir, 'manifest.sig'), { force: true });
      const m = manifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
      // The sample's codes belong to the sample: a new hall starts without them (validate reminds) unless given here.
      const { regionCode: _sampleRegion, creditCode: _sampleCredit, ...hall } = m.hall;
      const codes = {
        ...(values['region-code'] ? { regionCode: values['region-code'] as string } : {}),
        ...(values['credit-code'] ? { creditCode: values['credit-code'] as string } : {}),
      };
      const manifest = {
        ...m,
        packId: values.id as string,
        version: 1,
        created: new Date().toISOString(),
        sample: false,
        title: values.name as string,
        hall: { ...hall, ...codes, name: values.name as string },
      };
      writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      console.log(`已新建 ${dir}：请修改其中的 JSON 文件（事项、窗口、工作人员、公告、节假日），替换 staff/ 中的照片，然后用 pack sign 签名。`);
      return 0;
    },
  },
  validate: {
    summary: '校验内容包（文件夹或 zip），列出全部问题',
    usage: 'pack validate <文件夹|zip> [--trust 公钥或公钥文件]... [--trust-demo] [--unsigned] [--active-version N] [--json]',
    options: { ...trustOption, unsigned: { type: 'boolean', default: false }, 'active-version': { type: 'string' }, json: { type: 'boolean', default: false } },
    run({ values, positionals }) {
      const source = positionals[0];
      if (!source) throw new UsageError('需要内容包文件夹或 zip');
      const r = validatePackFiles(read(source), {
        trustedKeys: trustedKeys(values),
        unsigned: values.unsigned as boolean,
        activeVersion: values['active-version'] ? Number(values['active-version']) : null,
      });
      if (values.json) console.log(JSON.stringify(r.report, null, 2));
      else printReport(r.report);
      return r.report.ok ? 0 : 1;
    },
  },
  build: {
    summary: '更新文件清单（校验值和大小），可选签名，打包成 zip',
    usage: 'pack build <文件夹> --out <输出.zip> [--key 私钥.pem] [--version N]',
    options: { out: { type: 'string' }, key: { type: 'string' }, version: { type: 'string' } },
    run({ values, positionals }) {
      const dir = positionals[0];
      if (!dir || !values.out) throw new UsageError('需要文件夹和 --out');
      const r = read(dir);
      if (r.issues.length) {
        for (const i of r.issues) console.log(`  ✗ ${formatIssue(i)}`);
        return 1;
      }
      const patch = values.version ? { version: Number(values.version), created: new Date().toISOString() } : {};
      const sealed = sealPack(r.files, values.key ? readFileSync(values.key as string, 'utf8') : null, patch);
      writeSealed(dir, sealed);
      writeFileSync(values.out as string, writePackZip(sealed));
      console.log(`已生成 ${values.out}（${sealed.size} 个文件${values.key ? '，已签名' : '，未签名'}）`);
      return 0;
    },
  },
  keygen: {
    summary: '生成 Ed25519 签名密钥（私钥文件 + 公钥）',
    usage: 'pack keygen --out <名称>   → <名称>.pem（私钥，妥善保管）和 <名称>.pub（公钥，写入大厅配置 trustedKeys）',
    options: { out: { type: 'string' } },
    run({ values }) {
      if (!values.out) throw new UsageError('需要 --out');
      const k = generateKeyPair();
      if (existsSync(`${values.out}.pem`)) throw new UsageError(`${values.out}.pem 已存在，不会覆盖`);
      writeFileSync(`${values.out}.pem`, k.privateKeyPem, { mode: 0o600 });
      writeFileSync(`${values.out}.pub`, `${k.publicKey}\n`);
      console.log(`私钥：${values.out}.pem（请勿放在大厅服务器上）\n公钥：${k.publicKey}\n密钥编号：${k.keyId}`);
      return 0;
    },
  },
  sign: {
    summary: '更新文件清单并用私钥签名 manifest.json（写出 manifest.sig）',
    usage: 'pack sign <文件夹> --key <私钥.pem> [--version N]',
    options: { key: { type: 'string' }, version: { type: 'string' } },
    run({ values, positionals }) {
      const dir = positionals[0];
      if (!dir || !values.key) throw new UsageError('需要文件夹和 --key');
      const r = read(dir);
      if (r.issues.length) {
        for (const i of r.issues) console.log(`  ✗ ${formatIssue(i)}`);
        return 1;
      }
      const patch = values.version ? { version: Number(values.version), created: new Date().toISOString() } : {};
      writeSealed(dir, sealPack(r.files, readFileSync(values.key as string, 'utf8'), patch));
      console.log(`已签名 ${dir}`);
      return 0;
    },
  },
  verify: {
    summary: '只检查签名和文件校验值（内容包是否被改动、是否由信任的密钥签名）',
    usage: 'pack verify <文件夹|zip> --trust <公钥或公钥文件>... [--trust-demo]',
    options: { ...trustOption },
    run({ values, positionals }) {
      const source = positionals[0];
      if (!source) throw new UsageError('需要内容包文件夹或 zip');
      const r = validatePackFiles(read(source), { trustedKeys: trustedKeys(values) });
      const integrity = r.report.errors.filter((e) => /^(signature|manifest|safety|zip)\./.test(e.rule));
      for (const e of integrity) console.log(`  ✗ ${formatIssue(e)}`);
      if (integrity.length === 0) console.log(`签名有效（密钥 ${r.report.summary?.signedBy}），所有文件与清单一致`);
      return integrity.length === 0 ? 0 : 1;
    },
  },
  diff: {
    summary: '比较两个内容包，说明改了什么（事项、材料、窗口、人员、公告、节假日）',
    usage: 'pack diff <旧内容包> <新内容包>',
    options: {},
    run({ positionals }) {
      const [a, b] = positionals;
      if (!a || !b) throw new UsageError('需要旧、新两个内容包');
      const changes = diffPacks(loadData(a), loadData(b));
      if (changes.length === 0) console.log('两个内容包的内容相同');
      for (const c of changes) console.log(`  · ${c}`);
      return 0;
    },
  },
};

const hallOption = { hall: { type: 'string', default: 'http://127.0.0.1:4600' } } as const;
const PASSWORD_ENV = 'YIBAO_ADMIN_PASSWORD';
const STAFF_NO_ENV = 'YIBAO_ADMIN_STAFF_NO';

async function connect(values: Record<string, unknown>): Promise<PacksClient> {
  const staffNo = process.env[STAFF_NO_ENV];
  const password = process.env[PASSWORD_ENV];
  if (!staffNo || !password) {
    throw new UsageError(`请先在环境变量 ${STAFF_NO_ENV} 和 ${PASSWORD_ENV} 中提供大厅负责人的工号和密码（不要写在命令行上）`);
  }
  return PacksClient.login(values.hall as string, staffNo, password);
}

const STATE_WORDS = { active: '使用中', verified: '待启用', retired: '已停用' } as const;

const hallCommands: Record<string, Command> = {
  upload: {
    summary: '把内容包（zip 或文件夹）上传到大厅服务器校验，可选直接启用',
    usage: `pack upload <zip|文件夹> [--hall http://127.0.0.1:4600] [--activate]   （大厅负责人的工号和密码放在环境变量 ${STAFF_NO_ENV}、${PASSWORD_ENV}）`,
    options: { ...hallOption, activate: { type: 'boolean', default: false } },
    async run({ values, positionals }) {
      const source = positionals[0];
      if (!source) throw new UsageError('需要内容包 zip 或文件夹');
      const zip = lstatSync(source).isDirectory() ? writePackZip(readPackFolder(source).files) : new Uint8Array(readFileSync(source));
      const client = await connect(values);
      const result = await client.upload(zip);
      printReport(result.report);
      if (!result.slot) return 1;
      console.log(`已保存为待启用的版本 ${result.slot.version}`);
      if (values.activate) {
        const { active } = await client.activate(result.slot.slot);
        console.log(`已启用版本 ${active.version}，各终端将在空闲时更新内容`);
      }
      return 0;
    },
  },
  status: {
    summary: '查看大厅正在使用的内容包、已保存的内容包和最近的操作记录',
    usage: 'pack status [--hall http://127.0.0.1:4600]',
    options: { ...hallOption },
    async run({ values }) {
      const list = await (await connect(values)).list();
      console.log(list.active ? `正在使用：${list.active.title} 版本 ${list.active.version}（${list.active.packId}）` : '大厅尚未启用内容包');
      for (const s of list.slots) console.log(`  版本 ${s.version}  ${STATE_WORDS[s.state]}  ${s.title}  ${s.uploadedAt} ${s.uploadedBy}`);
      console.log(list.rollbackTarget ? `可回退到版本 ${list.rollbackTarget.version}` : '没有可回退的版本');
      for (const h of list.history.slice(0, 10)) console.log(`  ${h.at}  ${h.actor}  ${h.note}`);
      return 0;
    },
  },
  activate: {
    summary: '启用大厅服务器上已校验通过的某个版本',
    usage: 'pack activate <版本号> [--pack-id 内容包标识] [--hall http://127.0.0.1:4600]',
    options: { ...hallOption, 'pack-id': { type: 'string' } },
    async run({ values, positionals }) {
      const version = Number(positionals[0]);
      if (!Number.isInteger(version)) throw new UsageError('需要版本号');
      const client = await connect(values);
      const list = await client.list();
      const matches = list.slots.filter((s) => s.version === version && (!values['pack-id'] || s.packId === values['pack-id']));
      if (matches.length !== 1) {
        console.error(matches.length === 0 ? `大厅服务器上没有版本 ${version}` : `有多个版本 ${version}，请用 --pack-id 指定`);
        return 1;
      }
      const { active } = await client.activate(matches[0]!.slot);
      console.log(`已启用版本 ${active.version}，各终端将在空闲时更新内容`);
      return 0;
    },
  },
  rollback: {
    summary: '回退到上一个使用过的版本',
    usage: 'pack rollback [--hall http://127.0.0.1:4600]',
    options: { ...hallOption },
    async run({ values }) {
      const { active } = await (await connect(values)).rollback();
      console.log(`已回退到版本 ${active.version}，各终端将在空闲时更新内容`);
      return 0;
    },
  },
};
Object.assign(commands, hallCommands);

function help(): string {
  return ['内容包工具：npm run pack -- <命令> [选项]（或 scripts/pack <命令>）', '', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(9)} ${c.summary}`), '', '每个命令加 --help 查看用法。'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`没有命令“${name}”。\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(`${cmd.summary}\n用法：${cmd.usage}`);
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true });
    return await cmd.run(parsed as { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] });
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err)) {
      console.error(`${err.message}\n用法：${cmd.usage}`);
      return 2;
    }
    if (err instanceof HallClientError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(await main(process.argv.slice(2)));
