import type { Command } from "commander";
import { registerAdaptersCommand } from "./adapters.js";
import { registerDatasetsCommand } from "./datasets.js";
import { registerDemoCommand } from "./demo.js";
import { registerFixturesCommand } from "./fixtures.js";
import { registerInspectCommand } from "./inspect.js";
import { registerJudgeCommand } from "./judge.js";
import { registerLabelCommand } from "./label.js";
import { registerMetricsCommand } from "./metrics.js";
import { registerOnnxCommand } from "./onnx.js";
import { registerReportCommand } from "./report.js";
import { registerRunCommand } from "./run.js";
import { registerExportCommand, registerRunsCommand } from "./runs.js";
import { registerSampleCommand, registerScoreCommand } from "./sample.js";
import { registerViewCommand } from "./view.js";

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerSampleCommand,
  registerScoreCommand,
  registerRunCommand,
  registerJudgeCommand,
  registerLabelCommand,
  registerMetricsCommand,
  registerReportCommand,
  registerRunsCommand,
  registerExportCommand,
  registerFixturesCommand,
  registerInspectCommand,
  registerDemoCommand,
  registerDatasetsCommand,
  registerViewCommand,
  registerAdaptersCommand,
  registerOnnxCommand,
];
