import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// out/test/unit/support → the repository root, where the extension's manifest is.
const root = join(__dirname, '../../../..');

/** The real package.json, parsed. */
export function packageJson(): unknown {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** `contributes.configuration.properties` of the real package.json: each setting id with what it declares. */
export function declaredSettings(): Readonly<Record<string, { readonly default?: unknown }>> {
  const pkg = packageJson() as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
  return pkg.contributes.configuration.properties;
}
