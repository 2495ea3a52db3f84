/** Index in `text` of the earliest stop string, or -1. */
export function findStop(text: string, stops: readonly string[]): number {
  let best = -1;
  for (const stop of stops) {
    if (stop === "") continue;
    const at = text.indexOf(stop);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}
