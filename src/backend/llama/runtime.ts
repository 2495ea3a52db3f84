import { getLlama, type Llama } from "node-llama-cpp";
import { EmlabError } from "../../errors.js";
import type { GpuChoice } from "../types.js";

const runtimes = new Map<GpuChoice, Promise<Llama>>();

/**
 * One llama.cpp runtime per GPU choice and process. `build: "never"`: an explicit GPU whose
 * prebuilt binary does not load must fail clearly, never clone and compile llama.cpp.
 */
export function getLlamaRuntime(gpu: GpuChoice = "auto"): Promise<Llama> {
  let runtime = runtimes.get(gpu);
  if (!runtime) {
    runtime = getLlama({
      gpu: gpu === "cpu" ? false : gpu,
      build: "never",
      logLevel: "error" as never,
      progressLogs: false,
    }).catch((error: unknown) => {
      runtimes.delete(gpu);
      throw new EmlabError(
        `the llama.cpp ${gpu === "auto" ? "" : gpu + " "}backend is not available on this machine ` +
          `(${(error as Error).message.split("\n")[0]}); use --gpu auto or --gpu cpu`,
      );
    });
    runtimes.set(gpu, runtime);
  }
  return runtime;
}
