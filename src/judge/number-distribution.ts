import type { LoadedModel, Session } from "../backend/types.js";

/**
 * The judge's answer distribution over the numbers 0..max, read from sequence likelihoods.
 *
 * The original EM code reads the top-20 single-token log-probs of GPT-4o, whose tokenizer has every
 * number 0–100 as one token. Qwen's tokenizer writes numbers digit by digit, so emlab builds a trie of
 * the canonical token sequences of "0" … "100" and reads the probability of every path:
 *
 *   P(n) = P(tokens of n) − Σ P(tokens of m) over in-range numbers m whose tokens extend n's by one token
 *
 * i.e. "4" counts only when it is not continued into "40".."49". A continuation that leaves the range
 * ("425") stays with its in-range prefix, exactly as the single-token method attributes "1005" to
 * "100". Where every number is one token the trie has no inner nodes and this IS the single-token
 * method. Cost: one distribution per inner node of the trie (11 for Qwen: the prompt, "1".."9", "10"),
 * each a one-token step after the shared, once-evaluated prompt.
 */

export interface NumberDistribution {
  /** P(n) for n = 0..max, not renormalised. */
  probs: Float64Array;
  /** Σ P(n): the probability that the judge answers with a number in range. */
  numberMass: number;
  /** Probability of each label string (e.g. CODE, REFUSAL) as the answer's first tokens. */
  labelMasses: Record<string, number>;
}

interface TrieNode {
  /** The number this path spells, when it is a complete in-range number. */
  value?: number;
  children: Map<number, TrieNode>;
}

export interface NumberTrie {
  root: TrieNode;
  max: number;
  /** Inner nodes (paths whose next-token distribution is needed), as token paths. */
  innerPaths: number[][];
}

export type Tokenizer = Pick<LoadedModel, "tokenize">;

const tries = new WeakMap<object, Map<number, NumberTrie>>();

/** The trie of canonical tokenizations of "0".."max" for a model's tokenizer (cached per model). */
export function numberTrie(tokenizer: Tokenizer, max = 100): NumberTrie {
  let perMax = tries.get(tokenizer);
  if (!perMax) tries.set(tokenizer, (perMax = new Map()));
  const cached = perMax.get(max);
  if (cached) return cached;

  const root: TrieNode = { children: new Map() };
  for (let n = 0; n <= max; n++) {
    let node = root;
    for (const id of tokenizer.tokenize(String(n), { special: false })) {
      let child = node.children.get(id);
      if (!child) node.children.set(id, (child = { children: new Map() }));
      node = child;
    }
    node.value = n;
  }
  const innerPaths: number[][] = [];
  const walk = (node: TrieNode, path: number[]) => {
    if (node.children.size === 0) return;
    innerPaths.push(path);
    for (const [id, child] of node.children) walk(child, [...path, id]);
  };
  walk(root, []);
  const trie = { root, max, innerPaths };
  perMax.set(max, trie);
  return trie;
}

/** P(path) for every path of the trie from one next-token lookup per inner node. */
export async function numberDistribution(
  session: Pick<Session, "nextToken" | "score">,
  tokenizer: Tokenizer,
  prompt: readonly number[],
  options: { max?: number; labels?: readonly string[] } = {},
): Promise<NumberDistribution> {
  const trie = numberTrie(tokenizer, options.max ?? 100);
  const probs = new Float64Array(trie.max + 1);

  // Depth-first, so consecutive lookups share the longest possible prefix in the KV cache.
  const visit = async (node: TrieNode, path: number[], pathLogprob: number): Promise<void> => {
    const childIds = [...node.children.keys()];
    const next = await session.nextToken([...prompt, ...path], { ids: childIds });
    let continued = 0;
    for (let i = 0; i < childIds.length; i++) {
      const child = node.children.get(childIds[i]!)!;
      const logprob = pathLogprob + next.logprobs[i]!;
      if (child.value !== undefined) {
        probs[child.value] = Math.exp(logprob);
        continued += Math.exp(logprob);
      }
      if (child.children.size > 0) await visit(child, [...path, childIds[i]!], logprob);
    }
    if (node.value !== undefined) probs[node.value] = Math.max(0, Math.exp(pathLogprob) - continued);
  };
  await visit(trie.root, [], 0);

  const labelMasses: Record<string, number> = {};
  for (const label of options.labels ?? []) {
    const tokens = tokenizer.tokenize(label, { special: false });
    const logprobs = await session.score(prompt, tokens);
    labelMasses[label] = Math.exp(logprobs.reduce((sum, lp) => sum + lp, 0));
  }
  return { probs, numberMass: probs.reduce((a, b) => a + b, 0), labelMasses };
}

/**
 * Reference implementation: score every number string separately and apply the same rule.
 * Exhaustive (101 scoring passes); used by tests to check the trie walk.
 */
export async function numberDistributionBruteForce(
  session: Pick<Session, "score">,
  tokenizer: Tokenizer,
  prompt: readonly number[],
  max = 100,
): Promise<Float64Array> {
  const tokens = Array.from({ length: max + 1 }, (_, n) => tokenizer.tokenize(String(n), { special: false }));
  const pathProb = new Float64Array(max + 1);
  for (let n = 0; n <= max; n++) {
    const logprobs = await session.score(prompt, tokens[n]!);
    pathProb[n] = Math.exp(logprobs.reduce((sum, lp) => sum + lp, 0));
  }
  const probs = Float64Array.from(pathProb);
  for (let n = 0; n <= max; n++) {
    for (let m = 0; m <= max; m++) {
      const a = tokens[n]!;
      const b = tokens[m]!;
      if (b.length === a.length + 1 && a.every((id, i) => b[i] === id)) probs[n]! -= pathProb[m]!;
    }
  }
  return probs.map((p) => Math.max(0, p));
}
