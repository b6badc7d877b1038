// The ticket as an SVG that looks like the 80 mm paper: shown on the kiosk when printing fails and in the admin console.
// Pure and browser-safe: no Node imports.
import { layoutTicket, LINE_DOTS, PAPER_DOTS, QR_MODULE_DOTS, type TicketBlock } from './blocks.ts';
import { qrMatrix } from './qr.ts';
import { TicketSchema, type TicketInput } from './types.ts';

const MARGIN_DOTS = 16;
const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif";

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function blockHeight(block: TicketBlock): number {
  switch (block.kind) {
    case 'text':
      return block.lines.length * LINE_DOTS * block.scale;
    case 'rule':
    case 'cut':
      return LINE_DOTS;
    case 'feed':
      return block.lines * LINE_DOTS;
    case 'qr':
      return qrMatrix(block.payload).size * QR_MODULE_DOTS + LINE_DOTS;
  }
}

/** Height of the printed ticket in dots (also the height of its 576-dot raster). */
export function ticketHeightDots(blocks: TicketBlock[]): number {
  return blocks.reduce((sum, block) => sum + blockHeight(block), 0);
}

function renderBlock(block: TicketBlock, top: number, out: string[]): void {
  if (block.kind === 'cut') {
    const y = top + LINE_DOTS / 2;
    out.push(`<line x1="${-MARGIN_DOTS}" y1="${y}" x2="${PAPER_DOTS + MARGIN_DOTS}" y2="${y}" stroke="#888" stroke-width="4" stroke-dasharray="2 10"/>`);
  } else if (block.kind === 'rule') {
    const y = top + LINE_DOTS / 2;
    out.push(`<line x1="0" y1="${y}" x2="${PAPER_DOTS}" y2="${y}" stroke="#000" stroke-width="2" stroke-dasharray="8 6"/>`);
  } else if (block.kind === 'text') {
    const x = block.align === 'center' ? PAPER_DOTS / 2 : block.align === 'right' ? PAPER_DOTS : 0;
    const anchor = block.align === 'center' ? 'middle' : block.align === 'right' ? 'end' : 'start';
    const size = 24 * block.scale;
    block.lines.forEach((line, index) => {
      const baseline = top + (index + 1) * LINE_DOTS * block.scale - 6 * block.scale;
      out.push(
        `<text x="${x}" y="${baseline}" font-size="${size}" text-anchor="${anchor}"${block.bold ? ' font-weight="700"' : ''} xml:space="preserve">${escapeXml(line)}</text>`,
      );
    });
  } else if (block.kind === 'qr') {
    const matrix = qrMatrix(block.payload);
    const left = (PAPER_DOTS - matrix.size * QR_MODULE_DOTS) / 2;
    const path: string[] = [];
    for (let row = 0; row < matrix.size; row++) {
      for (let column = 0; column < matrix.size; column++) {
        if (matrix.isDark(row, column)) path.push(`M${left + column * QR_MODULE_DOTS} ${top + LINE_DOTS / 2 + row * QR_MODULE_DOTS}h${QR_MODULE_DOTS}v${QR_MODULE_DOTS}h-${QR_MODULE_DOTS}z`);
      }
    }
    out.push(`<path d="${path.join('')}" fill="#000"/>`);
  }
}

/** Renders a ticket (validated here, so bad input throws a ZodError with Chinese messages). */
export function ticketToSvg(input: TicketInput, options: { title?: string } = {}): string {
  const ticket = TicketSchema.parse(input);
  return blocksToSvg(layoutTicket(ticket), options.title ?? `${ticket.hallName} ${ticket.number} 号小票`);
}

/** Renders printable blocks as paper; the printer simulator uses it for what it decoded from ESC/POS bytes. */
export function blocksToSvg(blocks: TicketBlock[], title: string): string {
  const contentHeight = ticketHeightDots(blocks);
  const width = PAPER_DOTS + 2 * MARGIN_DOTS;
  const height = contentHeight + 2 * MARGIN_DOTS;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g transform="translate(${MARGIN_DOTS} ${MARGIN_DOTS})" font-family="${FONT}" fill="#000">`,
  ];
  let top = 0;
  for (const block of blocks) {
    renderBlock(block, top, out);
    top += blockHeight(block);
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}
