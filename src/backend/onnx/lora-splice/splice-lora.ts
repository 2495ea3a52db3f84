import { EmlabError } from "../../../errors.js";
import { encodeMetadataEntry, encodeNode, encodeTensorValueInfo, GraphField, ModelField, readNode, readTensorHeader, readValueInfoName, renameFirstOutput } from "./onnx-wire.js";
import { findProjectionSites, siteKey, type ProjectionSite } from "./projection-sites.js";
import { lenField, lenFieldChunks, payload, readFields, WireError, WireType, type WireField } from "./protobuf-wire.js";

/** ModelProto.metadata_props key holding the largest total LoRA rank the graph was made for. */
export const RANK_MAX_KEY = "emlab.lora.rank_max";

export interface SpliceOptions {
  /** Engine module names to adapt (q_proj…); a packed projection is adapted when any of its parts is listed. */
  modules: readonly string[];
  rankMax: number;
  config: Record<string, unknown>;
  /** The graph's file, for messages. */
  origin: string;
}

/**
 * Add `y += (x·A)·B` beside each block projection `y = x·W` of a serialized ModelProto, with graph
 * inputs `lora.{layer}.{module}.A` [in, rank] and `.B` [rank, out] in the activation type (the engine
 * folds the scale into B). Only the graph's length prefix, the projection nodes (their output renamed,
 * so every consumer reads the sum unchanged) and the appended nodes, inputs and metadata are new
 * bytes: initializers, external-data references and unknown fields are copied as they are.
 */
export function spliceLoraBranches(bytes: Uint8Array, options: SpliceOptions): { chunks: Uint8Array[]; sites: ProjectionSite[] } {
  const top = fieldsOf(bytes, options.origin);
  const graphs = top.filter((f) => f.field === ModelField.GRAPH && f.wire === WireType.LEN);
  if (graphs.length !== 1) throw new EmlabError(`${options.origin}: not an ONNX model (${graphs.length} graphs in the ModelProto)`);
  const graphField = graphs[0]!;
  const graphFields = fieldsOf(bytes, options.origin, graphField);
  const nodeFields = graphFields.filter((f) => f.field === GraphField.NODE);
  const nodes = nodeFields.map((f) => readNode(payload(bytes, f)));
  const initializers = new Map(graphFields.filter((f) => f.field === GraphField.INITIALIZER).map((f) => readTensorHeader(payload(bytes, f))).map((t) => [t.name, t]));
  const inputs = graphFields.filter((f) => f.field === GraphField.INPUT).map((f) => readValueInfoName(payload(bytes, f)));
  const existing = inputs.filter((name) => name.startsWith("lora."));
  if (existing.length) throw new EmlabError(`${options.origin}: this graph already takes LoRA inputs (${existing.slice(0, 3).join(", ")}…)`);

  const sites = findProjectionSites({ nodes, initializers, modules: new Set(options.modules), config: options.config, origin: options.origin });
  const taken = new Set([...inputs, ...initializers.keys(), ...nodes.flatMap((n) => [...n.outputs, n.name])]);
  const branches = new Map<number, Uint8Array[]>(sites.map((s) => [nodeFields[s.node]!.start, branchNodes(s, taken, options.origin)]));

  const graph: Uint8Array[] = [];
  for (const f of graphFields) {
    const branch = branches.get(f.start);
    if (!branch) {
      graph.push(bytes.subarray(f.start, f.end));
      continue;
    }
    const site = sites.find((s) => nodeFields[s.node]!.start === f.start)!;
    graph.push(lenField(GraphField.NODE, renameFirstOutput(payload(bytes, f), baseName(site))), ...branch);
  }
  for (const site of sites) {
    for (const part of site.parts) {
      const rank = `lora_rank_${siteKey(site.layer, part.module).replace(".", "_")}`;
      graph.push(lenField(GraphField.INPUT, encodeTensorValueInfo(loraInputName(site.layer, part.module, "A"), site.elemType, [site.inFeatures, rank])));
      graph.push(lenField(GraphField.INPUT, encodeTensorValueInfo(loraInputName(site.layer, part.module, "B"), site.elemType, [rank, part.outFeatures])));
    }
  }

  // The new model as consecutive chunks, most of them views of `bytes`.
  const chunks = top.flatMap((f) => (f === graphField ? lenFieldChunks(ModelField.GRAPH, graph) : [bytes.subarray(f.start, f.end)]));
  chunks.push(lenField(ModelField.METADATA_PROPS, encodeMetadataEntry(RANK_MAX_KEY, String(options.rankMax))));
  return { chunks, sites };
}

function fieldsOf(bytes: Uint8Array, origin: string, within?: WireField): WireField[] {
  try {
    return readFields(bytes, within?.valueStart, within?.valueEnd);
  } catch (error) {
    if (error instanceof WireError) throw new EmlabError(`${origin}: not an ONNX model (${error.message})`);
    throw error;
  }
}

/** The graph input names the engine reads (decoder-graph.ts): `lora.{layer}.{module}.A|B`, `lora.lm_head.A|B`. */
const loraInputName = (layer: number | null, module: string, part: "A" | "B") => `lora.${siteKey(layer, module)}.${part}`;

const baseName = (s: ProjectionSite) => `emlab_lora.${siteKey(s.layer, s.module)}.base`;

/** x·A·B per part (concatenated along the output columns when packed), added to the renamed projection output. */
function branchNodes(site: ProjectionSite, taken: Set<string>, origin: string): Uint8Array[] {
  const prefix = `emlab_lora.${siteKey(site.layer, site.module)}`;
  const claim = (name: string) => {
    if (taken.has(name)) throw new EmlabError(`${origin}: the graph already has a value or node named ${name}`);
    taken.add(name);
    return name;
  };
  claim(baseName(site));
  const nodes: Parameters<typeof encodeNode>[0][] = [];
  const deltas = site.parts.map((part) => {
    const xa = claim(`${prefix}.${part.module}.xA`);
    const delta = claim(`${prefix}.${part.module}.delta`);
    nodes.push({ name: claim(`${xa}/MatMul`), opType: "MatMul", inputs: [site.input, loraInputName(site.layer, part.module, "A")], outputs: [xa] });
    nodes.push({ name: claim(`${delta}/MatMul`), opType: "MatMul", inputs: [xa, loraInputName(site.layer, part.module, "B")], outputs: [delta] });
    return delta;
  });
  let delta = deltas[0]!;
  if (deltas.length > 1) {
    delta = claim(`${prefix}.delta`);
    nodes.push({ name: claim(`${delta}/Concat`), opType: "Concat", inputs: deltas, outputs: [delta], ints: { axis: -1 } });
  }
  nodes.push({ name: claim(`${prefix}/Add`), opType: "Add", inputs: [baseName(site), delta], outputs: [site.output] });
  return nodes.map((n) => lenField(GraphField.NODE, encodeNode(n)));
}
