import { performance } from 'node:perf_hooks';

/** Runs `fn` for at least `minMs` (after a warm-up) and returns the median time per call in ms. */
export function measure(fn: () => unknown, minMs = 300): number {
  for (let i = 0; i < 3; i += 1) fn();
  const samples: number[] = [];
  const started = performance.now();
  while (performance.now() - started < minMs || samples.length < 5) {
    const before = performance.now();
    fn();
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** Prints one figure beside its in-run baseline (milliseconds unless another unit is named). */
export function report(name: string, ours: number, baselineName: string, baseline: number, unit = 'ms'): void {
  const ratio = ours / baseline;
  const digits = unit === 'ms' ? 3 : 0;
  console.log(
    `${name.padEnd(34)} ${ours.toFixed(digits).padStart(9)} ${unit}   ` +
      `${baselineName.padEnd(32)} ${baseline.toFixed(digits).padStart(9)} ${unit}   ratio ${ratio.toFixed(2)}×`,
  );
}
