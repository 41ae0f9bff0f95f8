/**
 * Separates the natural-language part of a selection from its code, so that language detection
 * (and task detection's "is this code?" cue) looks at prose: comments, docstrings, user-facing
 * string literals, plain text lines. Identifiers, URLs, paths and numbers are removed because
 * `getUserCount`, `snake_case` or `https://…` say nothing about the human language.
 */

const LEADING_COMMENT = /^(?:\/\/+!?|\/\*+|\*+\/?|#+(?=\s|$)|--(?=\s|$)|<!--|"""|'''|;;+|%+(?=\s))\s?/;
const TRAILING_COMMENT = /(?:^|\s)(?:\/\/+|#(?=\s)|--(?=\s)|\/\*+)\s?(.*)$/;
const BLOCK_COMMENT_END = /\*+\/|-->|"""|'''/g;
const STRING_LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\\n]|\\.)*)`/g;
const CODE_START =
  /^(?:import|export|const|let|var|function|def|class|return|if|for|while|public|private|protected|static|package|using|fn|func|struct|interface|enum|async|await|try|catch|else|elif|switch|case|select|insert|update|delete)\b/i;
const CODE_OPERATOR = /=>|===?|!==?|:=|\+\+|--\s*$|->|::|&&|\|\||<\/?[a-z][\w-]*[\s>]/i;
const ASSIGNMENT = /^[\w$.[\]]+\s*[-+*/%|&]?=\s*\S/;
const CALL = /[\w$]\(/;

/** True when a line reads as source code rather than prose ("return x;", "x = 1", "foo(bar)", "if (a) {"). */
export function looksLikeCodeLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (/[;{}]$/.test(t) || /^[{}()[\]]/.test(t)) return true;
  if (CODE_OPERATOR.test(t) || ASSIGNMENT.test(t) || CALL.test(t)) return true;
  if (CODE_START.test(t) && /[=:(){}[\]<>]/.test(t)) return true;
  const punctuation = (t.match(/[{}()[\];=<>&|$]/g) ?? []).length;
  const visible = t.replace(/\s/g, '').length;
  return punctuation / visible > 0.15;
}

/** String literals in a code line that look like sentences (contain a space and a letter). */
function proseLiterals(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(STRING_LITERAL)) {
    const body = m[1] ?? m[2] ?? m[3] ?? '';
    if (/\s/.test(body.trim()) && /\p{L}/u.test(body)) out.push(body);
  }
  return out;
}

/** The prose carried by one line: the whole line if it is prose, else its comment and sentence-like literals. */
function proseOfLine(raw: string): string {
  const line = raw.replace(BLOCK_COMMENT_END, ' ').trim();
  const leading = LEADING_COMMENT.exec(line);
  if (leading) return line.slice(leading[0].length);
  const trailing = TRAILING_COMMENT.exec(line);
  const code = trailing ? line.slice(0, trailing.index) : line;
  const comment = trailing ? trailing[1] : '';
  if (!looksLikeCodeLine(code)) return trailing ? `${code} ${comment}` : code;
  return [...proseLiterals(code), comment].filter((s) => s !== '').join(' ');
}

/** Whether a single whitespace-separated token is an identifier, URL, path, number or other non-word. */
function isNonWordToken(token: string, mostlyLowerCase: boolean): boolean {
  if (/:\/\/|^www\./i.test(token) || /\S@\S+\.\S/.test(token)) return true; // URL, e-mail
  const core = token.replace(/^[\s"'«»“”‘’„([{<¿¡*_~]+|[\s"'«»“”‘’)\]}>.,;:!?…*_~]+$/g, '');
  if (core === '') return false; // pure punctuation: harmless, and keeps '¿' / '?' visible
  if (/\d/.test(core)) return true;
  if (/[a-z][A-Z]|_|[\w]\.[\w]|[\\/]|[(){}[\]=<>;$@#%^&*|~+]/.test(core)) return true;
  // Acronyms and CONSTANTS, unless the whole text is shouted.
  return mostlyLowerCase && /^[A-Z][A-Z]+$/.test(core);
}

/** Removes identifiers, URLs, e-mails, paths, numbers and inline `code` from prose, keeping words and punctuation. */
export function stripNonWords(text: string): string {
  const withoutInlineCode = text.replace(/`[^`\n]*`/g, ' ');
  const letters = withoutInlineCode.match(/\p{L}/gu) ?? [];
  const lower = letters.filter((c) => c !== c.toUpperCase()).length;
  const mostlyLowerCase = lower >= letters.length / 2;
  return withoutInlineCode
    .split(/\s+/)
    .filter((token) => token !== '' && !isNonWordToken(token, mostlyLowerCase))
    .join(' ');
}

/**
 * The natural-language content of `text`: comments, docstrings, sentence-like string literals and
 * prose lines, with identifiers, URLs, paths and numbers removed. Lines are joined with newlines.
 */
export function extractProse(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => stripNonWords(proseOfLine(line)))
    .filter((line) => line !== '')
    .join('\n');
}

/** Share of non-blank lines that read as code; 0 for an empty text. */
export function codeLineRatio(text: string): number {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return 0;
  return lines.filter((l) => !LEADING_COMMENT.test(l.trim()) && looksLikeCodeLine(l)).length / lines.length;
}
