/**
 * The SyntaxTrees service (src/language/fast-build/syntax-trees.ts) hands each tree's lists from
 * phase to phase: `nodes` lists what Langium's `streamAst` lists, once per tree (the parser's list
 * when it made one); `referencesToLink` gives the references Langium's walk gives (the parser's,
 * taken once) and keeps them for the reference index (`takeLinkedReferences`, taken once); a new
 * text is a new tree with lists of its own; `builtBy` says which parser built a tree, and a tree
 * the fast build's node builder did not make has no state.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, URI, type AstNode, type ReferenceInfo } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import type { AdoptFile, Plan } from '../../../src/language/generated/ast.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

const { Adopt, shared } = createAdoptServices() as unknown as { Adopt: FastBuildServices; shared: ReturnType<typeof createAdoptServices>['shared'] };
const trees = Adopt.fastBuild.SyntaxTrees;
const parser = Adopt.parser.LangiumParser as FastBuildParser;

const parse = (text: string, name: string) =>
    shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse(`file:///${name}.adopt`)).parseResult.value;

/** Langium's walk of a tree's references: streamAst, then streamReferences per node. */
const walkedReferences = (root: AstNode) => AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray();

function expectSameReferences(ours: readonly ReferenceInfo[], expected: readonly ReferenceInfo[]): void {
    expect(ours.length).toBe(expected.length);
    ours.forEach((info, i) => {
        expect(info.reference).toBe(expected[i].reference);
        expect(info.container).toBe(expected[i].container);
        expect(info.property).toBe(expected[i].property);
        expect(info.index).toBe(expected[i].index);
        expect(Object.keys(info)).toEqual(Object.keys(expected[i]));
    });
}

/** `listed`: whether the parser lists the nodes and references as it goes (a text without errors: tree order). */
const TEXTS: Record<string, { text: string; builtBy: 'fast' | 'langium'; listed: boolean }> = {
    'a generated plan (the fast parser)': { text: toAdopt(generatePlan({ projects: 200, seed: 2 })), builtBy: 'fast', listed: true },
    'a broken plan (the fast parser\'s recovery)': { text: 'plan P "p" { coalition { member a "A" role staff } stage s "S" { project a { involves a } ', builtBy: 'fast', listed: false },
    'an empty file': { text: '', builtBy: 'fast', listed: false }
};

describe('SyntaxTrees', () => {
    for (const [name, { text, builtBy, listed }] of Object.entries(TEXTS)) {
        test(`${name}: the nodes of streamAst, listed once per tree; built by the ${builtBy} parser`, () => {
            const root = parse(text, `nodes-${builtBy}-${text.length}`);
            expect(trees.builtBy(root)).toBe(builtBy);
            expect(trees.stateOf(root)).toBeDefined();
            const nodes = trees.nodes(root);
            expect(nodes).toEqual(AstUtils.streamAst(root).toArray());
            expect(trees.nodes(root)).toBe(nodes);
            expect(Adopt.syntax.Facts.nodes(root)).toBe(nodes);
        });

        test(`${name}: the references of Langium's walk, the parser's taken once, then kept for the index once`, () => {
            const root = parse(text, `references-${builtBy}-${text.length}`);
            const expected = walkedReferences(root);
            if (text !== '') expect(expected.length).toBeGreaterThan(0);
            const parsed = trees.stateOf(root)?.parsedReferences;
            expect(parsed !== undefined).toBe(listed);
            const toLink = trees.referencesToLink(root);
            if (parsed) expect(toLink).toBe(parsed);
            expectSameReferences(toLink, expected);
            expect(trees.stateOf(root)?.parsedReferences).toBeUndefined();
            // Taken by the index, once; the next asks walk the tree again.
            expect(trees.takeLinkedReferences(root)).toBe(toLink);
            const walked = trees.takeLinkedReferences(root);
            expect(walked).not.toBe(toLink);
            expectSameReferences(walked, expected);
            const again = trees.referencesToLink(root);
            expect(again).not.toBe(toLink);
            expectSameReferences(again, expected);
            trees.forgetLinkedReferences(root);
            expect(trees.stateOf(root)?.linkedReferences).toBeUndefined();
        });
    }

    test('a new text is a new tree with its own lists', () => {
        const text = toAdopt(generatePlan({ projects: 20, seed: 3 }));
        const first = parse(text, 'one');
        const second = parse(text.replace('project p1 ', 'project renamed '), 'two');
        expect(trees.stateOf(second)).not.toBe(trees.stateOf(first));
        expect(trees.nodes(second)).not.toBe(trees.nodes(first));
        expect(trees.nodes(second).some(node => (node as { name?: string }).name === 'renamed')).toBe(true);
        expect(trees.nodes(first).some(node => (node as { name?: string }).name === 'renamed')).toBe(false);
    });

    test('a tree built with the fast path off is Langium\'s; a node that is not a root, or a tree of another builder, has no state and is walked', () => {
        parser.fastPath = false;
        let root: AdoptFile;
        try {
            root = parser.parse<AdoptFile>('plan P "p" { initiative i "I" stage s "S" { project p "P" { supports i } } }').value;
        } finally {
            parser.fastPath = true;
        }
        expect(trees.builtBy(root)).toBe('langium');
        expect(trees.stateOf(root.plan!.stages[0])).toBeUndefined();
        const plain = createAdoptServices({ fastBuild: false }).Adopt.parser.LangiumParser.parse<Plan>('plan P "p" { initiative i "I" }').value;
        expect(trees.stateOf(plain)).toBeUndefined();
        expect(trees.builtBy(plain)).toBe('langium');
        expect(trees.nodes(plain)).toEqual(AstUtils.streamAst(plain).toArray());
        expect(trees.nodes(plain)).not.toBe(trees.nodes(plain));
        expectSameReferences(trees.referencesToLink(plain), walkedReferences(plain));
    });
});
