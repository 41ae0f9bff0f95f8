/**
 * The Hub webview's HTML: a strict CSP with a fresh nonce per load (default-src 'none', no <base>, no
 * form targets; only our bundle runs; styles and fonts only from the extension's own dist/ and media/), the codicon stylesheet
 * (with the id @vscode-elements' icon component looks for), our stylesheet and the bundle. Pure, so
 * the CSP is unit-tested.
 */
import { randomBytes } from 'node:crypto';

interface HubHtmlParams {
  /** webview.cspSource */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
  /** Extra https hosts card images may load from (default none: images show as links). */
  readonly imageHosts?: readonly string[];
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

const HOST = /^[a-z0-9.-]+$/i;

export function contentSecurityPolicy(p: Pick<HubHtmlParams, 'cspSource' | 'nonce' | 'imageHosts'>): string {
  const images = (p.imageHosts ?? []).filter((host) => HOST.test(host)).map((host) => `https://${host}`);
  return [
    "default-src 'none'",
    `script-src 'nonce-${p.nonce}'`,
    `style-src ${p.cspSource}`,
    `font-src ${p.cspSource}`,
    `img-src ${[p.cspSource, ...images].join(' ')}`,
    // default-src does not cover these two: without them injected markup could retarget links or post a form.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function buildHubHtml(p: HubHtmlParams): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="vscode-codicon-stylesheet" rel="stylesheet" href="${attr(p.codiconsUri)}">
<link rel="stylesheet" href="${attr(p.styleUri)}">
<title>Hugging Face Hub</title>
</head>
<body>
<div id="app" class="hub"></div>
<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}
