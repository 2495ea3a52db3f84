import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { EmlabError } from "../../errors.js";
import { findLlamaTool, llamaBuildDir } from "./llama-server-binary.js";

/** How emlab starts its own llama-server for a GGUF file (the `llama-server` engine). */
export interface ManagedServerOptions {
  model: string;
  threads: number;
  /** Server slots: sequences decoded together. */
  slots: number;
  /** Tokens per slot. */
  contextSize: number;
  flashAttention: boolean;
  /** Offload layers to a GPU when the binary has one (`-ngl 999`); CPU otherwise. */
  gpu: boolean;
  /** LoRA files loaded at start with scale 0; requests set their scales. */
  lora: readonly string[];
  /** Seconds to wait for /health. Default 120 (a large model loads slowly). */
  readySeconds?: number;
}

export interface ManagedServer {
  url: string;
  binary: string;
  args: string[];
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
  stop(): Promise<void>;
}

/** The binary, or a clear error saying how to get one. */
export function managedServerBinary(): string {
  const binary = findLlamaTool("llama-server");
  if (binary) return binary;
  let where = "~/.cache/emlab/llama-server/<commit>";
  try {
    where = llamaBuildDir();
  } catch {
    // node-llama-cpp's bundle is unreadable: the generic hint stays
  }
  throw new EmlabError(
    `the llama-server engine needs a llama-server binary: none in ${where}/bin. Build it once with ` +
      `\`node --import tsx scripts/llama-server.ts\` (15-25 min on 2 cores) or set EMLAB_LLAMA_SERVER to one`,
  );
}

export function managedServerArgs(options: ManagedServerOptions, port: number): string[] {
  const args = [
    "-m", options.model,
    "-t", String(options.threads), "-tb", String(options.threads),
    "-np", String(options.slots),
    // llama-server's context is shared by its slots.
    "-c", String(options.contextSize * options.slots),
    "-fa", options.flashAttention ? "on" : "off",
    "-ngl", options.gpu ? "999" : "0",
    "--host", "127.0.0.1", "--port", String(port), "--no-webui",
  ];
  for (const lora of options.lora) args.push("--lora", lora);
  if (options.lora.length > 0) args.push("--lora-init-without-apply");
  return args;
}

/** Start llama-server on a free local port and wait until it answers /health. */
export async function startManagedServer(options: ManagedServerOptions): Promise<ManagedServer> {
  const binary = managedServerBinary();
  const port = await freePort();
  const args = managedServerArgs(options, port);
  const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A server must not outlive emlab (Ctrl-C, an error): kill it when this process exits.
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  const stop = async () => {
    process.removeListener("exit", onExit);
    await terminate(child, exited);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readySeconds ?? 120) * 1000;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new EmlabError(`${binary} exited (${child.exitCode ?? child.signalCode}) before it was ready: ${lastLines(log)}`);
      }
      if (await healthy(url)) break;
      if (Date.now() > deadline) throw new EmlabError(`${binary} was not ready within ${options.readySeconds ?? 120} s: ${lastLines(log)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, binary, args, stop };
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
}

function lastLines(log: string): string {
  return log.trim().split("\n").slice(-3).join(" | ") || "(no output)";
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
