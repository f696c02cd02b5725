/** Why the fake exchange refused an operation; each fake maps it to its broker's error envelope. */
export type FakeOrderErrorCode = 'NOT_FOUND' | 'NOT_OPEN' | 'INVALID';

/**
 * Raised by {@link FakeOrderBook} for an unknown order, an order that is no longer open, or an
 * invalid request.
 *
 * @example
 * ```ts
 * try { book.cancel('nope'); } catch (e) { if (e instanceof FakeOrderError) e.code; // 'NOT_FOUND' }
 * ```
 */
export class FakeOrderError extends Error {
  constructor(
    readonly code: FakeOrderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FakeOrderError';
  }
}
