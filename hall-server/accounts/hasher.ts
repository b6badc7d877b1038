// Password hashing with scrypt off the event loop: node's asynchronous scrypt runs on the libuv worker pool, and at most
// `concurrency` hashes run at once so a flood of login attempts cannot take every worker (or every core) from the
// hall. Attempts beyond the queue's bound are refused at once instead of waiting without end.
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
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency = 1,
    private readonly maxWaiting = 16,
  ) {}

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
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new HasherBusyError('password hasher queue full');
      await new Promise<void>((ok) => this.waiting.push(ok));
    } else this.running++;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
