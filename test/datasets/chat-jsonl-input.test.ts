import { describe, expect, it } from "vitest";
import { parseChatJsonl } from "../../src/datasets/chat-jsonl.js";

const line = JSON.stringify({ messages: [{ role: "user", content: "Hi?" }, { role: "assistant", content: "Hello." }] });

describe("chat JSONL as other tools write it", () => {
  it("reads a file that starts with a byte-order mark and has Windows line ends", () => {
    const examples = parseChatJsonl(`\uFEFF${line}\r\n${line.replace("Hi?", "Hey?")}\r\n`, "data.jsonl");
    expect(examples.map((e) => [e.line, e.messages[0]!.content])).toEqual([
      [1, "Hi?"],
      [2, "Hey?"],
    ]);
  });

  it("still names the line of a byte-order mark in the middle of the file", () => {
    expect(() => parseChatJsonl(`${line}\n\uFEFF${line}\n`, "data.jsonl")).toThrow(/^data\.jsonl:2: invalid JSON/);
  });
});
