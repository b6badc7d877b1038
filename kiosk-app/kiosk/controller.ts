// The kiosk's shell logic: applies the pure flow transitions to a signal and does the I/O (hall-server, device-bridge).
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import {
  QueueEndpoints,
  queueSnapshotOf,
  type IssueTicketRequest,
  type PrintResultRequest,
} from '../../protocol/hall/index.ts';
import type { PackData, Service } from '../../content/schema/index.ts';
import { idMethods, type IdMethods } from './model/idMethods.ts';
import { hallUnreachable } from './model/hallLink.ts';
import type { BridgeClient, BridgeConnection } from '../shared/bridge/client.ts';
import type { TicketInput } from '../../protocol/bridge/messages.ts';
import type { HallStream } from '../shared/hall/socket.ts';
import { hallUtcOffset } from '../shared/hall/hall-clock.ts';
import { call, HallApiError, newIdempotencyKey } from '../shared/hall/api.ts';
import { helpState } from '../shared/ui/HelpButton.tsx';
import { resetSeniorMode, seniorForced, seniorMode } from '../shared/ui/mode.ts';
import { HOME, holdsCitizen, identityOf, next, type Action, type IssuedTicket, type Step } from './model/flow.ts';
import { localDate, localDateTime, offersGreenChannel } from './model/person.ts';
import type { Identity } from './model/types.ts';
import { IdentityEndpoints } from '../../protocol/hall/identity.ts';
import { ItemCountEndpoints } from '../../protocol/hall/item-counts.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { ticketInput } from './ticketInput.ts';
import { slipFor } from './model/slip.ts';
import { CitizenEndpoints } from '../../protocol/citizen/endpoints.ts';
import { tokenOfProgressUrl } from '../../protocol/rules/citizen-token.ts';
import type { TicketProgress } from '../../protocol/citizen/progress.ts';
import { neighbourLines, type NeighbourLine } from './model/neighbours.ts';
import type { IssueTicketResponse } from '../../protocol/hall/queue.ts';
import { createCheckIn } from './checkIn.ts';
import { CODE_DIGITS } from './model/checkIn.ts';

const THANKS_MS = 5_000;
const ECARD_POLL_MS = 150;
const ECARD_WAIT_MS = 10_000;

export interface KioskDeps {
  stream: HallStream;
  bridge: BridgeClient;
  /** The pack the boot screen already showed (possibly from the service worker's cache while the hall is down):
   * the flow starts on it instead of on a loading screen, and takes the hall's copy as soon as it answers. */
  initialPack?: PackData | null;
  now?: () => Date;
  /** Applies a waiting service-worker update (reloads the page); called only at an idle reset or on an untouched home. */
  applyUpdate?: () => void;
}

export interface Kiosk {
  step: ReadonlySignal<Step>;
  pack: ReadonlySignal<PackData | null>;
  /** The ticket as last sent to the printer (the on-screen preview when printing fails). */
  ticketPreview: ReadonlySignal<TicketInput | null>;
  /** A ticket's QR scanned on the home screen: its progress, or why not; null when none is shown. */
  scannedTicket: ReadonlySignal<{ progress: TicketProgress } | { message: string } | null>;
  closeScannedTicket(): void;
  /** The slip after 材料不全 (容缺受理承诺书 or bring-next-time list): not asked for, printing, printed or failed. */
  slipPrint: ReadonlySignal<SlipPrint>;
  /** The hall-server cannot be reached: "暂停取号，请到咨询台". */
  paused: ReadonlySignal<boolean>;
  /** The ways of showing identity that work now (readers' health, the hall's 医保码 decode service). */
  idMethods: ReadonlySignal<IdMethods>;
  /** The page's link to the device-bridge: until it is open, a card or a scan reaches no screen. */
  bridgeConnection: ReadonlySignal<BridgeConnection>;
  /** Tickets the hall issued per item lately (the 长辈模式 常办事项); empty until the hall has answered. */
  itemCounts: ReadonlySignal<ReadonlyMap<string, number>>;
  /** The nearest sites' waiting counts as the hall publishes them (its `neighbours` part); empty: show nothing. */
  neighbours: ReadonlySignal<NeighbourLine[]>;
  dispatch(action: Action): void;
  service(code: string): Service | null;
  /** Why the hall issues no ticket for an item now (法定节假日, 休息日, hours, cap), from the live snapshot; null = open. */
  closedReason(code: string): string | null;
  /** The reason when every item is closed for the same reason (a holiday, a rest day); null otherwise. */
  hallClosedReason(): string | null;
  takeTicket(code: string): void;
  /** 预约签到 with the 预约码 typed on the keypad. */
  submitCheckInCode(): Promise<void>;
  withoutDocument(): void;
  confirmIdentity(green: boolean): void;
  issue(): Promise<void>;
  reprint(): Promise<void>;
  /** Prints the slip for the item on the 材料不全 screen. */
  printSlip(): Promise<void>;
  finish(): void;
  help(): Promise<void>;
  /** Idle timeout reached zero: wipe everything personal, then apply a pending pack refresh or app update. */
  idleReset(): void;
  /** A step of a service-worker update (activate it, reload into it): applied at once on an untouched home, otherwise
   * at the next idle reset. */
  updateWaiting(apply: () => void): void;
  dispose(): void;
}

