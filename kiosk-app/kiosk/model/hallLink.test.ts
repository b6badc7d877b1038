import { describe, expect, it } from 'vitest';
import { hallUnreachable } from './hallLink.ts';

describe('hall reachability', () => {
  it('is reachable while the link is open', () => {
    expect(hallUnreachable({ state: 'open', failedAttempts: 0 })).toBe(false);
  });

  it('does not call a dropped link an outage while its first reconnect is under way', () => {
    expect(hallUnreachable({ state: 'reconnecting', failedAttempts: 0 })).toBe(false);
    expect(hallUnreachable({ state: 'connecting', failedAttempts: 0 })).toBe(false);
  });

  it('is unreachable once an attempt to reach the hall has failed, until the hall answers', () => {
    expect(hallUnreachable({ state: 'reconnecting', failedAttempts: 1 })).toBe(true);
    expect(hallUnreachable({ state: 'connecting', failedAttempts: 3 })).toBe(true);
  });

  it('is unreachable when the stream no longer reconnects', () => {
    expect(hallUnreachable({ state: 'unauthorized', failedAttempts: 0 })).toBe(true);
    expect(hallUnreachable({ state: 'closed', failedAttempts: 0 })).toBe(true);
  });
});
