// The kiosk application proper: hall link, device-bridge, flow controller and every screen. Loaded by the boot screen
// (index.tsx) right after the home screen is shown, so the first paint does not wait for the API schemas.
import { computed } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { createBridgeClient, type BridgeClient } from '../shared/bridge/client.ts';
import { deviceHealthForHeartbeat } from '../shared/bridge/heartbeat.ts';
import { bridgeUrlFromLocation } from '../shared/bridge/url.ts';
import { ensurePairedWithRetry } from '../shared/hall/pairing.ts';
import { subscribe } from '../shared/hall/socket.ts';
import { HelpButton, helpState, openHelpSentAt } from '../shared/ui/HelpButton.tsx';
import { IdleOverlay } from '../shared/ui/IdleOverlay.tsx';
import { helpHoldsIdle, idlePolicyFor } from '../shared/ui/idle.ts';
import { watchIdle } from '../shared/ui/idleWatch.ts';
import { seniorForced, seniorMode } from '../shared/ui/mode.ts';
import { onUpdateWaiting } from '../shared/ui/swUpdate.ts';
import { browserPromptOutput } from '../shared/ui/voice/prompts.ts';
import { noticeIsShowing, type PackData } from '../../content/schema/index.ts';
import { createKiosk, type Kiosk } from './controller.ts';
import { holdsCitizen, type Step } from './model/flow.ts';
import { localDate, localDateTime } from './model/person.ts';
import { hallClockOf } from '../shared/hall/hall-clock.ts';
import { watchPrompts } from './prompts.ts';
import { watchStatePrompts, type KioskVoiceState } from './statePrompts.ts';
import { Confirm } from './screens/Confirm.tsx';
import { Frame } from './screens/Frame.tsx';
import { Guide, GuideActions } from './screens/Guide.tsx';
import { Home } from './screens/Home.tsx';
import { Neighbours } from './screens/Neighbours.tsx';
import { Identify } from './screens/Identify.tsx';
import { Info } from './screens/Info.tsx';
import { IssueStatus, Notice, NoticeActions } from './screens/Notice.tsx';
import { MissingActions, MissingMaterials } from './screens/Missing.tsx';
import { Paused } from './screens/Paused.tsx';
import { ScannedTicket } from './screens/ScannedTicket.tsx';
import { ScreenBody } from './screens/ScreenBody.tsx';
import { Thanks } from './screens/Thanks.tsx';
import { TicketActions, TicketScreen } from './screens/TicketScreen.tsx';
import {
  CheckInAnswerActions, CheckInEarlyScreen, CheckInEntry, CheckInKeypad, CheckInMissingScreen, CheckInScreen,
} from './screens/CheckIn.tsx';

export type StartResult = { kind: 'ready'; kiosk: Kiosk; stop: () => void } | { kind: 'unpaired' } | { kind: 'stopped' };

/** Pairs (demo halls pair by themselves), opens the hall stream and the bridge, and creates the flow controller. */
export async function startKiosk(isStopped: () => boolean, initialPack: PackData | null = null): Promise<StartResult> {
  const pairing = await ensurePairedWithRetry({ role: 'kiosk' }, isStopped);
  if (pairing !== 'paired') return { kind: pairing };
  const bridge: BridgeClient = createBridgeClient({ url: bridgeUrlFromLocation() });
  let kiosk: Kiosk | null = null;
  const stream = subscribe({
    heartbeat: () => ({
      packVersion: kiosk?.pack.peek()?.manifest.version ?? null,
      devices: deviceHealthForHeartbeat(bridge),
    }),
  });
  kiosk = createKiosk({ stream, bridge, initialPack });
  const created = kiosk;
  const offUpdate = onUpdateWaiting((apply) => created.updateWaiting(apply));
  return {
    kind: 'ready',
    kiosk: created,
    stop() {
      offUpdate();
      created.dispose();
      stream.close();
      bridge.close();
    },
  };
}

/** The notices a pack shows on the kiosk this minute; worked out once a minute, not on every tap. */
let noticesThisMinute: { pack: PackData; minute: number; notices: PackData['notices'] } | null = null;
function showingNotices(pack: PackData): PackData['notices'] {
  if (pack.notices.length === 0) return [];
  const now = new Date();
  const minute = Math.floor(now.getTime() / 60_000);
  if (noticesThisMinute?.pack === pack && noticesThisMinute.minute === minute) return noticesThisMinute.notices;
  const hhmm = hallClockOf(now);
  const notices = pack.notices.filter((n) => noticeIsShowing(n, 'kiosk', now, hhmm));
  noticesThisMinute = { pack, minute, notices };
  return notices;
}

/** The idle countdown is shown where a citizen's data would be wiped, and on home in a 长辈模式 the citizen switched on. */
function countdownApplies(step: Step): boolean {
  return holdsCitizen(step) || (seniorMode.value && !seniorForced.value);
}

