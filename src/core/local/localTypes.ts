/**
 * On-device inference (issue 17): what a local run asks for and answers, and which files a model needs for a
 * task. Pure (no `vscode`, no node APIs): the runner (src/local/workerRunner.ts) takes these requests, and the
 * download manager asks `localModelFiles` what to fetch. Results have the shapes of the `@huggingface/inference`
 * task outputs, so the routing core reads them like a remote answer.
 */

/** The tasks the local provider runs. */
export type LocalTask = 'sentiment' | 'ner' | 'zeroShot' | 'translation' | 'qa' | 'summarization';

export const LOCAL_TASKS: readonly LocalTask[] = ['sentiment', 'ner', 'zeroShot', 'translation', 'qa', 'summarization'];

/** The transformers.js pipeline each task runs. */
export const LOCAL_PIPELINES: Readonly<Record<LocalTask, string>> = {
  sentiment: 'text-classification',
  ner: 'token-classification',
  zeroShot: 'zero-shot-classification',
  translation: 'translation',
  qa: 'question-answering',
  summarization: 'summarization',
};

/**
 * The weights' precision, as transformers.js names it; it picks the ONNX file (onnx/model<suffix>.onnx).
 * 'q8' (model_quantized.onnx) is about a quarter of 'fp32' (model.onnx) and is what the Hub's ONNX repos
 * (Xenova/…, onnx-community/…) carry for every model.
 */
export type LocalDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';

export const DEFAULT_LOCAL_DTYPE: LocalDtype = 'q8';

const DTYPE_SUFFIX: Readonly<Record<LocalDtype, string>> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  bnb4: '_bnb4',
  q4f16: '_q4f16',
};

interface LocalRequestBase {
  /** The model's directory on disk (a Hub repository's files: config.json, tokenizer.json, onnx/…). Never a URL. */
  readonly modelDir: string;
  /** Default DEFAULT_LOCAL_DTYPE. */
  readonly dtype?: LocalDtype;
}

export type LocalInferenceRequest =
  | (LocalRequestBase & { readonly task: 'sentiment'; readonly text: string; readonly topK?: number })
  | (LocalRequestBase & { readonly task: 'ner'; readonly text: string })
  | (LocalRequestBase & {
      readonly task: 'zeroShot';
      readonly text: string;
      readonly labels: readonly string[];
      readonly multiLabel?: boolean;
      /** Default transformers.js's 'This example is {}.' */
      readonly hypothesisTemplate?: string;
    })
  | (LocalRequestBase & {
      readonly task: 'translation';
      readonly text: string;
      /** Only for multilingual models (NLLB/M2M codes); an opus-mt pair needs neither. */
      readonly srcLang?: string;
      readonly tgtLang?: string;
      readonly maxNewTokens?: number;
    })
  | (LocalRequestBase & { readonly task: 'qa'; readonly question: string; readonly context: string })
  | (LocalRequestBase & { readonly task: 'summarization'; readonly text: string; readonly maxNewTokens?: number });

/** `@huggingface/inference` TextClassificationOutput / ZeroShotClassificationOutput element. */
export interface LocalScoredLabel {
  readonly label: string;
  readonly score: number;
}

/** `@huggingface/inference` TokenClassificationOutput element (aggregated entity groups). */
export interface LocalEntity {
  readonly entity_group: string;
  readonly score: number;
  readonly word: string;
  /** Character offsets into the request text. */
  readonly start: number;
  readonly end: number;
}

export type LocalResult =
  | { readonly task: 'sentiment'; readonly output: readonly LocalScoredLabel[] }
  | { readonly task: 'ner'; readonly output: readonly LocalEntity[] }
  | { readonly task: 'zeroShot'; readonly output: readonly LocalScoredLabel[] }
  | { readonly task: 'translation'; readonly output: { readonly translation_text: string } }
  | { readonly task: 'qa'; readonly output: { readonly answer: string; readonly score: number; readonly start: number; readonly end: number } }
  | { readonly task: 'summarization'; readonly output: { readonly summary_text: string } };

export type LocalResultFor<T extends LocalTask> = Extract<LocalResult, { task: T }>;

/** Runs local requests, one model in memory at a time. */
export interface LocalRunner {
  /** Rejects with an error named 'AbortError' when `signal` aborts; the next run still works. */
  run<R extends LocalInferenceRequest>(request: R, signal?: AbortSignal): Promise<LocalResultFor<R['task']>>;
  /** Frees the loaded model now (the next run loads it again). */
  unload(): Promise<void>;
  dispose(): void;
}

/** Files of a repository that the model needs for a task, relative to its directory ("/"-separated). */
export function localModelFiles(task: LocalTask, dtype: LocalDtype = DEFAULT_LOCAL_DTYPE): readonly string[] {
  const suffix = DTYPE_SUFFIX[dtype];
  const common = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
  if (task === 'translation' || task === 'summarization') {
    // Encoder-decoder models (Marian, BART, T5): the decoder with past key values merged into one graph.
    return [...common, 'generation_config.json', `onnx/encoder_model${suffix}.onnx`, `onnx/decoder_model_merged${suffix}.onnx`];
  }
  return [...common, `onnx/model${suffix}.onnx`];
}

/** Files of `localModelFiles` that a model may lack (transformers.js reads them only when present). */
export const OPTIONAL_LOCAL_FILES: readonly string[] = ['generation_config.json'];

/** A local run was cancelled. */
export function localAbortError(): Error {
  const err = new Error('The local model run was cancelled.');
  err.name = 'AbortError';
  return err;
}
