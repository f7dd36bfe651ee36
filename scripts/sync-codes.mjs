// Writes what the table of diagnostic codes (src/language/validation/issue-codes.ts) gives to the
// files that are committed: the codes, words and descriptions of the setting
// `adopt.diagnostics.severity` in package.json (the same as the config file's `severity`, from its
// zod schema), and the reference between the markers of docs/diagnostics.md. Run it after adding
// or changing a code; tests/config/config-json-schema.test.ts and
// tests/language/validation/diagnostics.test.ts fail until the files agree with the table.
// Usage: npm run sync-codes
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, importTypeScript } from './typescript-module.mjs';

const { configJsonSchema, withCodeReference } = await importTypeScript([
    "export { configJsonSchema } from './src/language/config/adopt-config-schema.ts';",
    "export { withCodeReference } from './src/language/validation/issue-code-reference.ts';"
].join('\n'));

const packagePath = join(ROOT, 'package.json');
const manifest = JSON.parse(readFileSync(packagePath, 'utf8'));
const setting = manifest.contributes.configuration.properties['adopt.diagnostics.severity'];
setting.properties = configJsonSchema().properties.severity.properties;
writeFileSync(packagePath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`package.json, adopt.diagnostics.severity: ${Object.keys(setting.properties).length} codes`);

const pagePath = join(ROOT, 'docs/diagnostics.md');
writeFileSync(pagePath, withCodeReference(readFileSync(pagePath, 'utf8')));
console.log('docs/diagnostics.md: the table of codes');
