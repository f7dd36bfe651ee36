/**
 * The document validator finds the range of a diagnostic on a property or a keyword itself
 * (diagnosticRange: faster on plans with thousands of diagnostics, and without making leaves):
 * it must be the range Langium's `getDiagnosticRange` gives.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, GrammarUtils, URI, getDiagnosticRange, type AstNode, type DiagnosticInfo } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { Plan } from '../../../src/language/generated/ast.js';
import { diagnosticRange, nodeForKeyword } from '../../../src/language/model/property-nodes.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { example, parser } from '../../support/helpers.js';

const BROKEN = `plan Broken "B" {
  stage a "A" after b { project p "P" { supports x involves y asynchrony } story s "S" from p audience z }
  stage b "B" after a { goal g "G" { metric m "M" } project "no name" }
}`;

/** The plans every property and keyword is looked up in. */
const TEXTS: Array<[string, string]> = [
    ['a generated plan', toAdopt(generatePlan({ projects: 60, seed: 3 }))],
    ['the SPEC example', example('riverside-health.adopt')],
    ['a broken plan', BROKEN]
];

describe('diagnostic ranges', () => {
    test.each(TEXTS)('match Langium for every property of %s', async (_name, text) => {
        const document = await parser()(text);
        let compared = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const property of ['name', 'title', 'after', 'project', 'kind', 'level', 'target', 'members', 'initiatives']) {
                for (const index of [undefined, 0, 1, 3]) {
                    const info: DiagnosticInfo<AstNode> = { node, property, index };
                    const ours = diagnosticRange(info);
                    if (GrammarUtils.findNodeForProperty(node.$cstNode, property, index)) compared++;
                    expect(ours).toEqual(getDiagnosticRange(info));
                }
            }
        }
        expect(compared).toBeGreaterThan(10);
    });

    test.each(TEXTS)('match Langium for every keyword of %s, and nodeForKeyword finds the node Langium finds', async (_name, text) => {
        const document = await parser()(text);
        let compared = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const keyword of ['{', '}', ',', 'plan', 'coalition', 'member', 'stage', 'after', 'project', 'supports', 'asynchrony', 'low', 'target', '%']) {
                const ranges = [undefined, 0, 1, 3].map(index => diagnosticRange({ node, keyword, index }));
                const ours = [undefined, 0, 1, 3].map(index => nodeForKeyword(node.$cstNode, keyword, index));
                if (GrammarUtils.findNodeForKeyword(node.$cstNode, keyword)) compared++;
                expect(ranges).toEqual([undefined, 0, 1, 3].map(index => getDiagnosticRange({ node, keyword, index })));
                // The same objects: a leaf made by nodeForKeyword is the one Langium's walk reads later.
                ours.forEach((found, i) => expect(found).toBe(GrammarUtils.findNodeForKeyword(node.$cstNode, keyword, [undefined, 0, 1, 3][i])));
            }
        }
        expect(compared).toBeGreaterThan(10);
    });

    test('a given range is kept, and a node without the property gets its own range', async () => {
        const document = await parser()(BROKEN);
        const node = document.parseResult.value;
        const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } };
        expect(diagnosticRange({ node, property: 'name', range })).toBe(range);
        expect(diagnosticRange({ node, property: 'nothing' } as DiagnosticInfo<AstNode>)).toEqual(node.$cstNode!.range);
        expect(diagnosticRange({ node })).toEqual(getDiagnosticRange({ node }));
    });

    test('diagnostics on the same place share one range object, carry no undefined field, and the validator keeps no range after', async () => {
        const { shared, Adopt } = createAdoptServices();
        const document = shared.workspace.LangiumDocumentFactory.fromString<Plan>(toAdopt(generatePlan({ projects: 80, seed: 4 })), URI.parse('file:///shared-ranges.adopt'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = document.diagnostics!;
        const byPlace = new Map<string, Diagnostic[]>();
        for (const diagnostic of diagnostics) {
            const key = JSON.stringify(diagnostic.range);
            byPlace.set(key, [...(byPlace.get(key) ?? []), diagnostic]);
        }
        const repeated = [...byPlace.values()].filter(group => group.length > 1);
        expect(repeated.length).toBeGreaterThan(10);
        for (const group of repeated) expect(group.every(diagnostic => diagnostic.range === group[0].range)).toBe(true);
        for (const diagnostic of diagnostics) {
            expect(Object.values(diagnostic)).not.toContain(undefined);
            expect(Object.keys(diagnostic)).toEqual(['message', 'range', 'severity', 'code', 'data', 'source']);
        }
        expect((Adopt.validation.DocumentValidator as unknown as { lastRange: unknown }).lastRange).toBeUndefined();
    });
});
