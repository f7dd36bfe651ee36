/**
 * The fast build (src/language/fast-build/) is one boundary: the rest of the product reads as an
 * ordinary Langium language and does not import from it. The one import into it from outside is
 * the module that installs it (adopt-module.ts importing fast-build-module.ts); what both parsers
 * share lives outside it (src/language/parser/).
 */
import { dirname, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceFiles, type SourceFile } from './source-files.js';

const FAST_BUILD = 'src/language/fast-build/';

/** The one import allowed across the boundary: file, and the module it imports. */
const INSTALLER = { file: 'src/language/adopt-module.ts', module: 'src/language/fast-build/fast-build-module.ts' };

/** The module specifiers of a line: `from '…'`, `import '…'`, `import('…')`, `require('…')`. */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;

/** Where a relative specifier of a file leads, from the repository's root, `.js` read as the `.ts` it is built from. */
function target(file: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    return posix.normalize(posix.join(dirname(file), specifier)).replace(/\.js$/, '.ts');
}

/** Each import of a file that leads into the fast build, as `file:line imports module`. */
function importsIntoFastBuild(file: SourceFile): string[] {
    const found: string[] = [];
    file.lines.forEach((line, index) => {
        for (const [, , specifier] of line.matchAll(SPECIFIERS)) {
            const module = target(file.path, specifier);
            const into = module !== undefined && (module.startsWith(FAST_BUILD) || `${module}/` === FAST_BUILD);
            if (into && !(file.path === INSTALLER.file && module === INSTALLER.module)) found.push(`${file.path}:${index + 1} imports ${module}`);
        }
    });
    return found;
}

describe('the fast build is one boundary', () => {
    const outside = sourceFiles().filter(file => !file.path.startsWith(FAST_BUILD));

    test('no file outside it imports from it, but the module that installs it', () => {
        expect(outside.length).toBeGreaterThan(50);
        expect(outside.flatMap(importsIntoFastBuild)).toEqual([]);
    });

    test('the installer imports it, so the check above reads the imports it means to', () => {
        const installer = outside.find(file => file.path === INSTALLER.file)!;
        const imports = installer.lines.flatMap(line => [...line.matchAll(SPECIFIERS)].map(([, , specifier]) => target(installer.path, specifier)));
        expect(imports).toContain(INSTALLER.module);
    });

    test('an import into it from elsewhere is named with its file and line', () => {
        const file: SourceFile = {
            path: 'src/language/validation/example.ts',
            lines: ['// example', "import { FastParser } from '../fast-build/fast-parser.js';", "export type { X } from \"../fast-build/tree-state.js\";", "import('../fast-build/linking.js');"]
        };
        expect(importsIntoFastBuild(file)).toEqual([
            'src/language/validation/example.ts:2 imports src/language/fast-build/fast-parser.ts',
            'src/language/validation/example.ts:3 imports src/language/fast-build/tree-state.ts',
            'src/language/validation/example.ts:4 imports src/language/fast-build/linking.ts'
        ]);
    });
});
