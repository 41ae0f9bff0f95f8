/** URL helpers every layer uses: one way to name a host in a message and to join a base URL with a path. */

/** 'https://router.huggingface.co/v1' -> 'router.huggingface.co'; the input itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** 'https://hf.example/' -> 'https://hf.example', so `${base}/path` never has '//' (settings often end in '/'). */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
