import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine } from './log.ts';

const AT = new Date('2026-11-23T01:30:00.000Z');

describe('hall-server logger', () => {
  it('writes one JSON object a line, with the component, when not on a terminal', () => {
    const lines: string[] = [];
    const log = createLogger('hall', { json: true, write: (l) => lines.push(l), now: () => AT }).child('packs');
    log.info('activated sample v3');
    expect(lines).toEqual(['{"time":"2026-11-23T01:30:00.000Z","level":"info","component":"packs","msg":"activated sample v3"}']);
  });

  it('writes plain text on a terminal, and drops what is below the minimum level', () => {
    const lines: string[] = [];
    const log = createLogger('ratings', { json: false, minimum: 'warn', write: (l) => lines.push(l), now: () => AT });
    log.info('not shown');
    log.debug('not shown');
    const error = new RangeError('disk full');
    error.stack = 'RangeError: disk full\n    at sweep';
    log.error('sweep failed', error);
    expect(lines).toEqual(['2026-11-23T01:30:00.000Z ERROR [ratings] sweep failed: RangeError: disk full\n    at sweep']);
  });

  it('formats a line the same way however it is reached', () => {
    expect(formatLogLine({ at: AT, level: 'warn', component: 'identity', message: 'ec.query unreachable' }, false)).toBe(
      '2026-11-23T01:30:00.000Z WARN [identity] ec.query unreachable',
    );
  });
});
