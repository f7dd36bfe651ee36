/**
 * `as unknown as` tells the compiler to stop checking a value's type. The uses of Langium's
 * private parts that need it are in src/language/fast-build/langium-internals.ts, each with its
 * probe; elsewhere in src/ and language-server/ there are at most MAX_CASTS, each with a comment
 * on its line or the line before saying why.
 */
import { describe, expect, test } from 'vitest';
import { sourceFiles, type SourceFile } from './source-files.js';

const MAX_CASTS = 10;
const INTERNALS = 'src/language/fast-build/langium-internals.ts';
const CAST = /\bas unknown as\b/;

interface Cast {
    readonly at: string;
    readonly explained: boolean;
}

/** The casts of a file, each as `file:line`, and whether a comment explains it (on its line, or a `//` line just before it). */
function castsOf(file: SourceFile): Cast[] {
    const casts: Cast[] = [];
    file.lines.forEach((line, index) => {
        if (!CAST.test(line)) return;
        const before = index > 0 ? file.lines[index - 1].trim() : '';
        casts.push({ at: `${file.path}:${index + 1}`, explained: /\/\/\s*\S/.test(line) || before.startsWith('//') || /^\/\*.*\*\/$/.test(before) });
    });
    return casts;
}

describe('casts that stop type checking', () => {
    const casts = sourceFiles().filter(file => file.path !== INTERNALS).flatMap(castsOf);

    test(`at most ${MAX_CASTS} outside langium-internals.ts`, () => {
        expect(casts.length, casts.map(cast => cast.at).join('\n')).toBeLessThanOrEqual(MAX_CASTS);
    });

    test('each with a comment giving its reason', () => {
        expect(casts.filter(cast => !cast.explained).map(cast => cast.at)).toEqual([]);
    });

    test('a cast is found with its place, and a comment before it or on its line explains it', () => {
        const file: SourceFile = {
            path: 'src/example.ts',
            lines: ['const a = b as unknown as C;', '// Why: the type has no index signature.', 'const d = e as unknown as F;', 'const g = h as unknown as I; // why', 'const j = k as L;']
        };
        expect(castsOf(file)).toEqual([
            { at: 'src/example.ts:1', explained: false },
            { at: 'src/example.ts:3', explained: true },
            { at: 'src/example.ts:4', explained: true }
        ]);
    });
});
