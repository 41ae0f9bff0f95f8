// What the real services send when things go wrong, for the fault switches: the router and the Hub
// answer JSON `{error}` bodies (the Hub adds X-Error-Code on a missing repo); the edge proxy in front of
// them answers a 502 with an HTML page; a captive portal or a corporate proxy answers 200 with its own page.
import { STATUS_CODES } from 'node:http';
import { INVALID_CREDENTIALS, type Headers, type ListenerName } from './http';
import { FAKE_USER } from './state';

export interface ErrorReply {
  body: { error: string };
  headers: Headers;
}

/** The router's answer once the account's monthly Inference Providers credits are used up. */
export const CREDITS_EXCEEDED = 'You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.';

/** The default `{error}` body (and headers) of a status fault, worded like the listener's real service. */
export function statusErrorReply(listener: ListenerName, status: number, subject: string): ErrorReply {
  const hub = listener === 'hub';
  const plain = (error: string, headers: Headers = {}): ErrorReply => ({ body: { error }, headers });
  switch (status) {
    case 401:
      return plain(INVALID_CREDENTIALS);
    case 403:
      return hub
        ? plain(`Access to model ${subject} is restricted. You must have access to it and be authenticated to access it. Please log in.`, { 'X-Error-Code': 'GatedRepo' })
        : plain(`This authentication method does not have sufficient permissions to call Inference Providers on behalf of user ${FAKE_USER}`);
    case 402:
      return plain(hub ? (STATUS_CODES[status] ?? 'Payment Required') : CREDITS_EXCEEDED);
    case 404:
      return hub ? plain('Repository not found', { 'X-Error-Code': 'RepoNotFound' }) : plain(`Model ${subject} does not exist`);
    case 410:
      return hub ? plain('This repository is no longer available.') : plain(`The requested model '${subject}' is deprecated and no longer supported by provider hf-inference.`);
    default:
      return plain(STATUS_CODES[status] ?? `HTTP ${status}`);
  }
}

/** The error page an nginx-style edge proxy sends when the service behind it is down. */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** A captive portal's login page, answered with 200 to any request (hotel and airport Wi-Fi). */
export const PORTAL_HTML =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Sign in to the network</title></head>\n' +
  '<body><h1>Welcome</h1><p>Accept the terms of use to continue to the Internet.</p>' +
  '<form method="post" action="/portal/accept"><button>Connect</button></form></body></html>\n';
