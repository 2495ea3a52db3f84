import type { PreTrainedTokenizer } from "@huggingface/transformers";
import { EmlabError } from "../../errors.js";

type TransformersModule = typeof import("@huggingface/transformers");

let transformers: Promise<TransformersModule> | undefined;

/** Transformers.js, loaded once and locked offline: nothing may come from a model hub. */
export function loadTransformers(): Promise<TransformersModule> {
  transformers ??= import("@huggingface/transformers").then((module) => {
    module.env.allowRemoteModels = false;
    module.env.allowLocalModels = true;
    return module;
  });
  return transformers;
}

interface AddedTokenJson {
  id: number;
  content: string;
  special?: boolean;
}

/**
 * A Hugging Face tokenizer (tokenizer.json + tokenizer_config.json) through Transformers.js. Two
 * instances: one that parses special-token text such as <|im_start|> into control tokens, and one
 * that treats it as plain text (Transformers.js has no switch for that), which is what `special: false`
 * means for untrusted text.
 */
export class HfTokenizer {
  private constructor(
    private readonly withSpecial: PreTrainedTokenizer,
    private readonly plain: PreTrainedTokenizer,
    private readonly added: Map<number, AddedTokenJson>,
  ) {}

  static async create(tokenizerJson: Record<string, unknown>, tokenizerConfig: Record<string, unknown>, origin: string): Promise<HfTokenizer> {
    const { PreTrainedTokenizer } = await loadTransformers();
    const added = (Array.isArray(tokenizerJson.added_tokens) ? tokenizerJson.added_tokens : []) as AddedTokenJson[];
    const decoderEntries = Object.entries((tokenizerConfig.added_tokens_decoder ?? {}) as Record<string, { special?: boolean }>);
    try {
      const withSpecial = new PreTrainedTokenizer(tokenizerJson, tokenizerConfig);
      const plain = new PreTrainedTokenizer(
        { ...tokenizerJson, added_tokens: added.filter((t) => !t.special) },
        { ...tokenizerConfig, added_tokens_decoder: Object.fromEntries(decoderEntries.filter(([, t]) => !t.special)) },
      );
      return new HfTokenizer(withSpecial, plain, new Map(added.map((t) => [t.id, t])));
    } catch (error) {
      throw new EmlabError(`${origin}: the tokenizer does not load: ${(error as Error).message}`);
    }
  }

  /** Token ids of `text`; never adds BOS/EOS (a chat template writes them when the model wants them). */
  encode(text: string, special: boolean): number[] {
    return (special ? this.withSpecial : this.plain).encode(text, { add_special_tokens: false });
  }

  decode(ids: readonly number[]): string {
    return this.withSpecial.decode(ids as number[], { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  }

  /** Id of a token's text, or undefined (e.g. to resolve eos_token from tokenizer_config.json). */
  idOf(token: string): number | undefined {
    for (const [id, t] of this.added) if (t.content === token) return id;
    const id = this.withSpecial.convert_tokens_to_ids(token) as number | undefined;
    return typeof id === "number" && id >= 0 ? id : undefined;
  }

  /** Number of token ids the tokenizer knows (vocabulary plus added tokens). */
  get size(): number {
    let max = -1;
    for (const id of this.withSpecial.get_vocab().values()) if (id > max) max = id;
    for (const id of this.added.keys()) if (id > max) max = id;
    return max + 1;
  }
}
