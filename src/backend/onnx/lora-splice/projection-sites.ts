import { EmlabError } from "../../../errors.js";
import { GGUF_BLOCK_MODULE } from "../../../adapters/gguf-lora-names.js";
import { ElemType, type WireNode, type WireTensorHeader } from "./onnx-wire.js";

/** The block Linear layers a LoRA adapts, by their Hugging Face (PEFT) names, in block order. */
export const BLOCK_MODULES: readonly string[] = Object.keys(GGUF_BLOCK_MODULE);

/** Every module add-lora can adapt: the block projections and, when asked for, the output projection. */
export const LORA_MODULES: readonly string[] = [...BLOCK_MODULES, "lm_head"];

/** Packed projections of real exports (onnxruntime-genai's builder) and the modules they hold, in column order. */
const PACKED: Readonly<Record<string, readonly string[]>> = { qkv_proj: ["q_proj", "k_proj", "v_proj"], gate_up_proj: ["gate_proj", "up_proj"] };

/**
 * `model.layers.{N}` then a module name as a path component, in node names (Optimum's
 * `/model/layers.0/self_attn/q_proj/MatMul`, genai's `/model/layers.0/attn/qkv_proj/MatMulNBits`) and weight names
 * (`model.layers.0.mlp.down_proj.weight`, `model.layers.0.attn.qkv_proj.MatMul.weight_Q4`). Packed names come first
 * so `gate_up_proj` is not read as `up_proj`; `/vision_model/encoder/layers.0/…` is not the decoder's.
 */
const SITE_NAME = /(?<![A-Za-z0-9_])model[./]layers[./](\d+)[./_](?:.*?[./_])?(qkv_proj|gate_up_proj|q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)(?![A-Za-z0-9])/;

/** The output projection: Optimum's `/lm_head/MatMul` and weight `lm_head.weight`, genai's `/lm_head/MatMul`. */
const LM_HEAD_NAME = /(?<![A-Za-z0-9_])lm_head(?![A-Za-z0-9_])/;

/** The block (null for lm_head) and module a node or weight name belongs to, if it names a decoder projection. */
export function projectionName(name: string): { layer: number | null; module: string } | undefined {
  const match = SITE_NAME.exec(name);
  if (match) return { layer: Number(match[1]), module: match[2]! };
  return LM_HEAD_NAME.test(name) ? { layer: null, module: "lm_head" } : undefined;
}

/** `3.q_proj`, or `lm_head` outside the blocks. */
export const siteKey = (layer: number | null, module: string) => (layer === null ? module : `${layer}.${module}`);

/** One projection of a block that gets a LoRA branch. */
export interface ProjectionSite {
  /** Index of the node among the graph's nodes. */
  node: number;
  nodeName: string;
  opType: string;
  /** null for lm_head. */
  layer: number | null;
  /** The projection's own module name (`qkv_proj` when packed). */
  module: string;
  /** The engine's modules it holds, with their output columns in order (one for an unpacked projection). */
  parts: { module: string; outFeatures: number }[];
  inFeatures: number;
  outFeatures: number;
  /** ONNX element type of the activations (float or float16). */
  elemType: number;
  /** The activation input and the projection's output value. */
  input: string;
  output: string;
}

export interface SiteSearch {
  nodes: readonly WireNode[];
  initializers: ReadonlyMap<string, WireTensorHeader>;
  /** Modules to adapt (engine names; a packed projection is adapted when any of its parts is asked for). */
  modules: ReadonlySet<string>;
  /** config.json, for the q/k/v split of packed projections. */
  config: Record<string, unknown>;
  origin: string;
}

