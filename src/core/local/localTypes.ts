/**
 * The on-device runtime's interface (issue 17): the routing core and the download manager code against it; the
 * runtime (transformers.js in a worker thread) implements it. Plain types, no `vscode`.
 */
export type LocalTask = 'sentiment' | 'ner' | 'zeroShot' | 'translation' | 'qa' | 'summarization';

export interface LocalRunner {
  /** Runs one pipeline on the model in `modelDir` (a downloaded repo snapshot). Rejects on abort. */
  run(request: { task: LocalTask; modelDir: string; input: unknown }, signal?: AbortSignal): Promise<unknown>;
  dispose(): void;
}
