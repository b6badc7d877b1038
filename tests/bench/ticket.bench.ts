// Ticket size on the wire: the full ticket (4 materials + QR) as ESC/POS text and printer-drawn QR, against the same
// ticket as a 576-dot raster (GS v 0, uncompressed), which is what a browser-printing peer effectively sends.
import { layoutTicket, PAPER_DOTS } from '../../protocol/bridge/ticket/blocks.ts';
import { ticketToEscPos } from '../../device-bridge/ticket/escpos.ts';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';
import { ticketHeightDots } from '../../protocol/bridge/ticket/svg.ts';
import { TicketSchema } from '../../protocol/bridge/ticket/types.ts';

const escpos = ticketToEscPos(SAMPLE_TICKET);
const heightDots = ticketHeightDots(layoutTicket(TicketSchema.parse(SAMPLE_TICKET)));
// GS v 0 m xL xH yL yH (8 bytes) + one bit per dot, 576 dots = 72 bytes per row.
const rasterBytes = 8 + (PAPER_DOTS / 8) * heightDots;

const runs: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = performance.now();
  ticketToEscPos(SAMPLE_TICKET);
  runs.push(performance.now() - start);
}
runs.sort((a, b) => a - b);

console.log(JSON.stringify({
  'ticket.bytes': escpos.length,
  'ticket.raster_bytes': rasterBytes,
  'ticket.wire_ms_115200': Math.round((escpos.length * 10 * 1000) / 115_200 * 10) / 10,
  'ticket.raster_wire_ms_115200': Math.round((rasterBytes * 10 * 1000) / 115_200),
  'ticket.layout_ms_median': Math.round((runs[runs.length >> 1] ?? 0) * 1000) / 1000,
}));
