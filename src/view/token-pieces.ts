import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fromByteLevel } from "../fixtures/byte-unicode.js";
import { metaString, readGgufInfo } from "../gguf/reader.js";
import type { ModelRecord } from "../store/index.js";

/**
 * Token id → the text it stands for, read from the model's own vocabulary (the GGUF metadata or an
 * ONNX export's tokenizer.json) without loading any weights. Token ids stay the truth: a piece that
 * is not whole UTF-8 (half a character) shows its bytes as \xNN, and when the model file is gone
 * every token shows as #id.
 */
export type TokenPieces = (id: number) => string;

interface Vocabulary {
  pieces: string[];
  /** Byte-level BPE (GPT-2/Qwen): pieces spell bytes; else SentencePiece-style (▁ is a space). */
  byteLevel: boolean;
  special: Set<number>;
}

const cache = new Map<string, TokenPieces>();

export function tokenPieces(model: ModelRecord | undefined): TokenPieces {
  if (!model) return (id) => `#${id}`;
  const key = `${model.id}\u0000${model.sha256}`;
  let pieces = cache.get(key);
  if (!pieces) cache.set(key, (pieces = fromVocabulary(readVocabulary(model.path))));
  return pieces;
}

function fromVocabulary(vocab: Vocabulary | null): TokenPieces {
  if (!vocab) return (id) => `#${id}`;
  return (id) => {
    const piece = vocab.pieces[id];
    if (piece === undefined) return `#${id}`;
    if (vocab.special.has(id)) return piece;
    if (vocab.byteLevel) {
      try {
        return utf8OrHex(fromByteLevel(piece));
      } catch {
        return piece;
      }
    }
    const byte = /^<0x([0-9A-Fa-f]{2})>$/.exec(piece);
    return byte ? utf8OrHex(Buffer.from([parseInt(byte[1]!, 16)])) : piece.replace(/\u2581/g, " ");
  };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function utf8OrHex(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return [...bytes].map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
  }
}

function readVocabulary(path: string): Vocabulary | null {
  try {
    if (!existsSync(path)) return null;
    return statSync(path).isDirectory() ? hfVocabulary(path) : ggufVocabulary(path);
  } catch {
    return null; // an unreadable vocabulary only costs the token texts: ids still show
  }
}

function ggufVocabulary(path: string): Vocabulary | null {
  const info = readGgufInfo(path);
  const tokens = info.metadata["tokenizer.ggml.tokens"];
  if (tokens?.type !== "array") return null;
  const types = info.metadata["tokenizer.ggml.token_type"];
  const special = new Set<number>();
  // llama.cpp token types: 3 = control, 4 = user-defined (chat markers such as <|im_end|>).
  if (types?.type === "array") types.value.forEach((t, id) => (t === 3 || t === 4) && special.add(id));
  return { pieces: tokens.value.map(String), byteLevel: metaString(info, "tokenizer.ggml.model") === "gpt2", special };
}

function hfVocabulary(dir: string): Vocabulary | null {
  const file = join(dir, "tokenizer.json");
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, "utf8")) as {
    model?: { vocab?: Record<string, number> };
    added_tokens?: { id: number; content: string }[];
    decoder?: { type?: string };
  };
  const pieces: string[] = [];
  for (const [piece, id] of Object.entries(json.model?.vocab ?? {})) pieces[id] = piece;
  const special = new Set<number>();
  for (const t of json.added_tokens ?? []) {
    pieces[t.id] = t.content;
    special.add(t.id);
  }
  return { pieces, byteLevel: json.decoder?.type === "ByteLevel", special };
}
