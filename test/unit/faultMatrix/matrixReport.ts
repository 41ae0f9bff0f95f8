// Collects every cell's verdict and prints the matrix (fault rows × action columns) once all tests ran,
// compact enough to paste into a closing note. The `after` below is registered while mocha loads the
// spec files, outside any describe, so it is a root hook: it runs after both matrix suites.
import { FAULT_ROWS, type FaultId } from './faultRows';

export type ActionId = 'code' | 'translate' | 'summarize' | 'ask' | 'sentiment' | 'topic' | 'ner' | 'prompt' | 'hub-search' | 'hub-details' | 'try-it';

/** Columns in the order the issue lists the actions. */
export const ACTION_COLUMNS: readonly { id: ActionId; header: string }[] = [
  { id: 'code', header: 'code' },
  { id: 'translate', header: 'transl' },
  { id: 'summarize', header: 'summ' },
  { id: 'ask', header: 'ask' },
  { id: 'sentiment', header: 'sentim' },
  { id: 'topic', header: 'topic' },
  { id: 'ner', header: 'ner' },
  { id: 'prompt', header: 'prompt' },
  { id: 'hub-search', header: 'hub-srch' },
  { id: 'hub-details', header: 'hub-det' },
  { id: 'try-it', header: 'try-it' },
];

export type CellResult = 'pass' | 'FAIL' | 'FAIL-known' | { readonly na: number };

/** Why a cell does not apply; the number is the footnote mark printed in the cell. */
export const NA_FOOTNOTES: readonly string[] = [
  'stream fault; the action reads one JSON answer (no chunks to stall, cut or end early)',
  'stream fault; Hub calls are plain JSON requests',
];

const results = new Map<string, CellResult>();
const cellKey = (fault: FaultId, action: ActionId): string => `${fault}|${action}`;

export function recordCell(fault: FaultId, action: ActionId, result: CellResult): void {
  results.set(cellKey(fault, action), result);
}

function show(result: CellResult | undefined): string {
  if (result === undefined) return '-';
  return typeof result === 'string' ? result : `n/a${result.na}`;
}

export function renderMatrix(): string {
  const cells = FAULT_ROWS.map((r) => ACTION_COLUMNS.map((c) => show(results.get(cellKey(r.id, c.id)))));
  const labelWidth = Math.max(...FAULT_ROWS.map((r) => r.label.length));
  const widths = ACTION_COLUMNS.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const line = (label: string, values: string[]): string =>
    `${label.padEnd(labelWidth)} | ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')}`.trimEnd();
  const rows = FAULT_ROWS.map((r, i) => line(r.label, cells[i]));
  const header = line('fault \\ action', ACTION_COLUMNS.map((c) => c.header));
  const rule = '-'.repeat(header.length);
  const notes = NA_FOOTNOTES.map((n, i) => `n/a${i + 1}: ${n}`);
  return ['Fault matrix (router level, real clients against the fake HF server)', header, rule, ...rows, rule, ...notes, '"-": not run (filtered out)'].join('\n');
}

after(function () {
  if (results.size > 0) console.log(`\n${renderMatrix()}\n`);
});
