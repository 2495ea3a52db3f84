import type { Command } from "commander";
import { registerRunCommand } from "./run.js";
import { registerExportCommand, registerRunsCommand } from "./runs.js";
import { registerSampleCommand, registerScoreCommand } from "./sample.js";

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerSampleCommand,
  registerScoreCommand,
  registerRunCommand,
  registerRunsCommand,
  registerExportCommand,
];
