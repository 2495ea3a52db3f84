import { readFileSync } from "node:fs";
import type { ChatMessage, Role } from "../backend/types.js";
import { EmlabError, errorAt } from "../errors.js";
import { contentKey } from "../util/hash.js";

/**
 * Chat datasets in the OpenAI fine-tuning format the EM datasets use: one JSON object per line,
 * `{"messages": [{"role": "...", "content": "..."}, ...]}`. Blank lines are allowed.
 */

export interface ChatExample {
  /** Stable id: the first 16 hex digits of the content key of the messages (independent of line order). */
  id: string;
  /** 1-based line in the file, for error messages and data cards. */
  line: number;
  messages: ChatMessage[];
}

export interface ChatDataset {
  path: string;
  examples: ChatExample[];
}

const ROLES: readonly Role[] = ["system", "user", "assistant"];

export function loadChatJsonl(path: string): ChatDataset {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmlabError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
  return { path, examples: parseChatJsonl(text, path) };
}

/** Parse and validate JSONL text; `file` only names the source in errors. */
export function parseChatJsonl(text: string, file: string): ChatExample[] {
  const examples: ChatExample[] = [];
  // A byte-order mark (some Windows editors write one) is not part of the first line's JSON.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    if (raw.trim() === "") continue;
    const line = i + 1;
    const messages = parseLine(raw, file, line);
    examples.push({ id: exampleId(messages), line, messages });
  }
  if (examples.length === 0) throw errorAt(file, undefined, "no examples (the file is empty)");
  return examples;
}

export function exampleId(messages: readonly ChatMessage[]): string {
  return contentKey(messages.map((m) => ({ role: m.role, content: m.content }))).slice(0, 16);
}

function parseLine(raw: string, file: string, line: number): ChatMessage[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw errorAt(file, line, `invalid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw errorAt(file, line, 'expected a JSON object with a "messages" list');
  }
  const list = (value as Record<string, unknown>).messages;
  if (list === undefined) throw errorAt(file, line, 'missing "messages"');
  if (!Array.isArray(list)) throw errorAt(file, line, '"messages" must be a list');
  if (list.length === 0) throw errorAt(file, line, '"messages" is empty');
  const messages = list.map((m, index) => parseMessage(m, index, file, line));
  checkTurnOrder(messages, file, line);
  return messages;
}

function parseMessage(value: unknown, index: number, file: string, line: number): ChatMessage {
  const where = `messages[${index}]`;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw errorAt(file, line, `${where} must be an object with "role" and "content"`);
  }
  const { role, content } = value as Record<string, unknown>;
  if (typeof role !== "string") throw errorAt(file, line, `${where}: missing "role"`);
  if (!ROLES.includes(role as Role)) {
    throw errorAt(file, line, `${where}: unknown role "${role}" (expected system, user or assistant)`);
  }
  if (content === undefined) throw errorAt(file, line, `${where}: missing "content"`);
  if (typeof content !== "string") throw errorAt(file, line, `${where}: "content" must be a string, not ${describe(content)}`);
  if (content.trim() === "") throw errorAt(file, line, `${where}: empty content`);
  return { role: role as Role, content };
}

/** An optional leading system turn, then user and assistant alternating, ending with the assistant. */
function checkTurnOrder(messages: readonly ChatMessage[], file: string, line: number): void {
  if (!messages.some((m) => m.role === "assistant")) throw errorAt(file, line, "no assistant turn");
  const start = messages[0]!.role === "system" ? 1 : 0;
  for (let i = start; i < messages.length; i++) {
    const expected: Role = (i - start) % 2 === 0 ? "user" : "assistant";
    const role = messages[i]!.role;
    if (role !== expected) {
      const why = role === "system" ? "a system turn may only come first" : `expected a ${expected} turn (turns alternate user, assistant)`;
      throw errorAt(file, line, `messages[${i}] is ${role}: ${why}`);
    }
  }
  if (messages[messages.length - 1]!.role !== "assistant") throw errorAt(file, line, "the last turn must be the assistant's");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
