/** Compounds daily returns into calendar-month returns (IST dates), in order. */
export function monthlyReturns(
  daily: readonly { date: string; return: number }[],
): { month: string; return: number }[] {
  const out: { month: string; return: number }[] = [];
  for (const d of daily) {
    const month = d.date.slice(0, 7);
    const last = out[out.length - 1];
    if (last && last.month === month) last.return = (1 + last.return) * (1 + d.return) - 1;
    else out.push({ month, return: d.return });
  }
  return out;
}
