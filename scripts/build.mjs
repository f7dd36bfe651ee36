// Bundles the CLI, the language server and the VS Code client with esbuild (CommonJS, Node), and
// writes the TextMate grammar VS Code loads (scripts/textmate-grammar.mjs) and the JSON schema of
// adopt.config.json (schemas/adopt.config.schema.json, which the extension contributes to VS Code)
// from its zod schema.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { writeTextMateGrammar } from './textmate-grammar.mjs';
import { importTypeScript } from './typescript-module.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
    { in: 'src/cli/bin.ts', out: 'cli' },
    { in: 'language-server/main.ts', out: 'language-server' },
    { in: 'src/extension/main.ts', out: 'extension' }
].filter(entry => existsSync(entry.in));

const options = {
    entryPoints: entries,
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // jsonc-parser's main entry is a UMD module whose inner requires a bundler cannot follow: use its ES module build.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    // Langium is ESM and uses import.meta.url in a few places; map it to the CommonJS equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

await writeTextMateGrammar();

/** Runs the zod schema's `configJsonSchema()` (bundled in memory) and writes its JSON schema. */
async function writeConfigSchema() {
    const { configJsonSchema } = await importTypeScript("export { configJsonSchema } from './src/language/config/adopt-config-schema.ts';");
    mkdirSync('schemas', { recursive: true });
    writeFileSync('schemas/adopt.config.schema.json', JSON.stringify(configJsonSchema(), null, 2) + '\n');
}

await writeConfigSchema();

if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
    console.log('watching for changes…');
} else {
    await esbuild.build(options);
}
