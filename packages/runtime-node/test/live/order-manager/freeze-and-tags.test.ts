import { CLIENT_TAG_PATTERN } from '@pravah/brokers';
import { PravahError } from '@pravah/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brokerRateLimiters,
  classifyPlacementError,
  clientTag,
  freezeSlices,
  runKey,
  tagSequence,
} from '../../../src/live/order-manager/index.js';
import {
  BrokerUnavailableError,
  NetworkError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '@pravah/brokers';

describe('freezeSlices', () => {
  it('splits NIFTY 4050 (lot 75, freeze 1800) into 1800, 1800, 450', () => {
    expect(freezeSlices(4050, 75, 1800)).toEqual([1800, 1800, 450]);
    expect(freezeSlices(100, 1, undefined)).toEqual([100]);
    expect(freezeSlices(1800, 75, 1800)).toEqual([1800]);
  });

  it('rejects a freeze quantity below one lot and a bad quantity with typed errors', () => {
    expect(() => freezeSlices(150, 75, 50)).toThrow(PravahError);
    expect(() => freezeSlices(0, 75, 1800)).toThrow(/positive integer/);
  });

  it('slices sum to the quantity, each within the freeze and lot-aligned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 40 }),
        (lot, lots, freezeLots) => {
          const slices = freezeSlices(lot * lots, lot, lot * freezeLots);
          expect(slices.reduce((a, b) => a + b, 0)).toBe(lot * lots);
          for (const s of slices) {
            expect(s).toBeLessThanOrEqual(lot * freezeLots);
            expect(s % lot).toBe(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('client tags', () => {
  it('are deterministic, alphanumeric, at most 20 characters, and decode back to the sequence', () => {
    const key = runKey('sma-crossover-2026-11-20');
    expect(runKey('sma-crossover-2026-11-20')).toBe(key);
    expect(runKey('sma-crossover-2026-11-21')).not.toBe(key);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 1000 }),
        (id, seq, slice) => {
          const k = runKey(id);
          const tag = clientTag(k, seq, slice);
          expect(tag).toMatch(CLIENT_TAG_PATTERN);
          expect(tagSequence(k, tag)).toBe(seq);
        },
      ),
      { numRuns: 200 },
    );
    expect(clientTag('Pabc', 37, 1)).toBe('Pabc11x1');
    expect(() => runKey('')).toThrow(PravahError);
  });
});

describe('classifyPlacementError', () => {
  const details = { broker: 'kite' } as const;
  it('treats only explicit refusals as not placed', () => {
    expect(classifyPlacementError(new NetworkError('timeout', details)).kind).toBe('unknown');
    expect(
      classifyPlacementError(new BrokerUnavailableError('502', { ...details, httpStatus: 502 }))
        .kind,
    ).toBe('unknown');
    expect(classifyPlacementError(new Error('bug')).kind).toBe('unknown');
    expect(classifyPlacementError(new RateLimitedError('429', 700, details))).toEqual({
      kind: 'throttled',
      retryAfterMs: 700,
    });
    expect(classifyPlacementError(new OrderRejectedError('rms', details)).kind).toBe('rejected');
    expect(classifyPlacementError(new TokenExpiredError('gone', details)).kind).toBe('auth');
  });
});

describe('brokerRateLimiters', () => {
  it('uses each broker published order and query limits', () => {
    expect(brokerRateLimiters('kite').orders.limit).toBe(10);
    expect(brokerRateLimiters('smartapi').orders.limit).toBe(20);
    expect(brokerRateLimiters('smartapi').queries.limit).toBe(1);
    expect(brokerRateLimiters('upstox').queries.limit).toBe(50);
    expect(brokerRateLimiters('kite').orders.windowMs).toBe(1000);
  });
});
