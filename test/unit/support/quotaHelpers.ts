import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonthlyQuota } from '../../../src/core/routing/quota';
import type { QuotaThreshold } from '../../../src/core/routing/quotaTally';

/** Reserves one request `n` times in sequence; returns the thresholds crossed. */
export async function reserveMany(quota: MonthlyQuota, n: number): Promise<QuotaThreshold[]> {
  const crossed: QuotaThreshold[] = [];
  for (let i = 0; i < n; i++) {
    const c = (await quota.reserve()).crossing;
    if (c) crossed.push(c.threshold);
  }
  return crossed;
}

/** A fresh directory for a quota ledger; the caller removes it. */
export function tempLedgerDir(): string {
  return mkdtempSync(join(tmpdir(), 'quota-test-'));
}
