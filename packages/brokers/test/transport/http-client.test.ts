import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/errors/index.js';
import { HttpClient } from '../../src/transport/index.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 2_000).unref();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'x-echo': req.method ?? '' });
      res.end(`${req.method} ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('HttpClient', () => {
  it('returns status, headers and body; HTTP errors are returned, not thrown', async () => {
    const http = new HttpClient('kite', 5_000);
    const ok = await http.send({ method: 'POST', url: `${base}/echo`, body: 'a=1' });
    expect(ok).toMatchObject({ status: 200, body: 'POST a=1' });
    expect(ok.headers.get('x-echo')).toBe('POST');
    const missing = await http.send({ method: 'GET', url: `${base}/missing` });
    expect(missing.status).toBe(404);
  });

  it('turns a timeout into a NetworkError that says the outcome is unknown', async () => {
    const http = new HttpClient('upstox', 5_000);
    const error = await http
      .send({ method: 'GET', url: `${base}/slow`, timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).broker).toBe('upstox');
    expect((error as NetworkError).message).toMatch(/timed out after 100 ms.*look it up by tag/);
  });

  it('turns a refused connection into a NetworkError', async () => {
    const http = new HttpClient('smartapi', 2_000);
    const error = await http
      .send({ method: 'GET', url: 'http://127.0.0.1:1/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('BROKER_NETWORK');
  });
});
