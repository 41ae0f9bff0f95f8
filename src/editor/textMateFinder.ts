/**
 * Finding comments with the TextMate grammars of the installed extensions, as VS Code colours them: the grammar index
 * comes from `vscode.extensions.all` (`contributes.grammars`), a grammar file is read when a document of its language
 * first needs it, and a document's spans are cached per version. The lazy chunk dist/textmate.js (src/lazyChunks.ts's
 * loadTextMate), loaded only for a language the comment-syntax table does not know (or with
 * `huggingFace.comments.finder: textmate`): editor/commentFinder.ts decides.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CommentFinder, CommentSpan, SpanOptions } from '../core/comments/commentSpans';
import { DEFAULT_BUDGET_MS, TextMateEngine, textMateSpans, type GrammarSource } from './textMateEngine';

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
  readonly strings: boolean;
  readonly spans: CommentSpan[] | undefined;
}

/** Documents whose spans are kept (the most recent ones). */
const CACHED_DOCUMENTS = 20;

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
   * A finder for `document`'s language with its grammar loaded, or undefined when no installed extension has one
   * (or it fails to load). The whole document's spans are cached by version; any other text (a selection) is
   * tokenized as it is. Over the time budget the finder answers undefined and the table lexer is used.
   */
  async finderFor(document: vscode.TextDocument, budgetMs = DEFAULT_BUDGET_MS): Promise<CommentFinder | undefined> {
    const engine = this.current();
    const grammar = await engine.grammarFor(document.languageId);
    if (!grammar) return undefined;
    const key = document.uri.toString();
    return {
      findSpans: (text: string, _languageId: string, options: SpanOptions) => {
        const strings = options.strings === true;
        const whole = document.version !== undefined && text.length === document.getText().length && text === document.getText();
        if (!whole) return textMateSpans(grammar, text, options, budgetMs);
        const known = this.cache.get(key);
        if (known && known.version === document.version && known.strings === strings) return known.spans;
        const spans = textMateSpans(grammar, text, options, budgetMs);
        this.cache.delete(key);
        this.cache.set(key, { version: document.version, strings, spans });
        if (this.cache.size > CACHED_DOCUMENTS) this.cache.delete(this.cache.keys().next().value as string);
        return spans;
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