export interface SlipPrint {
  state: 'idle' | 'printing' | 'printed' | 'failed';
  /** The printer's reason when it failed. */
  message: string | null;
}
const SLIP_IDLE: SlipPrint = { state: 'idle', message: null };

export function createKiosk(deps: KioskDeps): Kiosk {
  const now = deps.now ?? (() => new Date());
  const step = signal<Step>(HOME);
  const pack = signal<PackData | null>(deps.initialPack ?? null);
  const issueFailedUnreachable = signal(false);
  /** A ticket's QR scanned on the home screen: its progress, or why it cannot be shown; null: nothing scanned. */
  const scannedTicket = signal<{ progress: TicketProgress } | { message: string } | null>(null);
  const ticketPreview = signal<TicketInput | null>(null);
  const slipPrint = signal<SlipPrint>(SLIP_IDLE);
  const itemCounts = signal<ReadonlyMap<string, number>>(new Map());
  // No counts from a snapshot that is not fed at this moment (the link is down or reconnecting).
  // The same list object while its content is unchanged: every hall event makes a new snapshot, and the home screen
  // is built again only when what it shows changed.
  let shownNeighbours: NeighbourLine[] = [];
  const neighbours = computed(() => {
    const lines = deps.stream.state.value === 'open' ? neighbourLines(deps.stream.snapshot.value?.modules['neighbours']) : [];
    if (JSON.stringify(lines) !== JSON.stringify(shownNeighbours)) shownNeighbours = lines;
    return shownNeighbours;
  });
  const waitingForCard = computed(() => step.value.name === 'identify' || step.value.name === 'checkIn');
  const paused = computed(
    () => hallUnreachable({ state: deps.stream.state.value, failedAttempts: deps.stream.failedAttempts.value }) || issueFailedUnreachable.value,
  );
  const methods = computed(() => {
    const identity = deps.stream.snapshot.value?.modules['identity'] as { ecardDecode?: unknown } | undefined;
    return idMethods(deps.bridge.devices.value, identity?.ecardDecode === true);
  });
  /** The hall's active pack (kept current by pack.activated events, and by the fresh snapshot after a reconnect that
   * could not resume) is not the one on screen: the screen takes it at the next idle reset. */
  const packStale = computed(() => {
    const live = deps.stream.snapshot.value?.pack;
    const shown = pack.value?.manifest;
    return !!live && !!shown && (live.id !== shown.packId || live.version !== shown.version);
  });
  /** A loaded pack was held back because a citizen was mid-flow (it differs from the one on screen). */
  let refreshDue = false;
  let pendingUpdate: (() => void) | null = deps.applyUpdate ?? null;
  let issueKey: string | null = null;
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  const cleanups: Array<() => void> = [];

  const dispatch = (action: Action) => {
    step.value = next(step.peek(), action);
  };
  const service = (code: string) => pack.peek()?.services.find((s) => s.code === code) ?? null;

  /** Ticket QRs scanned on home whose progress the hall has not answered yet. */
  let scansInFlight = 0;

  /** Nobody is using the kiosk: the first home page with no answer, no scanned ticket over it or on its way, no help
   * called, the terminal's own mode. */
  function resting(): boolean {
    return (
      !holdsCitizen(step.peek()) &&
      scannedTicket.peek() === null &&
      scansInFlight === 0 &&
      helpState.peek() === 'idle' &&
      seniorMode.peek() === seniorForced.peek()
    );
  }

  function applyPendingUpdate(): void {
    const apply = pendingUpdate;
    pendingUpdate = null;
    apply?.();
  }

  let packRetry: ReturnType<typeof setTimeout> | undefined;
  async function loadPack(): Promise<void> {
    clearTimeout(packRetry);
    packRetry = undefined;
    try {
      const loaded = await call(PackEndpoints.active);
      const shown = pack.peek()?.manifest;
      const same = shown?.packId === loaded.manifest.packId && shown?.version === loaded.manifest.version;
      // Another pack never replaces the screen under a citizen (a retry may answer after one has started).
      if (shown && !same && holdsCitizen(step.peek())) {
        refreshDue = true;
        return;
      }
      refreshDue = false;
      pack.value = loaded;
    } catch (error) {
      console.warn('kiosk: pack could not be loaded, retrying', error instanceof Error ? error.message : error);
      packRetry = setTimeout(() => void loadPack(), 3000);
    }
  }

  /** The counts change slowly: read at start and at each idle reset, never while a citizen is choosing. */
  async function loadItemCounts(): Promise<void> {
    try {
      const { counts } = await call(ItemCountEndpoints.itemCounts);
      if (holdsCitizen(step.peek())) return;
      itemCounts.value = new Map(counts.map((c) => [c.code, c.issued]));
    } catch (error) {
      console.warn('kiosk: item counts not loaded', error instanceof Error ? error.message : error);
    }
  }

  function onIdentity(identity: Identity): void {
    const current = step.peek();
    if (current.name === 'checkIn') return void checkIn.withIdentity(identity);
    if (current.name !== 'identify') return;
    const svc = service(current.code);
    const greenOffered = svc ? offersGreenChannel(identity.birthDate, localDate(now(), hallUtcOffset.peek()), svc.ticket) : false;
    dispatch({ type: 'identified', identity, greenOffered });
  }

  async function decodeEcard(payload: string): Promise<void> {
    const current = step.peek();
    if ((current.name !== 'identify' && current.name !== 'checkIn') || current.busy) return;
    // The check-in screen turns busy when the decoded identity is sent.
    if (current.name === 'identify') dispatch({ type: 'identifying' });
    try {
      const { decodeId } = await call(IdentityEndpoints.ecardDecode, { body: { payload } });
      const deadline = Date.now() + ECARD_WAIT_MS;
      for (;;) {
        const status = await call(IdentityEndpoints.ecardDecodeStatus, { params: { decodeId } });
        if ('identity' in status) {
          onIdentity({ ...status.identity, source: 'ecard' });
          return;
        }
        if (Date.now() > deadline) throw new HallApiError(504, 'ecard_timeout', '医保码识别超时，请重试或使用身份证、社保卡');
        await new Promise((r) => setTimeout(r, ECARD_POLL_MS));
      }
    } catch (error) {
      const message = error instanceof HallApiError ? error.message : '医保码识别失败，请重试或使用证件';
      dispatch(step.peek().name === 'checkIn' ? { type: 'checkInFailed', message } : { type: 'identifyFailed', message });
    }
  }

  // Right away, not only once the hall link is up: offline, the service worker answers with the last pack it saw.
  void loadPack();

  cleanups.push(
    effect(() => {
      const s = step.value;
      if (s.name !== 'notice' || !s.missing) slipPrint.value = SLIP_IDLE;
    }),
  );
  cleanups.push(
    deps.bridge.on('identity.read', ({ identity }) => {
      onIdentity({
        idNumber: identity.idNumber,
        name: identity.name,
        birthDate: identity.birthDate,
        source: identity.source === 'idcard' ? 'id_card' : 'ss_card',
      });
    }),
    deps.bridge.on('identity.failed', ({ message }) => {
      if (step.peek().name === 'identify') dispatch({ type: 'identifyFailed', message });
      if (step.peek().name === 'checkIn') dispatch({ type: 'checkInFailed', message });
    }),
    deps.bridge.on('scan', ({ kind, payload }) => {
      const token = tokenOfProgressUrl(payload);
      if (token && step.peek().name === 'home') return void showScannedTicket(token);
      if (step.peek().name === 'checkIn' && kind !== 'ecard') return void scannedCode(payload);
      if (step.peek().name !== 'identify' && step.peek().name !== 'checkIn') return;
      if (kind === 'ecard') void decodeEcard(payload);
      else dispatch({ type: 'identifyFailed', message: '这不是医保电子凭证，请出示医保码或使用证件' });
    }),
    // Fast card polling only while the identify screen waits for a card.
    effect(() => {
      const waiting = waitingForCard.value;
      void deps.bridge.setWaitingForCard(waiting).catch(() => undefined);
    }),
    // Load the pack once the hall link is up; clear an "unreachable" pause when the link comes back.
    effect(() => {
      if (deps.stream.state.value === 'open') {
        issueFailedUnreachable.value = false;
        if (!pack.peek() && packRetry === undefined) void loadPack();
        if (itemCounts.peek().size === 0) void loadItemCounts();
      }
    }),
    effect(() => {
      clearTimeout(thanksTimer);
      if (step.value.name === 'thanks') thanksTimer = setTimeout(() => dispatch({ type: 'reset' }), THANKS_MS);
    }),
  );

  function windowsServing(code: string): { labels: string[]; open: number } {
    const data = pack.peek();
    const snapshot = deps.stream.snapshot.peek();
    const queue = snapshot ? queueSnapshotOf(snapshot) : null;
    const live = queue?.windows.filter((w) => w.services.includes(code) && !w.paused) ?? [];
    const fromPack = data?.windows.filter((w) => w.services.includes(code) && !w.tidal) ?? [];
    const numbers = live.length > 0 ? live.map((w) => w.number) : fromPack.map((w) => w.number);
    return { labels: numbers.map((n) => `${n}号窗口`), open: live.filter((w) => w.staffId !== null).length || fromPack.length };
  }

  async function print(ticket: IssuedTicket, reprint: boolean): Promise<void> {
    const data = pack.peek();
    const current = step.peek();
    const svc = current.name === 'ticket' ? service(current.code) : null;
    if (!data) return;
    const input = ticketInput(
      ticket,
      {
        hallName: data.manifest.hall.name,
        supervisionPhone: data.manifest.hall.complaintPhone,
        slogan: data.manifest.hall.slogan,
        materials: svc?.guide.materials ?? [],
        timeLimit: svc?.guide.timeLimit ?? null,
      },
      reprint,
    );
    ticketPreview.value = input;
    const result = await deps.bridge.print(input);
    const after = step.peek();
    if (after.name !== 'ticket' || after.ticket.id !== ticket.id) return;
    if (result.ok) dispatch({ type: 'printed' });
    else dispatch({ type: 'printFailed', message: result.message, code: result.code });
    const report: PrintResultRequest = result.ok ? { outcome: 'printed' } : { outcome: 'failed', reason: result.code };
    await call(QueueEndpoints.printResult, { params: { id: ticket.id }, body: report }).catch((error: unknown) => {
      console.warn('kiosk: print result not reported', error instanceof Error ? error.message : error);
    });
  }

  async function showScannedTicket(token: string): Promise<void> {
    scansInFlight++;
    try {
      scannedTicket.value = { progress: await call(CitizenEndpoints.progress, { params: { token } }) };
    } catch (error) {
      scannedTicket.value = { message: error instanceof HallApiError ? error.message : '暂时查不到这张号票，请稍后再试' };
    } finally {
      scansInFlight--;
    }
  }

  function ticketOf(res: IssueTicketResponse, serviceCode: string): IssuedTicket {
    return {
      id: res.ticket.id,
      number: res.ticket.number,
      serviceName: res.ticket.serviceName,
      peopleAhead: res.waitingAhead,
      waitMinutes: res.estimateMinutes,
      windows: windowsServing(serviceCode).labels,
      maskedName: res.ticket.maskedName,
      issuedAt: localDateTime(new Date(res.ticket.issuedAt), hallUtcOffset.peek()),
      duplicate: res.reused === 'same_person',
      progressUrl: res.progressUrl ?? null,
    };
  }

  const checkIn = createCheckIn({
    step,
    dispatch,
    utcOffsetMinutes: () => hallUtcOffset.peek(),
    senior: () => seniorMode.peek(),
    ticketOf,
    print: (ticket) => print(ticket, false),
    unreachable: () => {
      issueFailedUnreachable.value = true;
    },
  });

  /** A 预约码 shown as a QR (the booking page's answer) scanned on the check-in screen. */
  function scannedCode(payload: string): void {
    const code = payload.trim();
    if (!new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code)) {
      dispatch({ type: 'checkInFailed', message: '这不是预约码或医保码，请输入预约码，或刷卡、出示医保码' });
      return;
    }
    dispatch({ type: 'codeKey', key: '清除' });
    for (const digit of code) dispatch({ type: 'codeKey', key: digit });
    void checkIn.submitCode();
  }

  async function issue(): Promise<void> {
    const current = step.peek();
    if (current.name !== 'notice' || current.issuing) return;
    const svc = service(current.code);
    if (!svc) return;
    issueKey ??= newIdempotencyKey();
    dispatch({ type: 'issuing' });
    const identity = identityOf(current);
    const body: IssueTicketRequest = {
      idempotencyKey: issueKey,
      serviceCode: svc.code,
      ...(identity ? { identity } : {}),
      ...(identity && !current.green ? { priority: 'normal' as const } : {}),
      ...(seniorMode.peek() ? { senior: true } : {}),
    };
    try {
      const res = await call(QueueEndpoints.issue, { body });
      issueKey = null;
      const ticket = ticketOf(res, svc.code);
      dispatch({ type: 'issued', ticket });
      await print(ticket, ticket.duplicate);
    } catch (error) {
      const unreachable = error instanceof HallApiError && error.unreachable;
      if (unreachable) issueFailedUnreachable.value = true;
      dispatch({ type: 'issueFailed', message: error instanceof HallApiError ? error.message : '取号未成功，请到咨询台' });
    }
  }

  function wipe(): void {
    clearTimeout(thanksTimer);
    issueKey = null;
    checkIn.reset();
    batch(() => {
      step.value = HOME;
      ticketPreview.value = null;
      scannedTicket.value = null;
      helpState.value = 'idle';
      resetSeniorMode();
    });
  }

  return {
    step,
    pack,
    ticketPreview,
    scannedTicket,
    closeScannedTicket() {
      scannedTicket.value = null;
    },
    slipPrint,
    paused,
    idMethods: methods,
    bridgeConnection: deps.bridge.connection,
    itemCounts,
    neighbours,
    dispatch,
    service,
    closedReason(code) {
      const snapshot = deps.stream.snapshot.value;
      const queue = snapshot ? queueSnapshotOf(snapshot) : null;
      return queue?.services.find((s) => s.code === code)?.closedReason ?? null;
    },
    hallClosedReason() {
      const snapshot = deps.stream.snapshot.value;
      const services = (snapshot ? queueSnapshotOf(snapshot) : null)?.services ?? [];
      const reasons = new Set(services.map((s) => s.closedReason));
      const [only] = reasons;
      return reasons.size === 1 && only ? only : null;
    },
    takeTicket(code) {
      const svc = service(code);
      if (!svc) return;
      issueKey = null;
      dispatch({ type: 'takeTicket', code, identity: svc.identity });
    },
    submitCheckInCode: () => checkIn.submitCode(),
    withoutDocument() {
      const current = step.peek();
      if (current.name === 'identify' && service(current.code)?.identity === 'optional') dispatch({ type: 'withoutDocument' });
    },
    confirmIdentity(green) {
      dispatch({ type: 'confirmIdentity', green });
    },
    issue,
    async reprint() {
      const current = step.peek();
      if (current.name !== 'ticket' || current.print === 'printing') return;
      dispatch({ type: 'reprinting' });
      await print(current.ticket, true);
    },
    async printSlip() {
      const current = step.peek();
      const data = pack.peek();
      const svc = current.name === 'notice' ? service(current.code) : null;
      if (current.name !== 'notice' || !current.missing || !svc || !data || slipPrint.peek().state === 'printing') return;
      const at = now();
      slipPrint.value = { state: 'printing', message: null };
      const result = await deps.bridge.printSlip(slipFor(svc, data, current.identity, localDate(at), localDateTime(at)));
      const after = step.peek();
      if (after.name !== 'notice' || !after.missing || after.code !== current.code) return;
      slipPrint.value = result.ok ? { state: 'printed', message: null } : { state: 'failed', message: result.message };
    },
    finish() {
      dispatch({ type: 'finish' });
    },
    async help() {
      await call(IdentityEndpoints.help, { body: { screen: step.peek().name } });
    },
    idleReset() {
      wipe();
      void loadItemCounts();
      applyPendingUpdate();
      if (packStale.peek() || refreshDue) void loadPack();
    },
    updateWaiting(apply) {
      pendingUpdate = apply;
      if (resting()) applyPendingUpdate();
    },
    dispose() {
      clearTimeout(thanksTimer);
      clearTimeout(packRetry);
      for (const cleanup of cleanups) cleanup();
    },
  };
}
