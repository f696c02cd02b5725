import { take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Broadcast } from '../../src/graph/broadcast.js';

describe('Broadcast (the graph-owned hot sources)', () => {
  it('delivers each value to every current subscriber, in subscription order', () => {
    const source = new Broadcast<number>();
    const log: string[] = [];
    source.next(0); // nobody listening: lost, as with a Subject
    source.observable.subscribe((v) => log.push(`a${v}`));
    source.observable.subscribe((v) => log.push(`b${v}`));
    source.next(1);
    source.next(2);
    expect(log).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('stops delivering to a subscriber once it unsubscribes, even mid-delivery', () => {
    const source = new Broadcast<number>();
    const log: string[] = [];
    source.observable.pipe(take(1)).subscribe((v) => log.push(`once${v}`));
    source.observable.subscribe((v) => log.push(`all${v}`));
    source.next(1);
    source.next(2);
    expect(log).toEqual(['once1', 'all1', 'all2']);
  });

  it('does not hand the value being delivered to a subscriber added during delivery', () => {
    const source = new Broadcast<number>();
    const log: string[] = [];
    source.observable.subscribe((v) => {
      log.push(`outer${v}`);
      if (v === 1) source.observable.subscribe((w) => log.push(`inner${w}`));
    });
    source.next(1);
    source.next(2);
    expect(log).toEqual(['outer1', 'outer2', 'inner2']);
  });

  it('completes current subscribers once, and late subscribers at once', () => {
    const source = new Broadcast<number>();
    const log: string[] = [];
    source.observable.subscribe({ complete: () => log.push('early complete') });
    source.complete();
    source.complete();
    source.next(1);
    source.observable.subscribe({
      next: () => log.push('late next'),
      complete: () => log.push('late complete'),
    });
    expect(log).toEqual(['early complete', 'late complete']);
  });
});
