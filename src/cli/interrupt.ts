/**
 * Ctrl-C during a resumable command: everything is written in transactions, so what is stored stays
 * and a rerun of the same command continues from there. Say so instead of dying silently.
 */
export async function resumableOnInterrupt<T>(rerun: string, work: () => Promise<T>): Promise<T> {
  const onInterrupt = () => {
    process.stderr.write(`\nemlab: interrupted; everything stored so far is kept: rerun \`${rerun}\` to resume\n`);
    process.exit(130);
  };
  process.once("SIGINT", onInterrupt);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}
