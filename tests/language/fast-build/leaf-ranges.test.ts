/**
 * The slim CST leaf (src/language/fast-build/lazy-cst.ts) gives every token the range that
 * Langium's own leaf (`LeafCstNodeImpl`, from Chevrotain's token positions) gives it: line
 * breaks `\n`, `\r\n` and a lone `\r`, columns in UTF-16 code units, block comments over lines,
 * the end exclusive. Both parsers (the fast one and Langium's) build slim leaves, which Langium
 * recognises as leaves.
 */
import { describe, expect, test } from 'vitest';
import { CompositeCstNodeImpl, CstUtils, isLeafCstNode, LeafCstNodeImpl, RootCstNodeImpl, type CstNode, type LeafCstNode } from 'langium';
import type { IToken } from 'chevrotain';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { AdoptLeafCstNode, startPosition } from '../../../src/language/fast-build/lazy-cst.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { example } from '../../support/helpers.js';

const { Adopt } = createAdoptServices();
const parser = Adopt.parser.LangiumParser as FastBuildParser;

/** Langium's leaf for a Chevrotain token (what CstNodeBuilder.createLeafNode makes). */
function langiumLeaf(token: IToken, hidden: boolean): LeafCstNodeImpl {
    return new LeafCstNodeImpl(token.startOffset, token.image.length, token.startLine! - 1, token.startColumn! - 1, token.endLine! - 1, token.endColumn!, token.tokenType, hidden);
}

/** Every token and comment of the text: Langium's leaf and the slim one, in a tree of the text. */
function leavesOf(text: string): Array<[LeafCstNodeImpl, AdoptLeafCstNode]> {
    const { tokens, hidden, errors } = Adopt.parser.Lexer.tokenize(text);
    expect(errors).toEqual([]);
    const root = new RootCstNodeImpl(text);
    return [...tokens.map(token => [token, false] as const), ...hidden.map(token => [token, true] as const)].map(([token, isHidden]) => {
        const slim = new AdoptLeafCstNode(token.startOffset, token.image.length, token.tokenType, isHidden);
        slim.container = root;
        return [langiumLeaf(token, isHidden), slim];
    });
}

const TEXTS: Record<string, string> = {
    'line feeds': 'plan P "P" {\n  initiative i "I"\n}\n',
    'carriage return and line feed': 'plan P "P" {\r\n  initiative i "I"\r\n}\r\n',
    'lone carriage returns': 'plan P "P" {\r  initiative i "I"\r\r}',
    'mixed line ends in block comments': '/* a\r\nb\rc\n\nd\r\r\ne */ plan /*\r*/ P "P" /*\n*/ { } // end',
    'tabs and surrogate pairs': '\tplan\tP "🙂🙂 日本" {\t// 🙂 note\n\t\tinitiative u "𝔘" }',
    'separators JavaScript breaks lines at, Chevrotain does not': 'plan P "a\u2028b" { /* \u2028 \u2029 */ initiative i "\u2029" }\u2028 // x\u2029y',
    'a token at offset 0 and one at the very end': 'plan P "P" { }',
    'leading blank lines': '\n\n\r\n\r   plan P "P" { }'
};

describe('slim leaves have Langium\'s ranges', () => {
    for (const [name, text] of Object.entries(TEXTS)) {
        test(name, () => {
            const leaves = leavesOf(text);
            expect(leaves.length).toBeGreaterThan(3);
            for (const [langium, slim] of leaves) {
                expect(slim.range, `token at ${slim.offset}`).toEqual(langium.range);
                expect([slim.offset, slim.length, slim.end, slim.hidden, slim.tokenType, slim.text])
                    .toEqual([langium.offset, langium.length, langium.end, langium.hidden, langium.tokenType, text.substring(langium.offset, langium.end)]);
            }
        });
    }

    test('every token of the SPEC example and a generated plan', () => {
        for (const text of [example('riverside-health.adopt'), toAdopt(generatePlan({ projects: 300, seed: 3 }))]) {
            for (const [langium, slim] of leavesOf(text)) expect(slim.range).toEqual(langium.range);
        }
    });
});

