/**
 * Tiny hand-written validation helpers for messages crossing postMessage. Each reader returns the
 * typed value or throws a ProtocolError naming the path, so a validator reads like the type it checks
 * and builds a fresh object from checked fields only (extra fields never survive).
 */

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export type Obj = Readonly<Record<string, unknown>>;

/** Longest string any field may carry (the biggest legitimate one is a sanitised card, capped well below this). */
const MAX_STRING = 2_000_000;
/** Longest array any field may carry. */
const MAX_ARRAY = 10_000;

export function fail(path: string, what: string): never {
  throw new ProtocolError(`${path}: ${what}`);
}

export function asObj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as Obj;
}

export function asStr(value: unknown, path: string, max = MAX_STRING): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  return value;
}

function asNum(value: unknown, path: string, opts: { int?: boolean; min?: number; max?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'expected a finite number');
  if (opts.int && !Number.isInteger(value)) fail(path, 'expected an integer');
  if (opts.min !== undefined && value < opts.min) fail(path, `less than ${opts.min}`);
  if (opts.max !== undefined && value > opts.max) fail(path, `greater than ${opts.max}`);
  return value;
}

function asBool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

export function asOneOf<T extends string>(value: unknown, values: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    fail(path, `expected one of ${values.join(', ')}`);
  }
  return value as T;
}

export function asArr<T>(value: unknown, path: string, item: (v: unknown, path: string) => T, max = MAX_ARRAY): T[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} entries`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

export function asNullable<T>(value: unknown, path: string, inner: (v: unknown, path: string) => T): T | null {
  return value === null ? null : inner(value, path);
}

/**
 * Field readers: `str(o, 'id', path)` reads `o.id` and reports `path.id` on failure. A valid value
 * returns at once; the path string is only built for the error (a list page has thousands of fields).
 */
export function str(o: Obj, key: string, path: string, max = MAX_STRING): string {
  const v = o[key];
  return typeof v === 'string' && v.length <= max ? v : asStr(v, `${path}.${key}`, max);
}

export function num(o: Obj, key: string, path: string, opts?: { int?: boolean; min?: number; max?: number }): number {
  const v = o[key];
  return opts === undefined && typeof v === 'number' && Number.isFinite(v) ? v : asNum(v, `${path}.${key}`, opts);
}

export function bool(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  return typeof v === 'boolean' ? v : asBool(v, `${path}.${key}`);
}

export function oneOf<T extends string>(o: Obj, key: string, values: readonly T[], path: string): T {
  const v = o[key];
  return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : asOneOf(v, values, `${path}.${key}`);
}

export function nullableNum(o: Obj, key: string, path: string): number | null {
  const v = o[key];
  if (v === null || (typeof v === 'number' && Number.isFinite(v))) return v;
  return asNum(v, `${path}.${key}`);
}

export function strArr(o: Obj, key: string, path: string, max?: number): string[] {
  return asArr(o[key], `${path}.${key}`, (v, p) => asStr(v, p, 10_000), max);
}

/** A positive integer id (request sequence numbers). */
export function seqOf(o: Obj, path: string): number {
  return num(o, 'seq', path, { int: true, min: 1, max: Number.MAX_SAFE_INTEGER });
}
