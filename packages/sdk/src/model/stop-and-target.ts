import type { z } from 'zod';

/**
 * Adds an issue when a stop or target sits on the wrong side of the price for the position's
 * direction (+1 long, -1 short, 0 flat); a sizer risking "to the stop" would divide by a
 * negative distance otherwise.
 */
export function checkStopAndTarget(
  side: number,
  level: { price: number; stop?: number | undefined; target?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const { price, stop, target } = level;
  if (side > 0) {
    if (stop !== undefined && stop >= price) {
      ctx.addIssue({
        code: 'custom',
        path: ['stop'],
        message: `a long's stop must be below the price ${price}`,
      });
    }
    if (target !== undefined && target <= price) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: `a long's target must be above the price ${price}`,
      });
    }
  } else if (side < 0) {
    if (stop !== undefined && stop <= price) {
      ctx.addIssue({
        code: 'custom',
        path: ['stop'],
        message: `a short's stop must be above the price ${price}`,
      });
    }
    if (target !== undefined && target >= price) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: `a short's target must be below the price ${price}`,
      });
    }
  }
}
