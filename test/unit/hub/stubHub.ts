// A stub fetch that answers like huggingface.co and datasets-server (the shapes @huggingface/hub 2.17 reads):
// JSON arrays with `Link: <absolute>; rel="next"` paging, /revision/ info, /resolve/ with Range probing, /tree/.
export const HUB = 'https://hub.test';
export const VIEWER = 'https://viewer.test';

export interface Recorded {
  readonly url: URL;
  readonly headers: Record<string, string>;
}

type Route = (url: URL, headers: Record<string, string>) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function modelJson(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: `65f${String(i).padStart(21, '0')}`,
    id: `org/model-${i}`,
    pipeline_tag: 'text-classification',
    private: false,
    gated: false,
    downloads: 1000 - i,
    likes: i,
    lastModified: '2024-02-19T10:57:45.000Z',
    library_name: 'transformers',
    ...over,
  };
}

/** Serves `total` items in pages of `pageSize`, with absolute Link headers (cursor = offset). */
export function pagedList(total: number, pageSize: number, make: (i: number) => unknown): Route {
  return (url) => {
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const end = Math.min(total, offset + pageSize);
    const items = Array.from({ length: end - offset }, (_, k) => make(offset + k));
    const headers: Record<string, string> = {};
    if (end < total) {
      const next = new URL(url.href);
      next.searchParams.set('cursor', String(end));
      headers.Link = `<${next.href}>; rel="next"`;
    }
    return json(items, 200, headers);
  };
}

/** /resolve/ the way the Hub answers it: a `Range: bytes=0-0` probe gets 206 with Content-Range and ETag. */
export function resolveFile(content: string): Route {
  const bytes = Buffer.from(content, 'utf8');
  return (_url, headers) => {
    const range = /^bytes=(\d+)-(\d+)$/.exec(headers.range ?? '');
    if (!range) return new Response(bytes, { status: 200, headers: { etag: '"abc"', 'content-type': 'text/plain; charset=utf-8' } });
    const start = Number(range[1]);
    const end = Math.min(bytes.length - 1, Number(range[2]));
    return new Response(bytes.subarray(start, end + 1), {
      status: 206,
      headers: { etag: '"abc"', 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-type': 'text/plain; charset=utf-8' },
    });
  };
}

export class StubHub {
  readonly calls: Recorded[] = [];
  private readonly routes: Array<[RegExp, Route]> = [];

  /** Later routes win, so a test can override a default. */
  on(pattern: RegExp, route: Route): this {
    this.routes.unshift([pattern, route]);
    return this;
  }

  count(pattern: RegExp): number {
    return this.calls.filter((c) => pattern.test(c.url.pathname + c.url.search)).length;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    this.calls.push({ url, headers });
    const path = url.origin + url.pathname;
    for (const [pattern, route] of this.routes) if (pattern.test(path)) return route(url, headers);
    return json({ error: 'Not found' }, 404);
  };
}
