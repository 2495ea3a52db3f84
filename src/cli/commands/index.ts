import type { Command } from "commander";
import { registerSampleCommand, registerScoreCommand } from "./sample.js";

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerSampleCommand,
  registerScoreCommand,
];
