// Password hashing with scrypt off the event loop: node's asynchronous scrypt runs on the libuv worker pool, one hash
// at a time and at most `perSecond` a second, so a flood of login attempts cannot take a core from the hall's ticket
// issuing. Attempts beyond the queue's bound are refused at once instead of waiting without end. Both servers' console
// sign-ins hash through it.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export class HasherBusyError extends Error {}

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((ok, fail) => scrypt(password, salt, length, options, (err, key) => (err ? fail(err) : ok(key))));
}

export class PasswordHasher {
  private running = false;
  private readonly waiting: Array<() => void> = [];
  private lastStart = -Infinity;
  /** How long a hash took lately: `pretend` waits as long, so an unknown 工号 is not told apart by the answer time. */
  private typicalMs = 60;

  constructor(
    private readonly perSecond = 5,
    private readonly maxWaiting = 16,
  ) {}

  /** Takes as long as checking a password would, without the work (for a 工号 that has no account). */
  async pretend(): Promise<void> {
    if (this.waiting.length >= this.maxWaiting) throw new HasherBusyError('password hasher queue full');
    await new Promise((ok) => setTimeout(ok, this.typicalMs));
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.limited(() => scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P }));
    return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [kind, n, r, p, salt, hash] = stored.split('$');
    if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64');
    const actual = await this.limited(() =>
      scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }),
    );
    return timingSafeEqual(actual, expected);
  }

  private async limited<T>(job: () => Promise<T>): Promise<T> {
    if (this.running) {
      if (this.waiting.length >= this.maxWaiting) throw new HasherBusyError('password hasher queue full');
      await new Promise<void>((ok) => this.waiting.push(ok));
    } else this.running = true;
    const spacing = 1000 / this.perSecond - (performance.now() - this.lastStart);
    if (spacing > 0) await new Promise((ok) => setTimeout(ok, spacing));
    this.lastStart = performance.now();
    try {
      const result = await job();
      this.typicalMs = 0.8 * this.typicalMs + 0.2 * (performance.now() - this.lastStart);
      return result;
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    }
  }
}
