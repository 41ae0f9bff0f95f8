/**
 * Rows of the benchmark report and their verdicts against the targets of issue 6, and the Markdown table
 * printed to stdout (the README's "Performance" section is pasted from it).
 */

export type Comparison = '<' | '<=' | '>=' | '==';

export interface Target {
  readonly op: Comparison;
  readonly value: number;
  /** Shown after the value ("ms", "KB", "×", ""). */
  readonly unit: string;
  /** Display text instead of the generated one ("no", "none"). */
  readonly text?: string;
}

/** pass/fail against a target; info: reported without a target; n/a: could not be measured in this run. */
export type Verdict = 'pass' | 'fail' | 'info' | 'n/a';

export interface Row {
  readonly section: string;
  readonly metric: string;
  /** Display text of the measurement ("212.4 KB", "1.01× (2.31 vs 2.29 ms)"). */
  readonly measured: string;
  /** Display text of the target ("< 300 KB"), or "–" when the issue sets none. */
  readonly target: string;
  readonly verdict: Verdict;
  /** The number compared with the target, for the JSON file. */
  readonly value?: number;
}

export function judge(value: number | undefined, target: Target): Verdict {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  switch (target.op) {
    case '<':
      return value < target.value ? 'pass' : 'fail';
    case '<=':
      return value <= target.value ? 'pass' : 'fail';
    case '>=':
      return value >= target.value ? 'pass' : 'fail';
    case '==':
      return value === target.value ? 'pass' : 'fail';
  }
}

const OP_TEXT: Record<Comparison, string> = { '<': '<', '<=': '≤', '>=': '≥', '==': '=' };

export function describeTarget(target: Target): string {
  if (target.text !== undefined) return target.text;
  return `${OP_TEXT[target.op]} ${target.value}${target.unit && !target.unit.startsWith('×') ? ' ' : ''}${target.unit}`;
}

/** A row measured against a target. */
export function targetRow(section: string, metric: string, value: number | undefined, measured: string, target: Target): Row {
  return { section, metric, measured, target: describeTarget(target), verdict: judge(value, target), ...(value === undefined ? {} : { value }) };
}

/** A row reported without a target. */
export function infoRow(section: string, metric: string, measured: string, value?: number): Row {
  return { section, metric, measured, target: '–', verdict: 'info', ...(value === undefined ? {} : { value }) };
}

/** A row that could not be measured, with the reason in place of the measurement. */
export function unavailableRow(section: string, metric: string, reason: string, target?: Target): Row {
  return { section, metric, measured: `n/a (${reason})`, target: target ? describeTarget(target) : '–', verdict: 'n/a' };
}

const MARKS: Record<Verdict, string> = { pass: '✓', fail: '✗', info: '–', 'n/a': 'n/a' };

export function verdictMark(verdict: Verdict): string {
  return MARKS[verdict];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table: metric | measured | target | verdict. */
export function formatTable(rows: readonly Row[]): string {
  const lines = ['| metric | measured | target | verdict |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${cell(r.metric)} | ${cell(r.measured)} | ${cell(r.target)} | ${verdictMark(r.verdict)} |`);
  return lines.join('\n');
}

/** Display helpers, so every section formats numbers the same way. */
export const fmt = {
  ms: (v: number): string => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`,
  kb: (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`,
  mb: (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(2)} MB`,
  ratio: (v: number): string => `${v.toFixed(3)}×`,
  pct: (v: number): string => `${(v * 100).toFixed(1)}%`,
};
