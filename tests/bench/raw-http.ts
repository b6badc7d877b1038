// A lean HTTP/1.1 keep-alive connection for load benchmarks: one per simulated terminal, sending requests serialised
// before the clock starts and reading only the status line, Content-Length and body. A benchmark that plays 60 pads
// from one Node process would otherwise measure its own http client (about as costly as the server's handling) as
// server latency; real pads each have their own CPU.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

export class RawConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | null = null;

  private constructor(
    private readonly socket: Socket,
    private readonly host: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.tryComplete();
    });
    const fail = (err: Error) => {
      this.waiting?.reject(err);
      this.waiting = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed by the server')));
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((ok, fail) => {
      const socket = connect(Number(port), hostname, () => ok(new RawConnection(socket, `${hostname}:${port}`)));
      socket.once('error', fail);
    });
  }

  /** The bytes of a JSON POST, built ahead of the timed send. */
  postJson(path: string, body: unknown, token: string): Buffer {
    const payload = Buffer.from(JSON.stringify(body));
    const head =
      `POST ${path} HTTP/1.1\r\nhost: ${this.host}\r\nconnection: keep-alive\r\nauthorization: Bearer ${token}\r\n` +
      `content-type: application/json\r\ncontent-length: ${payload.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), payload]);
  }

  /** Sends one request and resolves with the complete response (one request in flight per connection). */
  send(request: Buffer): Promise<RawResponse> {
    if (this.waiting) return Promise.reject(new Error('a request is already in flight on this connection'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private tryComplete(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isFinite(length)) {
      this.waiting.reject(new Error(`response without Content-Length: ${head.split('\r\n')[0]}`));
      this.waiting = null;
      return;
    }
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(end + 4 + length);
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve({ status, body });
  }
}
