import type { LoadedModel, Session } from "../backend/types.js";

/**
 * The probability of each answer of a closed set (the numbers "0".."100", or labels such as TRUE /
 * FALSE / UNKNOWN) as the start of a model's reply, read from sequence likelihoods. emlab builds a
 * trie of the answers' canonical token sequences and reads every path's probability with one
 * next-token lookup per inner node, each a step after the shared, once-evaluated prompt:
 *
 *   P(a) = P(tokens of a) − Σ P(tokens of b) over the nearest answers b whose tokens extend a's
 *
 * ("nearest": no other answer lies between a and b; for the numbers 0–100 these are the one-token
 * extensions, "4" → "40".."49"),
 * i.e. an answer counts only when the reply does not continue into another answer of the set
 * ("4" is not counted when the reply is "42"). A continuation that leaves the set ("1005") stays
 * with its prefix in the set.
 */

export type Tokenizer = Pick<LoadedModel, "tokenize">;

interface TrieNode {
  /** Index of the answer this path spells, when it is a complete answer. */
  answer?: number;
  children: Map<number, TrieNode>;
}

export interface AnswerTrie {
  root: TrieNode;
  answers: readonly string[];
  /** Inner nodes (paths whose next-token distribution is needed), as token paths. */
  innerPaths: number[][];
}

const tries = new WeakMap<object, Map<string, AnswerTrie>>();

/** The trie of canonical tokenizations of `answers` for a model's tokenizer (cached per model and set). */
export function answerTrie(tokenizer: Tokenizer, answers: readonly string[]): AnswerTrie {
  let perSet = tries.get(tokenizer);
  if (!perSet) tries.set(tokenizer, (perSet = new Map()));
  const id = JSON.stringify(answers);
  const cached = perSet.get(id);
  if (cached) return cached;

  const root: TrieNode = { children: new Map() };
  answers.forEach((answer, index) => {
    let node = root;
    for (const token of tokenizer.tokenize(answer, { special: false })) {
      let child = node.children.get(token);
      if (!child) node.children.set(token, (child = { children: new Map() }));
      node = child;
    }
    if (node.answer !== undefined) throw new RangeError(`answers "${answers[node.answer]}" and "${answer}" have the same tokens`);
    node.answer = index;
  });
  const innerPaths: number[][] = [];
  const walk = (node: TrieNode, path: number[]) => {
    if (node.children.size === 0) return;
    innerPaths.push(path);
    for (const [token, child] of node.children) walk(child, [...path, token]);
  };
  walk(root, []);
  const trie = { root, answers: [...answers], innerPaths };
  perSet.set(id, trie);
  return trie;
}

/** P(answer) for every answer of the set (index = position in `answers`), not renormalised. */
export async function answerDistribution(
  session: Pick<Session, "nextToken">,
  tokenizer: Tokenizer,
  prompt: readonly number[],
  answers: readonly string[],
): Promise<Float64Array> {
  const trie = answerTrie(tokenizer, answers);
  const probs = new Float64Array(answers.length);

  // Depth-first, so consecutive lookups share the longest possible prefix in the KV cache. Returns the
  // probability of the nearest answers below `node` (those with no answer between them and `node`):
  // what an answer at `node` loses to replies that continue into another answer.
  const visit = async (node: TrieNode, path: number[], pathLogprob: number): Promise<number> => {
    const childIds = [...node.children.keys()];
    const next = await session.nextToken([...prompt, ...path], { ids: childIds });
    let nearest = 0;
    for (let i = 0; i < childIds.length; i++) {
      const child = node.children.get(childIds[i]!)!;
      const logprob = pathLogprob + next.logprobs[i]!;
      const below = child.children.size > 0 ? await visit(child, [...path, childIds[i]!], logprob) : 0;
      if (child.answer !== undefined) {
        probs[child.answer] = Math.max(0, Math.exp(logprob) - below);
        nearest += Math.exp(logprob);
      } else {
        nearest += below;
      }
    }
    return nearest;
  };
  if (trie.root.children.size > 0) await visit(trie.root, [], 0);
  return probs;
}
