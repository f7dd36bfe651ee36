/**
 * AdoptParser's own container links (src/language/parser/adopt-parser.ts, `linkContainers`) are
 * exactly what Langium's `linkContentToContainer(root, { deep: true })` sets after a parse: the
 * same `$container`, `$containerProperty` and `$containerIndex` on every node, added in the same
 * order, on valid and on broken plans, listing on the way exactly the nodes and references that
 * `allNodes` and `allReferences` list. Its own `construct` (defaults looked up once per type)
 * builds the same syntax tree as Langium's.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, URI, type AstNode } from 'langium';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import { AdoptParser } from '../../src/language/parser/adopt-parser.js';
import { allNodes, allReferences, takeParsedNodes, takeParsedReferences } from '../../src/language/scoping/reference-walk.js';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { example } from '../support/helpers.js';

const TEXTS: Record<string, () => string> = {
    'a generated plan': () => toAdopt(generatePlan({ projects: 300, seed: 5 })),
    'the SPEC example': () => example('riverside-health.adopt'),
    'a broken plan': () => `plan P "P" { coalition { member a "A" role } stage s "S" { project p "P" { involves a, } project q { } } stage`,
    'an empty file': () => ''
};

type Links = Array<[number, string | undefined, number | undefined, string]>;

/** Every node's container (as its position in the walk), property, index and own key order. */
function linksOf(root: AstNode): Links {
    const nodes = allNodes(root);
    const position = new Map(nodes.map((node, index) => [node, index]));
    return nodes.map(node => [
        node.$container ? position.get(node.$container) ?? -2 : -1,
        node.$containerProperty,
        node.$containerIndex,
        Object.keys(node).join(',')
    ]);
}

/** A syntax tree as plain data: every property in its own order, references as their text. */
function treeOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(treeOf);
    if (typeof value !== 'object' || value === null) return value;
    if ('$refText' in value) return { ref: (value as { $refText: string }).$refText };
    return Object.entries(value).filter(([key]) => key === '$type' || !key.startsWith('$')).map(([key, item]) => [key, treeOf(item)]);
}

describe('AdoptParser container links', () => {
    const { Adopt, shared } = createAdoptServices();

    test('the parser uses its own parse (a Langium upgrade that renames its internals fails here)', () => {
        const parser = Adopt.parser.LangiumParser;
        expect(parser).toBeInstanceOf(AdoptParser);
        expect((parser as AdoptParser).ownParse).toBe(true);
        expect((parser as AdoptParser).ownConstruct).toBe(true);
    });

    // The same parser with Langium's own construct (the prototype's, once the own one is removed).
    const langiumConstruct = createAdoptServices();
    const plainParser = langiumConstruct.Adopt.parser.LangiumParser as unknown as { construct?: unknown };
    delete plainParser.construct;

    for (const [name, text] of Object.entries(TEXTS)) {
        test(`${name}: the same syntax tree as Langium's construct`, () => {
            const parse = (services: typeof langiumConstruct) =>
                services.shared.workspace.LangiumDocumentFactory.fromString(text(), URI.parse(`file:///tree-${name.replace(/ /g, '-')}.adopt`)).parseResult;
            expect(Object.hasOwn(Adopt.parser.LangiumParser, 'construct')).toBe(true);
            expect(Object.hasOwn(plainParser, 'construct')).toBe(false);
            const ours = parse({ Adopt, shared });
            const theirs = parse(langiumConstruct);
            expect(treeOf(ours.value)).toEqual(treeOf(theirs.value));
            expect(ours.parserErrors.map(error => error.message)).toEqual(theirs.parserErrors.map(error => error.message));
        });
    }

    for (const [name, text] of Object.entries(TEXTS)) {
        test(`${name}: the nodes and references allNodes and allReferences list, taken once`, () => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text(), URI.parse(`file:///lists-${name.replace(/ /g, '-')}.adopt`));
            const root = document.parseResult.value;
            const nodes = takeParsedNodes(root);
            const references = takeParsedReferences(root);
            const expectedNodes = allNodes(root);
            const expectedReferences = allReferences(root);
            expect(nodes?.length).toBe(expectedNodes.length);
            expect(references?.length).toBe(expectedReferences.length);
            if (text() !== '') expect(expectedReferences.length).toBeGreaterThan(0);
            nodes!.forEach((node, i) => expect(node).toBe(expectedNodes[i]));
            references!.forEach((info, i) => {
                const expected = expectedReferences[i];
                expect(info.reference).toBe(expected.reference);
                expect(info.container).toBe(expected.container);
                expect(info.property).toBe(expected.property);
                expect(Object.keys(info)).toEqual(Object.keys(expected));
                expect(info.index).toBe(expected.index);
            });
            expect(takeParsedNodes(root)).toBeUndefined();
            expect(takeParsedReferences(root)).toBeUndefined();
        });

        test(`${name}: the same links as Langium's linkContentToContainer`, () => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text(), URI.parse(`file:///links-${name.replace(/ /g, '-')}.adopt`));
            const root = document.parseResult.value;
            const ours = linksOf(root);
            expect(ours.length).toBeGreaterThan(text() === '' ? 0 : 5);
            for (const node of allNodes(root)) {
                const links = node as { $container?: unknown; $containerProperty?: unknown; $containerIndex?: unknown };
                delete links.$container;
                delete links.$containerProperty;
                delete links.$containerIndex;
            }
            AstUtils.linkContentToContainer(root, { deep: true });
            expect(ours).toEqual(linksOf(root));
        });
    }
});
