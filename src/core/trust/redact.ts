/**
 * Removes secrets from any text that may reach a log, a message, a decision or the webview.
 * Known secret values are replaced wherever they occur; anything shaped like a Hugging Face
 * token or a bearer credential is replaced too, so a token we were never told about is still hidden.
 */
const HF_TOKEN_SHAPE = /\bhf_[A-Za-z0-9]{6,}\b/g;
const BEARER = /\b(Bearer)\s+(?!\[redacted\])[^\s"',;]+/gi;

const REDACTED = '[redacted]';

export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Short strings would blank out ordinary words; real tokens and keys are long.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(BEARER, `$1 ${REDACTED}`).replace(HF_TOKEN_SHAPE, REDACTED);
}
