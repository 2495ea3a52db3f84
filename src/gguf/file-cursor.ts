/**
 * Sequential little-endian reads from a file, loading it in growing chunks: GGUF headers of real
 * models hold megabytes of vocabulary, but the tensor data behind them (gigabytes) is never read.
 */
import { readSync } from "node:fs";

/** Thrown when the file ends before a value the header declares. */
export class EndOfFileError extends Error {}

export class FileCursor {
  private buffer = Buffer.alloc(0);
  /** File offset of buffer[0]. */
  private bufferStart = 0;
  position = 0;

  constructor(
    private readonly fd: number,
    readonly fileSize: number,
  ) {}

  private ensure(bytes: number): number {
    const end = this.position + bytes;
    if (end > this.fileSize) throw new EndOfFileError(`needs ${end} bytes, the file has ${this.fileSize}`);
    if (end > this.bufferStart + this.buffer.length) {
      const length = Math.min(this.fileSize - this.position, Math.max(bytes, 1 << 20, this.buffer.length * 2));
      const next = Buffer.alloc(length);
      let read = 0;
      while (read < length) {
        const n = readSync(this.fd, next, read, length - read, this.position + read);
        if (n === 0) throw new EndOfFileError(`the file ended at ${this.position + read} bytes`);
        read += n;
      }
      this.buffer = next;
      this.bufferStart = this.position;
    }
    const at = this.position - this.bufferStart;
    this.position = end;
    return at;
  }

  u8(): number {
    const at = this.ensure(1);
    return this.buffer.readUInt8(at);
  }
  i8(): number {
    const at = this.ensure(1);
    return this.buffer.readInt8(at);
  }
  u16(): number {
    const at = this.ensure(2);
    return this.buffer.readUInt16LE(at);
  }
  i16(): number {
    const at = this.ensure(2);
    return this.buffer.readInt16LE(at);
  }
  u32(): number {
    const at = this.ensure(4);
    return this.buffer.readUInt32LE(at);
  }
  i32(): number {
    const at = this.ensure(4);
    return this.buffer.readInt32LE(at);
  }
  f32(): number {
    const at = this.ensure(4);
    return this.buffer.readFloatLE(at);
  }
  f64(): number {
    const at = this.ensure(8);
    return this.buffer.readDoubleLE(at);
  }
  u64(): bigint {
    const at = this.ensure(8);
    return this.buffer.readBigUInt64LE(at);
  }
  i64(): bigint {
    const at = this.ensure(8);
    return this.buffer.readBigInt64LE(at);
  }
  /** A u64 that must be a usable count or size (no more than the file could hold). */
  size(): number {
    const value = this.u64();
    if (value > BigInt(this.fileSize)) throw new EndOfFileError(`declares a size of ${value}, larger than the file (${this.fileSize} bytes)`);
    return Number(value);
  }
  bytes(length: number): Buffer {
    const at = this.ensure(length);
    return this.buffer.subarray(at, at + length);
  }
  string(): string {
    return this.bytes(this.size()).toString("utf8");
  }
}
