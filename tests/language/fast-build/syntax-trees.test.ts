/**
 * `nodesOf` (src/language/scoping/reference-walk.ts): a tree's nodes in `streamAst` order,
 * listed once per tree (from the parser's list when there is one) and shared by the validator,
 * semantic tokens and folding.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, URI } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { Plan } from '../../../src/language/generated/ast.js';
import { nodesOf } from '../../../src/language/scoping/reference-walk.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

const parse = (text: string, name: string) =>
    createAdoptServices().shared.workspace.LangiumDocumentFactory.fromString<Plan>(text, URI.parse(`file:///${name}.adopt`)).parseResult.value;

describe('nodesOf', () => {
    test('lists what streamAst lists, once per tree', () => {
        for (const [name, text] of [['generated', toAdopt(generatePlan({ projects: 200, seed: 2 }))], ['broken', 'plan P "p" { stage s "S" { project a { } ']]) {
            const root = parse(text, name);
            const nodes = nodesOf(root);
            expect(nodes).toEqual(AstUtils.streamAst(root).toArray());
            expect(nodesOf(root)).toBe(nodes);
        }
    });

    test('a new text is a new tree with its own list', () => {
        const text = toAdopt(generatePlan({ projects: 20, seed: 3 }));
        const first = parse(text, 'one');
        const second = parse(text.replace('project p1 ', 'project renamed '), 'two');
        expect(nodesOf(second)).not.toBe(nodesOf(first));
        expect(nodesOf(second).some(node => (node as { name?: string }).name === 'renamed')).toBe(true);
    });
});
