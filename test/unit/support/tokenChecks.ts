import { hfTokenCheck } from '../../../src/core/trust/credentialHosts';

/**
 * The token check with these origins approved, as if the user had said yes in the modal: what tests and
 * benchmarks against the fake server (a loopback origin) or a stub pass as `checkTokenDestination`.
 */
export function approving(...urls: string[]): (url: URL) => Promise<void> {
  const origins = urls.map((u) => new URL(u).origin);
  return hfTokenCheck({ isApproved: (origin) => origins.includes(origin), requestApproval: async () => false });
}
