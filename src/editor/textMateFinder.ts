/**
 * Finding comments with the TextMate grammars of the installed extensions, as VS Code colours them: the grammar index
 * comes from `vscode.extensions.all` (`contributes.grammars`), a grammar file is read when a document of its language
 * first needs it, and a document is tokenized in slices that leave the host free, its tokens cached per version. The lazy chunk dist/textmate.js (src/lazyChunks.ts's
 * loadTextMate), loaded only for a language the comment-syntax table does not know (or with
 * `huggingFace.comments.finder: textmate`): editor/commentFinder.ts decides.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CommentFinder, SpanOptions } from '../core/comments/commentSpans';
import { spansFromTokens, type TextMateToken } from '../core/comments/tokenSpans';
import { DEFAULT_BUDGET_MS, TextMateEngine, textMateSpans, tokenizeLinesSliced, type GrammarSource } from './textMateEngine';

interface RawGrammarContribution {
  readonly language?: unknown;
  readonly scopeName?: unknown;
  readonly path?: unknown;
  readonly injectTo?: unknown;
}

/** The `contributes.grammars` of every installed extension, paths made absolute. */
export function grammarSources(extensions: readonly vscode.Extension<unknown>[]): GrammarSource[] {
  const sources: GrammarSource[] = [];
  for (const extension of extensions) {
    const grammars = (extension.packageJSON as { contributes?: { grammars?: unknown } } | undefined)?.contributes?.grammars;
    if (!Array.isArray(grammars)) continue;
    for (const g of grammars as RawGrammarContribution[]) {
      if (typeof g?.scopeName !== 'string' || typeof g.path !== 'string') continue;
      sources.push({
        scopeName: g.scopeName,
        path: join(extension.extensionUri.fsPath, g.path),
        ...(typeof g.language === 'string' ? { language: g.language } : {}),
        ...(Array.isArray(g.injectTo) ? { injectTo: g.injectTo.filter((s): s is string => typeof s === 'string') } : {}),
      });
    }
  }
  return sources;
}

interface Cached {
  readonly version: number;
  readonly text: string;
  /** Undefined: the document took too long to tokenize (the table lexer answers for it). */
  readonly tokens: TextMateToken[][] | undefined;
}

/** Documents whose tokens are kept (the most recent ones). */
const CACHED_DOCUMENTS = 8;

export class TextMateComments implements vscode.Disposable {
  private engine: TextMateEngine | undefined;
  private readonly cache = new Map<string, Cached>();
  private readonly listener: vscode.Disposable;

  constructor(private readonly wasmPath: string) {
    // An extension installed or removed: its grammars come or go (the next document asks a new index).
    this.listener = vscode.extensions.onDidChange(() => {
      this.engine = undefined;
      this.cache.clear();
    });
  }

  private current(): TextMateEngine {
    this.engine ??= new TextMateEngine(this.wasmPath, grammarSources(vscode.extensions.all));
    return this.engine;
  }

  /**
   * A finder for `document`'s language with its grammar loaded and the document tokenized (in slices that leave the
   * extension host free; cached per document version), or undefined when no installed extension has a grammar for
   * it (or it fails to load). The document's text is answered from its tokens; any other text (a selection) is
   * tokenized as it is, within `budgetMs`. A document or text over its budget gets undefined: the table lexer answers.
   */
  async finderFor(document: vscode.TextDocument, budgetMs = DEFAULT_BUDGET_MS): Promise<CommentFinder | undefined> {
    const engine = this.current();
    const grammar = await engine.grammarFor(document.languageId);
    if (!grammar) return undefined;
    const key = document.uri.toString();
    let entry = this.cache.get(key);
    if (!entry || entry.version !== document.version) {
      const version = document.version;
      const text = document.getText();
      entry = { version, text, tokens: await tokenizeLinesSliced(grammar, text) };
      this.cache.delete(key);
      this.cache.set(key, entry);
      if (this.cache.size > CACHED_DOCUMENTS) this.cache.delete(this.cache.keys().next().value as string);
    }
    const whole = entry;
    return {
      findSpans: (text: string, _languageId: string, options: SpanOptions) => {
        if (text === whole.text) return whole.tokens && spansFromTokens(text, whole.tokens, options);
        return textMateSpans(grammar, text, options, budgetMs);
      },
    };
  }

  dispose(): void {
    this.listener.dispose();
    this.cache.clear();
  }
}

let shared: TextMateComments | undefined;

/** The one TextMate comment finder of the extension host; `extensionPath` locates dist/onig.wasm. */
export function textMateComments(extensionPath: string): TextMateComments {
  shared ??= new TextMateComments(join(extensionPath, 'dist', 'onig.wasm'));
  return shared;
}
