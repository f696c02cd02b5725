import type { Indicator, OhlcvInput } from '../../src/index.js';

/** Test indicator: always `level` (ready at once), so the other series alone decides crosses. */
export class Level implements Indicator<number, number> {
  constructor(private readonly level: number) {}
  value: number | undefined;
  get isReady(): boolean {
    return this.value !== undefined;
  }
  update(): number {
    return (this.value = this.level);
  }
  reset(): void {
    this.value = undefined;
  }
}

/** Test indicator: passes its input through after `warmup` inputs (undefined before). */
export class Delayed implements Indicator<number, number> {
  private seen = 0;
  value: number | undefined;
  constructor(private readonly warmup: number) {}
  get isReady(): boolean {
    return this.value !== undefined;
  }
  update(input: number): number | undefined {
    this.seen += 1;
    if (this.seen <= this.warmup) return undefined;
    return (this.value = input);
  }
  reset(): void {
    this.seen = 0;
    this.value = undefined;
  }
}

/** Test ATR: a fixed value, ready after `warmup` bars (undefined before). */
export class FixedAtr implements Indicator<OhlcvInput, number> {
  private seen = 0;
  value: number | undefined;
  constructor(
    private readonly atr: number,
    private readonly warmup = 0,
  ) {}
  get isReady(): boolean {
    return this.value !== undefined;
  }
  update(): number | undefined {
    this.seen += 1;
    if (this.seen <= this.warmup) return undefined;
    return (this.value = this.atr);
  }
  reset(): void {
    this.seen = 0;
    this.value = undefined;
  }
}
