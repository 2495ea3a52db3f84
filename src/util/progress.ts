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
  /**
   * When the first item finished: the rate is measured from there, because the time before it is
   * model loading and the first shared prefix, which the remaining items do not repeat.
   */
  private firstAdvance: { at: number; worked: number } | undefined;

  constructor(
    protected readonly stream: NodeJS.WriteStream,
    protected readonly label: string,
  ) {}

  start(total: number): void {
    this.total = total;
    this.started = performance.now();
  }

  advance(samples: number, tokens: number): void {
    if (this.firstAdvance === undefined) this.firstAdvance = { at: performance.now(), worked: this.done - this.skipped + samples };
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
    const remaining = Math.max(0, this.total - this.done);
    const eta = remaining === 0 ? "0s" : this.secondsPerItem() === undefined ? "?" : formatSeconds(this.secondsPerItem()! * remaining);
    // Work counted in items only (judgments) has no token rate to show.
    const speed = this.tokens > 0 ? `  ${rate.toFixed(1)} tok/s` : "";
    return `${this.done}/${this.total} ${this.label}${speed}  ETA ${eta}`;
  }

  /** Measured since the first finished item, over items worked in this process (skipped ones took no time). */
  private secondsPerItem(): number | undefined {
    if (!this.firstAdvance) return undefined;
    const items = this.done - this.skipped - this.firstAdvance.worked;
    return items > 0 ? (performance.now() - this.firstAdvance.at) / 1000 / items : undefined;
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
