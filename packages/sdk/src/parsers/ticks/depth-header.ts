/** Column roles of a tick file with market depth. */
export const SKIP = 0;
export const SYMBOL = 1;
export const TIME = 2;
export const PRICE = 3;
export const VOLUME = 4;
export const QUANTITY = 5;
export const OI = 6;
/** Depth columns: role = DEPTH + side * 10 + level * 2 + (0 price | 1 quantity), side 0 buy, 1 sell. */
export const DEPTH = 100;
export const LEVELS = 5;

const NAMES: Readonly<Record<string, number>> = Object.freeze({
  symbol: SYMBOL,
  tradingsymbol: SYMBOL,
  instrument: SYMBOL,
  exchange_timestamp: TIME,
  timestamp: TIME,
  time: TIME,
  last_price: PRICE,
  ltp: PRICE,
  volume_traded: VOLUME,
  volume: VOLUME,
  last_traded_quantity: QUANTITY,
  last_quantity: QUANTITY,
  open_interest: OI,
  oi: OI,
});

const DEPTH_NAME = /^(bid|ask)_(price|qty)_([1-5])$/;

/** Roles of a depth-tick header, or the missing required column's name. */
export function readDepthHeader(line: string): { roles: Int16Array; names: string[] } | string {
  const names = line.split(',').map((n) => n.trim().toLowerCase());
  const roles = new Int16Array(names.length);
  names.forEach((name, i) => {
    const depth = DEPTH_NAME.exec(name);
    if (depth) {
      roles[i] =
        DEPTH +
        (depth[1] === 'bid' ? 0 : 10) +
        (Number(depth[3]) - 1) * 2 +
        (depth[2] === 'price' ? 0 : 1);
    } else roles[i] = NAMES[name] ?? SKIP;
  });
  if (!roles.includes(SYMBOL)) return 'symbol';
  if (!roles.includes(TIME)) return 'exchange_timestamp';
  if (!roles.includes(PRICE)) return 'last_price';
  return { roles, names };
}
