// Copies the codes of the config file's `severity` (schemas/adopt.config.schema.json, generated
// from the zod schema by scripts/build.mjs) into the setting `adopt.diagnostics.severity` of
// package.json, so that the setting and the file offer the same codes and words. Run it after
// adding a diagnostic code; tests/config/config-json-schema.test.ts fails until the two agree.
// Usage: node scripts/build.mjs && node scripts/sync-severity-setting.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/adopt.config.schema.json'), 'utf8'));
const packagePath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(packagePath, 'utf8'));
const setting = manifest.contributes.configuration.properties['adopt.diagnostics.severity'];
setting.properties = schema.properties.severity.properties;
writeFileSync(packagePath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`adopt.diagnostics.severity: ${Object.keys(setting.properties).length} codes`);
