// Bundles the CLI, the language server and the VS Code client with esbuild (CommonJS, Node), the
// browser build (out/browser/: the client for VS Code for the Web's extension host, CommonJS, and
// the language server as a Web Worker script), and
// writes the TextMate grammar VS Code loads (scripts/textmate-grammar.mjs) and the JSON schema of
// adopt.config.json (schemas/adopt.config.schema.json, which the extension contributes to VS Code)
// from its zod schema.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeTextMateGrammar } from './textmate-grammar.mjs';
import { importTypeScript } from './typescript-module.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
    { in: 'src/cli/bin.ts', out: 'cli' },
    { in: 'language-server/main.ts', out: 'language-server' },
    { in: 'src/extension/main.ts', out: 'extension' }
].filter(entry => existsSync(entry.in));

/**
 * lodash-es (which Chevrotain's lookahead, chevrotain-allstar, uses) checks as its `_getTag.js`
 * module loads whether `Object.prototype.toString` names a DataView, Map, Promise, Set and
 * WeakMap right, for engines before ES2015; each check writes a read-only property, which throws
 * in a module: five exceptions, caught, every time a server starts. With a debugger or DevTools
 * attached to the server (as in a test's headless chromium), V8 then finds the source positions
 * of every function on the stack, which means parsing the whole bundle again: about 200 ms of a
 * Web Worker's start. Every engine the bundles run on passes those checks, after which the module
 * exports `baseGetTag`; here it is that from the start.
 */
const lodashGetTag = {
    name: 'lodash-get-tag',
    setup(build) {
        build.onLoad({ filter: /[\\/]lodash-es[\\/]_getTag\.js$/ }, args => ({
            contents: "export { default } from './_baseGetTag.js';\n",
            resolveDir: dirname(args.path)
        }));
    }
};

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
    plugins: [lodashGetTag],
    // Langium is ESM and uses import.meta.url in a few places; map it to the CommonJS equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

/**
 * The browser build: no Node module may be reached (tests/architecture/browser-bundles.test.ts
 * checks the bundles), and both are minified, since they are downloaded by VS Code for the Web.
 */
const browserOptions = [
    { in: 'src/extension/browser-main.ts', out: 'out/browser/extension.cjs', format: 'cjs' },
    { in: 'language-server/main-browser.ts', out: 'out/browser/language-server.js', format: 'iife' }
].map(entry => ({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'browser',
    format: entry.format,
    target: 'es2022',
    external: ['vscode'],
    sourcemap: !production,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    alias: options.alias,
    plugins: options.plugins,
    // Langium's only use of import.meta.url is for files on disk, which the browser build does not read.
    define: { 'import.meta.url': '""' }
}));

await writeTextMateGrammar();

/** Runs the zod schema's `configJsonSchema()` (bundled in memory) and writes its JSON schema. */
async function writeConfigSchema() {
    const { configJsonSchema } = await importTypeScript("export { configJsonSchema } from './src/language/config/adopt-config-schema.ts';");
    mkdirSync('schemas', { recursive: true });
    writeFileSync('schemas/adopt.config.schema.json', JSON.stringify(configJsonSchema(), null, 2) + '\n');
}

await writeConfigSchema();

if (watch) {
    for (const each of [options, ...browserOptions]) await (await esbuild.context(each)).watch();
    console.log('watching for changes…');
} else {
    await Promise.all([esbuild.build(options), ...browserOptions.map(async each => {
        const result = await esbuild.build(each);
        // What went into the bundle, for the size bench (bench/browser-size.mjs).
        writeFileSync(`${each.outfile}.meta.json`, JSON.stringify(result.metafile));
    })]);
}
