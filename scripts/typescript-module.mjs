// Loads TypeScript modules of the project into a script: bundles them in memory with esbuild and
// imports the result, so that a script uses the product's own code (the zod schema of the config
// file, the table of diagnostic codes) instead of a copy of it.
import * as esbuild from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The exports of `source`, a TypeScript module whose imports are relative to the repository's
 * root (`export { configJsonSchema } from './src/language/config/adopt-config-schema.ts'`).
 */
export async function importTypeScript(source) {
    const bundle = await esbuild.build({
        stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'script-entry.ts' },
        bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning'
    });
    return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}
