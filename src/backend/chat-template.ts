import { Template } from "@huggingface/jinja";
import { EmlabError } from "../errors.js";
import type { ChatMessage } from "./types.js";

export interface ChatTemplateTokens {
  bosToken?: string;
  eosToken?: string;
}

/**
 * Render messages with a model's own Jinja chat template, exactly as the model was trained
 * (no wrapper guessing: node-llama-cpp's auto-selected ChatML wrapper adds a BOS the real template
 * does not write).
 */
export class ChatTemplate {
  private readonly template: Template;

  constructor(
    readonly source: string,
    private readonly tokens: ChatTemplateTokens,
    private readonly origin: string,
  ) {
    try {
      this.template = new Template(source);
    } catch (error) {
      throw new EmlabError(`${origin}: the chat template does not parse: ${(error as Error).message}`);
    }
  }

  render(messages: readonly ChatMessage[], addGenerationPrompt: boolean): string {
    try {
      return this.template.render({
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        add_generation_prompt: addGenerationPrompt,
        bos_token: this.tokens.bosToken ?? "",
        eos_token: this.tokens.eosToken ?? "",
      });
    } catch (error) {
      throw new EmlabError(`${this.origin}: the chat template failed to render: ${(error as Error).message}`);
    }
  }
}
