import type { InstrumentId, Product, Side } from '@pravah/sdk';

/** One execution in the fake exchange. */
export interface FakeTrade {
  readonly tradeId: string;
  readonly orderId: string;
  readonly exchangeOrderId: string;
  readonly instrument: InstrumentId;
  readonly side: Side;
  readonly product: Product;
  readonly quantity: number;
  readonly price: number;
  /** Epoch ms. */
  readonly time: number;
}

/** Net position per instrument and product; everything in the fake is "today". */
export interface FakePosition {
  readonly instrument: InstrumentId;
  readonly product: Product;
  /** Signed: > 0 long, < 0 short. */
  readonly quantity: number;
  /** Average price of the open quantity; 0 when flat. */
  readonly averagePrice: number;
  readonly buyQuantity: number;
  readonly buyValue: number;
  readonly sellQuantity: number;
  readonly sellValue: number;
  /** Realised P&L of closed quantity, in rupees. */
  readonly realised: number;
  readonly lastPrice: number;
}
