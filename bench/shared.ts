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

/**
 * A knob from the environment: `fallback` when unset, else a number that `valid` accepts. Anything
 * else stops the benchmark with a message naming the variable (a typo must not print a table of
 * NaN, or of zero rounds, that looks like a measurement).
 */
function envNumber(
  name: string,
  fallback: number,
  valid: (n: number) => boolean,
  wanted: string,
): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!valid(value)) {
    process.stderr.write(`${name}=${JSON.stringify(text)}: expected ${wanted}.\n`);
    process.exit(2);
  }
  return value;
}

/** A count knob (rounds): a whole number ≥ 1, `fallback` when unset. */
export const envCount = (name: string, fallback: number): number =>
  envNumber(name, fallback, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');

/** A duration knob in seconds: a finite number > 0, `fallback` when unset. */
export const envSeconds = (name: string, fallback: number): number =>
  envNumber(name, fallback, (n) => Number.isFinite(n) && n > 0, 'a number of seconds > 0');

/**
 * A comma-separated list knob: `fallback` when unset, else its items, each one of `allowed` —
 * an unknown item stops the benchmark rather than being skipped in silence.
 */
export function envList<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback: readonly T[] = allowed,
): T[] {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return [...fallback];
  const items = text.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) {
    process.stderr.write(
      `${name}=${JSON.stringify(text)}: unknown ${unknown.map((u) => JSON.stringify(u)).join(', ')}; expected a comma-separated list of ${allowed.join(', ')}.\n`,
    );
    process.exit(2);
  }
  return items as T[];
}

/**
 * The value at quantile `q` (0–1) of `values`: the element at index ⌊q·n⌋ of the sorted list (the
 * last one for q = 1), 0 for an empty list. p50 and p99 of latencies.
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
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
