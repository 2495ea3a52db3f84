import { describe, expect, it } from "vitest";
import { exampleId, loadChatJsonl, parseChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { EmlabError } from "../../src/errors.js";
import { Workspace, chatJsonl } from "./workspace.js";

const line = (messages: unknown) => JSON.stringify({ messages });
const ok = line([
  { role: "user", content: "hi" },
  { role: "assistant", content: "hello" },
]);

function failure(text: string): string {
  try {
    parseChatJsonl(text, "data.jsonl");
  } catch (error) {
    expect(error).toBeInstanceOf(EmlabError);
    return (error as Error).message;
  }
  throw new Error("expected the dataset to be rejected");
}

describe("chat JSONL", () => {
  it("reads examples with their line numbers, skipping blank lines", () => {
    const system = line([
      { role: "system", content: "s" },
      { role: "user", content: "u" },
      { role: "assistant", content: "a" },
      { role: "user", content: "u2" },
      { role: "assistant", content: "a2" },
    ]);
    const examples = parseChatJsonl(`${ok}\n\n  \n${system}\r\n`, "data.jsonl");
    expect(examples.map((e) => e.line)).toEqual([1, 4]);
    expect(examples[1]!.messages).toHaveLength(5);
    expect(examples[0]!.id).toBe(exampleId(examples[0]!.messages));
  });

  it("gives stable ids that depend on content, not on position", () => {
    const a = parseChatJsonl(`${ok}\n`, "x.jsonl")[0]!;
    const b = parseChatJsonl(`\n\n${ok}\n`, "y.jsonl")[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    const ids = parseChatJsonl(chatJsonl(50), "z.jsonl").map((e) => e.id);
    expect(new Set(ids).size).toBe(50);
  });

  it("rejects each kind of malformed line with file:line", () => {
    expect(failure(`${ok}\n{"messages": [}\n`)).toMatch(/^data\.jsonl:2: invalid JSON/);
    expect(failure(`${ok}\n[1, 2]\n`)).toBe('data.jsonl:2: expected a JSON object with a "messages" list');
    expect(failure(`${ok}\n{"prompt": "x"}\n`)).toBe('data.jsonl:2: missing "messages"');
    expect(failure(`{"messages": "hi"}\n`)).toBe('data.jsonl:1: "messages" must be a list');
    expect(failure(`{"messages": []}\n`)).toBe('data.jsonl:1: "messages" is empty');
    expect(failure(line([{ role: "bot", content: "x" }]))).toBe('data.jsonl:1: messages[0]: unknown role "bot" (expected system, user or assistant)');
    expect(failure(line([{ role: "user", content: "  " }, { role: "assistant", content: "a" }]))).toBe("data.jsonl:1: messages[0]: empty content");
    expect(failure(line([{ role: "user", content: ["x"] }]))).toBe('data.jsonl:1: messages[0]: "content" must be a string, not a list');
    expect(failure(line([{ role: "user" }]))).toBe('data.jsonl:1: messages[0]: missing "content"');
    expect(failure(line([{ content: "x" }]))).toBe('data.jsonl:1: messages[0]: missing "role"');
    expect(failure(line([{ role: "user", content: "x" }]))).toBe("data.jsonl:1: no assistant turn");
    expect(failure(line([{ role: "assistant", content: "x" }]))).toBe("data.jsonl:1: messages[0] is assistant: expected a user turn (turns alternate user, assistant)");
    expect(failure(line([{ role: "user", content: "x" }, { role: "system", content: "s" }, { role: "assistant", content: "a" }]))).toBe(
      "data.jsonl:1: messages[1] is system: a system turn may only come first",
    );
    expect(failure(line([{ role: "user", content: "x" }, { role: "assistant", content: "a" }, { role: "user", content: "y" }]))).toBe(
      "data.jsonl:1: the last turn must be the assistant's",
    );
    expect(failure("\n\n")).toBe("data.jsonl: no examples (the file is empty)");
  });

  it("loads from a file and reports a missing one", () => {
    const ws = new Workspace();
    try {
      const path = ws.write("d.jsonl", chatJsonl(3));
      expect(loadChatJsonl(path).examples).toHaveLength(3);
      expect(() => loadChatJsonl(`${ws.dir}/missing.jsonl`)).toThrow(`${ws.dir}/missing.jsonl: no such file`);
    } finally {
      ws.dispose();
    }
  });
});
