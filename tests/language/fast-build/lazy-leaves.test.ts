/**
 * Leaves made when asked for (src/language/fast-build/lazy-cst.ts, AdoptCompositeCstNode):
 * the fast parser gives a composite node a number per token instead of a leaf (and per trait
 * kind, trait level and member role instead of a composite node and its leaf). The build (parse,
 * link, validate, score, rank) must make none, and give what it gives with every leaf made
 * (Langium's parser makes them all); a composite node's offset, end, range and text must be what
 * Langium's `CompositeCstNodeImpl` computes from its children once they are made; a leaf, once
 * made, stays the same object.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CompositeCstNodeImpl, GrammarAST, GrammarUtils, URI, isCompositeCstNode, type CstNode, type LangiumDocument } from 'langium';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, LEAF_FEATURES, leafCode } from '../../../src/language/fast-build/lazy-cst.js';
import { buildRankResult } from '../../../src/language/score/rank-result.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { validPlan } from '../../support/plan-arbitraries.js';

/** The composite nodes of a tree, read as kept (no leaf made). */
function composites(root: CstNode): AdoptCompositeCstNode[] {
    const found: AdoptCompositeCstNode[] = [];
    const visit = (node: CstNode | number): void => {
        if (typeof node === 'number') return;
        if (node instanceof AdoptCompositeCstNode) {
            found.push(node);
            node.children.forEach(visit);
        } else if (isCompositeCstNode(node)) {
            node.content.forEach(visit);
        }
    };
    visit(root);
    return found;
}

/** Whether a grammar element is a call of a data type rule made of keywords only (`Level: 'low' | 'medium' | 'high'`). */
function isCallOfKeywords(element: GrammarAST.AbstractElement | undefined): boolean {
    const rule = GrammarAST.isRuleCall(element) ? element.rule.ref : undefined;
    if (!GrammarAST.isParserRule(rule) || !GrammarUtils.isDataTypeRule(rule)) return false;
    const definition = rule.definition;
    return GrammarAST.isKeyword(definition) || (GrammarAST.isAlternatives(definition) && definition.elements.every(GrammarAST.isKeyword));
}

/**
 * How many tokens of the composite nodes are leaves not made yet, and how many were made
 * (comments excluded), and how many nodes of a trait's kind or level or a member's role were
 * made (they are numbers too, unless a comment comes before their keyword).
 */
function census(root: CstNode): { waiting: number; made: number; keywordRules: number } {
    let waiting = 0;
    let made = 0;
    let keywordRules = 0;
    for (const node of composites(root)) {
        for (const child of node.children) {
            if (typeof child === 'number') waiting++;
            else if (child instanceof AdoptLeafCstNode && !child.hidden) made++;
        }
        if (!node._astNode && isCallOfKeywords(node.grammarSource)) keywordRules++;
    }
    return { waiting, made, keywordRules };
}

/** Langium's own getters of a composite node, run on ours once its children are made. */
function langiumsView(node: AdoptCompositeCstNode): { offset: number; end: number; length: number; text: string; range: unknown } {
    const get = (name: string): unknown => Reflect.get(CompositeCstNodeImpl.prototype, name, Object.assign(Object.create(node) as object, { _rangeCache: undefined }));
    return { offset: get('offset') as number, end: get('end') as number, length: get('length') as number, text: node.root.fullText.substring(get('offset') as number, get('end') as number), range: get('range') };
}