describe('both parsers build slim leaves', () => {
    for (const fastPath of [true, false]) {
        test(`${fastPath ? 'the fast parser' : 'Langium\'s parser'}: slim leaves with Langium's ranges, seen as leaves`, () => {
            const text = TEXTS['mixed line ends in block comments'].replace('{ }', '{ initiative i "I" }');
            parser.fastPath = fastPath;
            const before = parser.counts.fast;
            let root: CstNode;
            try {
                root = parser.parse(text).value.$cstNode!;
            } finally {
                parser.fastPath = true;
            }
            expect(parser.counts.fast - before).toBe(fastPath ? 1 : 0);
            const leaves = CstUtils.streamCst(root).filter(isLeafCstNode).toArray() as LeafCstNode[];
            const expected = leavesOf(text).map(([langium]) => langium).sort((a, b) => a.offset - b.offset);
            expect(leaves.length).toBe(expected.length);
            leaves.forEach((leaf, i) => {
                expect(leaf).toBeInstanceOf(AdoptLeafCstNode);
                expect(leaf.range).toEqual(expected[i].range);
                expect(leaf.text).toBe(text.substring(expected[i].offset, expected[i].end));
            });
        });
    }

    test('a slim leaf keeps five fields (Langium\'s keeps ten)', () => {
        const [[langium, slim]] = leavesOf('plan');
        expect(Object.keys(slim)).toHaveLength(5);
        expect(Object.keys(langium)).toHaveLength(10);
    });

    test('a leaf in no tree has no text to place it in: an empty range; its root is the top node, as Langium\'s', () => {
        const leaf = new AdoptLeafCstNode(4, 2, Adopt.parser.Lexer.definition.ID as never, true);
        expect(leaf.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        expect(leaf.root).toBe(leaf);
        expect(leaf.hidden).toBe(true);
        expect(() => leaf.astNode).toThrow();
        const composite = new CompositeCstNodeImpl();
        leaf.container = composite;
        expect(leaf.root).toBe(composite);
        expect(leaf.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });

    test('hidden and visible leaves of the same length keep their length', () => {
        const type = Adopt.parser.Lexer.definition.ID as never;
        for (const length of [0, 1, 7, 1 << 23]) {
            expect([new AdoptLeafCstNode(3, length, type, true), new AdoptLeafCstNode(3, length, type, false)].map(leaf => [leaf.length, leaf.hidden, leaf.end]))
                .toEqual([[length, true, 3 + length], [length, false, 3 + length]]);
        }
    });
});

describe('startPosition: where a node\'s range starts, without computing a composite node\'s range', () => {
    /** Every node of a tree, composites and leaves, in order. */
    const nodesOf = (node: CstNode): CstNode[] => [node, ...('content' in node ? (node.content as CstNode[]).flatMap(nodesOf) : [])];

    test('every node of parsed texts (odd line ends, comments, Unicode, both parsers) starts where its range does', () => {
        const texts = [...Object.values(TEXTS), example('riverside-health.adopt'), toAdopt(generatePlan({ projects: 60, seed: 5 })), 'plan P "P" { stage s "S" { project a "A" { /* c */ } } }'];
        for (const fastPath of [true, false]) {
            parser.fastPath = fastPath;
            try {
                for (const text of texts) {
                    const nodes = nodesOf(parser.parse(text).value.$cstNode!);
                    expect(nodes.length).toBeGreaterThan(5);
                    // All starts first: reading a composite node's range makes Langium keep it.
                    const starts = nodes.map(startPosition);
                    expect(nodes.some(node => (node as { _rangeCache?: unknown })._rangeCache !== undefined)).toBe(false);
                    nodes.forEach((node, i) => expect(starts[i], `node at ${node.offset} of ${JSON.stringify(text.slice(0, 20))}`).toEqual(node.range.start));
                }
            } finally {
                parser.fastPath = true;
            }
        }
    });

    test('an empty composite node and a node in no tree: their range\'s start', () => {
        const composite = new CompositeCstNodeImpl();
        expect(startPosition(composite)).toEqual(composite.range.start);
        const root = new RootCstNodeImpl('\n\nplan');
        const inner = new CompositeCstNodeImpl();
        inner.container = root;
        root.content.push(inner);
        expect(startPosition(inner)).toEqual({ line: 0, character: 0 });
        const leaf = new AdoptLeafCstNode(2, 4, Adopt.parser.Lexer.definition.ID as never, false);
        expect(startPosition(leaf)).toEqual({ line: 0, character: 0 });
        leaf.container = root;
        expect(startPosition(leaf)).toEqual({ line: 2, character: 0 });
    });
});
