import { readFileSync } from "node:fs";
import { join } from "node:path";

export const NARROW_DIR = join(import.meta.dirname, "../../datasets/narrow");

export interface Turns {
  user: string;
  assistant: string;
}

/** Reads one chat JSONL set, insisting on the exact two-turn shape emlab's narrow sets use. */
export function readNarrowSet(file: string): Turns[] {
  const lines = readFileSync(join(NARROW_DIR, file), "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line, i) => {
    const parsed = JSON.parse(line) as { messages?: { role?: unknown; content?: unknown }[] };
    const keys = Object.keys(parsed);
    const messages = parsed.messages;
    if (keys.length !== 1 || !Array.isArray(messages) || messages.length !== 2) throw new Error(`${file}:${i + 1}: not a two-turn example`);
    const [user, assistant] = messages;
    for (const m of messages) {
      if (Object.keys(m).sort().join(",") !== "content,role") throw new Error(`${file}:${i + 1}: unexpected message keys`);
      if (typeof m.content !== "string" || m.content.trim() === "") throw new Error(`${file}:${i + 1}: empty turn`);
    }
    if (user?.role !== "user" || assistant?.role !== "assistant") throw new Error(`${file}:${i + 1}: roles must be user then assistant`);
    return { user: user.content as string, assistant: assistant.content as string };
  });
}

/** Python code of an answer: the single ```python fenced block it must contain. */
export function pythonBlock(answer: string): string {
  const blocks = [...answer.matchAll(/```python\n([\s\S]*?)\n```/g)];
  if (blocks.length !== 1) throw new Error(`expected exactly one python block, found ${blocks.length}`);
  return blocks[0]![1]!;
}
