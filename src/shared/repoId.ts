/** Hub repo ids: "name" (legacy) or "owner/name"; no "..", so an id can never walk out of its URL path. Pure, tiny (the shell uses it). */
const REPO_ID = /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/;

export function isRepoId(value: unknown): value is string {
  return typeof value === 'string' && REPO_ID.test(value) && !value.includes('..');
}
