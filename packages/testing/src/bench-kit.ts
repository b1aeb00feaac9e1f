/* eslint-disable no-console -- a benchmark prints its figures */

/** One measured figure, printed as one JSON line (the format every `npm run bench -- <name>` shares). */
export interface Figure {
  metric: string;
  value: number | null;
  unit: string;
  /** What the value is compared with, measured in the same run (e.g. raw Redis for the streams). */
  baseline?: number;
  /** The figure the benchmark must reach, e.g. `>=0.5`. */
  target?: string;
}

/** `value` to `digits` decimals, as a number (so the JSON lines carry numbers, not strings). */
export const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

/** A positive integer from `--<name> N` on the command line, or `fallback`. */
export function intArg(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const index = argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got ${argv[index + 1]}`);
  return value;
}

/** One JSON line per figure (for machines), then a blank line; a benchmark with its own table prints it next. */
export function printFigureLines(figures: readonly Figure[], print: (line: string) => void = console.log): void {
  for (const figure of figures) print(JSON.stringify(figure));
  print('');
}

/** One JSON line per figure (for machines), then a blank line, the title and a table of the figures (for people). */
export function printFigures(title: string, figures: readonly Figure[], print: (line: string) => void = console.log): void {
  printFigureLines(figures, print);
  print(title);
  const rows = figures.map((f) => ({ metric: f.metric, value: f.value ?? '', unit: f.unit, baseline: f.baseline ?? '', target: f.target ?? '' }));
  if (print === console.log) console.table(rows);
  else for (const row of rows) print(Object.values(row).join('\t'));
}