async function build(text: string, fastPath: boolean): Promise<{ document: LangiumDocument<AdoptFile>; Adopt: AdoptServices }> {
    const { shared, Adopt } = createAdoptServices();
    (Adopt.parser.LangiumParser as FastBuildParser).fastPath = fastPath;
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse(`file:///lazy-${fastPath}.adopt`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { document, Adopt };
}

describe('leaves made when asked for', () => {
    test('the build (parse, link, validate, score, rank) and the editor\'s requests after a change make no leaf, and give what a tree with every leaf made gives', async () => {
        const text = toAdopt(generatePlan({ projects: 300, seed: 5 }));
        const { document: lazy, Adopt } = await build(text, true);
        const rank = buildRankResult(lazy, Adopt);
        const { waiting, made, keywordRules } = census(lazy.parseResult.value.$cstNode!);
        expect(waiting).toBeGreaterThan(10 * 300);
        expect(made).toBe(0);
        expect(keywordRules).toBe(0);
        expect(lazy.diagnostics!.length).toBeGreaterThan(300);

        // Nor do the requests an editor sends after each change: they read ranges.
        const lsp = Adopt.lsp as unknown as Required<AdoptServices['lsp']>;
        const params = { textDocument: { uri: lazy.uri.toString() } };
        await lsp.SemanticTokenProvider.semanticHighlight(lazy, params);
        await lsp.DocumentSymbolProvider.getSymbols(lazy, params);
        await lsp.FoldingRangeProvider.getFoldingRanges(lazy, params);
        await lsp.CodeLensProvider.provideCodeLens(lazy, params);
        expect(census(lazy.parseResult.value.$cstNode!)).toEqual({ waiting, made: 0, keywordRules: 0 });

        const { document: eager, Adopt: eagerServices } = await build(text, false);
        expect(census(eager.parseResult.value.$cstNode!).waiting).toBe(0);
        expect(census(eager.parseResult.value.$cstNode!).keywordRules).toBeGreaterThan(300);
        expect(lazy.diagnostics).toEqual(eager.diagnostics);
        expect(rank).toEqual(buildRankResult(eager, eagerServices));
        // Every reference resolved alike, its leaf made only now.
        const described = (document: LangiumDocument) => document.references.map(reference => [
            reference.$refText, reference.$refNode?.range, (reference as { ref?: { $type: string } }).ref?.$type
        ]);
        expect(described(lazy)).toEqual(described(eager));
    });

    test("a composite node's offset, end, length, text and range are Langium's, before and after its leaves are made (fast-check)", () => {
        const { Adopt } = createAdoptServices();
        const parser = Adopt.parser.LangiumParser as FastBuildParser;
        fc.assert(fc.property(validPlan, text => {
            const before = parser.counts.fast;
            const root = parser.parse(text).value.$cstNode!;
            expect(parser.counts.fast).toBe(before + 1);
            const nodes = composites(root);
            const lazy = nodes.map(node => ({ offset: node.offset, end: node.end, length: node.length, text: node.text, range: node.range }));
            expect(census(root).made).toBe(0);
            nodes.forEach((node, i) => {
                void node.content;
                expect(lazy[i]).toEqual(langiumsView(node));
                expect({ offset: node.offset, end: node.end, length: node.length, text: node.text, range: node.range }).toEqual(lazy[i]);
                expect(node.firstNonHiddenNode).toBe(Reflect.get(CompositeCstNodeImpl.prototype, 'firstNonHiddenNode', node));
                expect(node.lastNonHiddenNode).toBe(Reflect.get(CompositeCstNodeImpl.prototype, 'lastNonHiddenNode', node));
            });
        }), { numRuns: 60 });
    });

    test('a leaf is made once: content, childAt and a reference give the same object', () => {
        const { Adopt } = createAdoptServices();
        const plan = Adopt.parser.LangiumParser.parse<AdoptFile>(toAdopt(generatePlan({ projects: 4, seed: 2 }))).value.plan!;
        const project = plan.stages.flatMap(stage => stage.projects)[0];
        const cst = project.$cstNode as AdoptCompositeCstNode;
        const first = cst.childAt(0);
        expect(first).toBeInstanceOf(AdoptLeafCstNode);
        expect(first.text).toBe('project');
        expect(cst.children[0]).toBe(first);
        expect(typeof cst.children[1]).toBe('number');
        const content = cst.content;
        expect(content[0]).toBe(first);
        expect(cst.content).toBe(content);
        expect(content.every(child => typeof child === 'object' && child.container === cst)).toBe(true);
        const supports = project.supports[0];
        const reference = supports?.initiatives[0] ?? project.involves[0]?.members[0];
        expect(reference).toBeDefined();
        const leaf = reference!.$refNode!;
        expect(leaf.container!.content).toContain(leaf);
        expect(reference!.$refNode).toBe(leaf);
    });

    test('children that are all leaves not made yet are packed in a string, numbers up to 2^32 - 1 exactly, and moved in full without a new string; larger ones stay in an array', () => {
        const packed = new AdoptCompositeCstNode();
        const codes = [0, 1, 0xffff, 0x10000, 123456789, 2 ** 32 - 1];
        codes.forEach(code => packed.appendLeaf(code));
        packed.compact();
        expect(typeof (packed as unknown as { kept: unknown }).kept).toBe('string');
        expect(packed.children).toEqual(codes);
        expect(packed.childCount).toBe(codes.length);
        packed.move(1, 2);
        expect(packed.children).toEqual([0, 1, ...codes.slice(2, 5).map(code => code + LEAF_FEATURES), 2 ** 32 - 1 + LEAF_FEATURES]);
        // Moved past 2^32 - 1: kept in an array from then on.
        expect(typeof (packed as unknown as { kept: unknown }).kept).not.toBe('string');

        // Moved in full: still the same string, the count moved kept beside it and added when read.
        const whole = new AdoptCompositeCstNode();
        [leafCode(10, 3), leafCode(14, 4)].forEach(code => whole.appendLeaf(code));
        whole.compact();
        const string = (whole as unknown as { kept: unknown }).kept;
        whole.move(5);
        whole.move(-2);
        expect((whole as unknown as { kept: unknown }).kept).toBe(string);
        expect(whole.children).toEqual([leafCode(13, 3), leafCode(17, 4)]);
        expect(whole.offset).toBe(13);
        // Moved in part: unpacked with the count moved, moved, packed again from there.
        whole.move(1, 1);
        expect(typeof (whole as unknown as { kept: unknown }).kept).toBe('string');
        expect(whole.children).toEqual([leafCode(13, 3), leafCode(18, 4)]);
        whole.move(-13);
        expect(whole.children).toEqual([leafCode(0, 3), leafCode(5, 4)]);
        expect(whole.offset).toBe(0);

        const large = new AdoptCompositeCstNode();
        [5, 2 ** 32 + 7].forEach(code => large.appendLeaf(code));
        large.compact();
        expect(Array.isArray((large as unknown as { kept: unknown }).kept)).toBe(true);
        expect(large.children).toEqual([5, 2 ** 32 + 7]);

        // After a parse: a trait's node (its kind and level) is packed; a project's (with child nodes) is not.
        const { Adopt } = createAdoptServices();
        const plan = Adopt.parser.LangiumParser.parse<AdoptFile>('plan P "p" { stage s "S" { project a "A" { asynchrony high geography } } }').value.plan!;
        const project = plan.stages[0].projects[0];
        const trait = project.traits[0].$cstNode as AdoptCompositeCstNode;
        expect(typeof (trait as unknown as { kept: unknown }).kept).toBe('string');
        expect(trait.text).toBe('asynchrony high');
        expect(trait.content.map(child => child.text)).toEqual(['asynchrony', 'high']);
        expect(Array.isArray((project.$cstNode as unknown as { kept: unknown }).kept)).toBe(true);
    });
});
