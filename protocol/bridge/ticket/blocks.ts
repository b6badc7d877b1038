// The ticket as a list of printable blocks: the one layout both the ESC/POS bytes and the SVG preview render,
// so paper and screen cannot drift apart. Pure and browser-safe.
import { MATERIAL_FORM_TEXT, type Ticket, type TicketMaterial } from './types.ts';

/** 80 mm paper: 576 dots, 48 columns of the 12×24 font (a Chinese character takes two columns). */
export const PAPER_DOTS = 576;
export const PAPER_COLUMNS = 48;
/** Default ESC/POS line spacing (ESC 2) in dots for a normal-size line. */
export const LINE_DOTS = 30;
export const QR_MODULE_DOTS = 6;
/** Printed lines of materials the first slip holds; the rest continue on a second slip (cut between). */
export const FIRST_SLIP_MATERIAL_LINES = 10;

export type Align = 'left' | 'center' | 'right';
/** Character magnification, width and height alike (GS ! n). */
export type Scale = 1 | 2 | 3;

export type TicketBlock =
  | { kind: 'text'; lines: string[]; align: Align; scale: Scale; bold: boolean; nameLine?: boolean }
  | { kind: 'rule' }
  | { kind: 'qr'; payload: string }
  | { kind: 'feed'; lines: number }
  /** The end of one slip: the printer cuts, and the next slip follows. */
  | { kind: 'cut' };

/** Columns a character takes on the printer: two for CJK and full-width forms, one for ASCII. */
export function charColumns(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 1 : 2;
}

export function textColumns(text: string): number {
  let columns = 0;
  for (const char of text) columns += charColumns(char);
  return columns;
}

/** Splits text into lines of at most `columns`, continuing lines with `indent`. Never splits a character. */
export function wrapColumns(text: string, columns: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const char of text) {
    const width = charColumns(char);
    if (used + width > columns && line.trim() !== '') {
      lines.push(line);
      line = indent;
      used = textColumns(indent);
    }
    line += char;
    used += width;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function text(value: string, options: { align?: Align; scale?: Scale; bold?: boolean; indent?: string; nameLine?: boolean } = {}): TicketBlock {
  const scale = options.scale ?? 1;
  return {
    kind: 'text',
    lines: wrapColumns(value, Math.floor(PAPER_COLUMNS / scale), options.indent ?? ''),
    align: options.align ?? 'left',
    scale,
    bold: options.bold ?? false,
    ...(options.nameLine ? { nameLine: true } : {}),
  };
}

/** One material as printed: "1. 居民身份证（原件 1份，可容缺后补）", wrapped under its number. */
export function materialLine(material: TicketMaterial, index: number): string {
  const marks = [`${MATERIAL_FORM_TEXT[material.form]} ${material.count}份`, ...(material.deferrable ? ['可容缺后补'] : [])];
  return `${index + 1}. ${material.name}（${marks.join('，')}）`;
}

/** The material blocks split into what the first slip holds and what continues on the second. */
function materialBlocks(ticket: Ticket): { first: TicketBlock[]; rest: TicketBlock[] } {
  const first: TicketBlock[] = [];
  const rest: TicketBlock[] = [];
  let lines = 0;
  ticket.materials.forEach((material, index) => {
    const block = text(materialLine(material, index), { indent: '   ' });
    lines += block.kind === 'text' ? block.lines.length : 0;
    (lines <= FIRST_SLIP_MATERIAL_LINES && rest.length === 0 ? first : rest).push(block);
  });
  return { first, rest };
}

/** The 一次性告知 heading, time limit and 容缺 legend. */
function noticeHead(ticket: Ticket, heading: string): TicketBlock[] {
  const blocks: TicketBlock[] = [{ kind: 'rule' }, text(heading, { bold: true })];
  if (ticket.timeLimit) blocks.push(text(`办理时限：${ticket.timeLimit}`));
  return blocks;
}

function deferrableLegend(materials: TicketMaterial[]): TicketBlock[] {
  return materials.some((m) => m.deferrable) ? [text('标“可容缺后补”的材料暂缺时可先受理，按承诺期限补交', { indent: '   ' })] : [];
}

export function layoutTicket(ticket: Ticket): TicketBlock[] {
  const blocks: TicketBlock[] = [text(ticket.hallName, { align: 'center', bold: true })];
  if (ticket.reprint) blocks.push(text('（补打）', { align: 'center' }));
  blocks.push(
    { kind: 'rule' },
    text(ticket.number, { align: 'center', scale: 3, bold: true }),
    text(ticket.service, { align: 'center', scale: 2 }),
    { kind: 'feed', lines: 1 },
    text(`您前面还有 ${ticket.peopleAhead} 人等候`),
  );
  if (ticket.windows.length > 0) blocks.push(text(`请到 ${ticket.windows.join('、')} 办理`, { indent: '   ' }));
  blocks.push(text(`取号时间 ${ticket.issuedAt}`));
  if (ticket.maskedName) blocks.push(text(`姓名 ${ticket.maskedName}`, { nameLine: true }));
  const { first, rest } = materialBlocks(ticket);
  if (ticket.materials.length > 0) {
    blocks.push(...noticeHead(ticket, '请备齐以下材料（一次性告知）：'), ...first);
    if (rest.length > 0) blocks.push(text('（材料清单未完，续见下一张小票）', { bold: true }));
    else blocks.push(...deferrableLegend(ticket.materials));
  } else if (ticket.timeLimit) blocks.push(...noticeHead(ticket, '一次性告知：本事项无需提交材料'));
  blocks.push(
    { kind: 'rule' },
    { kind: 'qr', payload: ticket.qrPayload },
    text('扫码查看排队进度', { align: 'center' }),
    { kind: 'rule' },
    text(`监督电话 ${ticket.supervisionPhone}`, { align: 'center' }),
    text(ticket.slogan, { align: 'center', bold: true }),
    { kind: 'feed', lines: 3 },
  );
  if (rest.length === 0) return blocks;
  return [
    ...blocks,
    { kind: 'cut' },
    text(ticket.hallName, { align: 'center', bold: true }),
    { kind: 'rule' },
    text(`${ticket.number} 号 一次性告知（续）`, { align: 'center', bold: true }),
    text(ticket.service, { align: 'center' }),
    ...noticeHead(ticket, '请备齐以下材料（续）：'),
    ...rest,
    ...deferrableLegend(ticket.materials),
    { kind: 'rule' },
    text(ticket.slogan, { align: 'center', bold: true }),
    { kind: 'feed', lines: 3 },
  ];
}
