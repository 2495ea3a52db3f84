import { Command, CommanderError } from "commander";
import { EmlabError } from "../errors.js";
import { VERSION } from "../version.js";
import { commandModules } from "./commands/index.js";

export function buildProgram(): Command {
  const program = new Command("emlab")
    .description("Emergent-misalignment workbench: variants, sampling, judging, probes and reports on local models")
    .version(VERSION)
    .exitOverride();
  for (const register of commandModules) register(program);
  return program;
}

/** Run the CLI; input errors become one line on stderr and exit code 1 (2 for usage errors). */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  exitQuietlyWhenStdoutCloses();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed its message (help, version or a usage error)
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof EmlabError) {
      process.stderr.write(`emlab: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

/** `emlab export | head`: the reader went away; that is not an error worth a stack trace. */
function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
