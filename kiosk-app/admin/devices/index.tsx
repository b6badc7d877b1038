// 设备: health of this terminal's devices, and in the demo hall the controls that drive the simulators
// (insert a card, paper out, unplug…) with the last simulated ticket shown as paper.
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  CALLER_ACTION_LABELS,
  RATING_LEVEL_LABELS,
  bridgeUrlFromLocation,
  createBridgeClient,
  type BridgeClient,
  type BridgeMessage,
  type CallerAction,
  type RatingLevel,
  type SimCommand,
  type SimPreset,
} from '../../shared/bridge/index.ts';
import { SAMPLE_TICKET } from '../../../protocol/bridge/ticket/sample.ts';
import { describeEvent, HEALTH_LABELS, TRANSPORT_LABELS } from './model.ts';
import { hallDateTimeOf } from '../../shared/hall/hall-clock.ts';
import './devices.css';

const PRESETS: { value: SimPreset; label: string }[] = [
  { value: 'resident', label: '居民身份证（张三）' },
  { value: 'senior', label: '老年人（王秀英，长期有效）' },
  { value: 'longTerm', label: '长期有效证件（李建国）' },
  { value: 'hkMacaoTaiwan', label: '港澳台居民居住证（陈大文）' },
  { value: 'foreigner', label: '外国人永久居留身份证' },
];

const FAULT_DEVICES = [
  { value: 'printer', label: '打印机' },
  { value: 'idcard', label: '身份证阅读器' },
  { value: 'sscard', label: '社保卡读卡器' },
  { value: 'scanner', label: '扫码器' },
] as const;

const HEALTH_MARK = { ok: '✓', degraded: '!', offline: '✕' } as const;

interface LogLine {
  at: string;
  text: string;
}

/** "YYYY-MM-DD HH:MM" now, in hall time, as a ticket prints it. */
function nowText(): string {
  return hallDateTimeOf(new Date().toISOString()).slice(0, 16);
}

