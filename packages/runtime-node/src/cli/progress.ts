/**
 * A progress line on stderr for long runs: shown only after the first second and only on a TTY
 * (or when forced), redrawn at most ten times a second, with throughput in events/s.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = stream.isTTY === true,
  ) {}

  update(done: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.started < 1000 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    const rate = done / ((now - this.started) / 1000);
    const width = 30;
    const fraction = this.total ? Math.min(1, done / this.total) : 0;
    const bar = this.total
      ? `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0)}% `
      : '';
    this.stream.write(
      `\r${bar}${done.toLocaleString('en-IN')} bars · ${Math.round(rate).toLocaleString('en-IN')} bars/s `,
    );
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
  }
}
