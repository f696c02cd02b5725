import { z } from 'zod';

/** Exchanges (and their derivative segments) Pravah trades on. */
export const EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS', 'BCD'] as const;
/** An exchange segment code as brokers use it: `NSE` cash, `NFO` NSE F&O, `BFO` BSE F&O, ... */
export type Exchange = (typeof EXCHANGES)[number];
/** Zod schema of an {@link Exchange}. */
export const ExchangeSchema = z.enum(EXCHANGES);

/** Instrument types: equity, future, call, put, index (not tradable). */
export const INSTRUMENT_TYPES = ['EQ', 'FUT', 'CE', 'PE', 'IDX'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];
/** Zod schema of an {@link InstrumentType}. */
export const InstrumentTypeSchema = z.enum(INSTRUMENT_TYPES);

/** Order side. */
export const SIDES = ['BUY', 'SELL'] as const;
export type Side = (typeof SIDES)[number];
/** Zod schema of a {@link Side}. */
export const SideSchema = z.enum(SIDES);

/** Product: intraday (MIS), delivery (CNC), carry-forward derivatives (NRML). */
export const PRODUCTS = ['MIS', 'CNC', 'NRML'] as const;
export type Product = (typeof PRODUCTS)[number];
/** Zod schema of a {@link Product}. */
export const ProductSchema = z.enum(PRODUCTS);

/** Order types accepted by Indian brokers. */
export const ORDER_TYPES = ['MARKET', 'LIMIT', 'SL', 'SL-M'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
/** Zod schema of an {@link OrderType}. */
export const OrderTypeSchema = z.enum(ORDER_TYPES);

/** Order validity. */
export const VALIDITIES = ['DAY', 'IOC'] as const;
export type Validity = (typeof VALIDITIES)[number];
/** Zod schema of a {@link Validity}. */
export const ValiditySchema = z.enum(VALIDITIES);
