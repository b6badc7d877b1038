// The public site page at /s/<siteId>: name and level, hours, then waiting now per item and windows open — or why
// there are no live counts — and links to the nearby sites' pages. Plain DOM (no framework, no zod), checked by
// readSiteNow. Asks again every 30 seconds while visible (the answer is cached for 5 s by the server); an answer it
// could not refresh goes from live to 暂无实时数据 after PAGE_STALE_MS.
import { readSiteNow, sitePagePath, siteNowPath, type SiteNow } from '../../../protocol/citizen/site-now.ts';
import { errorMessage, fetchJson } from '../shared/fetch.ts';
import { siteView } from './model.ts';

const POLL_MS = 30_000;
const root = document.getElementById('page')!;
const siteId = decodeURIComponent(location.pathname.split('/').pop() || '');

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

let current: { site: SiteNow; fetchedAtMs: number } | null = null;
let shown = '';

function render(): void {
  if (!current) return;
  const view = siteView(current.site, current.fetchedAtMs, Date.now(), sitePagePath);
  const text = JSON.stringify(view);
  if (text === shown) return;
  shown = text;
  root.textContent = '';
  root.appendChild(el('h1', view.name, 'site-name'));
  root.appendChild(el('p', view.levelName, 'note'));
  const status = el('section', undefined, 'status ' + (view.live ? 'wait' : 'warn'));
  status.setAttribute('data-testid', 'site-status');
  status.appendChild(el('h2', view.headline));
  view.lines.forEach((line) => status.appendChild(el('p', line)));
  root.appendChild(status);
  if (view.items.length > 0) {
    const list = el('ul', undefined, 'counts');
    list.setAttribute('aria-label', '各事项等候人数');
    list.setAttribute('data-testid', 'site-items');
    for (const item of view.items) {
      const row = el('li');
      row.appendChild(el('span', item.name, 'count-name'));
      row.appendChild(el('span', item.count, 'count-value'));
      list.appendChild(row);
    }
    root.appendChild(list);
  }
  const hours = el('section', undefined, 'status hours ' + (view.open ? 'open' : 'closed'));
  hours.setAttribute('data-testid', 'site-hours');
  hours.appendChild(el('h2', view.openLine));
  view.hours.forEach((line) => hours.appendChild(el('p', line)));
  root.appendChild(hours);
  if (view.address) root.appendChild(el('p', `地址：${view.address}`, 'note'));
  if (view.neighbours.length > 0) {
    const nav = el('nav', undefined, 'neighbours');
    nav.setAttribute('aria-label', '附近站点');
    nav.appendChild(el('h2', '附近站点'));
    for (const n of view.neighbours) {
      const a = el('a', n.name, 'link-button') as HTMLAnchorElement;
      a.href = n.href;
      nav.appendChild(a);
    }
    root.appendChild(nav);
  }
}

function showMessage(text: string): void {
  root.textContent = '';
  shown = '';
  root.appendChild(el('h1', '服务站点', 'hall'));
  const status = el('section', undefined, 'status warn');
  status.setAttribute('data-testid', 'site-status');
  status.appendChild(el('h2', text));
  root.appendChild(status);
}

/** False once the site is unknown: nothing more to ask. */
async function refresh(): Promise<boolean> {
  const answer = await fetchJson(siteNowPath(siteId));
  const site = answer.status === 200 ? readSiteNow(answer.body) : null;
  if (site) {
    current = { site, fetchedAtMs: Date.now() };
    document.title = site.name;
  } else if (answer.status === 404) {
    current = null;
    showMessage(errorMessage(answer.body, '没有找到这个服务站点'));
    return false;
  } else if (!current) showMessage(answer.status === 429 ? errorMessage(answer.body, '查询过于频繁，请稍后再试') : '暂时无法查询，请您稍等');
  render();
  return true;
}

function poll(): void {
  const next = () => setTimeout(poll, POLL_MS);
  if (document.visibilityState === 'hidden') return void next();
  void refresh().then((more) => (more ? next() : undefined), next);
}

// Coming back to the page asks at once; the clock re-renders so an answer that could not be refreshed turns stale.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && current) void refresh();
});
setInterval(render, 15_000);
poll();
