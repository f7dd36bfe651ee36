/**
 * The browser build (docs/architecture.md#the-browser-build): the extension's client for VS Code
 * for the Web (out/browser/extension.cjs) and its language server, a Web Worker script
 * (out/browser/language-server.js), reach no Node module, and weigh at most 1.5 MB together.
 * Read from what `npm run build` wrote: the bundles and esbuild's account of what went into each
 * (`*.meta.json`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BUNDLES = ['out/browser/extension.cjs', 'out/browser/language-server.js'] as const;
/** 1.5 MB, as the package check counts a megabyte (1024 × 1024 bytes). */
export const MAX_BROWSER_BYTES = 1.5 * 1024 * 1024;

/** Modules of Node, with and without `node:`. */
const NODE_MODULES = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));
/** The Node builds of the libraries, which the browser build must not take instead of theirs. */
const NODE_BUILDS = [/node_modules\/langium\/lib\/node\//, /node_modules\/vscode-languageserver\/lib\/node\//, /node_modules\/vscode-languageclient\/lib\/node\//, /node_modules\/vscode-jsonrpc\/lib\/node\//];

interface Metafile {
    readonly inputs: Record<string, { readonly imports: ReadonlyArray<{ readonly path: string; readonly external?: boolean }> }>;
}

function bundle(path: string): { text: string; meta: Metafile } {
    const file = join(ROOT, path);
    if (!existsSync(file)) throw new Error(`${path} is missing: run npm run build first`);
    return { text: readFileSync(file, 'utf8'), meta: JSON.parse(readFileSync(`${file}.meta.json`, 'utf8')) as Metafile };
}

describe.each(BUNDLES)('%s', path => {
    test('imports no module of Node, and no Node build of a library', () => {
        const { meta } = bundle(path);
        const offending: string[] = [];
        for (const [input, { imports }] of Object.entries(meta.inputs)) {
            if (NODE_BUILDS.some(pattern => pattern.test(input))) offending.push(`${input} is a Node build`);
            for (const imported of imports) {
                if (NODE_MODULES.has(imported.path) || NODE_MODULES.has(imported.path.split('/')[0])) offending.push(`${input} imports ${imported.path}`);
            }
        }
        expect(offending).toEqual([]);
        expect(Object.keys(meta.inputs).some(input => input.startsWith('src/') || input.startsWith('language-server/'))).toBe(true);
    });

    // The product's own code cannot name Node's globals (process, Buffer) there: tsconfig.browser.json type-checks the entries without Node's types.
    test('loads nothing at run time but the vscode API (the client)', () => {
        const { text } = bundle(path);
        // A global require or import(), not a method of that name (lodash asks an optional `module.require('util')`, never there in a browser).
        const loaded = [...text.matchAll(/(?<![.\w$])(?:require|import)\(\s*(['"])([^'"]+)\1\s*\)/g)].map(match => match[2]);
        expect([...new Set(loaded)]).toEqual(path.endsWith('.cjs') ? ['vscode'] : []);
    });
});

test("the language server's bundle takes lodash-es's getTag as its baseGetTag, whose checks throw nothing as the bundle loads", () => {
    // lodash-es's own _getTag.js checks the engine as it loads, with five exceptions: with a
    // debugger attached, each made V8 parse the whole bundle again (scripts/build.mjs, lodashGetTag).
    const { meta } = bundle('out/browser/language-server.js');
    const getTag = meta.inputs['node_modules/lodash-es/_getTag.js'];
    expect(getTag?.imports.map(imported => imported.path)).toEqual(['node_modules/lodash-es/_baseGetTag.js']);
});

test('the browser bundles weigh at most 1.5 MB together', () => {
    const sizes = BUNDLES.map(path => {
        bundle(path);
        return statSync(join(ROOT, path)).size;
    });
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total, `${BUNDLES.map((path, index) => `${path} ${(sizes[index] / 1024).toFixed(0)} KB`).join(', ')}`).toBeLessThanOrEqual(MAX_BROWSER_BYTES);
});
