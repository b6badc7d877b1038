// The ticket as ESC/POS bytes: text in GB18030 and a printer-drawn QR, never a raster, so a slip stays under ~1.5 KB.
// A long 一次性告知 continues on a second slip: one job, a partial cut between the slips.
import { EscPosBuilder } from '../codecs/escpos.ts';
import { layoutTicket, PAPER_COLUMNS, QR_MODULE_DOTS, type TicketBlock } from '../../protocol/bridge/ticket/blocks.ts';
import { TicketSchema, type TicketInput } from '../../protocol/bridge/ticket/types.ts';

export function renderBlock(builder: EscPosBuilder, block: TicketBlock): void {
  switch (block.kind) {
    case 'text':
      builder.align(block.align).size(block.scale, block.scale);
      if (block.bold) builder.bold(true);
      // A character outside the printers' two-byte GB18030 area: masked in a name, a box elsewhere.
      for (const line of block.lines) builder.line(line, block.nameLine ? '*' : '□');
      if (block.bold) builder.bold(false);
      if (block.scale !== 1) builder.size(1, 1);
      return;
    case 'rule':
      builder.align('left').line('-'.repeat(PAPER_COLUMNS));
      return;
    case 'feed':
      builder.feed(block.lines);
      return;
    case 'cut':
      builder.cut(0);
      return;
    case 'qr':
      builder.align('center').qr(new TextEncoder().encode(block.payload), QR_MODULE_DOTS).line();
      return;
  }
}

/** Validates the ticket and lays it out as one print job: init, Chinese mode, the blocks (cut between slips), partial cut. */
export function ticketToEscPos(input: TicketInput): Uint8Array {
  const ticket = TicketSchema.parse(input);
  const builder = new EscPosBuilder().init();
  for (const block of layoutTicket(ticket)) renderBlock(builder, block);
  return builder.cut(0).bytes();
}
