/** Exit codes of the `pravah` CLI. */
export const EXIT = Object.freeze({
  /** The run finished and passed `--fail-on`. */
  ok: 0,
  /** The run finished but its grade failed `--fail-on`. */
  gradeFailed: 1,
  /** Usage or input error: bad option, missing file, corrupt data, bad parameters. */
  usage: 2,
  /** A bug in Pravah: please report it with `--debug` output. */
  internal: 3,
});
