// The reference booking page at /booking (网办/掌办 channel, DB21/T 4402 §10.1.2): pick the site, the item, the day and
// the half-hour slot (free places shown), give the ID number (checked with its check character, shown back masked)
// and a phone for the reminder, get the 预约码; or cancel with the 预约码 and the last 4 ID digits. Plain DOM, no zod,
// no service worker; large text by default with a 标准字号 switch. Nothing typed is kept after the page is left.
import type { Booking, BookingSites } from '../../../protocol/citizen/appointments.ts';
import {
  codeProblem, idLast4Problem, idNumberProblem, normalIdNumber, phoneProblem, readBooking, readSites, readSlots,
} from '../../../protocol/citizen/booking-checks.ts';
import { maskIdNumber, maskPhone } from '../../../protocol/person/mask.ts';
import { fetchJson } from '../shared/fetch.ts';
import { daysOf, refusal, slotsOn, slotText, type Slot } from './model.ts';

type Site = BookingSites['sites'][number];

const root = document.getElementById('page')!;
let sites: Site[] = [];
let site: Site | null = null;
let item: { code: string; name: string } | null = null;
let slots: Slot[] = [];
let day = '';
let half: 'am' | 'pm' = 'am';
let slot: Slot | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function button(label: string, onClick: () => void, opts: { primary?: boolean; testId?: string; disabled?: boolean; detail?: string } = {}): HTMLButtonElement {
  const b = el('button', label, opts.primary ? 'primary' : undefined);
  b.type = 'button';
  if (opts.detail) b.appendChild(el('span', opts.detail, 'detail'));
  if (opts.testId) b.setAttribute('data-testid', opts.testId);
  if (opts.disabled) b.disabled = true;
  b.addEventListener('click', onClick);
  return b;
}

/** A new screen: its heading, then what `fill` adds, then 返回上一步 when there is a step to go back to. */
function screen(title: string, fill: (main: HTMLElement) => void, back: (() => void) | null): void {
  root.textContent = '';
  const h1 = el('h1', title);
  h1.tabIndex = -1;
  root.appendChild(h1);
  fill(root);
  if (back) root.appendChild(button('返回上一步', back, { testId: 'back' }));
  window.scrollTo(0, 0);
  h1.focus();
}

function message(main: HTMLElement, text: string, testId = 'message'): HTMLElement {
  const p = el('p', text, 'status warn');
  p.setAttribute('role', 'alert');
  p.setAttribute('data-testid', testId);
  main.appendChild(p);
  return p;
}

function field(main: HTMLElement, id: string, label: string, opts: { inputMode: string; maxLength: number; autocomplete: string }): HTMLInputElement {
  const l = el('label', label);
  l.htmlFor = id;
  const input = el('input');
  input.id = id;
  input.inputMode = opts.inputMode;
  input.maxLength = opts.maxLength;
  input.setAttribute('autocomplete', opts.autocomplete);
  input.spellcheck = false;
  main.appendChild(l);
  main.appendChild(input);
  return input;
}

function errorOf(body: unknown): { code: string | null; message: string | null } {
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; message?: unknown } }).error : undefined;
  return {
    code: error && typeof error.code === 'string' ? error.code : null,
    message: error && typeof error.message === 'string' ? error.message : null,
  };
}

// ---- the text size

const SIZE_KEY = 'booking-text-size';
function standardSize(): boolean {
  try {
    return sessionStorage.getItem(SIZE_KEY) === 'standard';
  } catch {
    return false;
  }
}
function setStandardSize(on: boolean): void {
  document.body.classList.toggle('standard', on);
  try {
    sessionStorage.setItem(SIZE_KEY, on ? 'standard' : 'large');
  } catch {
    // Private browsing: the size lasts as long as the page.
  }
}

// ---- screens

