// What every benchmark hands back: named figures with their unit and target, and the small
// statistics they are reported with (percentiles of one run, not best-of-many).

export interface Figure {
  readonly name: string;
  /** null when the benchmark could not produce it (see the log). */
  readonly value: number | null;
  readonly unit: string;
  /** The upper bound from issue 7 (an exact count for the requests figures); null for figures reported without a target. */
  readonly target: number | null;
  /** Whether the target was met; null without a target, and in a smoke run (small sizes: nothing is judged). */
  readonly ok: boolean | null;
}

export interface FigureSpec {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target?: number | null;
  /** How the value is compared with the target: at most (default) or exactly. */
  readonly compare?: 'at-most' | 'exactly';
}

export function figure(spec: FigureSpec, judge: boolean): Figure {
  const target = spec.target ?? null;
  const value = spec.value === null || Number.isNaN(spec.value) ? null : round(spec.value);
  const met = target === null || value === null ? null : spec.compare === 'exactly' ? value === target : value <= target;
  return { name: spec.name, value, unit: spec.unit, target, ok: judge ? met : null };
}

/** Three decimals (one from 100 up), so the JSON stays readable. */
function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 1000) / 1000;
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

export function formatTable(figures: readonly Figure[], judged: boolean): string {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? 'n/a' : formatNumber(f.value),
    f.unit,
    f.target === null ? '–' : formatNumber(f.target),
    !judged || f.ok === null ? '–' : f.ok ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'unit', 'target', 'ok'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 1 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 1 || i === 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
}
