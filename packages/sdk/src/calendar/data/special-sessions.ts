import type { CalendarData } from '../calendar-data.js';
import * as S from './sources.js';

type Specials = CalendarData['specialSessions'];
type Schedule = Specials[number]['schedule'];

// The 2024 disaster-recovery drills: two sittings, the second from the DR site.
const DR_DRILL_CASH: Schedule = {
  type: 'fixed',
  preOpen: { start: '09:00', end: '09:15' },
  continuous: [
    { start: '09:15', end: '10:00' },
    { start: '11:30', end: '12:30' },
  ],
  closingSession: { start: '12:40', end: '12:50' },
};
const DR_DRILL_FNO: Schedule = {
  type: 'fixed',
  continuous: [
    { start: '09:15', end: '10:00' },
    { start: '11:30', end: '12:30' },
  ],
};

const MCX_EVENING_ONLY: [string, string][] = [
  ['2026-01-15', 'Maharashtra municipal elections (evening session only)'],
  ['2026-03-03', 'Holi (evening session only)'],
  ['2026-03-26', 'Shri Ram Navami (evening session only)'],
  ['2026-03-31', 'Shri Mahavir Jayanti (evening session only)'],
  ['2026-04-14', 'Dr. Baba Saheb Ambedkar Jayanti (evening session only)'],
  ['2026-05-01', 'Maharashtra Day (evening session only)'],
  ['2026-05-28', 'Bakri Id (evening session only)'],
  ['2026-06-26', 'Muharram (evening session only)'],
  ['2026-09-14', 'Ganesh Chaturthi (evening session only)'],
  ['2026-10-20', 'Dussehra (evening session only)'],
  ['2026-11-10', 'Diwali Balipratipada (evening session only)'],
  ['2026-11-24', 'Prakash Gurpurb Sri Guru Nanak Dev (evening session only)'],
];

/**
 * Sessions that differ from the regular schedule: muhurat trading, Saturday/Sunday sessions
 * and MCX partial days. A special session replaces the regular one (and overrides a holiday or
 * weekend) for the listed segments.
 */
export const SPECIAL_SESSIONS: Specials = [
  {
    date: '2024-01-20',
    name: 'Saturday session at regular hours (2024-01-22 made a holiday)',
    kind: 'special',
    segments: ['cash', 'fno'],
    schedule: { type: 'regular' },
    source: S.NSE_2024_01_20,
  },
  {
    date: '2024-03-02',
    name: 'Special live session with switch-over to the DR site',
    kind: 'special',
    segments: ['cash'],
    schedule: DR_DRILL_CASH,
    source: S.NSE_2024_DR_SESSIONS,
  },
  {
    date: '2024-03-02',
    name: 'Special live session with switch-over to the DR site',
    kind: 'special',
    segments: ['fno'],
    schedule: DR_DRILL_FNO,
    source: S.NSE_2024_DR_SESSIONS,
  },
  {
    date: '2024-05-18',
    name: 'Special live session with switch-over to the DR site',
    kind: 'special',
    segments: ['cash'],
    schedule: DR_DRILL_CASH,
    source: S.NSE_2024_DR_SESSIONS,
  },
  {
    date: '2024-05-18',
    name: 'Special live session with switch-over to the DR site',
    kind: 'special',
    segments: ['fno'],
    schedule: DR_DRILL_FNO,
    source: S.NSE_2024_DR_SESSIONS,
  },
  {
    date: '2024-11-01',
    name: 'Muhurat trading (Diwali Laxmi Pujan, Samvat 2081)',
    kind: 'muhurat',
    segments: ['cash'],
    schedule: {
      type: 'fixed',
      preOpen: { start: '17:45', end: '18:00' },
      continuous: [{ start: '18:00', end: '19:00' }],
    },
    source: S.NSE_2024_MUHURAT,
  },
  {
    date: '2024-11-01',
    name: 'Muhurat trading (Diwali Laxmi Pujan, Samvat 2081)',
    kind: 'muhurat',
    segments: ['fno'],
    schedule: { type: 'fixed', continuous: [{ start: '18:00', end: '19:00' }] },
    source: S.NSE_2024_MUHURAT,
  },
  {
    date: '2025-02-01',
    name: 'Union Budget (Saturday session at regular hours)',
    kind: 'special',
    segments: ['cash', 'fno'],
    schedule: { type: 'regular' },
    source: S.NSE_2025_BUDGET,
  },
  {
    date: '2025-10-21',
    name: 'Muhurat trading (Diwali Laxmi Pujan, Samvat 2082)',
    kind: 'muhurat',
    segments: ['cash'],
    schedule: {
      type: 'fixed',
      preOpen: { start: '13:30', end: '13:45' },
      continuous: [{ start: '13:45', end: '14:45' }],
    },
    source: S.COSTS_4_1_MUHURAT_2025,
  },
  {
    // The F&O pre-open only started on 2025-12-08.
    date: '2025-10-21',
    name: 'Muhurat trading (Diwali Laxmi Pujan, Samvat 2082)',
    kind: 'muhurat',
    segments: ['fno'],
    schedule: { type: 'fixed', continuous: [{ start: '13:45', end: '14:45' }] },
    source: S.COSTS_4_1_MUHURAT_2025,
  },
  {
    date: '2026-01-01',
    name: 'New Year (morning session only)',
    kind: 'special',
    segments: ['commodity'],
    schedule: { type: 'regular', close: '17:00' },
    source: S.MCX_2026_HOLIDAYS,
  },
  {
    date: '2026-02-01',
    name: 'Union Budget (Sunday session at regular hours)',
    kind: 'special',
    segments: ['cash', 'fno'],
    schedule: { type: 'regular' },
    source: S.NSE_2026_BUDGET,
  },
  {
    date: '2026-02-01',
    name: 'Union Budget (Sunday session)',
    kind: 'special',
    segments: ['commodity'],
    schedule: { type: 'fixed', continuous: [{ start: '09:00', end: '17:00' }] },
    source: S.MCX_2026_BUDGET,
  },
  ...MCX_EVENING_ONLY.map(([date, name]) => ({
    date,
    name,
    kind: 'special' as const,
    segments: ['commodity' as const],
    schedule: { type: 'regular' as const, open: '17:00' },
    source: S.MCX_2026_HOLIDAYS,
  })),
  {
    date: '2026-11-08',
    name: 'Muhurat trading (Diwali Laxmi Pujan, Sunday)',
    kind: 'muhurat',
    segments: ['cash', 'fno', 'commodity'],
    schedule: { type: 'to-be-notified' },
    source: 'COSTS.md §4.1: "2026-11-08 (Sunday): timings to be notified" ✅',
  },
];