function start(): void {
  screen('医保服务预约', (main) => {
    main.appendChild(el('p', '预约后请按时到大厅取号机签到，免排长队。', 'note'));
    main.appendChild(button('我要预约', chooseSite, { primary: true, testId: 'start-booking' }));
    main.appendChild(button('取消预约', cancelForm, { testId: 'start-cancel' }));
    const size = button(standardSize() ? '切换为大字号' : '切换为标准字号', () => {
      setStandardSize(!standardSize());
      start();
    }, { testId: 'text-size' });
    main.appendChild(size);
  }, null);
}

async function chooseSite(): Promise<void> {
  if (sites.length === 0) {
    const answer = await fetchJson('/api/booking/sites');
    const read = answer.status === 200 ? readSites(answer.body) : null;
    if (!read) return screen('请选择办理站点', (main) => void message(main, refusal(answer.status, null, errorOf(answer.body).message)), start);
    sites = read.sites;
  }
  screen('请选择办理站点', (main) => {
    if (sites.length === 0) message(main, '暂时没有可预约的站点');
    for (const s of sites) {
      main.appendChild(button(s.name, () => chooseItem(s), { testId: `site-${s.id}`, detail: s.address || undefined }));
    }
  }, start);
}

function chooseItem(chosen: Site): void {
  site = chosen;
  screen('请选择办理事项', (main) => {
    main.appendChild(el('p', chosen.name, 'note'));
    for (const i of chosen.items) main.appendChild(button(i.name, () => void chooseDay(i), { testId: `item-${i.code}` }));
  }, chooseSite);
}

async function chooseDay(chosen: { code: string; name: string }, note?: string): Promise<void> {
  item = chosen;
  const answer = await fetchJson(`/api/booking/sites/${encodeURIComponent(site!.id)}/items/${encodeURIComponent(chosen.code)}/slots`);
  const read = answer.status === 200 ? readSlots(answer.body) : null;
  slots = read ? read.slots : [];
  screen('选择日期', (main) => {
    if (note) message(main, note);
    main.appendChild(el('p', chosen.name, 'note'));
    if (!read) return void message(main, refusal(answer.status, null, errorOf(answer.body).message));
    const days = daysOf(slots);
    if (days.length === 0) message(main, '近期没有可预约的时段，请以后再来');
    const grid = el('div', undefined, 'grid');
    for (const d of days) {
      const [date, weekday] = d.label.split(' ');
      grid.appendChild(button(date!, () => chooseSlot(d.day, 'am'), { testId: `day-${d.day}`, disabled: d.free === 0, detail: `${weekday} ${d.free === 0 ? '约满' : `余${d.free}`}` }));
    }
    main.appendChild(grid);
  }, () => chooseItem(site!));
}

function chooseSlot(chosenDay: string, chosenHalf: 'am' | 'pm'): void {
  day = chosenDay;
  half = chosenHalf;
  screen('选择时段', (main) => {
    const tabs = el('div', undefined, 'grid');
    for (const [h, label] of [['am', '上午'], ['pm', '下午']] as const) {
      const tab = button(label, () => chooseSlot(day, h), { testId: `half-${h}` });
      tab.setAttribute('aria-pressed', String(h === half));
      tabs.appendChild(tab);
    }
    main.appendChild(tabs);
    const list = slotsOn(slots, day, half);
    if (list.length === 0) message(main, half === 'am' ? '上午没有可预约的时段' : '下午没有可预约的时段');
    const grid = el('div', undefined, 'grid');
    for (const s of list) {
      grid.appendChild(button(s.clock, () => person({ start: s.start, free: s.free }), {
        testId: `slot-${s.clock}`, disabled: s.free === 0, detail: s.free === 0 ? '已约满' : `余 ${s.free}`,
      }));
    }
    main.appendChild(grid);
  }, () => void chooseDay(item!));
}

function person(chosen: Slot, problem?: string): void {
  slot = chosen;
  screen('请填写预约人信息', (main) => {
    // One line: the site and the item were chosen on the screens just before, the booked screen repeats them all.
    main.appendChild(el('p', slotText(chosen.start).replace(/ 周. /, ' ').replace(/—.*/, ''), 'note'));
    const id = field(main, 'id-number', '身份证号码', { inputMode: 'text', maxLength: 18, autocomplete: 'off' });
    const phone = field(main, 'phone', '手机号（收提醒）', { inputMode: 'numeric', maxLength: 11, autocomplete: 'tel' });
    const status = el('div');
    status.setAttribute('role', 'status');
    main.appendChild(status);
    if (problem) message(status, problem);
    main.appendChild(button('提交预约', () => void submit(id, phone, status), { primary: true, testId: 'submit' }));
  }, () => chooseSlot(day, half));
}

