// A minimal Parquet writer for tests only (no Parquet writer is a dependency): one row group,
// required columns, PLAIN encoding, no compression. The metadata is Thrift compact protocol as
// in parquet-format's parquet.thrift. hyparquet, the real reader, must read what this writes.

/** A column to write: doubles, UTF-8 text, or epoch-ms timestamps (INT64, TIMESTAMP_MILLIS). */
export type ParquetColumn =
  | { readonly name: string; readonly kind: 'double'; readonly values: readonly number[] }
  | { readonly name: string; readonly kind: 'utf8'; readonly values: readonly string[] }
  | { readonly name: string; readonly kind: 'timestamp-ms'; readonly values: readonly number[] };

class Compact {
  readonly bytes: number[] = [];
  private last: number[] = [0];

  private varint(n: bigint): void {
    let v = n;
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      this.bytes.push(b);
    } while (v > 0n);
  }
  private zigzag(n: bigint): void {
    this.varint(n >= 0n ? n << 1n : (-n << 1n) - 1n);
  }
  private header(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1]!;
    this.bytes.push((delta << 4) | type);
    this.last[this.last.length - 1] = id;
  }
  i32(id: number, v: number): this {
    this.header(id, 5);
    this.zigzag(BigInt(v));
    return this;
  }
  i64(id: number, v: number): this {
    this.header(id, 6);
    this.zigzag(BigInt(v));
    return this;
  }
  string(id: number, s: string): this {
    this.header(id, 8);
    const b = new TextEncoder().encode(s);
    this.varint(BigInt(b.length));
    this.bytes.push(...b);
    return this;
  }
  struct(id: number, body: (c: this) => void): this {
    this.header(id, 12);
    this.last.push(0);
    body(this);
    this.bytes.push(0);
    this.last.pop();
    return this;
  }
  list<T>(
    id: number,
    type: 5 | 8 | 12,
    items: readonly T[],
    write: (c: this, item: T) => void,
  ): this {
    this.header(id, 9);
    if (items.length < 15) this.bytes.push((items.length << 4) | type);
    else {
      this.bytes.push(0xf0 | type);
      this.varint(BigInt(items.length));
    }
    for (const item of items) write(this, item);
    return this;
  }
  /** List elements: an i32, a string, or a struct. */
  elementI32(v: number): void {
    this.zigzag(BigInt(v));
  }
  elementString(s: string): void {
    const b = new TextEncoder().encode(s);
    this.varint(BigInt(b.length));
    this.bytes.push(...b);
  }
  elementStruct(body: (c: this) => void): void {
    this.last.push(0);
    body(this);
    this.bytes.push(0);
    this.last.pop();
  }
  end(): void {
    this.bytes.push(0);
  }
}

function plain(column: ParquetColumn): Uint8Array {
  if (column.kind === 'utf8') {
    const parts = column.values.map((s) => new TextEncoder().encode(s));
    const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
    const view = new DataView(out.buffer);
    let at = 0;
    for (const p of parts) {
      view.setUint32(at, p.length, true);
      out.set(p, at + 4);
      at += 4 + p.length;
    }
    return out;
  }
  const out = new Uint8Array(column.values.length * 8);
  const view = new DataView(out.buffer);
  column.values.forEach((v, i) =>
    column.kind === 'double'
      ? view.setFloat64(i * 8, v, true)
      : view.setBigInt64(i * 8, BigInt(v), true),
  );
  return out;
}

const PHYSICAL = { double: 5, utf8: 6, 'timestamp-ms': 2 } as const;

/**
 * Encodes columns of equal length as a Parquet file.
 *
 * @example
 * ```ts
 * writeFileSync('x.parquet', encodeParquet([{ name: 'close', kind: 'double', values: [1, 2] }]));
 * ```
 */
export function encodeParquet(columns: readonly ParquetColumn[]): Uint8Array {
  const rows = columns[0]!.values.length;
  const chunks: number[] = [...new TextEncoder().encode('PAR1')];
  const placed: { offset: number; size: number }[] = [];
  for (const column of columns) {
    const data = plain(column);
    const header = new Compact()
      .i32(1, 0)
      .i32(2, data.length)
      .i32(3, data.length)
      .struct(5, (c) => c.i32(1, rows).i32(2, 0).i32(3, 3).i32(4, 3));
    header.end();
    placed.push({ offset: chunks.length, size: header.bytes.length + data.length });
    for (const b of header.bytes) chunks.push(b);
    for (const b of data) chunks.push(b);
  }
  const meta = new Compact()
    .i32(1, 1)
    .list(2, 12, [undefined, ...columns], (c, column) =>
      c.elementStruct((s) => {
        if (column === undefined) {
          s.string(4, 'schema').i32(5, columns.length);
          return;
        }
        s.i32(1, PHYSICAL[column.kind]).i32(3, 0).string(4, column.name);
        if (column.kind === 'utf8') s.i32(6, 0);
        if (column.kind === 'timestamp-ms') s.i32(6, 9);
      }),
    )
    .i64(3, rows)
    .list(4, 12, [0], (c) =>
      c.elementStruct((g) => {
        g.list(1, 12, columns, (l, column) => {
          const p = placed[columns.indexOf(column)]!;
          l.elementStruct((chunk) =>
            chunk.i64(2, p.offset).struct(3, (m) =>
              m
                .i32(1, PHYSICAL[column.kind])
                .list(2, 5, [0], (e, v) => e.elementI32(v))
                .list(3, 8, [column.name], (e, v) => e.elementString(v))
                .i32(4, 0)
                .i64(5, rows)
                .i64(6, p.size)
                .i64(7, p.size)
                .i64(9, p.offset),
            ),
          );
        });
        g.i64(
          2,
          placed.reduce((n, p) => n + p.size, 0),
        ).i64(3, rows);
      }),
    );
  meta.end();
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, meta.bytes.length, true);
  return Uint8Array.from(
    chunks.concat(meta.bytes, [...length], [...new TextEncoder().encode('PAR1')]),
  );
}
