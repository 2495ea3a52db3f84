/**
 * A real llama-server (built from node-llama-cpp's bundled llama.cpp by scripts/llama-server.ts) on
 * 127.0.0.1 with a free port, for tests. Absent locally: tests skip with the reason printed; under
 * CI=true they fail instead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { findLlamaTool, llamaBuildDir } from "../../src/backend/served/llama-server-binary.js";
import { freePort } from "../../src/backend/served/managed-llama-server.js";

export { freePort };

export interface LlamaServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
}

/** The binary, or null with the reason printed (an error under CI=true). */
export function llamaServerBinary(): string | null {
  const binary = findLlamaTool("llama-server");
  if (binary) return binary;
  let where = "(unknown cache folder)";
  try {
    where = llamaBuildDir();
  } catch {
    // node-llama-cpp's bundle is missing: the reason below still holds
  }
  const reason = `no llama-server binary in ${where}/bin (build it with: node --import tsx scripts/llama-server.ts, or set EMLAB_LLAMA_SERVER)`;
  if (process.env.CI === "true") throw new Error(reason);
  process.stderr.write(`skipping real llama-server tests: ${reason}\n`);
  return null;
}

/** Start llama-server on one of the tiny fixtures (1 thread, 2 slots, flash attention off) and wait until it is ready. */
export async function startLlamaServer(binary: string, model: string, options: { lora?: string[]; port?: number } = {}): Promise<LlamaServerProcess> {
  const port = options.port ?? (await freePort());
  const args = ["-m", model, "-t", "1", "-np", "2", "-c", "2048", "-fa", "off", "--host", "127.0.0.1", "--port", String(port), "--no-webui"];
  for (const lora of options.lora ?? []) args.push("--lora", lora);
  if (options.lora?.length) args.push("--lora-init-without-apply");
  const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`llama-server exited (${child.exitCode}) before it was ready:\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`llama-server was not ready within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
