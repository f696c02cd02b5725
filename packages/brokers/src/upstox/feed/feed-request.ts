/** Feed mode names of the subscription request. */
export type UpstoxSubscribeMode = 'ltpc' | 'full' | 'option_greeks' | 'full_d30';

/** Method of a feed request; mode changes go as `change_mode` (UPY), the fake also takes `sub`. */
export type UpstoxFeedMethod = 'sub' | 'unsub' | 'change_mode';

let sequence = 0;

/**
 * A feed request as the server expects it: UTF-8 JSON sent as a BINARY frame
 * (`{"guid","method","data":{"mode","instrumentKeys"}}`, no mode on `unsub`).
 *
 * @example
 * ```ts
 * socket.send(upstoxFeedRequest('sub', ['NSE_EQ|INE002A01018'], 'full'));
 * ```
 */
export function upstoxFeedRequest(
  method: UpstoxFeedMethod,
  instrumentKeys: readonly string[],
  mode?: UpstoxSubscribeMode,
): Uint8Array {
  sequence += 1;
  const data =
    method === 'unsub' || mode === undefined ? { instrumentKeys } : { mode, instrumentKeys };
  const guid = `pv${Date.now().toString(36)}${sequence.toString(36)}`;
  return new TextEncoder().encode(JSON.stringify({ guid, method, data }));
}
