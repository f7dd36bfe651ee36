/**
 * The syntax facts of the fast build (src/language/fast-build/fast-syntax-facts.ts) answer what
 * Langium's utilities answer (parser/syntax-facts.ts, plain Langium, uses them): for every node of
 * a tree, every property of its type and every keyword of the grammar, at every index, the range
 * of `findNodeForProperty`, `findNodesForProperty` and `findNodeForKeyword`, the range of
 * `getDiagnosticRange`, where the node starts, and the comments of the tree; on trees of the fast
 * parser, of Langium's parser, and of an incremental update. They answer without making the
 * leaves the fast parser left unmade.
 */
import { describe, expect, test } from 'vitest';
import {
    AstUtils, GrammarUtils, URI, getDiagnosticRange, isCompositeCstNode, type AstNode, type CstNode, type DiagnosticInfo, type LangiumDocument
} from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { FastSyntaxFacts } from '../../../src/language/fast-build/fast-syntax-facts.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode } from '../../../src/language/fast-build/lazy-cst.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { SyntaxFacts } from '../../../src/language/parser/syntax-facts.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { keywords } from '../../support/plan-arbitraries.js';
import { example } from '../../support/helpers.js';

const { Adopt, shared } = createAdoptServices() as unknown as { Adopt: FastBuildServices; shared: FastBuildServices['shared'] };
const facts = Adopt.syntax.Facts;
const parser = Adopt.parser.LangiumParser as FastBuildParser;
const langium = new SyntaxFacts();

const BROKEN = `plan Broken "B" {
  stage a "A" after b { project p "P" { supports x involves y asynchrony } story s "S" from p audience z }
  stage b "B" after a { goal g "G" { metric m "M" } project "no name" }
}`;

const COMMENTED = `// header
plan C "C" { /* a */ coalition { member a "A" role /* role */ staff // after
  } channel c "C" on /* platform */ medium
  stage s "S" { project p "P" { asynchrony /* level */ low involves a, /* b */ a } // end
  }
} /* tail */`;

/** The plans every fact is asked of: the fast parser's trees, and (broken) Langium's parser's. */
const TEXTS: Array<[string, string]> = [
    ['a generated plan', toAdopt(generatePlan({ projects: 10, seed: 3 }))],
    ['the SPEC example', example('riverside-health.adopt')],
    ['a plan full of comments', COMMENTED],
    ['a broken plan', BROKEN]
];

const INDEXES = [undefined, 0, 1, 3, -1];

async function built(text: string, name: string): Promise<LangiumDocument<AdoptFile>> {
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse(`file:///facts/${name.replace(/ /g, '-')}.adopt`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/** The properties of a node's type (Langium's type metadata), and one no type has. */
function propertiesOf(node: AstNode): string[] {
    return [...Object.keys(Adopt.shared.AstReflection.getTypeMetaData(node.$type).properties), 'nothing'];
}

/** How many tokens are leaves made in a tree (comments apart). */
function madeLeaves(node: CstNode | number): number {
    if (typeof node === 'number') return 0;
    if (node instanceof AdoptCompositeCstNode) return node.children.reduce<number>((sum, child) => sum + madeLeaves(child), 0);
    if (isCompositeCstNode(node)) return node.content.reduce((sum, child) => sum + madeLeaves(child), 0);
    return node instanceof AdoptLeafCstNode && !node.hidden ? 1 : 0;
}

/** Every fact about every node of a tree, from a SyntaxFacts: ranges as they come. */
function everyFact(answers: SyntaxFacts, root: AstNode): unknown[] {
    const all: unknown[] = [answers.nodes(root).length, answers.comments(root)];
    for (const node of AstUtils.streamAst(root)) {
        all.push(answers.start(node));
        for (const property of propertiesOf(node)) {
            all.push(answers.propertyRanges(node, property));
            for (const index of INDEXES) {
                all.push(answers.propertyRange(node, property, index), answers.diagnosticRange({ node, property, index }));
            }
        }
        for (const keyword of keywords) {
            for (const index of INDEXES) {
                all.push(answers.keywordRange(node, keyword, index), answers.diagnosticRange({ node, keyword, index }));
            }
        }
        all.push(answers.diagnosticRange({ node }));
    }
    return all;
}

describe('the fast build\'s syntax facts', () => {
    test('are the syntax.Facts service of the fast build; plain Langium has Langium\'s', () => {
        expect(facts).toBeInstanceOf(FastSyntaxFacts);
        const plain = createAdoptServices({ fastBuild: false }).Adopt.syntax.Facts;
        expect(plain).toBeInstanceOf(SyntaxFacts);
        expect(plain).not.toBeInstanceOf(FastSyntaxFacts);
    });

    test.each(TEXTS)('answer what Langium\'s utilities answer, on every node of %s, without making a leaf', async (name, text) => {
        const document = await built(text, name);
        const root = document.parseResult.value;
        const fast = true;
        expect(facts.builtBy(root)).toBe('fast');
        const before = madeLeaves(root.$cstNode!);
        const ours = everyFact(facts, root);
        // The build made none; the facts make none (Langium's walks make them all; Langium's parser made them all already).
        expect(madeLeaves(root.$cstNode!)).toBe(before);
        if (fast) expect(before).toBeLessThan(10);
        expect(ours).toEqual(everyFact(langium, root));
        if (fast) expect(madeLeaves(root.$cstNode!)).toBeGreaterThan(before + 10);
    });

    test('answer Langium\'s facts on a tree an incremental update made', () => {
        const text = toAdopt(generatePlan({ projects: 5, seed: 8 }));
        const edited = text.replace(/asynchrony (low|medium|high)/, 'asynchrony /* changed */ low');
        expect(edited).not.toBe(text);
        const updated = parser.parseIncrementally(parser.parse(text).value, edited)?.value;
        expect(updated).toBeDefined();
        expect(facts.builtBy(updated!)).toBe('fast');
        expect(everyFact(facts, updated!)).toEqual(everyFact(langium, updated!));
    });

    test('keep a given range, and give a node without the property its own range', async () => {
        const node = (await built(BROKEN, 'ranges')).parseResult.value.plan!;
        const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } };
        expect(facts.diagnosticRange({ node, property: 'name', range })).toBe(range);
        expect(facts.diagnosticRange({ node, property: 'nothing' } as DiagnosticInfo<AstNode>)).toEqual(node.$cstNode!.range);
        expect(facts.diagnosticRange({ node })).toEqual(getDiagnosticRange({ node }));
    });

    test('list the comments in text order, each saying whether a token comes before it', async () => {
        const root = (await built(COMMENTED, 'comments')).parseResult.value;
        const comments = facts.comments(root);
        expect(comments.map(comment => comment.text)).toEqual(COMMENTED.match(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g));
        expect(comments.map(comment => comment.afterToken)).toEqual([false, true, true, true, true, true, true, true, true]);
        expect(comments.map(comment => comment.terminal)).toEqual(comments.map(comment => (comment.text.startsWith('//') ? 'SL_COMMENT' : 'ML_COMMENT')));
        expect(comments.every(comment => COMMENTED.slice(comment.offset, comment.end) === comment.text)).toBe(true);
        // The terminals are the grammar's comment terminals.
        const terminals = Adopt.Grammar.rules.filter(rule => GrammarUtils.isCommentTerminal(rule as never)).map(rule => rule.name);
        expect(new Set(comments.map(comment => comment.terminal))).toEqual(new Set(terminals));
    });
});