export function KioskView({ kiosk }: { kiosk: Kiosk }) {
  const idle = useMemo(
    () =>
      watchIdle({
        policy: () => idlePolicyFor(seniorMode.peek()),
        held: () => helpHoldsIdle(openHelpSentAt(), Date.now()),
        onExpire: () => kiosk.idleReset(),
      }),
    [kiosk],
  );
  useEffect(() => () => idle.stop(), [idle]);
  // The home page and the guide last opened from it, kept in the page while the citizen goes back and forth between them.
  const browsing = useRef<{ page: number; answer: string | undefined; guide: string | null }>({ page: 0, answer: undefined, guide: null });
  const handlers = useMemo(
    () => ({
      page: (page: number) => kiosk.dispatch({ type: 'page', page }),
      item: (code: string) => kiosk.dispatch({ type: 'openItem', code }),
      info: () => kiosk.dispatch({ type: 'openInfo' }),
      answer: (answer: string) => kiosk.dispatch({ type: 'answer', answer }),
      checkIn: () => kiosk.dispatch({ type: 'openCheckIn' }),
    }),
    [kiosk],
  );
  // One output for the steps' and the states' prompts, so that neither cuts the other.
  const voice = useMemo(() => browserPromptOutput(), []);
  useEffect(() => watchPrompts({ step: kiosk.step, pack: kiosk.pack, senior: seniorMode }, voice), [kiosk, voice]);
  useEffect(() => {
    const state = computed<KioskVoiceState>(() => {
      const step = kiosk.step.value;
      return {
        step,
        paused: kiosk.paused.value,
        methods: kiosk.idMethods.value,
        itemClosedReason: step.name === 'guide' ? kiosk.closedReason(step.code) : null,
        help: helpState.value,
        countdown: idle.phase.value.phase === 'countdown' && countdownApplies(step),
      };
    });
    return watchStatePrompts({ state, pack: kiosk.pack, senior: seniorMode }, voice);
  }, [kiosk, idle, voice]);

  const step = kiosk.step.value;
  const pack = kiosk.pack.value;
  const phase = idle.phase.value;
  const showCountdown = countdownApplies(step);
  const isBrowsing = step.name === 'home' || step.name === 'guide';
  if (step.name === 'home') {
    browsing.current.page = step.page;
    browsing.current.answer = step.answer;
  }
  if (step.name === 'guide') browsing.current.guide = step.code;
  if (!isBrowsing) browsing.current = { page: 0, answer: undefined, guide: null };
  // The two bodies are built again only when what they show changed; a step between them only moves `away`.
  const notices = isBrowsing && pack ? showingNotices(pack) : [];
  const noticeIds = notices.map((n) => n.id).join(' ');
  const closedReason = isBrowsing && pack ? kiosk.hallClosedReason() : null;
  const homePage = browsing.current.page;
  const homeAnswer = browsing.current.answer;
  const itemCounts = kiosk.itemCounts.value;
  const neighbours = kiosk.neighbours.value;
  const homeBody = useMemo(
    () =>
      pack && (
        <Home
          pack={pack}
          page={homePage}
          answer={homeAnswer}
          itemCounts={itemCounts}
          notices={notices}
          closedReason={closedReason}
          neighbours={<Neighbours lines={neighbours} />}
          onPage={handlers.page}
          onItem={handlers.item}
          onAnswer={handlers.answer}
        />
      ),
    // notices by their ids: the list is filtered anew on every render.
    [pack, homePage, homeAnswer, itemCounts, noticeIds, closedReason, neighbours, handlers],
  );
  const guideService = pack && browsing.current.guide ? kiosk.service(browsing.current.guide) : null;
  const guideBody = useMemo(() => guideService && <Guide service={guideService} />, [guideService]);
  const help = useMemo(() => <HelpButton onHelp={() => kiosk.help()} />, [kiosk]);

  if (!pack) {
    return (
      <>
        {kiosk.paused.value ? <Paused /> : <main class="paused"><h1>正在加载办事事项，请您稍等…</h1></main>}
        {help}
      </>
    );
  }
  const hall = pack.manifest.hall;
  const home = () => kiosk.dispatch({ type: 'reset' });
  const back = () => kiosk.dispatch({ type: 'back' });
  /** A screen in the frame; `body` is one ScreenBody, or home's and the guide's together. */
  const frameOf = (testId: string, body: preact.ComponentChildren, nav: { back?: boolean; home?: boolean; info?: boolean }) => (
    <Frame
      hallName={hall.name}
      slogan={hall.slogan}
      testId={testId}
      {...(nav.back ? { onBack: back } : {})}
      {...(nav.home ? { onHome: home } : {})}
      {...(nav.info ? { onInfo: handlers.info } : {})}
    >
      {body}
    </Frame>
  );
  /** A screen of its own: its body is made anew (keyed by the screen), so it opens scrolled to the top. */
  const frame = (
    testId: string,
    children: preact.ComponentChildren,
    nav: { back?: boolean; home?: boolean },
    actions?: preact.ComponentChildren,
  ) =>
    frameOf(
      testId,
      <ScreenBody key={testId} actions={actions}>
        {children}
      </ScreenBody>,
      nav,
    );

  let screen;
  switch (step.name) {
    case 'home':
    case 'guide': {
      const guideCode = browsing.current.guide;
      const body = (
        <>
          <ScreenBody key="home" away={step.name !== 'home'} actions={<CheckInEntry onOpen={handlers.checkIn} />}>
            {homeBody}
          </ScreenBody>
          {guideBody && guideCode && (
            <ScreenBody
              key={`guide-${guideCode}`}
              away={step.name !== 'guide'}
              actions={<GuideActions onTake={() => kiosk.takeTicket(guideCode)} closedReason={kiosk.closedReason(guideCode)} />}
            >
              {guideBody}
            </ScreenBody>
          )}
        </>
      );
      screen =
        step.name === 'home'
          ? frameOf('screen-home', body, { back: step.answer !== undefined, info: step.answer === undefined })
          : frameOf('screen-guide', body, { back: true });
      break;
    }
    case 'info':
      screen = frame('screen-info', <Info pack={pack} />, { back: true });
      break;
    case 'identify': {
      const svc = kiosk.service(step.code);
      screen = frame(
        'screen-identify',
        <Identify
          serviceName={svc?.shortName ?? svc?.name ?? ''}
          busy={step.busy}
          error={step.error}
          allowWithout={svc?.identity === 'optional'}
          onWithout={() => kiosk.withoutDocument()}
          methods={kiosk.idMethods.value}
        />,
        { back: true, home: true },
      );
      break;
    }
    case 'confirm': {
      const svc = kiosk.service(step.code);
      screen = frame(
        'screen-confirm',
        <Confirm
          identity={step.identity}
          greenOffered={step.greenOffered}
          greenAge={svc?.ticket.elderlyPriorityAge ?? null}
          onConfirm={(green) => kiosk.confirmIdentity(green)}
        />,
        { back: true, home: true },
      );
      break;
    }
    case 'notice': {
      const svc = kiosk.service(step.code);
      if (step.missing && svc && pack) {
        screen = frame(
          'screen-notice',
          <>
            <MissingMaterials service={svc} pack={pack} today={localDate(new Date())} slip={kiosk.slipPrint.value} />
            <IssueStatus issuing={step.issuing} error={step.error} />
          </>,
          { back: !step.issuing, home: !step.issuing },
          <MissingActions
            service={svc}
            issuing={step.issuing}
            slip={kiosk.slipPrint.value}
            onPrint={() => void kiosk.printSlip()}
            onIssue={() => void kiosk.issue()}
          />,
        );
        break;
      }
      screen = frame(
        'screen-notice',
        svc ? <Notice service={svc} issuing={step.issuing} error={step.error} green={step.green} /> : null,
        { back: !step.issuing, home: !step.issuing },
        <NoticeActions
          issuing={step.issuing}
          onIssue={() => void kiosk.issue()}
          onMissing={() => kiosk.dispatch({ type: 'materialsMissing' })}
        />,
      );
      break;
    }
    case 'ticket':
      screen = frame(
        'screen-ticket',
        <TicketScreen ticket={step.ticket} print={step.print} printMessage={step.printMessage} preview={kiosk.ticketPreview.value} />,
        {},
        <TicketActions ticket={step.ticket} print={step.print} onReprint={() => void kiosk.reprint()} onFinish={() => kiosk.finish()} />,
      );
      break;
    case 'thanks':
      screen = frame('screen-thanks', <Thanks />, { home: true });
      break;
    case 'checkIn':
      screen = frame(
        'screen-check-in',
        <CheckInScreen digits={step.digits} busy={step.busy} error={step.error} methods={kiosk.idMethods.value} />,
        { back: !step.busy, home: !step.busy },
        <CheckInKeypad
          digits={step.digits}
          busy={step.busy}
          onKey={(key) => kiosk.dispatch({ type: 'codeKey', key })}
          onSubmit={() => void kiosk.submitCheckInCode()}
        />,
      );
      break;
    case 'checkInEarly':
    case 'checkInMissing': {
      const actions = <CheckInAnswerActions onOrdinary={() => kiosk.dispatch({ type: 'ordinaryTicket' })} onRetry={back} />;
      screen =
        step.name === 'checkInEarly'
          ? frame('screen-check-in-early', <CheckInEarlyScreen serviceName={step.serviceName} message={step.message} comeBackAt={step.comeBackAt} />, { home: true }, actions)
          : frame('screen-check-in-missing', <CheckInMissingScreen message={step.message} />, { home: true }, actions);
      break;
    }
  }

  return (
    <div data-kiosk-ready="true" data-bridge={kiosk.bridgeConnection.value}>
      {/* Under a scanned ticket's progress (a modal dialog) the screen takes no touch and no focus. */}
      {kiosk.scannedTicket.value ? <div inert style={{ display: 'contents' }}>{screen}</div> : screen}
      {kiosk.paused.value && step.name !== 'ticket' && <Paused />}
      {kiosk.scannedTicket.value && <ScannedTicket shown={kiosk.scannedTicket.value} onClose={() => kiosk.closeScannedTicket()} />}
      {help}
      {showCountdown && <IdleOverlay phase={phase} onContinue={() => idle.touch()} />}
    </div>
  );
}
