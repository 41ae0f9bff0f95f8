/**
 * The parts of comment prose that are not prose and must come back byte for byte: code in backticks,
 * inline doc tags (`{@link Foo}`), XML doc tags (`<see cref="X"/>`), URLs and e-mail addresses,
 * TODO/FIXME markers, and tokens that look like identifiers (snake_case, camelCase, dotted.paths, `foo()`,
 * `$var`, `--flag`, paths, anything with `= < > { } [ ]`). Before translation each is replaced by a
 * placeholder `{k}`; after it the placeholders are swapped back, so the translator never sees them.
 */

export interface ProtectedRange {
  readonly start: number;
  readonly end: number;
  /**
   * A doc tag or marker that frames the prose rather than being part of a sentence (`<param name="x">`,
   * `</param>`, `TODO:`): at the very start or end of a paragraph it stays outside the translated text.
   */
  readonly structural: boolean;
}

interface Pattern {
  readonly regex: RegExp;
  readonly structural: boolean;
}

const PATTERNS: readonly Pattern[] = [
  // Already shaped like a placeholder: protected, so every `{k}` the translator sees is one of ours.
  { regex: /\{\d+\}/g, structural: false },
  { regex: /(`+)(?:(?!\1)[^\n])+?\1/g, structural: false },
  { regex: /\{@[A-Za-z]+(?:\s[^{}]*)?\}/g, structural: false },
  { regex: /<(c|code|tt|kbd|var|paramref|typeparamref)\b[^<>]*>[^<]*<\/\1\s*>/g, structural: false },
  {
    // An opening tag not glued to a word (`List<String>` is a generic type); a closing tag anywhere.
    regex: /(?<![\w<])<[A-Za-z][\w:.-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*\/?>|<\/[A-Za-z][\w:.-]*\s*>/g,
    structural: true,
  },
  { regex: /\b(?:https?|ftp|file):\/\/[^\s<>"'`]+|\bwww\.[\w-]+\.[^\s<>"'`]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, structural: false },
  { regex: /\b(?:TODO|FIXME|XXX|HACK)\b(?:\([^)\n]*\))?:?/g, structural: true },
];

/** Sentence punctuation that ends a URL or a token rather than belonging to it. */
const TRAILING_PUNCTUATION = /[.,;:!?…"'»”’*]/;
const LEADING_PUNCTUATION = /[("'«“‘„¿¡*]/;

const count = (s: string, ch: string): number => s.split(ch).length - 1;

/** `end` moved back over trailing punctuation, and over a `)` / `]` that closes nothing inside [start, end). */
function trimTrailing(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text[e - 1];
    const inside = text.slice(start, e);
    if (TRAILING_PUNCTUATION.test(c) || (c === ')' && count(inside, '(') < count(inside, ')')) || (c === ']' && count(inside, '[') < count(inside, ']'))) e--;
    else break;
  }
  return e;
}

const IDENTIFIER_LIKE: readonly RegExp[] = [
  /[\p{L}\p{N}]_|_[\p{L}\p{N}]/u, // snake_case, __init__, MAX_SIZE
  /\p{Ll}\p{Lu}/u, // camelCase, PascalCase, iOS
  /\p{Lu}{2}\p{Ll}/u, // HTTPServer (but see PLURAL_ACRONYM)
  /[\p{L}\p{N}_$][)\]]?(?:\.|::|->|#)[\p{L}_$]/u, // dotted.path, std::vec, obj->field, Foo#bar
  /[\w$]\(/, // call()
  /[=<>{}[\]\\|$@^~]/, // operators, generics, $var, @decorator, C:\path
  /^--?[A-Za-z]/, // --flag
  /^0x[0-9a-f]+$/i,
];
/** "IDs", "URLs": plurals of acronyms are words. */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
/** "e.g", "i.e", "U.S.A": abbreviations, not paths. */
const ABBREVIATION = /^(?:\p{L}\.)+\p{L}?$/u;

function looksLikeCode(token: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(token) || PLURAL_ACRONYM.test(token) || ABBREVIATION.test(token)) return false;
  if (IDENTIFIER_LIKE.some((r) => r.test(token))) return true;
  // Paths: "src/app.ts", "/etc/hosts", "./x", "a/b/c"; not "and/or".
  return token.includes('/') && (token.includes('.') || /^[~.]?\//.test(token) || count(token, '/') >= 2);
}

function overlaps(taken: readonly ProtectedRange[], start: number, end: number): boolean {
  return taken.some((r) => start < r.end && end > r.start);
}

/** Identifier-looking tokens in the gaps between `taken` ranges. */
function codeTokens(text: string, taken: readonly ProtectedRange[]): ProtectedRange[] {
  const out: ProtectedRange[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let start = m.index;
    const tokenEnd = start + m[0].length;
    while (start < tokenEnd && LEADING_PUNCTUATION.test(text[start])) start++;
    const end = trimTrailing(text, start, tokenEnd);
    if (end <= start || overlaps(taken, start, end)) continue;
    if (looksLikeCode(text.slice(start, end))) out.push({ start, end, structural: false });
  }
  return out;
}

/**
 * The protected ranges of `text`, in order and not overlapping. `extra` patterns (string escapes,
 * interpolations, format specifiers) are protected too.
 */
export function protectedRanges(text: string, extra: readonly RegExp[] = []): ProtectedRange[] {
  const candidates: ProtectedRange[] = [];
  for (const { regex, structural } of [...extra.map((regex) => ({ regex, structural: false })), ...PATTERNS]) {
    for (const m of text.matchAll(regex)) {
      const isUrl = /^(?:\w+:\/\/|www\.)/.test(m[0]);
      const end = isUrl ? trimTrailing(text, m.index, m.index + m[0].length) : m.index + m[0].length;
      if (end > m.index) candidates.push({ start: m.index, end, structural });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const taken: ProtectedRange[] = [];
  for (const c of candidates) if (!overlaps(taken, c.start, c.end)) taken.push(c);
  return [...taken, ...codeTokens(text, taken)].sort((a, b) => a.start - b.start);
}

/** True when `text` has a letter outside its protected ranges (something to translate). */
export function hasProse(text: string, ranges: readonly ProtectedRange[]): boolean {
  let last = 0;
  for (const r of ranges) {
    if (/\p{L}/u.test(text.slice(last, r.start))) return true;
    last = r.end;
  }
  return /\p{L}/u.test(text.slice(last));
}

export const placeholder = (k: number): string => `{${k}}`;

/** A piece of restored text: translated prose, or a protected token to write back as it was. */
export interface RestoredPart {
  readonly text: string;
  readonly verbatim: boolean;
}

/**
 * Swaps the placeholders in `translated` back to `tokens` (placeholder `{first + i}` is `tokens[i]`).
 * A placeholder the translator repeated is written once; one it dropped is appended at the end, so no
 * protected token is ever lost; one it made up is left out.
 */
export function restorePlaceholders(translated: string, tokens: readonly string[], first: number): RestoredPart[] {
  const parts: RestoredPart[] = [];
  const used = new Set<number>();
  let last = 0;
  const addText = (s: string): void => {
    if (s !== '') parts.push({ text: s, verbatim: false });
  };
  for (const m of translated.matchAll(/\{(\d+)\}/g)) {
    const k = Number(m[1]) - first;
    addText(translated.slice(last, m.index));
    // One the translator made up is dropped: every `{k}` of the original text was protected, so it is not one of those.
    if (k >= 0 && k < tokens.length && !used.has(k)) parts.push({ text: tokens[k], verbatim: true });
    used.add(k);
    last = m.index + m[0].length;
  }
  addText(translated.slice(last));
  tokens.forEach((token, k) => {
    if (used.has(k)) return;
    addText(' ');
    parts.push({ text: token, verbatim: true });
  });
  return parts;
}

/** Comment prose ready to send: code, URLs, identifiers and markers replaced by `{k}` placeholders. */
export interface MaskedProse {
  /** What is sent to the translator. */
  readonly text: string;
  /** The protected tokens, `{k}` being tokens[k]. */
  readonly tokens: readonly string[];
  /** False when nothing but protected tokens (and punctuation) is left: there is nothing to translate. */
  readonly hasProse: boolean;
  /** The translation with every placeholder written back as it was (none lost, none made up). */
  restore(translated: string): string;
}

/** Masks the protected ranges of `prose` (see protectedRanges) for one translation request. */
export function maskCode(prose: string): MaskedProse {
  const ranges = protectedRanges(prose);
  const tokens: string[] = [];
  let text = '';
  let last = 0;
  for (const r of ranges) {
    text += prose.slice(last, r.start) + placeholder(tokens.length);
    tokens.push(prose.slice(r.start, r.end));
    last = r.end;
  }
  text += prose.slice(last);
  return {
    text,
    tokens,
    hasProse: hasProse(prose, ranges),
    restore: (translated) => {
      if (tokens.length === 0) return translated;
      // A repeated placeholder is written once: the space it leaves between two pieces of prose goes too (never
      // inside a protected token, and not when the translation itself has such runs).
      const collapse = !/ {2}/.test(translated);
      let out = '';
      let prose = '';
      for (const part of restorePlaceholders(translated, tokens, 0)) {
        if (!part.verbatim) {
          prose += part.text;
          continue;
        }
        out += (collapse ? prose.replace(/ {2,}/g, ' ') : prose) + part.text;
        prose = '';
      }
      return out + (collapse ? prose.replace(/ {2,}/g, ' ') : prose);
    },
  };
}

/**
 * Translates `prose` with its code protected: `send` gets the masked text and returns its translation; the result has
 * every protected token back. Prose with nothing to translate is returned as it is, without calling `send`.
 */
export async function translateMasked(prose: string, send: (masked: string) => Promise<string>): Promise<string> {
  const masked = maskCode(prose);
  if (!masked.hasProse) return prose;
  return masked.restore(await send(masked.text));
}
