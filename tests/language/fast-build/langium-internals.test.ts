/**
 * The uses of Langium's private parts (src/language/fast-build/langium-internals.ts): the fast
 * build's CST node builder inside Langium's parser, comments taken with a cursor, and the fast
 * build's references in the place of Langium's (a class it does not export). When a Langium
 * upgrade changes them, the first test fails and says what no longer fits; the others show that
 * the fast build then does without them and Langium's own code runs, with the same trees,
 * comments and links.
 */
import { describe, expect, test } from 'vitest';
import { CstUtils, isLeafCstNode, URI, type DefaultReference, type Reference } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { FastBuildParser, createFastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { referenceProblems } from '../../../src/language/fast-build/langium-internals.js';
import { FastRootCstNode } from '../../../src/language/fast-build/lazy-cst.js';
import { FastLinker, FastReference } from '../../../src/language/fast-build/linking.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';

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
        const linker = createAdoptServices().Adopt.references.Linker as FastLinker;
        expect(linker.referenceProblems, `langium-internals.ts no longer fits Langium's references: ${linker.referenceProblems.join('; ')}`).toEqual([]);
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

    test("references unlike Langium's: the probe names what differs, and the linker makes Langium's references, which link alike", async () => {
        const { Adopt, shared } = createAdoptServices();
        const linker = Adopt.references.Linker as FastLinker;
        const langiumReference = (): Reference => Object.getPrototypeOf(FastLinker.prototype).buildReference.call(linker, { $type: 'Probe' }, 'p', undefined, 'x');
        // As if Langium's references had a new member, and had lost one.
        const changed = Object.assign(langiumReference(), { $segment: undefined });
        delete (changed as Partial<DefaultReference>)._ref;
        expect(referenceProblems(changed)).toEqual(["Langium's references have members FastReference lacks: $segment", "Langium's references no longer have: _ref"]);
        (linker as { referenceProblems: readonly string[] }).referenceProblems = ['changed'];
        const text = 'plan P "p" { coalition { member ann "Ann" role staff } initiative care "Care" stage s "S" { project a "A" { supports care involves ann } } }';
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse('file:///internals.adopt'));
        await shared.workspace.DocumentBuilder.build([document]);
        const project = document.parseResult.value.plan!.stages[0].projects[0];
        const [care, ann] = [project.supports[0].initiatives[0], project.involves[0].members[0]];
        expect(care).not.toBeInstanceOf(FastReference);
        expect(care.ref?.$type).toBe('Initiative');
        expect(ann.ref?.$type).toBe('Member');
        expect(care.$refNode?.text).toBe('care');
    });
});
