// The admin console shell: login gate, navigation from nav.ts, the live event stream shared by every page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { ConnectionBanner } from '../shared/hall/ConnectionBanner.tsx';
import { subscribe, type HallStream } from '../shared/hall/socket.ts';
import { pagesFor } from './nav.ts';
import type { AdminPageProps } from './page.ts';
import { STAFF_ROLE_NAMES, TerminalEndpoints } from '../../protocol/hall/index.ts';
import { EscalationEndpoints } from '../../protocol/hall/escalations.ts';
import { staffMayCall } from '../../protocol/hall/access.ts';
import { session } from '../shared/hall/session.ts';
import { rememberBridgeUrl } from '../shared/bridge/url.ts';
import { authState, checkAuth, sessionEnded, signOut } from './shell/auth.ts';
import { CalendarBanner } from './shell/CalendarBanner.tsx';
import { DeviceAlertBanner } from './shell/DeviceAlertBanner.tsx';
import { EscalationBanner } from './shell/EscalationBanner.tsx';
import { Login } from './shell/Login.tsx';
import './admin.css';

export default function Admin() {
  useEffect(() => {
    rememberBridgeUrl();
    void checkAuth();
  }, []);
  const state = authState.value;
  if (state === 'checking') return <main class="admin-login"><p role="status">正在连接大厅服务器…</p></main>;
  if (state === 'unreachable') {
    return (
      <main class="admin-login">
        <p role="alert">暂时无法连接大厅服务器，请确认服务已启动。</p>
        <button type="button" onClick={() => void checkAuth()}>重试</button>
      </main>
    );
  }
  if (state === 'setup' || state === 'login') return <Login firstRun={state === 'setup'} />;
  return <Console />;
}

function Console() {
  const stream = useMemo(() => subscribe(), []);
  useEffect(() => () => stream.close(), [stream]);
  useEffect(() => {
    if (stream.state.value === 'unauthorized') sessionEnded();
  }, [stream.state.value]);
  const { path, route } = useLocation();
  const sub = path.replace(/^\/admin\/?/, '').split('/')[0] ?? '';
  const staffRole = session.value?.principal.staffRole ?? null;
  const pages = pagesFor(staffRole);
  const page = pages.find((p) => p.path === sub) ?? pages[0]!;
  const hallName = stream.snapshot.value?.hallName ?? '';
  const who = session.value?.principal.name ?? '';

  return (
    <div class="admin">
      <div class="admin-top">
        <ConnectionBanner state={stream.state} placement="inline" />
        <CalendarBanner />
        {staffRole !== null && staffMayCall(EscalationEndpoints.list, staffRole) && <EscalationBanner stream={stream} />}
        {staffRole !== null && staffMayCall(TerminalEndpoints.list, staffRole) && <DeviceAlertBanner stream={stream} />}
        <header class="admin-header">
          <p class="admin-brand">{hallName || '医保经办大厅'} · 管理台</p>
          <p class="admin-who">{who}{staffRole ? ` · ${STAFF_ROLE_NAMES[staffRole]}` : ''}</p>
          <button type="button" class="admin-logout" onClick={() => void signOut()}>退出登录</button>
        </header>
      </div>
      <nav class="admin-nav" aria-label="管理台导航">
        <ul>
          {pages.map((p) => {
            const href = p.path ? `/admin/${p.path}` : '/admin';
            const current = p === page;
            return (
              <li key={p.path}>
                <a href={href} aria-current={current ? 'page' : undefined} onClick={(e) => { e.preventDefault(); route(href); }}>
                  {p.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main class="admin-main">
        <PageLoader key={page.path} load={page.load} stream={stream} />
      </main>
    </div>
  );
}

function PageLoader({ load, stream }: { load: () => Promise<{ default: ComponentType<AdminPageProps> }>; stream: HallStream }) {
  const [Page, setPage] = useState<ComponentType<AdminPageProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (m) => live && setPage(() => m.default),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (failed) return <p role="alert">页面加载失败，请刷新重试。</p>;
  if (!Page) return <p role="status">正在加载…</p>;
  return <Page stream={stream} />;
}
