/** Progress of a run: a bar on a terminal, plain log lines otherwise. */
export interface Progress {
  start(total: number): void;
  advance(samples: number, tokens: number): void;
  /** Items found done already (a resumed run): counted, but kept out of the rate and the ETA. */
  skip(items: number): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, label = "samples"): Progress {
  return stream.isTTY ? new BarProgress(stream, label) : new LogProgress(stream, label);
}

abstract class BaseProgress implements Progress {
  protected total = 0;
  protected done = 0;
  protected skipped = 0;
  protected tokens = 0;
  protected started = 0;

  constructor(
    protected readonly stream: NodeJS.WriteStream,
    protected readonly label: string,
  ) {}

  start(total: number): void {
    this.total = total;
    this.started = performance.now();
  }

  advance(samples: number, tokens: number): void {
    this.done += samples;
    this.tokens += tokens;
    this.render(false);
  }

  skip(items: number): void {
    if (items === 0) return;
    this.done += items;
    this.skipped += items;
    this.render(false);
  }

  finish(): void {
    this.render(true);
  }

  protected summary(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.tokens / seconds : 0;
    // Only work done in this process predicts the rest: skipped items took no time.
    const worked = this.done - this.skipped;
    const remaining = Math.max(0, this.total - this.done);
    const eta = remaining === 0 ? "0s" : worked > 0 ? formatSeconds((seconds / worked) * remaining) : "?";
    // Work counted in items only (judgments) has no token rate to show.
    const speed = this.tokens > 0 ? `  ${rate.toFixed(1)} tok/s` : "";
    return `${this.done}/${this.total} ${this.label}${speed}  ETA ${eta}`;
  }

  protected abstract render(final: boolean): void;
}

class BarProgress extends BaseProgress {
  protected render(final: boolean): void {
    const width = 28;
    const filled = this.total > 0 ? Math.round((this.done / this.total) * width) : width;
    this.stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.summary()}\x1b[K${final ? "\n" : ""}`);
  }
}

class LogProgress extends BaseProgress {
  private lastLog = 0;

  protected render(final: boolean): void {
    const now = performance.now();
    if (!final && now - this.lastLog < 5000) return;
    this.lastLog = now;
    this.stream.write(`emlab: ${this.summary()}\n`);
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${Math.round(seconds % 60)}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
