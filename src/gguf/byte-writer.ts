/** A growable little-endian byte buffer for building GGUF headers. */
export class ByteWriter {
  private buffer = Buffer.alloc(1 << 16);
  private length = 0;

  /** Claims `bytes` bytes and returns their offset; call it BEFORE reading this.buffer, which it may replace. */
  private reserve(bytes: number): number {
    if (this.length + bytes > this.buffer.length) {
      const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
    const at = this.length;
    this.length += bytes;
    return at;
  }

  get size(): number {
    return this.length;
  }

  u8(v: number): void {
    const at = this.reserve(1);
    this.buffer.writeUInt8(v, at);
  }
  i8(v: number): void {
    const at = this.reserve(1);
    this.buffer.writeInt8(v, at);
  }
  u16(v: number): void {
    const at = this.reserve(2);
    this.buffer.writeUInt16LE(v, at);
  }
  i16(v: number): void {
    const at = this.reserve(2);
    this.buffer.writeInt16LE(v, at);
  }
  u32(v: number): void {
    const at = this.reserve(4);
    this.buffer.writeUInt32LE(v, at);
  }
  i32(v: number): void {
    const at = this.reserve(4);
    this.buffer.writeInt32LE(v, at);
  }
  f32(v: number): void {
    const at = this.reserve(4);
    this.buffer.writeFloatLE(v, at);
  }
  f64(v: number): void {
    const at = this.reserve(8);
    this.buffer.writeDoubleLE(v, at);
  }
  u64(v: bigint | number): void {
    const at = this.reserve(8);
    this.buffer.writeBigUInt64LE(BigInt(v), at);
  }
  i64(v: bigint | number): void {
    const at = this.reserve(8);
    this.buffer.writeBigInt64LE(BigInt(v), at);
  }
  bytes(data: Uint8Array): void {
    const at = this.reserve(data.length);
    this.buffer.set(data, at);
  }
  /** GGUF string: u64 byte length, then UTF-8 bytes (no terminator). */
  string(s: string): void {
    const data = Buffer.from(s, "utf8");
    this.u64(data.length);
    this.bytes(data);
  }
  zeros(count: number): void {
    this.reserve(count); // Buffer.alloc zero-fills and the buffer only grows, so reserved bytes are 0
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
