/**
 * A short, stable, non-reversible tag for the account a token belongs to (FNV-1a of the token), so caches
 * keep different accounts' answers apart without holding the token in their keys. 'anon' without one.
 */
export function accountKey(token: string | undefined): string {
  if (!token) return 'anon';
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
