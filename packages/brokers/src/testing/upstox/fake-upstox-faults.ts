/** A fault the fake applies to the next request whose path matches. */
export type FakeUpstoxFault =
  /** Answer normally, but only after `ms`. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Answer with this HTTP status and an error envelope (429 → UDAPI10005, 5xx → UDAPI100500). */
  | { readonly kind: 'status'; readonly status: number }
  /** Answer with an arbitrary error envelope. */
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    }
  /** Carry the request out (an order IS placed) but never answer: the client times out. */
  | { readonly kind: 'timeoutAfterAccept' };

interface Armed {
  readonly fault: FakeUpstoxFault;
  readonly path: string | RegExp | undefined;
}

/**
 * Queue of one-shot faults; each is consumed by the first request whose path matches.
 *
 * @example
 * ```ts
 * fake.faults.next({ kind: 'status', status: 503 }, '/v3/order/place');
 * ```
 */
export class FakeUpstoxFaults {
  private readonly armed: Armed[] = [];

  /** Arms a fault for the next request on `path` (any path when omitted). */
  next(fault: FakeUpstoxFault, path?: string | RegExp): void {
    this.armed.push({ fault, path });
  }

  /** Removes every armed fault. */
  clear(): void {
    this.armed.length = 0;
  }

  /** Takes the first fault armed for this path. */
  take(path: string): FakeUpstoxFault | undefined {
    const index = this.armed.findIndex(
      (a) =>
        a.path === undefined || (typeof a.path === 'string' ? a.path === path : a.path.test(path)),
    );
    if (index < 0) return undefined;
    const [armed] = this.armed.splice(index, 1);
    return armed?.fault;
  }
}
