/** SplitMix32 step: scrambles a 32-bit value; used to seed and to derive sub-seeds. */
function splitMix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Derives an independent 32-bit seed from a seed and a label (FNV-1a over the label, mixed
 * with SplitMix32), so each instrument gets its own stream and adding one leaves the others'
 * paths unchanged.
 *
 * @example
 * ```ts
 * const a = new SeededRandom(deriveSeed(42, 'NSE:SYNBANK'));
 * ```
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  }
  return splitMix32((hash ^ splitMix32(seed >>> 0)) >>> 0);
}

const TWO_POW_32 = 4_294_967_296;

/**
 * A small, fast, seedable PRNG: xoshiro128** (Blackman & Vigna) seeded through SplitMix32,
 * with uniform and standard-normal draws (Marsaglia polar method). Same seed, same sequence,
 * on every platform: only 32-bit integer arithmetic and IEEE doubles are used.
 *
 * @example
 * ```ts
 * const rng = new SeededRandom(42);
 * rng.uniform(); // in [0, 1)
 * rng.normal();  // standard normal
 * ```
 */
export class SeededRandom {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  #spare = 0;
  #hasSpare = false;

  constructor(seed: number) {
    let x = seed >>> 0;
    this.#s0 = x = splitMix32(x);
    this.#s1 = x = splitMix32(x);
    this.#s2 = x = splitMix32(x);
    this.#s3 = splitMix32(x);
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) this.#s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.#s1;
    const rotated = Math.imul(s1, 5);
    const result = Math.imul((rotated << 7) | (rotated >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = (this.#s3 << 11) | (this.#s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return (this.nextUint32() + 1) / TWO_POW_32;
  }

  /** Standard normal (mean 0, variance 1). */
  normal(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * factor;
    this.#hasSpare = true;
    return u * factor;
  }
}
