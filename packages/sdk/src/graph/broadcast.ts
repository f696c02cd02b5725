import { Observable, type Subscriber } from 'rxjs';

/**
 * A hot, synchronous, multicast source: what an rxjs Subject is for the graph, minus the cost.
 * `next` is a plain loop over the current subscribers (Subject.next allocates a closure and, in
 * rxjs' CommonJS build, an iterator per call). Subscribing or unsubscribing while a value is
 * being delivered replaces the array, so the delivery in progress is not disturbed. Late
 * subscribers after `complete()` complete at once, as with a Subject.
 */
export class Broadcast<T> {
  private subscribers: readonly Subscriber<T>[] = [];
  private completed = false;

  /** The observable side, handed to stages. */
  readonly observable: Observable<T> = new Observable<T>((subscriber) => {
    if (this.completed) {
      subscriber.complete();
      return undefined;
    }
    this.subscribers = [...this.subscribers, subscriber];
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  });

  next(value: T): void {
    for (const subscriber of this.subscribers) subscriber.next(value);
  }

  complete(): void {
    if (this.completed) return;
    this.completed = true;
    const subscribers = this.subscribers;
    this.subscribers = [];
    for (const subscriber of subscribers) subscriber.complete();
  }
}
