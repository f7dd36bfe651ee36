// The size of the browser build, from the files on disk (scripts/build.mjs writes them): the web
// extension's client (out/browser/extension.cjs) and the language server's Web Worker
// (out/browser/language-server.js), whose total has a target of 1.5 MB (1 MB = 1,048,576 bytes,
// as the package's limit counts it). Source maps and the build's metafiles are not downloaded by
// VS Code for the Web and are not counted. The metafile each bundle has beside it says what went
// into it, summed here by package.
// `node bench/browser-size.mjs` prints the sizes and each bundle's largest parts; bench/run-bench.mjs
// puts the total in its table.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const BROWSER_BUNDLES = ['out/browser/extension.cjs', 'out/browser/language-server.js'];
export const MAX_BROWSER_BYTES = 1.5 * 1024 * 1024;

/** What went into a bundle, by package (`node_modules/NAME`) or project folder, largest first. */
function partsOf(bundle) {
    const metafile = join(root, `${bundle}.meta.json`);
    if (!existsSync(metafile)) return [];
    const output = JSON.parse(readFileSync(metafile, 'utf8')).outputs[bundle];
    const parts = new Map();
    for (const [path, input] of Object.entries(output?.inputs ?? {})) {
        const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
        const part = inPackage ? inPackage[1] : path.split('/').slice(0, 2).join('/');
        parts.set(part, (parts.get(part) ?? 0) + input.bytesInOutput);
    }
    return [...parts].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Each browser bundle's bytes on disk (undefined when it is not built) and the total. */
export function browserBundleSizes() {
    const files = BROWSER_BUNDLES.map(file => {
        const path = join(root, file);
        return { file, bytes: existsSync(path) ? statSync(path).size : undefined, parts: partsOf(file) };
    });
    const built = files.every(file => file.bytes !== undefined);
    return { files, total: built ? files.reduce((sum, file) => sum + file.bytes, 0) : undefined, limit: MAX_BROWSER_BYTES };
}

if (import.meta.filename === process.argv[1]) {
    const sizes = browserBundleSizes();
    const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
    for (const file of sizes.files) {
        console.log(`${file.file}: ${file.bytes === undefined ? 'not built (run npm run build)' : kb(file.bytes)}`);
        for (const part of file.parts.slice(0, 8)) console.log(`    ${part.name}: ${kb(part.bytes)}`);
    }
    if (sizes.total !== undefined) console.log(`total: ${kb(sizes.total)} of at most ${kb(sizes.limit)} (${sizes.total <= sizes.limit ? 'within' : 'OVER'})`);
}
