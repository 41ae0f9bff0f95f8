/**
 * Command arguments. Commands accept an optional args object (tests and other commands use it to skip
 * prompts), but VS Code also calls them with a Uri (editor context menu) or nothing (keybinding), so
 * only a plain object counts, and each field is checked. Pure.
 */
export function argsObject(value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null ? (value as Record<string, unknown>) : {};
}

export function stringArg(args: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' ? value : undefined;
}

export function stringArrayArg(args: Readonly<Record<string, unknown>>, key: string): string[] | undefined {
  const value = args[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])] : undefined;
}

export function oneOfArg<T extends string>(args: Readonly<Record<string, unknown>>, key: string, allowed: readonly T[]): T | undefined {
  const value = args[key];
  return allowed.includes(value as T) ? (value as T) : undefined;
}
