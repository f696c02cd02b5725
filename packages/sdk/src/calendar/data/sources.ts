// Sources cited by the calendar data. Most facts come from ../shared/reference/COSTS.md §4,
// which carries its own sources and confidence marks (✅ confirmed, 🟡 secondary, ❓ unconfirmed);
// the 2024 holiday list and special sessions, MCX US-daylight-saving hours and the pre-2025-09
// expiry weekdays are not in COSTS.md and cite the public pages they were taken from.

export const COSTS_4_1 = 'COSTS.md §4.1 (nseindia.com/market-data/market-timings) ✅';
export const COSTS_4_1_CAS =
  'COSTS.md §4.1: SEBI/HO/47/11/11(3)2025-MRD-POD2/I/2765/2026; NSE/CMTR/74466, NSE/FAOP/74467 ✅';
export const COSTS_4_1_FO_PREOPEN = 'COSTS.md §4.1: NSE/FAOP/71092 (live date 2025-12-08) ✅';
export const COSTS_4_1_CURRENCY = 'COSTS.md §4.1: NSE currency derivatives contract spec ✅';
export const COSTS_4_1_MUHURAT_2025 =
  'COSTS.md §4.1 (deccanherald.com ... muhurat-trading-check-timing-and-schedule-3770780) ✅';
export const COSTS_4_2 =
  'COSTS.md §4.2 (support.zerodha.com ... intraday-auto-square-off-timings; help.upstox.com 248671)';
export const COSTS_4_3_2025 = 'COSTS.md §4.3: NSE/CMTR/65587 of 2024-12-13 ✅';
export const COSTS_4_3_2026 =
  'COSTS.md §4.3: NSE/CMTR/71775, NSE/FAOP/71777 of 2025-12-12 (+2026-01-15 added 2026-01-12) ✅';
export const COSTS_4_4 = 'COSTS.md §4.4 (livemint 11716781390900; zerodha bulletin 380460) ✅';
export const COSTS_4_6 = 'COSTS.md §4.6 (share.market; capitalmarket.com 1590912, 1641596) ✅';
export const COSTS_4_7 =
  'COSTS.md §4.7: NSE quantity freeze circulars (via rhnvrm/stock-market-circulars)';
export const COSTS_4_8 = 'COSTS.md §4.8: SEBI/HO/MRD/TPD-1/P/CIR/2025/76; NSE/FAOP/68589, 68747 ✅';

export const NSE_2024_HOLIDAYS =
  'NSE 2024 holiday list as published (test.5paisa.com/stock-market-holidays; ' +
  'businesstoday.in 409881; ndtvprofit.com stock-market-holidays-2024-full-list) 🟡';
export const NSE_2024_01_22 =
  'NSE notice modifying circular 59917: 2024-01-22 trading holiday (livemint 11705886271107) 🟡';
export const NSE_2024_05_20 =
  'NSE: 2024-05-20 general elections holiday (eastcoastdaily.in 2024/07/17; 5paisa list) 🟡';
export const NSE_2024_11_20 =
  'NSE notice of 2024-11-08: 2024-11-20 Maharashtra elections (livemint 11731059756111) 🟡';
export const NSE_2024_01_20 =
  'NSE circular of 2024-01-19: regular session on Saturday 2024-01-20 (dtnext.in 762261) 🟡';
export const NSE_2024_DR_SESSIONS =
  'NSE special live sessions with DR switch-over (zerodha.com/marketintel/bulletin/377895; ' +
  'bigbreakingwire.in; dsij.in 36473) 🟡';
export const NSE_2024_MUHURAT =
  'NSE muhurat 2024-11-01: pre-open 17:45-18:00, session 18:00-19:00 (ndtvprofit.com ' +
  'is-stock-market-closed-tomorrow-for-diwali-2024) 🟡';
export const NSE_2025_BUDGET =
  'NSE circular: live session Saturday 2025-02-01, regular hours (rediff.com 20241223; ' +
  'business-standard 125013100524) 🟡';
export const NSE_2026_BUDGET =
  'NSE circular: live session Sunday 2026-02-01, regular hours (business-standard 126011601035; ' +
  'deccanherald 3864764) 🟡';
export const MCX_2026_BUDGET = 'MCX 2026-02-01 09:00-17:00 (latestly.com 7296093) 🟡';
export const MCX_2026_HOLIDAYS =
  'kushalBanda/openticker src/openticker/data/holidays.json (cited by COSTS.md §4.3) 🟡';
export const MCX_DST_HOURS =
  'MCX closes 23:30 in US daylight saving, 23:55 otherwise (angelone.in mcx-trade-timings-' +
  'revised-from-11-mar; aliceblueonline.com MCX/TRD/675/2023; moneycontrol 1956381). ' +
  'NB COSTS.md §4.1 states this the wrong way round.';
export const MCX_DST_DERIVED =
  'derived from US DST dates with the same MCX rule (no MCX circular seen) 🟡';
export const NSE_EXPIRY_2024 =
  'NSE expiry days before 2025-01-01: BANKNIFTY weekly Wed (freepressjournal 2023-07-13), ' +
  'monthly last Wed from 2024-03-01 (livemint 11703828806900); FINNIFTY Tue, MIDCPNIFTY Mon, ' +
  'NIFTYNXT50 last Fri (business-standard 124113000110) 🟡';
export const NSE_EXPIRY_2025 =
  'NSE: BANKNIFTY/FINNIFTY/MIDCPNIFTY/NIFTYNXT50 monthlies to last Thursday from 2025-01-01 ' +
  '(business-standard 124113000110) 🟡';
export const WEEKLY_CUT_2024 =
  'SEBI: one weekly index product per exchange from 2024-11-20 (COSTS.md §4.8) ✅';
export const BSE_EXPIRY_2025 =
  'BSE: SENSEX weekly Fri -> Tue, SENSEX/BANKEX/SENSEX 50 monthly -> last Tue from 2025-01-01, ' +
  'the 2025-01-03 weekly kept Friday (business-standard 124112801317; latestly 6554444) 🟡';
export const NIFTY_WEEKLY_LAUNCH = 'NIFTY weekly options listed from 2019-02-11 (NSE) 🟡';
export const NSE_LOTS_APR_2024 =
  'NSE lot revision of 2024-04-26 (zerodha.com/marketintel/bulletin/375282; business-standard ' +
  '124040300684) 🟡';
