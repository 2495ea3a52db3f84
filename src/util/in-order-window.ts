/**
 * Run `task` over `items` in order with at most `window` tasks in flight: task i+window starts when
 * one before it has finished. On the first failure nothing new starts; the tasks in flight are
 * awaited (so no write is left running) and that first error is thrown.
 */
export async function inOrderWindow<T>(items: readonly T[], window: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(window, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
}
