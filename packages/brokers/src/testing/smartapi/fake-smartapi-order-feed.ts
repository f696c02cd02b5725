import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * The fake order-update socket: greets with AB00, answers text `ping` with `pong`, and pushes
 * JSON order updates to every connection.
 */
export class FakeSmartApiOrderFeed {
  private readonly clients = new Set<WebSocket>();
  readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly clientCode: string) {}

  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.clients.add(ws);
      ws.on('close', () => this.clients.delete(ws));
      ws.on('error', () => undefined);
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary && data.toString('utf8') === 'ping') ws.send('pong');
      });
      ws.send(this.message('AB00', 'connected', undefined));
    });
  }

  connections(): number {
    return this.clients.size;
  }

  /** Pushes one update (`order-status` code AB01..AB11 with the order in postback form). */
  push(code: string, orderData: Record<string, unknown>): void {
    const text = this.message(code, '', orderData);
    for (const ws of this.clients) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  }

  close(): void {
    for (const ws of this.clients) ws.terminate();
    this.wss.close();
  }

  private message(
    code: string,
    error: string,
    orderData: Record<string, unknown> | undefined,
  ): string {
    return JSON.stringify({
      'user-id': this.clientCode,
      'status-code': '200',
      'order-status': code,
      'error-message': error,
      ...(orderData === undefined ? {} : { orderData }),
    });
  }
}
