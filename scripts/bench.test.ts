import { describe, expect, it } from 'vitest';
import { parseMetrics } from './bench.ts';

describe('parseMetrics', () => {
  it('takes the JSON object on the last line', () => {
    expect(parseMetrics('warming up\n{"a.b": 1.5, "c": 2}\n')).toEqual({ 'a.b': 1.5, c: 2 });
  });
  it('refuses a non-number metric and a non-object line', () => {
    expect(() => parseMetrics('{"a": "fast"}')).toThrow('metric a is not a finite number');
    expect(() => parseMetrics('[1,2]')).toThrow('last line is not a JSON object');
  });
});
