/** Helpers shared by the benchmark scripts: a seeded generator, medians, formatting. */

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Pads `text` to `width` (right-aligned when `right`). */
export function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

/** Whether `--json` was passed. */
export const wantsJson = process.argv.includes('--json');

/** Min, median and max of a non-empty list. */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/** `min / median / max` with `digits` decimals. */
export function fmtSpread(values: readonly number[], digits = 1): string {
  const s = spread(values);
  return `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
}

/** A Markdown table (GitHub flavour); numbers right-aligned. */
export function mdTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => r.map((c) => String(c ?? '')));
  const numeric = headers.map((_, i) =>
    cells.every((r) => /^[-\d.,×%/ µ<>≤≥~]*$/.test(r[i] ?? '') && /\d/.test(r[i] ?? '')),
  );
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [
    line(headers),
    line(headers.map((_, i) => (numeric[i] ? '---:' : '---'))),
    ...cells.map(line),
  ].join('\n');
}

/** Prints a section heading and a note for `bench/run.ts` to copy into docs/benchmarks.md. */
export function section(title: string, note?: string): void {
  console.log(`\n### ${title}\n`);
  if (note) console.log(`${note}\n`);
}