/** The block projections of a graph, as MatMul (fp32/fp16 weight initializer) or com.microsoft MatMulNBits. */
export function findProjectionSites(search: SiteSearch): ProjectionSite[] {
  const sites: ProjectionSite[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, string>();
  search.nodes.forEach((node, index) => {
    const isNBits = node.opType === "MatMulNBits" && node.domain === "com.microsoft";
    if (node.opType !== "MatMul" && !isNBits) return;
    const named = projectionName(node.name) ?? projectionName(node.inputs[1] ?? "");
    if (!named) return;
    const { layer, module } = named;
    const parts = PACKED[module] ?? [module];
    if (!parts.some((p) => search.modules.has(p))) return;
    const shape = isNBits ? nbitsShape(node, search.initializers) : matmulShape(node, search.initializers);
    if (typeof shape === "string") {
      skipped.push(`${node.name || node.outputs[0]} (${shape})`);
      return;
    }
    const key = siteKey(layer, module);
    const previous = seen.get(key);
    if (previous !== undefined) throw new EmlabError(`${search.origin}: two projections look like ${key}: ${previous} and ${node.name}`);
    seen.set(key, node.name);
    sites.push({
      node: index,
      nodeName: node.name,
      opType: node.opType,
      layer,
      module,
      parts: splitColumns(module, parts, shape.outFeatures, search),
      ...shape,
      input: node.inputs[0]!,
      output: node.outputs[0]!,
    });
  });
  if (sites.length === 0) {
    const projections = search.nodes.filter((n) => n.opType.startsWith("MatMul")).slice(0, 8);
    throw new EmlabError(
      `${search.origin}: no attention or MLP projection (${[...search.modules].join(", ")}) found as MatMul or MatMulNBits named ` +
        `like model.layers.N…/q_proj` +
        (skipped.length ? `; unusable: ${skipped.join("; ")}` : "") +
        `; MatMul-like nodes seen: ${projections.map((n) => `${n.opType} ${n.name || n.outputs[0]}(${n.inputs.join(", ")})`).join("; ") || "none"}` +
        (search.nodes.some((n) => n.opType === "If") ? " (a merged decoder: projections inside If branches are not rewritten; use a plain model*.onnx)" : ""),
    );
  }
  if (skipped.length) throw new EmlabError(`${search.origin}: projections emlab cannot add a LoRA branch to: ${skipped.join("; ")}`);
  const covered = new Set(sites.flatMap((s) => s.parts.map((p) => p.module)));
  const missing = [...search.modules].filter((m) => !covered.has(m));
  if (missing.length) throw new EmlabError(`${search.origin}: no projection found for ${missing.join(", ")} (found ${[...covered].join(", ")})`);
  return sites.sort((a, b) => layerOrder(a) - layerOrder(b) || moduleOrder(a) - moduleOrder(b));
}

const layerOrder = (s: ProjectionSite) => s.layer ?? Infinity;
const moduleOrder = (s: ProjectionSite) => LORA_MODULES.indexOf(s.parts[0]!.module);

type Shape = { inFeatures: number; outFeatures: number; elemType: number };

function activationType(dataType: number | undefined): number | undefined {
  return dataType === ElemType.FLOAT || dataType === ElemType.FLOAT16 ? dataType : undefined;
}

function matmulShape(node: WireNode, initializers: ReadonlyMap<string, WireTensorHeader>): Shape | string {
  const weight = initializers.get(node.inputs[1] ?? "");
  if (!weight) return `weight ${node.inputs[1]} is not an initializer`;
  const elemType = activationType(weight.dataType);
  if (weight.dims.length !== 2 || elemType === undefined) return `weight ${weight.name} is [${weight.dims.join(", ")}] of type ${weight.dataType}, not a 2-D float or float16 matrix`;
  return { inFeatures: weight.dims[0]!, outFeatures: weight.dims[1]!, elemType };
}

/** MatMulNBits: quantized weights, so the features come from its K and N attributes, the activation type from its scales. */
function nbitsShape(node: WireNode, initializers: ReadonlyMap<string, WireTensorHeader>): Shape | string {
  const k = node.ints.get("K");
  const n = node.ints.get("N");
  if (k === undefined || n === undefined || k <= 0n || n <= 0n) return "MatMulNBits without positive K and N attributes";
  const scales = initializers.get(node.inputs[2] ?? "");
  const elemType = activationType(scales?.dataType);
  if (elemType === undefined) return `scales ${node.inputs[2]} are not a float or float16 initializer`;
  return { inFeatures: Number(k), outFeatures: Number(n), elemType };
}

/** Output columns per module: q/k/v from the head counts in config.json, gate/up in halves. */
function splitColumns(module: string, parts: readonly string[], out: number, search: SiteSearch): ProjectionSite["parts"] {
  if (parts.length === 1) return [{ module: parts[0]!, outFeatures: out }];
  let sizes: number[];
  if (module === "qkv_proj") {
    const c = search.config;
    const heads = Number(c.num_attention_heads);
    const kvHeads = Number(c.num_key_value_heads ?? heads);
    const headDim = Number(c.head_dim ?? Number(c.hidden_size) / heads);
    sizes = [heads * headDim, kvHeads * headDim, kvHeads * headDim];
  } else {
    sizes = [out / 2, out / 2];
  }
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0) || sizes.reduce((a, b) => a + b, 0) !== out) {
    throw new EmlabError(`${search.origin}: cannot split ${module} (${out} columns) into ${parts.join("/")} from config.json (got ${sizes.join(" + ")})`);
  }
  return parts.map((p, i) => ({ module: p, outFeatures: sizes[i]! }));
}
