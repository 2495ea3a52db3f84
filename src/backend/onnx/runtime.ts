import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ort from "onnxruntime-node";
import { EmlabError } from "../../errors.js";
import type { GpuChoice } from "../types.js";

export { ort };

export const GPU_OPT_IN =
  "the CUDA provider is installed with `ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install` (after npm ci) and needs CUDA 12 + cuDNN 9 on the host";

const require = createRequire(import.meta.url);

export function onnxRuntimeVersion(): string {
  return (require("onnxruntime-node/package.json") as { version: string }).version;
}

/** onnxruntime-node ships the CUDA provider as a separate library, fetched only on request at install. */
export function cudaProviderInstalled(): boolean {
  const binding = join(dirname(require.resolve("onnxruntime-node/package.json")), "bin", "napi-v6", process.platform, process.arch);
  return existsSync(join(binding, "libonnxruntime_providers_cuda.so")) || existsSync(join(binding, "onnxruntime_providers_cuda.dll"));
}

export interface OrtSessionResult {
  session: ort.InferenceSession;
  /** "cpu" or "cuda": what actually runs the graph. */
  device: "cpu" | "cuda";
}

/** Open an ONNX graph on the requested device; an explicit GPU that cannot be used is an error, never a silent CPU run. */
export async function createOrtSession(file: string, gpu: GpuChoice, threads: number): Promise<OrtSessionResult> {
  const base: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  };
  if (gpu === "vulkan" || gpu === "metal") {
    throw new EmlabError(`the ONNX backend has no ${gpu} support in onnxruntime-node; use --gpu cuda or --gpu cpu`);
  }
  const wantCuda = gpu === "cuda" || (gpu === "auto" && cudaProviderInstalled());
  if (wantCuda) {
    if (!cudaProviderInstalled()) throw new EmlabError(`--gpu cuda: onnxruntime-node's CUDA provider is not installed (${GPU_OPT_IN})`);
    try {
      return { session: await ort.InferenceSession.create(file, { ...base, executionProviders: ["cuda"] }), device: "cuda" };
    } catch (error) {
      if (gpu === "cuda") {
        throw new EmlabError(`--gpu cuda: onnxruntime could not start its CUDA provider (${firstLine(error)}); ${GPU_OPT_IN}`);
      }
    }
  }
  try {
    return { session: await ort.InferenceSession.create(file, { ...base, executionProviders: ["cpu"] }), device: "cpu" };
  } catch (error) {
    throw new EmlabError(`${file}: onnxruntime could not load this graph (${firstLine(error)})`);
  }
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split("\n")[0]!;
}
