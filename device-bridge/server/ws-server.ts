// The bridge's WebSocket for the page on the same terminal: 127.0.0.1 only, Origin allow-list (or a tool token, see
// access.ts), every message checked against the protocol schema. A bad frame ends only its own connection.
// A tiny GET /health answers scripts that want to know the bridge is up.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { PageMessageSchema, type BridgeMessage } from '../../protocol/bridge/messages.ts';
import type { Logger } from '../util/log.ts';
import { decideAccess } from './access.ts';
import type { Bridge } from './bridge.ts';

export interface BridgeServerOptions {
  bridge: Bridge;
  port: number;
  allowedOrigins: string[];
  /** The token a tool without a browser (no Origin) presents as `Authorization: Bearer …`; none may connect without it. */
  toolToken?: string;
  log: Logger;
  /** Only for tests of the refusal itself; the bridge always listens on loopback. */
  host?: '127.0.0.1';
}

export interface BridgeServer {
  port: number;
  url: string;
  /** Cuts every page connection (pages reconnect by themselves); used when the bridge restarts its devices and in tests. */
  dropClients(): void;
  close(): Promise<void>;
}

/** A larger frame closes its connection with 1009 (message too big). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden' } as const;

let clientCounter = 0;

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { bridge, log } = options;
  const http = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ simulate: bridge.simulate, devices: bridge.devices() }));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  http.on('clientError', (error, socket) => {
    log('debug', `bad HTTP request: ${error.message}`);
    socket.destroy();
  });

  http.on('upgrade', (request: IncomingMessage, socket, head) => {
    // A client that resets the connection mid-handshake must not raise an unhandled error.
    socket.on('error', () => socket.destroy());
    const port = (http.address() as AddressInfo).port;
    const { origin, host, authorization } = request.headers;
    const access = decideAccess({ origin, host, authorization }, { port, allowedOrigins: options.allowedOrigins, toolToken: options.toolToken });
    if (!access.allowed) {
      log('warn', `refused a WebSocket from origin ${origin ?? '(none)'} host ${host ?? '(none)'}: ${access.reason}`);
      socket.end(`HTTP/1.1 ${access.status} ${STATUS_TEXT[access.status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${access.reason}\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket) => {
    const clientId = `c${++clientCounter}`;
    const send = (message: BridgeMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    send({ type: 'hello', simulate: bridge.simulate, devices: bridge.devices() });
    const unsubscribe = bridge.onMessage(send);
    // A frame over the limit or text that is not UTF-8: ws has already closed this connection (1009 / 1007); without
    // this listener the error would be thrown and end the whole bridge.
    ws.on('error', (error) => log('warn', `closed page connection ${clientId}: ${error.message}`));

    ws.on('message', async (data, isBinary) => {
      let raw: unknown;
      try {
        raw = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        send({ type: 'error', requestId: null, code: 'invalid_message', message: '消息不是有效的 JSON' });
        return;
      }
      const parsed = PageMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const requestId = typeof (raw as { requestId?: unknown })?.requestId === 'string' ? ((raw as { requestId: string }).requestId.slice(0, 64) || null) : null;
        const issue = parsed.error.issues[0];
        send({ type: 'error', requestId, code: 'invalid_message', message: `消息格式不正确：${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`.trim() });
        return;
      }
      try {
        for (const reply of await bridge.handle(parsed.data, clientId)) send(reply);
      } catch (error) {
        log('error', `command ${parsed.data.type} failed: ${(error as Error).message}`);
        send({ type: 'error', requestId: parsed.data.requestId, code: 'internal', message: '设备服务内部错误，请联系工作人员' });
      }
    });
    ws.on('close', () => {
      unsubscribe();
      bridge.clientGone(clientId);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? '127.0.0.1', () => {
      http.off('error', reject);
      http.on('error', (error) => log('error', `bridge server error: ${error.message}`));
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  log('info', `bridge listening on ws://127.0.0.1:${port}/`);
  return {
    port,
    url: `ws://127.0.0.1:${port}/`,
    dropClients: () => {
      for (const client of wss.clients) client.terminate();
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
