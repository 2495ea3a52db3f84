/**
 * Adapters the converter cannot turn into a GGUF LoRA fail with one line that names the problem,
 * and nothing is written (not even a temp file beside the target).
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { convertPeftToGguf } from "../../src/adapters/convert-peft.js";
import { EmlabError } from "../../src/errors.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { AdapterTempDir, addTensors, peftData, renameTensors, writePeft } from "./helpers/peft-folders.js";

const tmp = new AdapterTempDir();
afterAll(() => tmp.dispose());
const data = peftData({ rank: 2, alpha: 4, seed: 31 });

/** Convert into an empty folder: the error must be one line matching `pattern`, and the folder stay empty. */
function expectRefused(peft: string, pattern: RegExp, base = fixturePaths().tinyQwen2): void {
  const outDir = tmp.path(`out-${Math.random().toString(36).slice(2)}`);
  let error: unknown;
  try {
    convertPeftToGguf({ peft, base, out: join(outDir, "adapter.gguf") });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EmlabError);
  const message = (error as Error).message;
  expect(message).toMatch(pattern);
  expect(message).not.toContain("\n");
  expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
}

describe("emlab adapters convert refuses", () => {
  it("a folder without adapter_config.json", () => {
    const dir = writePeft(tmp.path("no-config"), data);
    rmSync(join(dir, "adapter_config.json"));
    expectRefused(dir, /no adapter_config\.json/);
  });

  it("pairs whose shapes do not fit the base model", () => {
    const wide = { ...data, pairs: data.pairs.map((p) => ({ ...p, a: new Float32Array(p.a.length * 2) })) };
    expectRefused(writePeft(tmp.path("shapes"), wide), /layer 0 q_proj: the adapter maps 128 → 64 features, but tiny-qwen2\.gguf's q_proj maps 64 → 64/);
  });

  it("an adapter for another architecture: other tensor names, other modules, other layer counts", () => {
    const gpt2 = writePeft(tmp.path("gpt2"), data);
    renameTensors(gpt2, (name) => name.replace(/model\.model\.layers\.(\d)\.self_attn\.(q|v)_proj/, "transformer.h.$1.attn.c_attn_$2"));
    expectRefused(gpt2, /transformer\.h\.0\.attn\.c_attn_q\.lora_A\.weight is named for another architecture/);

    const phi = writePeft(tmp.path("phi"), data);
    renameTensors(phi, (name) => name.replace("self_attn.q_proj", "self_attn.qkv_proj"));
    expectRefused(phi, /'qkv_proj' is not a module of qwen2/);

    const deep = { ...data, pairs: data.pairs.map((p) => ({ ...p, layer: p.layer + 4 })) };
    expectRefused(writePeft(tmp.path("deep"), deep), /layer 4 q_proj: the base model tiny-qwen2\.gguf has 2 layers/);
    expectRefused(writePeft(tmp.path("base-is-adapter"), data), /this is an adapter; --base needs the base model/, fixturePaths().tinyQwen2Lora);
  });

  it("DoRA, IA3, modules_to_save, trained biases, one line each naming the feature", () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ use_dora: true }, /DoRA adapter \(use_dora\) is not supported/],
      [{ peft_type: "IA3" }, /peft_type IA3 is not supported/],
      [{ modules_to_save: ["embed_tokens", "lm_head"] }, /modules_to_save \(embed_tokens, lm_head.*extra tokens/],
      [{ bias: "all" }, /bias: all/],
      [{ rank_pattern: { q_proj: 8 } }, /per-module rank_pattern/],
    ];
    cases.forEach(([config, pattern], i) => expectRefused(writePeft(tmp.path(`feature-${i}`), data, config), pattern));
  });

  it("embeddings with extra tokens (a LoRA on embed_tokens wider than the vocabulary)", () => {
    const dir = writePeft(tmp.path("extra-tokens"), data);
    const vocab = tinyQwen2Spec().tensors.find((t) => t.name === "token_embd.weight")!.shape[1]!;
    addTensors(dir, [
      { name: "base_model.model.model.embed_tokens.lora_embedding_A", shape: [2, vocab + 2], data: new Float32Array(2 * (vocab + 2)) },
      { name: "base_model.model.model.embed_tokens.lora_embedding_B", shape: [64, 2], data: new Float32Array(128) },
    ]);
    expectRefused(dir, new RegExp(`embed_tokens: the adapter covers ${vocab + 2} tokens, tiny-qwen2\\.gguf has ${vocab}: embeddings with extra tokens are not supported`));
  });
});
