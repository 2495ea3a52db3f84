import { spawn } from "node:child_process";
import { Option, type Command } from "commander";
import { CONVENTION_NAMES, type ConventionName } from "../../metrics/conventions.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { isLoopback } from "../../view/security.js";
import { startViewServer } from "../../view/server.js";
import { numberOption } from "../options.js";

interface ViewCliOptions {
  db: string;
  port: number;
  host: string;
  open?: boolean;
  labeler: string;
  convention: ConventionName;
}

export function registerViewCommand(program: Command): void {
  program
    .command("view")
    .description("browse runs, samples, token log-probs and comparisons in a local web page; label samples (the database is read-only except for labels)")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .option("--port <n>", "port (0: any free port)", numberOption("port", true), 7777)
    .option("--host <address>", "address to listen on; anything but 127.0.0.1/::1/localhost exposes your results to the network", "127.0.0.1")
    .option("--open", "open the page in the default browser")
    .option("--labeler <name>", "name stored with labels made in the page", process.env.USER || "human")
    .addOption(new Option("--convention <name>", "misalignment convention of rates and filters").choices([...CONVENTION_NAMES]).default("em-paper"))
    .action(async (options: ViewCliOptions) => {
      if (!isLoopback(options.host)) {
        process.stderr.write(`emlab: warning: listening on ${options.host}: anyone who can reach this address can read every prompt and answer in ${options.db}\n`);
      }
      const server = await startViewServer({ db: options.db, host: options.host, port: options.port, labeler: options.labeler, convention: options.convention });
      process.stdout.write(`emlab view: ${server.url} (database ${options.db}, labels as ${options.labeler}; Ctrl-C stops)\n`);
      if (options.open) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}

/** The platform's own "open this URL" command; failing to open is not an error (the URL is printed). */
function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => process.stderr.write(`emlab: could not start ${command}; open ${url} yourself\n`));
  child.unref();
}
