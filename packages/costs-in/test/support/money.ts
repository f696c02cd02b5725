import type { Charges } from '@pravah/sdk';

/** Charges as strings to the paisa (`toFixed(2)`), for readable equality assertions. */
export function paise(c: Charges): Record<keyof Charges, string> {
  return {
    brokerage: c.brokerage.toFixed(2),
    stt: c.stt.toFixed(2),
    exchangeTxn: c.exchangeTxn.toFixed(2),
    ipft: c.ipft.toFixed(2),
    sebi: c.sebi.toFixed(2),
    stampDuty: c.stampDuty.toFixed(2),
    gst: c.gst.toFixed(2),
    total: c.total.toFixed(2),
  };
}

/** Charges as exact decimal strings. */
export function exactly(c: Charges): Record<keyof Charges, string> {
  return {
    brokerage: c.brokerage.toFixed(),
    stt: c.stt.toFixed(),
    exchangeTxn: c.exchangeTxn.toFixed(),
    ipft: c.ipft.toFixed(),
    sebi: c.sebi.toFixed(),
    stampDuty: c.stampDuty.toFixed(),
    gst: c.gst.toFixed(),
    total: c.total.toFixed(),
  };
}
