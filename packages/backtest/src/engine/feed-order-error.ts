import { PravahError } from '@pravah/sdk';

/** The feed delivered an event known earlier than one already processed: look-ahead risk, so the run stops. */
export class FeedOrderError extends PravahError {
  constructor(
    readonly instrument: string,
    readonly time: number,
    readonly previousTime: number,
  ) {
    super(
      'FEED_ORDER',
      `Feed out of order: an event of ${instrument} is known at ${new Date(time).toISOString()}, before the previous event at ${new Date(previousTime).toISOString()}; merge feeds with mergeIterablesByTime or sort the data`,
    );
  }
}
