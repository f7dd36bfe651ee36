/**
 * report() finds the range of a diagnostic on a property or a keyword itself (faster on plans
 * with thousands of diagnostics, and without making leaves): it must be the range Langium's own
 * lookup gives.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, GrammarUtils, type AstNode, type DiagnosticInfo, type ValidationAcceptor } from 'langium';
import { nodeForKeyword } from '../../src/language/model/property-nodes.js';
import { report } from '../../src/language/validation/report.js';
import { IssueCodes } from '../../src/language/validation/issue-codes.js';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { example, parser } from '../helpers.js';

const BROKEN = `plan Broken "B" {
  stage a "A" after b { project p "P" { supports x involves y asynchrony } story s "S" from p audience z }
  stage b "B" after a { goal g "G" { metric m "M" } project "no name" }
}`;

describe('report() ranges', () => {
    test.each([
        ['a generated plan', toAdopt(generatePlan({ projects: 60, seed: 3 }))],
        ['the SPEC example', example('riverside-health.adopt')],
        ['a broken plan', BROKEN]
    ])('match Langium for every property of %s', async (_name, text) => {
        const document = await parser()(text);
        let compared = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const property of ['name', 'title', 'after', 'project', 'kind', 'level', 'target']) {
                const infos: Array<DiagnosticInfo<AstNode>> = [];
                const accept: ValidationAcceptor = (_severity, _message, info) => { infos.push(info as DiagnosticInfo<AstNode>); };
                report(accept, IssueCodes.DuplicateName, 'm', { node, property });
                const expected = GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range;
                if (expected) compared++;
                expect(infos[0].range).toEqual(expected);
            }
        }
        expect(compared).toBeGreaterThan(10);
    });

    test.each([
        ['a generated plan', toAdopt(generatePlan({ projects: 60, seed: 3 }))],
        ['the SPEC example', example('riverside-health.adopt')],
        ['a broken plan', BROKEN]
    ])('match Langium for every keyword of %s, and nodeForKeyword finds the node Langium finds', async (_name, text) => {
        const document = await parser()(text);
        let compared = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const keyword of ['{', '}', ',', 'plan', 'coalition', 'member', 'stage', 'after', 'project', 'supports', 'asynchrony', 'low', 'target', '%']) {
                const infos: Array<DiagnosticInfo<AstNode>> = [];
                const accept: ValidationAcceptor = (_severity, _message, info) => { infos.push(info as DiagnosticInfo<AstNode>); };
                report(accept, IssueCodes.DuplicateName, 'm', { node, keyword });
                const ours = [undefined, 0, 1, 3].map(index => nodeForKeyword(node.$cstNode, keyword, index));
                const expected = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
                if (expected) compared++;
                expect(infos[0].range ?? node.$cstNode?.range).toEqual((expected ?? node.$cstNode)?.range);
                // The same objects: a leaf made by nodeForKeyword is the one Langium's walk reads later.
                expect(ours).toEqual([undefined, 0, 1, 3].map(index => GrammarUtils.findNodeForKeyword(node.$cstNode, keyword, index)));
                ours.forEach((found, i) => expect(found).toBe(GrammarUtils.findNodeForKeyword(node.$cstNode, keyword, [undefined, 0, 1, 3][i])));
            }
        }
        expect(compared).toBeGreaterThan(10);
    });
});
