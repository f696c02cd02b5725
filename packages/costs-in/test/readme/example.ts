import {
  breakEven,
  charges,
  contractNote,
  perContractNoteRounding,
  zerodha,
} from '@pravah/costs-in';

const plan = zerodha();

// One order, priced like Kite's virtual contract note (the default rounding).
const buy = charges(
  {
    exchange: 'NSE',
    instrumentType: 'EQ',
    product: 'CNC',
    side: 'BUY',
    quantity: 100,
    price: 1000,
    tradeDate: '2026-06-15',
  },
  { plan },
);
console.log(`delivery buy: STT ${buy.stt.toFixed(2)}, total ${buy.total.toFixed(2)}`);

// One day's contract note: CTT to the rupee per note, stamp duty to the paisa.
const note = contractNote(
  [
    {
      exchange: 'MCX',
      instrumentType: 'CE',
      product: 'NRML',
      side: 'BUY',
      quantity: 20,
      price: 491.45,
      tradeDate: '2025-06-18',
      symbol: 'CRUDEOILM25JUL6300CE',
    },
    {
      exchange: 'MCX',
      instrumentType: 'CE',
      product: 'NRML',
      side: 'SELL',
      quantity: 20,
      price: 475.6,
      tradeDate: '2025-06-18',
      symbol: 'CRUDEOILM25JUL6300CE',
    },
  ],
  { plan, rounding: perContractNoteRounding },
);
console.log(
  `MCX note: CTT ${note.charges.stt.toFixed(2)}, charges ${note.charges.total.toFixed(2)}, ` +
    `net ${note.netObligation.toFixed(2)}`,
);

// Points a NIFTY option must move to pay for its round trip.
const be = breakEven(
  {
    exchange: 'NFO',
    instrumentType: 'CE',
    product: 'NRML',
    side: 'BUY',
    quantity: 65,
    price: 120,
    tradeDate: '2026-06-15',
  },
  { plan },
);
console.log(`NIFTY CE break-even: ${be.points.toFixed(2)} points`);
