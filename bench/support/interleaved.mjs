/**
 * Measures every mode `runs` times, interleaved (A B C, B C A, C A B, …): each run rotates which mode
 * goes first, so none always runs on a warmer process. `warmUp(mode)`, when given, runs once per mode
 * first (not measured); `afterRun(run)` after each run's modes. Returns `{ [mode]: [measure(mode, 0),
 * measure(mode, 1), …] }`, keyed in `modes` order.
 */
export async function interleaved(modes, runs, measure, { warmUp, afterRun } = {}) {
  if (warmUp) for (const mode of modes) await warmUp(mode);
  const results = Object.fromEntries(modes.map((mode) => [mode, []]));
  for (let run = 0; run < runs; run++) {
    for (let j = 0; j < modes.length; j++) {
      const mode = modes[(run + j) % modes.length];
      results[mode].push(await measure(mode, run));
    }
    if (afterRun) await afterRun(run);
  }
  return results;
}
