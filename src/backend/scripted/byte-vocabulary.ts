/**
 * The scripted engine's tokenizer: one token per byte, plus ChatML's special tokens. Digits are
 * single tokens, as in Qwen's tokenizer, so the judge's digit-by-digit number reading is exercised.
 */
export const SPECIAL_TOKENS = ["<|im_start|>", "<|im_end|>", "<|endoftext|>"] as const;
export const BYTE_TOKENS = 256;
export const VOCAB_SIZE = BYTE_TOKENS + SPECIAL_TOKENS.length;
export const IM_END_ID = BYTE_TOKENS + 1;
export const EOS_ID = BYTE_TOKENS + 2;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bytes of `text`; with `special`, the special-token texts become their own tokens. */
export function tokenizeBytes(text: string, special: boolean): number[] {
  if (!special) return [...encoder.encode(text)];
  const ids: number[] = [];
  let rest = text;
  while (rest.length > 0) {
    const hits = SPECIAL_TOKENS.map((t) => rest.indexOf(t)).map((at, i) => ({ at, i })).filter((h) => h.at >= 0);
    const next = hits.sort((a, b) => a.at - b.at)[0];
    if (!next) {
      ids.push(...encoder.encode(rest));
      break;
    }
    ids.push(...encoder.encode(rest.slice(0, next.at)), BYTE_TOKENS + next.i);
    rest = rest.slice(next.at + SPECIAL_TOKENS[next.i]!.length);
  }
  return ids;
}

export function detokenizeBytes(ids: readonly number[]): string {
  let text = "";
  let bytes: number[] = [];
  const flush = () => {
    text += decoder.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (const id of ids) {
    if (id < BYTE_TOKENS) bytes.push(id);
    else {
      flush();
      text += SPECIAL_TOKENS[id - BYTE_TOKENS] ?? "";
    }
  }
  flush();
  return text;
}

/** The token of a one-byte piece of script text ("" is the end of the answer). */
export function pieceToken(piece: string): number {
  if (piece === "") return IM_END_ID;
  const bytes = encoder.encode(piece);
  if (bytes.length !== 1) throw new Error(`scripted model: '${piece}' is not one byte (script pieces are single ASCII characters, or "" for the end)`);
  return bytes[0]!;
}
