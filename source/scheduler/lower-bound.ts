/**
 * The shortest a round can take: no host can go faster than its queued work spread over its
 * allowed connections (nor than its longest site), and all of it not faster than over the
 * global limit. `durations` are per site, grouped by host.
 */
export function roundLowerBoundMs(
  durations: ReadonlyMap<string, readonly number[]>,
  limitOf: (host: string) => number,
  parallel: number,
): number {
  let bound = 0;
  let total = 0;
  for (const [host, list] of durations) {
    const sum = list.reduce((a, b) => a + b, 0);
    total += sum;
    bound = Math.max(bound, sum / Math.max(1, Math.min(limitOf(host), parallel)), Math.max(0, ...list));
  }
  return Math.max(bound, total / Math.max(1, parallel));
}
