import { PravahError } from '../errors/pravah-error.js';

/** Short rendering of whatever a stage threw, for the error message. */
function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  try {
    return String(cause);
  } catch {
    return Object.prototype.toString.call(cause);
  }
}

/**
 * A stage of a strategy graph threw (or emitted an error) while handling an event, or the
 * sink receiving the graph's output threw. `stage` names where: `signal`, `sizer`,
 * `execution`, `guards[i]` or `sink`; `cause` is the original error. The graph stops at the
 * first failure: fix the stage and start a new run.
 *
 * @example
 * ```ts
 * try { graph.push(bar) }
 * catch (e) { if (e instanceof StageError) console.error(e.stage, e.cause) }
 * ```
 */
export class StageError extends PravahError {
  /** Where the failure happened: `signal`, `sizer`, `execution`, `guards[i]` or `sink`. */
  readonly stage: string;
  /** Name of the strategy whose graph failed. */
  readonly strategy: string;

  constructor(stage: string, strategy: string, cause: unknown) {
    super(
      'STAGE_FAILED',
      `Stage ${stage} of strategy "${strategy}" failed: ${describeCause(cause)}. ` +
        'The graph has stopped; fix the stage (see cause) and start a new run.',
      { cause },
    );
    this.stage = stage;
    this.strategy = strategy;
  }
}

/**
 * An event was pushed into a strategy graph that has completed, failed or been disposed.
 * `cause` is the StageError that stopped it, when one did.
 *
 * @example
 * ```ts
 * graph.complete();
 * graph.push(bar); // throws GraphClosedError
 * ```
 */
export class GraphClosedError extends PravahError {
  /** Why the graph no longer accepts events. */
  readonly state: 'completed' | 'failed' | 'disposed';
  readonly strategy: string;

  constructor(strategy: string, state: 'completed' | 'failed' | 'disposed', cause?: unknown) {
    super(
      'GRAPH_CLOSED',
      `The graph of strategy "${strategy}" is ${state} and accepts no more events: create a new graph for a new run.`,
      cause === undefined ? undefined : { cause },
    );
    this.state = state;
    this.strategy = strategy;
  }
}
