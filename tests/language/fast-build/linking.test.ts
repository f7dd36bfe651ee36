/**
 * The linking phases of the fast build (src/language/fast-build/tree-walk.ts, linking.ts) give
 * exactly what Langium's defaults give (`createAdoptServices({ fastBuild: false })`): the same
 * nodes and references in the same order, the same links, the same reference index and the same
 * diagnostics.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, DefaultLinker, DefaultScopeComputation, URI, isReference, type AstNode, type LangiumDocument } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { FastLinker, FastScopeComputation } from '../../../src/language/fast-build/linking.js';
import { allNodes, allReferences } from '../../../src/language/fast-build/tree-walk.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { TROUBLE_PLAN } from './linking-fixtures.js';
import { example } from '../../support/helpers.js';

const TEXTS: Record<string, () => string> = {
    'a generated plan': () => toAdopt(generatePlan({ projects: 150, seed: 11 })),
    'the SPEC example': () => example('riverside-health.adopt'),
    'a plan with broken names': () => TROUBLE_PLAN
};

async function build(text: string, fastBuild: boolean) {
    const { shared } = createAdoptServices({ fastBuild });
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse('file:///equivalence.adopt'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { shared, document };
}

function references(shared: ReturnType<typeof createAdoptServices>['shared'], document: LangiumDocument<AdoptFile>) {
    const services = shared.ServiceRegistry.getServices(document.uri);
    const locator = services.workspace.AstNodeLocator;
    return AstUtils.streamAst(document.parseResult.value)
        .filter(node => services.references.NameProvider.getName(node) !== undefined)
        .map(node => ({
            target: locator.getAstNodePath(node),
            references: services.references.References.findReferences(node, { includeDeclaration: false })
                .map(ref => ({ ...ref, sourceUri: ref.sourceUri.toString(), targetUri: ref.targetUri.toString() }))
                .toArray()
        }))
        .toArray();
}

const linksOf = (document: LangiumDocument) =>
    document.references.map(ref => {
        const target = isReference(ref) ? ref.ref : undefined;
        return [ref.$refText, target ? `${AstUtils.getDocument(target).uri.toString()}#${(target as AstNode & { name?: string }).name}` : 'unresolved'];
    });

describe('fast walk', () => {
    for (const [name, text] of Object.entries(TEXTS)) {
        test(`visits the nodes and references of ${name} in Langium's order`, async () => {
            const { document } = await build(text(), true);
            const root = document.parseResult.value;
            expect(allNodes(root)).toEqual(AstUtils.streamAst(root).toArray());
            const expected = AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray();
            const actual = allReferences(root);
            expect(actual.length).toBe(expected.length);
            actual.forEach((info, i) => {
                expect(info.reference).toBe(expected[i].reference);
                expect(info.container).toBe(expected[i].container);
                expect(info.property).toBe(expected[i].property);
                expect(info.index).toBe(expected[i].index);
            });
        });
    }
});

describe('fast build phases', () => {
    for (const [name, text] of Object.entries(TEXTS)) {
        test(`give ${name} the same links, reference index and diagnostics`, async () => {
            const standard = await build(text(), false);
            const fast = await build(text(), true);
            const [fastLinker, plainLinker] = [fast, standard].map(({ shared, document }) => shared.ServiceRegistry.getServices(document.uri).references.Linker);
            expect(fastLinker).toBeInstanceOf(FastLinker);
            expect(plainLinker).toBeInstanceOf(DefaultLinker);
            expect(plainLinker).not.toBeInstanceOf(FastLinker);
            expect(linksOf(fast.document)).toEqual(linksOf(standard.document));
            expect(references(fast.shared, fast.document)).toEqual(references(standard.shared, standard.document));
            expect(fast.document.diagnostics).toEqual(standard.document.diagnostics);
        });
    }

    test('the scope computation keeps no local symbol table (plain Langium keeps one)', async () => {
        const plain = await build(TROUBLE_PLAN, false);
        expect(plain.shared.ServiceRegistry.getServices(plain.document.uri).references.ScopeComputation).not.toBeInstanceOf(FastScopeComputation);
        expect(plain.shared.ServiceRegistry.getServices(plain.document.uri).references.ScopeComputation).toBeInstanceOf(DefaultScopeComputation);
        expect(plain.document.localSymbols?.has(plain.document.parseResult.value)).toBe(true);
        const { document } = await build(TROUBLE_PLAN, true);
        const plan = document.parseResult.value.plan!;
        for (const container of [plan, plan.coalitions[0], plan.stages[0]]) {
            expect(document.localSymbols?.has(container) ?? false).toBe(false);
        }
    });
});