let sending = false;
async function submit(id: HTMLInputElement, phone: HTMLInputElement, status: HTMLElement): Promise<void> {
  if (sending) return;
  status.textContent = '';
  const problem = idNumberProblem(id.value) || phoneProblem(phone.value);
  if (problem) {
    message(status, problem);
    (idNumberProblem(id.value) ? id : phone).focus();
    return;
  }
  const idNumber = normalIdNumber(id.value);
  const body = { siteId: site!.id, serviceCode: item!.code, slotStart: slot!.start, idNumber, phone: phone.value.trim() };
  sending = true;
  const answer = await fetchJson('/api/booking/appointments', { method: 'POST', body });
  sending = false;
  const booking = answer.status === 201 ? readBooking(answer.body) : null;
  if (booking) return booked(booking, maskIdNumber(idNumber), maskPhone(body.phone));
  const { code, message: text } = errorOf(answer.body);
  const words = refusal(answer.status, code, text);
  // A slot taken or closed meanwhile: back to the days with fresh counts, the reason on top.
  if (code === 'slot_full' || code === 'slot_unavailable') return void chooseDay(item!, words);
  message(status, words);
}

function booked(b: Booking, maskedId: string, maskedPhone: string): void {
  screen('预约成功', (main) => {
    main.appendChild(el('p', '您的预约码', 'note'));
    const code = el('p', b.code, 'number');
    code.setAttribute('data-testid', 'booking-code');
    main.appendChild(code);
    main.appendChild(button('完成', start, { primary: true, testId: 'done' }));
    const facts = el('p', `${b.siteName}\n${b.serviceName}\n${slotText(b.slotStart)}\n身份证 ${maskedId}\n手机 ${maskedPhone}`, 'note summary');
    facts.setAttribute('data-testid', 'booking-facts');
    main.appendChild(facts);
    main.appendChild(el('p', '请在预约时间前 30 分钟到开始后 15 分钟内，到大厅取号机点“预约签到”。', 'note'));
  }, null);
}

function cancelForm(): void {
  screen('取消预约', (main) => {
    const code = field(main, 'code', '预约码（8 位数字）', { inputMode: 'numeric', maxLength: 8, autocomplete: 'off' });
    const last4 = field(main, 'id-last4', '身份证号码后 4 位', { inputMode: 'text', maxLength: 4, autocomplete: 'off' });
    const status = el('div');
    status.setAttribute('role', 'status');
    main.appendChild(status);
    main.appendChild(button('确认取消', () => void sendCancel(code, last4, status), { primary: true, testId: 'confirm-cancel' }));
  }, start);
}

async function sendCancel(code: HTMLInputElement, last4: HTMLInputElement, status: HTMLElement): Promise<void> {
  if (sending) return;
  status.textContent = '';
  const problem = codeProblem(code.value) || idLast4Problem(last4.value);
  if (problem) return void message(status, problem);
  sending = true;
  const answer = await fetchJson('/api/booking/appointments/cancel', {
    method: 'POST', body: { code: code.value.trim(), idLast4: normalIdNumber(last4.value) },
  });
  sending = false;
  if (answer.status !== 200) return void message(status, refusal(answer.status, errorOf(answer.body).code, errorOf(answer.body).message));
  screen('已取消预约', (main) => {
    const p = el('p', `预约码 ${code.value.trim()} 已取消，名额已释放。`, 'note');
    p.setAttribute('data-testid', 'cancelled');
    main.appendChild(p);
    main.appendChild(button('完成', start, { primary: true, testId: 'done' }));
  }, null);
}

setStandardSize(standardSize());
start();
