/**
 * Comment and string-literal syntax per VS Code language id, used by commentCodec.ts (translate a comment
 * keeping its markers) and routing/prompts.ts (write an instruction as a comment for plain text-generation models).
 */
import { defuseBlockMarkers, splitLines } from './commentSafety';

export interface BlockSyntax {
  readonly open: string;
  /** Accepted closers, longest first (Lua's `--]]` before `]]`). */
  readonly close: readonly string[];
  /** Continuation lines may start with ` * ` (C-style / JSDoc). */
  readonly stars?: boolean;
}

export interface CommentSyntax {
  /** Line-comment markers, longest first (`//!` before `//`). */
  readonly line: readonly string[];
  readonly blocks: readonly BlockSyntax[];
  /** Characters that delimit string literals. */
  readonly quotes: readonly string[];
  /** How a quote is escaped inside a literal: `\"` or doubled `""` (SQL, VB). */
  readonly quoteEscape: 'backslash' | 'double';
}

const C_BLOCK: BlockSyntax = { open: '/*', close: ['*/'], stars: true };
const HTML_BLOCK: BlockSyntax = { open: '<!--', close: ['-->'] };
const ALL_QUOTES = ['"', "'", '`'] as const;

export function syntax(line: readonly string[], blocks: readonly BlockSyntax[], quotes: readonly string[] = ALL_QUOTES, quoteEscape: 'backslash' | 'double' = 'backslash'): CommentSyntax {
  return { line, blocks, quotes, quoteEscape };
}

const C_LIKE = syntax(['//'], [C_BLOCK]);
const HASH = syntax(['#'], []);

const BY_LANGUAGE: Readonly<Record<string, CommentSyntax>> = {
  typescript: C_LIKE,
  typescriptreact: C_LIKE,
  javascript: C_LIKE,
  javascriptreact: C_LIKE,
  jsonc: C_LIKE,
  c: C_LIKE,
  cpp: C_LIKE,
  csharp: syntax(['///', '//'], [C_BLOCK]),
  java: C_LIKE,
  kotlin: C_LIKE,
  scala: C_LIKE,
  swift: C_LIKE,
  dart: syntax(['///', '//'], [C_BLOCK]),
  go: syntax(['//'], [C_BLOCK], ['"', '`']),
  rust: syntax(['//!', '///', '//'], [C_BLOCK], ['"']),
  php: syntax(['//', '#'], [C_BLOCK]),
  groovy: C_LIKE,
  'objective-c': C_LIKE,
  scss: C_LIKE,
  less: C_LIKE,
  css: syntax([], [C_BLOCK], ['"', "'"]),
  python: syntax(['#'], [
    { open: '"""', close: ['"""'] },
    { open: "'''", close: ["'''"] },
  ]),
  ruby: HASH,
  shellscript: HASH,
  perl: HASH,
  r: HASH,
  yaml: HASH,
  toml: HASH,
  dockerfile: HASH,
  makefile: HASH,
  coffeescript: HASH,
  elixir: HASH,
  julia: syntax(['#'], [{ open: '#=', close: ['=#'] }]),
  powershell: syntax(['#'], [{ open: '<#', close: ['#>'] }]),
  ini: syntax([';', '#'], []),
  properties: syntax(['#', '!'], []),
  sql: syntax(['--'], [C_BLOCK], ["'", '"'], 'double'),
  lua: syntax(['--'], [{ open: '--[[', close: ['--]]', ']]'] }], ['"', "'"]),
  haskell: syntax(['--'], [{ open: '{-', close: ['-}'] }], ['"']),
  html: syntax([], [HTML_BLOCK], ['"', "'"]),
  xml: syntax([], [HTML_BLOCK], ['"', "'"]),
  markdown: syntax([], [HTML_BLOCK], []),
  vue: syntax(['//'], [C_BLOCK, HTML_BLOCK]),
  svelte: syntax(['//'], [C_BLOCK, HTML_BLOCK]),
  vb: syntax(["'"], [], ['"'], 'double'),
  latex: syntax(['%'], [], []),
  tex: syntax(['%'], [], []),
  bibtex: syntax(['%'], [], []),
  matlab: syntax(['%'], [{ open: '%{', close: ['%}'] }], ["'", '"']),
  erlang: syntax(['%'], [], ['"']),
  clojure: syntax([';'], [], ['"']),
  lisp: syntax([';'], [], ['"']),
  scheme: syntax([';'], [], ['"']),
  bat: syntax(['::', '@REM', 'REM', 'rem'], [], ['"']),
  fsharp: syntax(['///', '//'], [{ open: '(*', close: ['*)'] }], ['"']),
  ocaml: syntax([], [{ open: '(*', close: ['*)'] }], ['"']),
  plaintext: syntax([], [], []),
};

/** Used for language ids missing from the table: the common markers of most languages. */
const FALLBACK = syntax(['//', '#', '--', ';'], [C_BLOCK, HTML_BLOCK]);

export function commentSyntax(languageId: string): CommentSyntax {
  return BY_LANGUAGE[languageId] ?? FALLBACK;
}

/** The table's syntax for `languageId`, or undefined when the table does not know the language. */
export function knownCommentSyntax(languageId: string): CommentSyntax | undefined {
  return Object.hasOwn(BY_LANGUAGE, languageId) ? BY_LANGUAGE[languageId] : undefined;
}

/** Languages whose text is prose (paragraphs), not code with comments. */
const PROSE_LANGUAGES = new Set(['plaintext', 'markdown', 'restructuredtext', 'asciidoc', 'git-commit', 'text']);

export function isProseLanguage(languageId: string): boolean {
  return PROSE_LANGUAGES.has(languageId);
}

/** Display names for VS Code language ids that are not simply capitalised. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  typescript: 'TypeScript',
  typescriptreact: 'TypeScript (React)',
  javascript: 'JavaScript',
  javascriptreact: 'JavaScript (React)',
  cpp: 'C++',
  csharp: 'C#',
  fsharp: 'F#',
  php: 'PHP',
  shellscript: 'shell script',
  sql: 'SQL',
  html: 'HTML',
  xml: 'XML',
  css: 'CSS',
  scss: 'SCSS',
  yaml: 'YAML',
  toml: 'TOML',
  json: 'JSON',
  jsonc: 'JSON with comments',
  vb: 'Visual Basic',
  latex: 'LaTeX',
  tex: 'TeX',
  bibtex: 'BibTeX',
  'objective-c': 'Objective-C',
  powershell: 'PowerShell',
  matlab: 'MATLAB',
  ocaml: 'OCaml',
  bat: 'Windows batch',
  plaintext: 'plain text',
};

/** Human name of a VS Code language id, for prompts ("TypeScript", "C++", "Python"). */
export function programmingLanguageName(languageId: string): string {
  const known = DISPLAY_NAMES[languageId];
  if (known) return known;
  return languageId.length > 0 ? languageId[0].toUpperCase() + languageId.slice(1) : 'code';
}

/** `text` as a comment in `languageId`, one comment line per line (block syntax where there is no line syntax). */
export function asComment(text: string, languageId: string): string {
  const s = commentSyntax(languageId);
  const lines = splitLines(text);
  if (s.line.length > 0) return lines.map((l) => (l.trim() === '' ? s.line[0] : `${s.line[0]} ${l}`)).join('\n');
  const block = s.blocks[0] ?? C_BLOCK;
  return `${block.open} ${lines.map((l) => defuseBlockMarkers(l, block)).join('\n')} ${block.close[block.close.length - 1]}`;
}
