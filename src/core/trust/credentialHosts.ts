/**
 * Where a credential (the Hugging Face token, an endpoint's API key) may go. The token goes only to the
 * official Hugging Face hosts over https, or to an origin the user approved (a mirror, a proxy, a server
 * on this machine); every credential travels only over https, or plain http to this machine (loopback).
 * Every request of both Hugging Face clients passes through `credentialGuardedFetch`, so the rule holds
 * whatever set the URL (settings, HF_ENDPOINT) and whatever the server answers (a `Link` to another host).
 */

/** huggingface.co, hf.co and their subdomains (router., datasets-server., cdn-lfs. …). */
export function isOfficialHfHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return ['huggingface.co', 'hf.co'].some((root) => h === root || h.endsWith(`.${root}`));
}

/** This machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

export type Destination =
  /** https to an official Hugging Face host: the token may go. */
  | 'official'
  /** https elsewhere, or http to this machine: only with the user's approval of the origin. */
  | 'needs-approval'
  /** plain http to another machine (or not http(s) at all): no credential, ever. */
  | 'insecure';

export function credentialDestination(url: URL): Destination {
  if (url.protocol === 'https:') return isOfficialHfHost(url.hostname) ? 'official' : 'needs-approval';
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return 'needs-approval';
  return 'insecure';
}

/** Thrown instead of sending a request whose credential may not go where it is addressed. Its message is safe to show. */
export class CredentialNotSentError extends Error {
  constructor(
    readonly origin: string,
    readonly reason: 'insecure' | 'not-approved' | 'other-origin',
    message: string,
  ) {
    super(message);
    this.name = 'CredentialNotSentError';
  }
}

/** The Authorization header of a fetch call, however it was given (Request, Headers, pairs or a plain object). */
export function authorizationOf(input: string | URL | Request, init?: RequestInit): string | undefined {
  const headers = init?.headers ?? (input instanceof Request ? input.headers : undefined);
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get('authorization') ?? undefined;
  const pairs = Array.isArray(headers) ? headers : Object.entries(headers);
  return pairs.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
}

export function urlOf(input: string | URL | Request): URL {
  return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
}

/**
 * A fetch that lets a request carrying credentials through only after `check(url)` resolves; `check`
 * throws a CredentialNotSentError to stop it. Requests without credentials pass untouched.
 */
export function credentialGuardedFetch(base: typeof fetch, check: (url: URL) => Promise<void>): typeof fetch {
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (authorizationOf(input, init) !== undefined) await check(urlOf(input));
    return base(input, init);
  };
  return guarded as typeof fetch;
}

/** What the glue answers for an origin the token has not been sent to yet (a modal, remembered per origin). */
export interface TokenApprovals {
  isApproved(origin: string): boolean;
  /** Asks the user once per origin at a time; resolves true when the user allowed it. */
  requestApproval(origin: string): Promise<boolean>;
}

/** The check for the Hugging Face token: official hosts, else an approved https or loopback origin. */
export function hfTokenCheck(approvals: TokenApprovals): (url: URL) => Promise<void> {
  return async (url) => {
    const destination = credentialDestination(url);
    if (destination === 'official') return;
    if (destination === 'insecure') {
      throw new CredentialNotSentError(url.origin, 'insecure', `Your Hugging Face token is never sent over plain http to another machine (${url.host}). Use an https:// address.`);
    }
    if (approvals.isApproved(url.origin) || (await approvals.requestApproval(url.origin))) return;
    throw new CredentialNotSentError(url.origin, 'not-approved', `Your Hugging Face token was not sent to ${url.host}: that host is not approved.`);
  };
}
