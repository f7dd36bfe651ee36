/**
 * The one use of Langium's private parts (src/language/fast-build/langium-internals.ts): the
 * fast build's CST node builder inside Langium's parser, and comments taken with a cursor. When
 * a Langium upgrade changes them, the first test fails and says what no longer fits; the others
 * show that the fast build then undoes the change and Langium's own code runs, with the same
 * trees and comments.
 */
import { describe, expect, test } from 'vitest';
import { CstUtils, isLeafCstNode } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { FastBuildParser, createFastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { FastRootCstNode } from '../../../src/language/fast-build/lazy-cst.js';

const PLAN = '// a plan\nplan P "P" { /* members */ coalition { member a "A" role staff } stage s "S" { } } // the end';

function commentsOf(parser: FastBuildParser, text: string): string[] {
    const root = parser.parse(text).value.$cstNode!;
    return CstUtils.streamCst(root).filter(node => isLeafCstNode(node) && node.hidden).map(node => node.text).toArray();
}

describe("Langium's private parts the fast build uses", () => {
    test('still fit this version of Langium (if not, the message says what changed)', () => {
        const parser = createAdoptServices().Adopt.parser.LangiumParser as FastBuildParser;
        expect(parser.internals.problems, `langium-internals.ts no longer fits Langium: ${parser.internals.problems.join('; ')}`).toEqual([]);
        expect(parser.internals).toMatchObject({ builder: true, linearComments: true });
    });

    test("Langium's parser builds with the fast build's nodes, and places every comment once, in order", () => {
        const parser = createAdoptServices().Adopt.parser.LangiumParser as FastBuildParser;
        parser.fastPath = false;
        expect(parser.parse(PLAN).value.$cstNode?.root).toBeInstanceOf(FastRootCstNode);
        expect(commentsOf(parser, PLAN)).toEqual(['// a plan', '/* members */', '// the end']);
    });

    test('a parser whose CST node builder is not where Langium 4.4 keeps it: the change is undone, Langium builds as without the fast build', () => {
        const { Adopt } = createAdoptServices();
        const parser = new FastBuildParser(Adopt);
        (parser as unknown as { nodeBuilder: unknown }).nodeBuilder = undefined;
        const made = createFastBuildParser(Adopt, parser);
        expect(made.internals.builder).toBe(false);
        expect(made.internals.problems.join(' ')).toMatch(/nodeBuilder/);
    });

    test('a parser whose comments do not come out as a cursor over lexerResult expects: the cursor is taken back', () => {
        const { Adopt } = createAdoptServices();
        const parser = new FastBuildParser(Adopt);
        // As if Langium had renamed lexerResult: the cursor would see no comment at all.
        Object.defineProperty(parser, 'lexerResult', { get: () => undefined, set: () => undefined, configurable: true });
        const made = createFastBuildParser(Adopt, parser);
        expect(made.internals.linearComments).toBe(false);
        expect(made.internals.problems.join(' ')).toMatch(/lexerResult/);
        // Langium's own code takes the comments again: none is lost.
        Object.defineProperty(made, 'lexerResult', { value: undefined, writable: true, configurable: true });
        made.fastPath = false;
        expect(commentsOf(made, PLAN)).toEqual(['// a plan', '/* members */', '// the end']);
    });
});
