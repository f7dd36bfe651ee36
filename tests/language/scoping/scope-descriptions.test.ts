/**
 * The plan scopes' declaration descriptions (src/language/scoping/adopt-scope-provider.ts), whose
 * path and segments are computed when first read, describe exactly what Langium's
 * `AstNodeDescriptionProvider.createDescription` describes for every declaration a reference can
 * name, with the fast build and without it.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, URI, isAstNodeDescription, type AstNodeDescription } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { example, referencedTypes } from '../../support/helpers.js';

const TEXTS: Record<string, () => string> = {
    'a generated plan': () => toAdopt(generatePlan({ projects: 120, seed: 3 })),
    'the SPEC example': () => example('riverside-health.adopt')
};

function plain(description: AstNodeDescription) {
    return {
        node: description.node,
        name: description.name,
        type: description.type,
        documentUri: description.documentUri.toString(),
        path: description.path,
        selectionSegment: description.selectionSegment,
        nameSegment: description.nameSegment
    };
}

describe.each([['the fast build', true], ['plain Langium', false]] as const)('plan scope descriptions (%s)', (_mode, fastBuild) => {
    for (const [name, text] of Object.entries(TEXTS)) {
        test(`${name}: what Langium's createDescription gives, for every declaration in scope`, async () => {
            const { shared, Adopt } = createAdoptServices({ fastBuild });
            const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text(), URI.parse('file:///descriptions.adopt'));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            const byType = new Map<string, AstNodeDescription[]>();
            for (const info of AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node))) {
                const type = Adopt.shared.AstReflection.getReferenceType(info);
                if (!byType.has(type)) byType.set(type, Adopt.references.ScopeProvider.getScope(info).getAllElements().toArray());
            }
            // Every kind a reference of the grammar names (but a used file: these plans use none).
            const kinds = new Set(referencedTypes(Adopt.shared.AstReflection));
            kinds.delete('Shared');
            expect(new Set(byType.keys())).toEqual(kinds);
            for (const descriptions of byType.values()) {
                expect(descriptions.length).toBeGreaterThan(0);
                for (const description of descriptions) {
                    // The lazy class, not Langium's object literal.
                    expect(Object.getPrototypeOf(description)).not.toBe(Object.prototype);
                    expect(isAstNodeDescription(description)).toBe(true);
                    const node = description.node!;
                    const langium = Adopt.workspace.AstNodeDescriptionProvider.createDescription(node, description.name, AstUtils.getDocument(node));
                    expect(plain(description)).toEqual(plain(langium));
                }
            }
        });
    }
});
