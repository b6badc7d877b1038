// The region console (区域管理台): first-run setup or login, then the pages the signed-in person's role may see.
import '../zod-jitless.ts';
import '../shared/ui/tokens.css';
import '../admin/admin.css';
import './region.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CONSOLE_ENDPOINTS, REGION_ROLE_NAMES, type ConsolePermission } from '../../protocol/region/console.ts';
import { call, consoleSession, saveConsoleSession } from './api.ts';
import { Login } from './Login.tsx';
import { go, route } from './route.ts';
import { Cases } from './pages/Cases.tsx';
import { Catalogue } from './pages/Catalogue.tsx';
import { Export } from './pages/Export.tsx';
import { Network } from './pages/Network.tsx';
import { Satisfaction } from './pages/Satisfaction.tsx';
import { SiteDay } from './pages/SiteDay.tsx';
import { SlotRules } from './pages/SlotRules.tsx';
import { Sites } from './pages/Sites.tsx';
import { todayInHall } from './today.ts';

interface Page {
  path: string;
  label: string;
  permission: ConsolePermission;
  view: () => preact.JSX.Element;
}

const PAGES: Page[] = [
  { path: '', label: '站点一览', permission: 'network', view: Network },
  { path: 'satisfaction', label: '满意度统计', permission: 'statistics', view: Satisfaction },
  { path: 'cases', label: '差评督办', permission: 'cases', view: Cases },
  { path: 'export', label: '上报导出', permission: 'export_personal', view: Export },
  { path: 'sites', label: '站点注册', permission: 'sites', view: Sites },
  { path: 'slots', label: '可预约设置', permission: 'sites', view: SlotRules },
  { path: 'catalogue', label: '事项清单', permission: 'catalogue', view: Catalogue },
];

type Gate = 'checking' | 'setup' | 'login' | 'ready' | 'unreachable';

function App() {
  const [gate, setGate] = useState<Gate>('checking');
  const check = async () => {
    try {
      if (consoleSession.value) {
        try {
          await call(CONSOLE_ENDPOINTS.whoami);
          setGate('ready');
          return;
        } catch {
          saveConsoleSession(null);
        }
      }
      setGate((await call(CONSOLE_ENDPOINTS.status)).setUp ? 'login' : 'setup');
    } catch {
      setGate('unreachable');
    }
  };
  useEffect(() => void check(), []);
  useEffect(() => {
    if (gate === 'ready' && !consoleSession.value) setGate('login');
  }, [gate, consoleSession.value]);
  if (gate === 'checking') return <main class="admin-login"><p role="status">正在连接区域中心…</p></main>;
  if (gate === 'unreachable') {
    return (
      <main class="admin-login">
        <p role="alert">暂时无法连接区域中心，请确认服务已启动。</p>
        <button type="button" onClick={() => void check()}>重试</button>
      </main>
    );
  }
  if (gate !== 'ready' || !consoleSession.value) return <Login firstRun={gate === 'setup'} onDone={() => setGate('ready')} />;
  return <Shell />;
}

function Shell() {
  const user = consoleSession.value!.user;
  const pages = PAGES.filter((p) => user.permissions.includes(p.permission));
  const { page: current, arg, query } = route.value;
  const signOut = async () => {
    try {
      await call(CONSOLE_ENDPOINTS.logout);
    } catch {
      // Already ended or unreachable: forgetting the token here is what remains to do.
    }
    saveConsoleSession(null);
  };
  const dayOpen = current === 'day' && arg !== null && user.permissions.includes('site_day');
  const page = pages.find((p) => p.path === current) ?? pages[0]!;
  const View = page.view;
  return (
    <div class="admin region">
      <div class="admin-top">
        <header class="admin-header">
          <p class="admin-brand">区域医保服务网络 · 管理台</p>
          <p class="admin-who">{user.name}（工号 {user.staffNo}）· {REGION_ROLE_NAMES[user.role]}</p>
          <button type="button" class="admin-logout" onClick={() => void signOut()}>退出登录</button>
        </header>
      </div>
      <nav class="admin-nav" aria-label="区域管理台导航">
        <ul>
          {pages.map((p) => {
            const href = `/region/${p.path}`;
            return (
              <li key={p.path}>
                <a href={href} aria-current={!dayOpen && p === page ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go(href); }}>{p.label}</a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main class="admin-main">
        {dayOpen ? <SiteDay siteId={arg} date={query.get('date') ?? todayInHall()} /> : <View />}
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
