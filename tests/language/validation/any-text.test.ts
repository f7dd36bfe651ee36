/**
 * No input breaks the checks (SPEC section 6): token soup made of the language's own words, plans
 * cut off mid-word, and arbitrary text all get diagnostics that carry one of the SPEC codes, and
 * nothing else (a check that throws would show up as a diagnostic without a SPEC code).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ALL_ISSUE_CODES } from '../../../src/language/validation/issue-codes.js';
import { createTestServices, example, parser } from '../../support/helpers.js';
import { keywords } from '../../support/plan-arbitraries.js';

const parse = parser();
const KNOWN = new Set<string>(ALL_ISSUE_CODES);

/** The language's own words (from the grammar), and names, titles, numbers and comments. */
const WORDS = [...keywords, '12', '60', '"Title"', 'a', 'b', 'c', 'p', 's', 't', '//c\n', '/*c*/', '\n'];

async function unknownCodes(text: string): Promise<string[]> {
    const document = await parse(text);
    return (document.diagnostics ?? []).map(d => String(d.code)).filter(code => !KNOWN.has(code));
}

describe('robustness', () => {
    test('token soup of the language\'s own words', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), async words => {
                expect(await unknownCodes(words.join(' '))).toEqual([]);
            }),
            { numRuns: 300, seed: 20261126 }
        );
    });

    test('a plan that starts well and then goes astray', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), async words => {
                expect(await unknownCodes(`plan P "P" { coalition { member a "A" role staff } stage s "S" { ${words.join(' ')}`)).toEqual([]);
            }),
            { numRuns: 200, seed: 7 }
        );
    });

    test('every prefix of the SPEC example (a plan edited mid-word)', async () => {
        const text = example('riverside-health.adopt');
        for (let end = 0; end <= text.length; end += 7) {
            expect(await unknownCodes(text.slice(0, end)), `prefix of ${end} characters`).toEqual([]);
        }
    });

    test('arbitrary text', async () => {
        await fc.assert(
            fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), async text => {
                expect(await unknownCodes(text)).toEqual([]);
            }),
            { numRuns: 200, seed: 42 }
        );
    });

    test('deep nesting of braces', async () => {
        expect(await unknownCodes(`plan P "P" {${'{'.repeat(20000)}${'}'.repeat(20000)}}`)).toEqual([]);
    });

    test('a plan with a stage cycle and stories still scores', async () => {
        const services = createTestServices();
        const document = await parser(services)('plan P "P" { stage a "A" after b { project p "P" { } } stage b "B" after a { story s "S" from p } }');
        const analysis = services.score.QuickWins.analyze(document.parseResult.value.plan!);
        expect(analysis.ranked.map(p => p.score)).toEqual([0]);
        expect(analysis.stageOrder.last()).toBeDefined();
    });
});
