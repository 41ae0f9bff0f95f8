// What "user-safe" means for every message, decision and log line the matrix checks: never the token (nor
// anything token-shaped), never the markup of an HTML page a proxy or portal sent instead of an answer, and
// never a bare JavaScript engine error standing in for an explanation ("items is not iterable").
import { strict as assert } from 'node:assert';

const TOKEN_SHAPE = /\bhf_[A-Za-z0-9]{6,}/;
const MARKUP = /<!DOCTYPE|<\/?(?:html|head|body|title|h1|center|form|meta|button)\b/i;
/** A message that is nothing but what JSON.parse or a property access threw (wrapped in context, it is fine). */
const BARE_ENGINE_ERROR = /^(?:Unexpected (?:token|end of JSON)|Unterminated string|Expected .* in JSON|\S+ is not (?:iterable|a function|valid JSON)|Cannot read properties)/;

export function assertUserSafe(texts: readonly (string | undefined)[], token: string): void {
  for (const text of texts) {
    if (text === undefined) continue;
    assert.ok(!text.includes(token), `the token leaked into: ${text}`);
    assert.doesNotMatch(text, TOKEN_SHAPE, 'something token-shaped leaked');
    assert.doesNotMatch(text, MARKUP, 'an HTML page leaked into a message');
  }
}

/** Messages shown to the user (not log lines, which may quote errors as they are). */
export function assertExplained(messages: readonly (string | undefined)[]): void {
  for (const text of messages) {
    if (text !== undefined) assert.doesNotMatch(text, BARE_ENGINE_ERROR, `a bare engine error is shown as the message: ${text}`);
  }
}
