/**
 * TextMate tokenization as VS Code does it (vscode-textmate over the Oniguruma WASM of vscode-oniguruma), for
 * finding comments in languages the comment-syntax table does not know. No `vscode` here: the grammars are given as
 * files (textMateFinder.ts collects them from the installed extensions' `contributes.grammars`), so the unit tests
 * and the bench run it in plain node. Part of the TextMate chunk (dist/textmate.js), loaded on first use.
 */
import { readFile } from 'node:fs/promises';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import type { CommentSpan, SpanOptions } from '../core/comments/commentSpans';
import { spansFromTokens, type TextMateToken } from '../core/comments/tokenSpans';

/** One `contributes.grammars` entry, with its path made absolute. */
export interface GrammarSource {
  readonly scopeName: string;
  /** Absolute path of the grammar file (.json, or a plist .tmLanguage). */
  readonly path: string;
  /** The language the grammar is for (absent for injection grammars). */
  readonly language?: string;
  /** Scopes this grammar is injected into. */
  readonly injectTo?: readonly string[];
}

let wasmLoaded: Promise<void> | undefined;

/** Loads the Oniguruma WASM once per process (vscode-oniguruma keeps one instance). */
function loadOniguruma(wasmPath: string): Promise<void> {
  wasmLoaded ??= readFile(wasmPath).then((bytes) => oniguruma.loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  return wasmLoaded;
}

/** Tokenizing gives up when a text takes longer than this (the table lexer answers instead). */
export const DEFAULT_BUDGET_MS = 50;

export class TextMateEngine {
  private readonly byScope = new Map<string, GrammarSource>();
  private readonly byLanguage = new Map<string, string>();
  private readonly injections = new Map<string, string[]>();
  private readonly grammars = new Map<string, Promise<IGrammar | undefined>>();
  private readonly registry: Registry;

  constructor(wasmPath: string, sources: readonly GrammarSource[]) {
    for (const source of sources) {
      if (!this.byScope.has(source.scopeName)) this.byScope.set(source.scopeName, source);
      if (source.language && !this.byLanguage.has(source.language)) this.byLanguage.set(source.language, source.scopeName);
      for (const target of source.injectTo ?? []) this.injections.set(target, [...(this.injections.get(target) ?? []), source.scopeName]);
    }
    this.registry = new Registry({
      onigLib: loadOniguruma(wasmPath).then(() => ({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      })),
      loadGrammar: async (scopeName) => {
        const source = this.byScope.get(scopeName);
        if (!source) return null;
        return parseRawGrammar(await readFile(source.path, 'utf8'), source.path);
      },
      getInjections: (scopeName) => this.injections.get(scopeName),
    });
  }

  hasGrammar(languageId: string): boolean {
    return this.byLanguage.has(languageId);
  }

  /** The language's grammar, loaded (with what it includes) on first use; undefined when there is none or it fails to load. */
  grammarFor(languageId: string): Promise<IGrammar | undefined> {
    const scope = this.byLanguage.get(languageId);
    if (!scope) return Promise.resolve(undefined);
    let grammar = this.grammars.get(scope);
    if (!grammar) {
      grammar = this.registry.loadGrammar(scope).then(
        (g) => g ?? undefined,
        () => undefined,
      );
      this.grammars.set(scope, grammar);
    }
    return grammar;
  }
}

/**
 * The tokens of each line of `text` (lines as VS Code splits them), or undefined when tokenizing takes longer than
 * `budgetMs`: a pathological grammar or a huge file must never hold the extension host.
 */
export function tokenizeLines(grammar: IGrammar, text: string, budgetMs = DEFAULT_BUDGET_MS): TextMateToken[][] | undefined {
  const started = performance.now();
  const lines = text.split(/\r\n|[\n\r\u2028\u2029]/);
  const out: TextMateToken[][] = [];
  let state: StateStack = INITIAL;
  for (let i = 0; i < lines.length; i++) {
    const left = budgetMs - (performance.now() - started);
    if (left <= 0) return undefined;
    const result = grammar.tokenizeLine(lines[i], state, left);
    if (result.stoppedEarly) return undefined;
    out.push(result.tokens);
    state = result.ruleStack;
  }
  return out;
}

/**
 * The tokens of each line of `text`, tokenized in slices of `sliceMs` with the event loop free between them (a
 * 5,000-line file takes a few hundred ms of grammar work); undefined after `maxMs` of tokenizing in all.
 */
export async function tokenizeLinesSliced(grammar: IGrammar, text: string, sliceMs = 10, maxMs = 2_000): Promise<TextMateToken[][] | undefined> {
  const lines = text.split(/\r\n|[\n\r\u2028\u2029]/);
  const out: TextMateToken[][] = [];
  let state: StateStack = INITIAL;
  let spent = 0;
  let i = 0;
  while (i < lines.length) {
    const started = performance.now();
    while (i < lines.length && performance.now() - started < sliceMs) {
      const result = grammar.tokenizeLine(lines[i], state, Math.max(1, maxMs - spent));
      if (result.stoppedEarly) return undefined;
      out.push(result.tokens);
      state = result.ruleStack;
      i++;
    }
    spent += performance.now() - started;
    if (spent > maxMs) return undefined;
    if (i < lines.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/** The comment spans of `text` by its grammar, or undefined over the budget. */
export function textMateSpans(grammar: IGrammar, text: string, options: SpanOptions = {}, budgetMs = DEFAULT_BUDGET_MS): CommentSpan[] | undefined {
  const tokens = tokenizeLines(grammar, text, budgetMs);
  return tokens && spansFromTokens(text, tokens, options);
}