export default function DevicesPage() {
  const client = useMemo<BridgeClient>(() => createBridgeClient({ url: bridgeUrlFromLocation() }), []);
  const [log, setLog] = useState<LogLine[]>([]);
  const [printed, setPrinted] = useState<{ svg: string; incomplete: boolean } | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const add = (message: BridgeMessage) => {
      const text = describeEvent(message);
      if (text) setLog((lines) => [{ at: hallDateTimeOf(new Date().toISOString()).slice(11), text }, ...lines].slice(0, 20));
    };
    const offs = (['identity.read', 'identity.removed', 'identity.failed', 'scan', 'key'] as const).map((type) => client.on(type, add));
    offs.push(client.on('sim.printed', (message) => setPrinted({ svg: message.svg, incomplete: message.incomplete })));
    return () => {
      offs.forEach((off) => off());
      client.close();
    };
  }, [client]);

  const run = async (label: string, command: SimCommand) => {
    setStatus(`正在执行：${label}…`);
    try {
      await client.sim(command);
      setStatus(`已执行：${label}`);
    } catch (error) {
      setStatus(`未能执行“${label}”：${(error as Error).message}`);
    }
  };

  const printSample = async () => {
    setStatus('正在打印样张…');
    const result = await client.print({ ...SAMPLE_TICKET, issuedAt: nowText() });
    setStatus(result.ok ? `样张已打印${result.warning ? `（${result.warning.message}）` : ''}` : `样张未打印：${result.message}`);
  };

  const connection = client.connection.value;
  const devices = client.devices.value;
  const simulate = client.simulate.value;

  return (
    <section class="devices" aria-labelledby="devices-title">
      <h1 id="devices-title">设备</h1>
      <p class="admin-summary" role="status">
        {connection === 'open'
          ? `已连接本机设备服务${simulate ? '（模拟模式：设备均为模拟，可在下方操作）' : ''}`
          : connection === 'connecting'
            ? '正在连接本机设备服务…'
            : '暂时无法连接本机设备服务，请确认设备服务已启动。正在自动重试。'}
      </p>

      <table class="admin-table devices-table">
        <caption class="devices-caption">设备状态</caption>
        <thead>
          <tr>
            <th scope="col">设备</th>
            <th scope="col">状态</th>
            <th scope="col">说明</th>
            <th scope="col">连接方式</th>
          </tr>
        </thead>
        <tbody>
          {devices.length === 0 && (
            <tr>
              <td colSpan={4}>{connection === 'open' ? '本机没有配置设备。' : '尚未取得设备列表。'}</td>
            </tr>
          )}
          {devices.map((device) => (
            <tr key={device.id}>
              <th scope="row">{device.label}</th>
              <td>
                <span class={`devices-health devices-health-${device.health.state}`}>
                  <span aria-hidden="true">{HEALTH_MARK[device.health.state]}</span> {HEALTH_LABELS[device.health.state]}
                </span>
              </td>
              <td>{device.health.reason}</td>
              <td>{TRANSPORT_LABELS[device.transport]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <p class="devices-status" role="status" aria-live="polite">{status}</p>

      <div class="devices-columns">
        <div>
          <h2>打印机</h2>
          <div class="devices-row">
            <button type="button" onClick={() => void printSample()} disabled={connection !== 'open'}>打印样张</button>
          </div>
          {simulate && <SimulatorControls run={run} />}
        </div>
        <aside class="devices-side" aria-label="打印结果与设备事件">
        <section aria-labelledby="devices-printed-title">
          <h2 id="devices-printed-title">最近打印的小票</h2>
          {printed ? (
            <figure class="devices-paper">
              <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(printed.svg)}`} alt="模拟打印机打出的小票" />
              <figcaption>{printed.incomplete ? '打印中断：这张小票不完整' : '模拟打印机按收到的打印指令还原'}</figcaption>
            </figure>
          ) : (
            <p>还没有打印过小票。</p>
          )}
        </section>
        <section aria-labelledby="devices-log-title">
          <h2 id="devices-log-title">设备事件</h2>
          {log.length === 0 ? (
            <p>暂无事件。放入证件、扫码或按键后会显示在这里（姓名和证件号已隐去）。</p>
          ) : (
            <ol class="devices-log">
              {log.map((line, index) => (
                <li key={`${line.at}-${index}`}>
                  <time>{line.at}</time> {line.text}
                </li>
              ))}
            </ol>
          )}
        </section>
        </aside>
      </div>
    </section>
  );
}

function SimulatorControls({ run }: { run: (label: string, command: SimCommand) => Promise<void> }) {
  const [idPreset, setIdPreset] = useState<SimPreset>('resident');
  const [ssPreset, setSsPreset] = useState<SimPreset>('senior');
  const [locked, setLocked] = useState(false);
  const [code, setCode] = useState('');
  const [faultDevice, setFaultDevice] = useState<(typeof FAULT_DEVICES)[number]['value']>('printer');
  const faultLabel = FAULT_DEVICES.find((d) => d.value === faultDevice)?.label ?? '';

  return (
    <>
      <div class="devices-row">
        <button type="button" onClick={() => void run('纸张正常', { action: 'printer.paper', paper: 'ok' })}>纸张正常</button>
        <button type="button" onClick={() => void run('纸将用完', { action: 'printer.paper', paper: 'near_end' })}>纸将用完</button>
        <button type="button" onClick={() => void run('缺纸', { action: 'printer.paper', paper: 'out' })}>缺纸</button>
        <button type="button" onClick={() => void run('打开纸仓盖', { action: 'printer.cover', open: true })}>打开纸仓盖</button>
        <button type="button" onClick={() => void run('关闭纸仓盖', { action: 'printer.cover', open: false })}>关闭纸仓盖</button>
      </div>

      <h2>读卡器</h2>
      <div class="devices-row">
        <label class="devices-field">
          <span id="dev-id-label">身份证</span>
          <select aria-labelledby="dev-id-label" value={idPreset} onChange={(e) => setIdPreset((e.target as HTMLSelectElement).value as SimPreset)}>
            {PRESETS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void run('放入身份证', { action: 'card.insert', reader: 'idcard', preset: idPreset })}>放入身份证</button>
        <button type="button" onClick={() => void run('取走身份证', { action: 'card.remove', reader: 'idcard' })}>取走身份证</button>
      </div>
      <div class="devices-row">
        <label class="devices-field">
          <span id="dev-ss-label">社保卡</span>
          <select aria-labelledby="dev-ss-label" value={ssPreset} onChange={(e) => setSsPreset((e.target as HTMLSelectElement).value as SimPreset)}>
            {PRESETS.filter((p) => p.value !== 'foreigner' && p.value !== 'hkMacaoTaiwan').map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </label>
        <label class="devices-check">
          <input type="checkbox" checked={locked} onChange={(e) => setLocked((e.target as HTMLInputElement).checked)} />
          需要密码才能读取
        </label>
        <button type="button" onClick={() => void run('插入社保卡', { action: 'card.insert', reader: 'sscard', preset: ssPreset, locked })}>插入社保卡</button>
        <button type="button" onClick={() => void run('取出社保卡', { action: 'card.remove', reader: 'sscard' })}>取出社保卡</button>
      </div>

      <h2>扫码器</h2>
      <form
        class="devices-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) void run('扫码', { action: 'scan', code: code.trim() });
        }}
      >
        <label class="devices-field">
          <span id="dev-code-label">条码内容</span>
          <input aria-labelledby="dev-code-label" value={code} maxLength={4096} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">扫码</button>
        <button type="button" onClick={() => void run('扫医保电子凭证', { action: 'scan', code: `EC${Date.now().toString(16).toUpperCase()}A1B2C3D4E5F60718293A4B5C6D7E8F90` })}>医保电子凭证样例</button>
        <button type="button" onClick={() => void run('扫小票二维码', { action: 'scan', code: SAMPLE_TICKET.qrPayload })}>小票二维码样例</button>
      </form>

      <h2>评价按键</h2>
      <div class="devices-row">
        {(Object.entries(RATING_LEVEL_LABELS) as [RatingLevel, string][]).map(([action, label]) => (
          <button key={action} type="button" onClick={() => void run(`评价：${label}`, { action: 'key.press', key: { device: 'rating', action } })}>{label}</button>
        ))}
      </div>
      <h2>呼叫器</h2>
      <div class="devices-row">
        {(Object.entries(CALLER_ACTION_LABELS) as [CallerAction, string][]).map(([action, label]) => (
          <button key={action} type="button" onClick={() => void run(`呼叫器：${label}`, { action: 'key.press', key: { device: 'caller', action } })}>{label}</button>
        ))}
      </div>

      <h2>故障演练</h2>
      <div class="devices-row">
        <label class="devices-field">
          <span id="dev-fault-label">故障设备</span>
          <select aria-labelledby="dev-fault-label" value={faultDevice} onChange={(e) => setFaultDevice((e.target as HTMLSelectElement).value as typeof faultDevice)}>
            {FAULT_DEVICES.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void run(`${faultLabel}发送乱码`, { action: 'device.garbage', device: faultDevice })}>发送乱码</button>
        <button type="button" onClick={() => void run(`${faultLabel}停止应答`, { action: 'device.silence', device: faultDevice, silent: true })}>停止应答</button>
        <button type="button" onClick={() => void run(`${faultLabel}恢复应答`, { action: 'device.silence', device: faultDevice, silent: false })}>恢复应答</button>
        <button type="button" onClick={() => void run(`拔出${faultLabel}`, { action: 'device.unplug', device: faultDevice })}>拔出</button>
        <button type="button" onClick={() => void run(`插回${faultLabel}`, { action: 'device.replug', device: faultDevice })}>插回</button>
      </div>
    </>
  );
}
