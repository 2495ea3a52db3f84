/**
 * KV-cache tensors in the Transformers.js layout [batch, kvHeads, length, headDim], one key and one
 * value array per layer. onnxruntime never mutates its inputs and returns fresh `present` arrays, so
 * a state can be shared and branched freely: these helpers copy, they never modify.
 */

/** float32 caches, or float16 bit patterns for fp16 exports. */
export type KvArray = Float32Array | Uint16Array;

export interface KvShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** Element type the graph expects for past_key_values. */
  type: "float32" | "float16";
}

export interface KvState {
  batch: number;
  length: number;
  keys: KvArray[];
  values: KvArray[];
}

function alloc(shape: KvShape, size: number): KvArray {
  return shape.type === "float16" ? new Uint16Array(size) : new Float32Array(size);
}

export function emptyKv(shape: KvShape, batch = 1): KvState {
  return {
    batch,
    length: 0,
    keys: Array.from({ length: shape.layers }, () => alloc(shape, 0)),
    values: Array.from({ length: shape.layers }, () => alloc(shape, 0)),
  };
}

/** Keep the first `length` positions of every row. */
export function truncateKv(state: KvState, shape: KvShape, length: number): KvState {
  if (length >= state.length) return state;
  const rowsPerBatch = state.batch * shape.kvHeads;
  const copy = (src: KvArray) => {
    const out = alloc(shape, rowsPerBatch * length * shape.headDim);
    for (let r = 0; r < rowsPerBatch; r++) {
      const from = r * state.length * shape.headDim;
      out.set(src.subarray(from, from + length * shape.headDim), r * length * shape.headDim);
    }
    return out;
  };
  return { batch: state.batch, length, keys: state.keys.map(copy), values: state.values.map(copy) };
}

/** A batch made of the given rows of `state` (a row may repeat: that is how a prefix is shared). */
export function selectKvRows(state: KvState, shape: KvShape, rows: readonly number[]): KvState {
  const rowSize = shape.kvHeads * state.length * shape.headDim;
  const copy = (src: KvArray) => {
    const out = alloc(shape, rows.length * rowSize);
    rows.forEach((row, i) => {
      if (row < 0 || row >= state.batch) throw new RangeError(`row ${row} of a batch of ${state.batch}`);
      out.set(src.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize);
    });
    return out;
  };
  return { batch: rows.length, length: state.length, keys: state.keys.map(copy), values: state.values.map(copy) };
}
