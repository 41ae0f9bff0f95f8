import Module from 'node:module';

/**
 * Requires a compiled module with `vscode` answered by `stub` (plain node has no `vscode` module), so glue
 * that only needs a few VS Code classes can be unit-tested. The module cache keeps the first load: give
 * each module one stub for the whole test file.
 */
export function requireWithVscode<T>(absolutePath: string, stub: object): T {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : original.call(this, request, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(absolutePath) as T;
  } finally {
    loader._load = original;
  }
}
