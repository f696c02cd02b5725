import { BrokerUnavailableError, NetworkError } from '../errors/broker-errors.js';
import type { BrokerName } from '../errors/broker-error.js';

/** What a REST call returned: status, headers and the body as text (parsed by the adapter). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** One REST request. `body` is sent as given (adapters encode form or JSON bodies themselves). */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Defaults to the client's timeout. */
  readonly timeoutMs?: number;
}

/**
 * Thin `fetch` wrapper shared by the adapters: a per-request timeout, and transport failures
 * turned into {@link NetworkError} (outcome unknown) so that no raw `TypeError: fetch failed`
 * escapes an adapter. HTTP statuses are returned, not thrown: each adapter maps its own error
 * envelope.
 *
 * @example
 * ```ts
 * const http = new HttpClient('kite', 7000);
 * const res = await http.send({ method: 'GET', url: 'http://127.0.0.1:8080/user/margins' });
 * ```
 */
export class HttpClient {
  constructor(
    readonly broker: BrokerName,
    readonly timeoutMs: number,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const init: RequestInit = { method: request.method, signal: controller.signal };
      if (request.headers !== undefined) init.headers = request.headers;
      if (request.body !== undefined) init.body = request.body;
      const response = await this.fetchImpl(request.url, init);
      const body = await response.text();
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      const what = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : 'failed';
      throw new NetworkError(
        `${this.broker} ${request.method} ${pathOf(request.url)} ${what}: the outcome is unknown; for an order, look it up by tag before retrying`,
        { broker: this.broker, cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Maps a 5xx status to the shared error; adapters call it after their own envelope mapping. */
export function unavailable(
  broker: BrokerName,
  status: number,
  brokerMessage?: string,
): BrokerUnavailableError {
  return new BrokerUnavailableError(
    `${broker} answered HTTP ${status}${brokerMessage ? `: ${brokerMessage}` : ''}; retry later (reconcile orders by tag first)`,
    { broker, httpStatus: status, ...(brokerMessage === undefined ? {} : { brokerMessage }) },
  );
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
