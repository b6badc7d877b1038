// The citizen's progress page at /t/<token>: the ticket, its state and, after the finish, whether it was rated. Plain DOM (no
// framework, no zod) so page and script stay small; the answer is checked by readProgress. Live: one Server-Sent
// Events stream where the server has one (the region); otherwise, or once the stream is refused, it asks again every
// few seconds while the page is visible (the hall answers from memory).
import { readProgress, progressPath, type TicketProgress } from '../../../protocol/citizen/progress.ts';
import { errorMessage, fetchJson } from '../shared/fetch.ts';
import { progressView } from './model.ts';
import { renderRating, type RatingHost } from './rating-ui.ts';

const POLL_MS = 3_000;
const root = document.getElementById('page')!;
const token = decodeURIComponent(location.pathname.split('/').pop() || '');

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

let current: TicketProgress | null = null;

function render(): void {
  root.textContent = '';
  if (!current) return;
  const view = progressView(current);
  root.appendChild(el('h1', '排队进度', 'hall'));
  root.appendChild(el('p', current.number, 'number'));
  root.appendChild(el('p', current.itemName, 'item'));
  const status = el('section', undefined, 'status ' + view.tone);
  status.setAttribute('data-testid', 'status');
  status.appendChild(el('h2', view.headline));
  const override = rating.lines(current);
  (override || view.lines).forEach((line) => status.appendChild(el('p', line)));
  root.appendChild(status);
  rating.render(current, root);
  root.appendChild(textSizeButton());
}

/** 大字 by default (长辈模式 figures); the citizen may choose 标准字号, remembered on this phone where storage works. */
const SIZE_KEY = 'citizen-text-size';
function setStandard(on: boolean): void {
  document.documentElement.classList.toggle('standard', on);
  try {
    localStorage.setItem(SIZE_KEY, on ? 'standard' : 'large');
  } catch {
    // In-app browsers may refuse storage: the choice then lasts for this page only.
  }
}
try {
  if (localStorage.getItem(SIZE_KEY) === 'standard') document.documentElement.classList.add('standard');
} catch {
  // As above: large text.
}
function textSizeButton(): HTMLElement {
  const standard = document.documentElement.classList.contains('standard');
  const b = el('button', standard ? '切换为大字' : '切换为标准字号', 'text-size');
  b.setAttribute('type', 'button');
  b.addEventListener('click', () => {
    setStandard(!standard);
    render();
  });
  return b;
}

const host: RatingHost = { el, rerender: () => render(), refresh: () => void refresh(), token: () => token };
const rating = renderRating(host);

function showMessage(text: string): void {
  root.textContent = '';
  root.appendChild(el('h1', '排队进度', 'hall'));
  const status = el('section', undefined, 'status warn');
  status.setAttribute('data-testid', 'status');
  status.appendChild(el('h2', text));
  root.appendChild(status);
}

function show(progress: TicketProgress | null): void {
  if (!progress) return;
  const changed = !current || JSON.stringify(current) !== JSON.stringify(progress);
  current = progress;
  if (changed) render();
}

/** False once the ticket is unknown or expired: nothing more to ask. */
async function refresh(): Promise<boolean> {
  const answer = await fetchJson(progressPath(token));
  if (answer.status === 200) show(readProgress(answer.body));
  else if (answer.status === 404 || answer.status === 429) {
    current = null;
    showMessage(errorMessage(answer.body, '没有找到这张号票'));
  } else if (!current) showMessage('暂时无法查询，请您稍等');
  return answer.status !== 404;
}

function poll(): void {
  const next = () => setTimeout(poll, POLL_MS);
  if (document.visibilityState === 'hidden') return void next();
  void refresh().then((more) => (more ? next() : undefined), next);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function live(): void {
  if (typeof EventSource !== 'function') return poll();
  const source = new EventSource(`${progressPath(token)}/stream`);
  source.onmessage = (event: MessageEvent<string>) => show(readProgress(parse(event.data)));
  source.onerror = () => {
    // A refused stream (no stream here, or the ticket expired) is closed for good: ask instead.
    if (source.readyState === EventSource.CLOSED) poll();
  };
}

void refresh().then((more) => {
  if (current) live();
  else if (more) poll();
});
