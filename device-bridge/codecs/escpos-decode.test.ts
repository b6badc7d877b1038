import { describe, expect, it } from 'vitest';
import { EscPosDecoder, type EscPosEvent } from './escpos-decode.ts';
import { EscPosBuilder } from './escpos.ts';
import { ticketToEscPos } from '../ticket/escpos.ts';
import { layoutTicket } from '../../protocol/bridge/ticket/blocks.ts';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';
import { TicketSchema } from '../../protocol/bridge/ticket/types.ts';

function decodeAll(bytes: Uint8Array, chunk = bytes.length): EscPosEvent[] {
  const decoder = new EscPosDecoder();
  const events: EscPosEvent[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunk) events.push(...decoder.push(bytes.subarray(offset, offset + chunk)));
  return events;
}

describe('EscPosDecoder', () => {
  it('reads the ticket bytes back into the layout’s lines, QR and cut, whatever the chunking', () => {
    const bytes = ticketToEscPos(SAMPLE_TICKET);
    const expected = layoutTicket(TicketSchema.parse(SAMPLE_TICKET)).flatMap((block) =>
      block.kind === 'text' ? block.lines : block.kind === 'rule' ? ['-'.repeat(48)] : block.kind === 'qr' ? [`QR ${block.payload}`, ''] : [],
    );
    for (const chunk of [bytes.length, 64, 7, 1]) {
      const events = decodeAll(bytes, chunk);
      const printed = events.flatMap((event) => (event.type === 'line' ? [event.text] : event.type === 'qr' ? [`QR ${new TextDecoder().decode(event.payload)}`] : []));
      expect(printed).toEqual(expected);
      expect(events.at(-1)).toEqual({ type: 'cut' });
    }
  });

  it('keeps alignment, size and bold of each line', () => {
    const bytes = new EscPosBuilder().init().align('center').size(3, 3).bold(true).line('A012').bold(false).size(1, 1).align('left').line('左').bytes();
    expect(decodeAll(bytes).filter((e) => e.type === 'line')).toEqual([
      { type: 'line', text: 'A012', align: 'center', scale: 3, bold: true },
      { type: 'line', text: '左', align: 'left', scale: 1, bold: false },
    ]);
  });

  it('reports real-time status requests in the middle of print data', () => {
    const bytes = Uint8Array.from([...new EscPosBuilder().line('ab').bytes(), 0x10, 0x04, 0x04]);
    expect(decodeAll(bytes, 1).map((e) => e.type)).toEqual(['line', 'status']);
  });
});
