/**
 * A lean keep-alive HTTP/1.1 JSON client for the load drivers. node:http's client costs more CPU
 * per request than the Fastify server it measures, so on a 2-core machine it, not the server,
 * would set the ceiling; this writes requests on raw sockets and parses only the status line,
 * Content-Length and Set-Cookie. One socket per virtual user, one request in flight per socket.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export type Reply = { status: number; body: string; setCookies: string[]; ms: number };

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void; t0: number };

export type Connection = {
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply>;
  close(): void;
};

export function connect(baseUrl: string): Connection {
  const url = new URL(baseUrl);
  const hostHeader = url.host;
  let socket: net.Socket | null = null;
  let buffer: Buffer = Buffer.alloc(0);
  let pending: Pending | null = null;

  function open(): net.Socket {
    const s = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    s.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      drain();
    });
    const fail = (error: Error) => {
      socket = null;
      buffer = Buffer.alloc(0);
      const p = pending;
      pending = null;
      p?.reject(error);
    };
    s.on('error', fail);
    s.on('close', () => fail(new Error('connection closed')));
    return s;
  }

  function drain(): void {
    if (!pending) return;
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = buffer.subarray(0, headerEnd).toString('latin1');
    const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const length = lengthMatch ? Number(lengthMatch[1]) : 0;
    const total = headerEnd + 4 + length;
    if (buffer.length < total) return;
    const body = buffer.subarray(headerEnd + 4, total).toString('utf8');
    buffer = buffer.subarray(total);
    const setCookies = [...head.matchAll(/\r\nset-cookie:\s*([^\r\n]+)/gi)].map((m) => m[1]!);
    const p = pending;
    pending = null;
    p.resolve({
      status: Number(head.slice(9, 12)),
      body,
      setCookies,
      ms: performance.now() - p.t0,
    });
  }

  return {
    request(method, path, body, headers = {}) {
      if (pending) return Promise.reject(new Error('one request at a time per connection'));
      socket ??= open();
      const payload = body === undefined ? '' : JSON.stringify(body);
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${hostHeader}\r\n`;
      if (body !== undefined) {
        head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
      }
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
      return new Promise<Reply>((resolve, reject) => {
        pending = { resolve, reject, t0: performance.now() };
        socket!.write(head + '\r\n' + payload);
      });
    },
    close() {
      socket?.destroy();
      socket = null;
    },
  };
}
