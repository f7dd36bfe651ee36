/**
 * AdoptLexer (src/language/parser/adopt-lexer.ts) gives Chevrotain's tokens, made by the fast
 * lexer when it can lex the text: the same images, offsets, lines, columns and token types,
 * the same comments in the hidden group, and Chevrotain's own result (errors included) for a
 * text the fast lexer gives up on.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { AdoptLexer } from '../../../src/language/parser/adopt-lexer.js';
import { lexPlan } from '../../../src/language/parser/adopt-fast-parser.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { garbage, mutatedPlan, validPlan } from '../../support/plan-arbitraries.js';
import { example } from '../../support/helpers.js';

const lexer = createAdoptServices().Adopt.parser.Lexer as AdoptLexer;

function lexWith(text: string, fastPath: boolean) {
    lexer.fastPath = fastPath;
    try {
        return lexer.tokenize(text);
    } finally {
        lexer.fastPath = true;
    }
}

const both = (text: string) => ({ ours: lexWith(text, true), theirs: lexWith(text, false) });

function expectSame(text: string): void {
    const { ours, theirs } = both(text);
    expect(ours.tokens).toEqual(theirs.tokens);
    expect(ours.hidden).toEqual(theirs.hidden);
    expect(ours.errors).toEqual(theirs.errors);
    expect(ours.report).toEqual(theirs.report);
}

const ODD = 'plan P "p" {\r\n  /* a\r\n   block\r b */ coalition { member a "A\u00e9\ud83d\ude00" role staff }\r  // line\n\tstage s "S" {\u2028project p "P" { asynchrony\u00a0low } } }\n// end';

describe('AdoptLexer', () => {
    test('is the lexer service', () => {
        expect(lexer).toBeInstanceOf(AdoptLexer);
    });

    test.each([
        ['a generated plan', toAdopt(generatePlan({ projects: 300, seed: 9 }))],
        ['the SPEC example', example('riverside-health.adopt')],
        ['line ends of every kind, tabs, Unicode, comments over lines', ODD],
        ['an empty text', ''],
        ['only comments', '// a\n/* b\n c */']
    ])('gives Chevrotain\'s tokens for %s', (_name, text) => {
        expect(lexPlan(text)).toBeDefined();
        expectSame(text);
    });

    test('gives Chevrotain\'s result, errors included, where the fast lexer gives up', () => {
        for (const text of ['plan @ x', 'plan "open', '/* open', 'middle- x', 'plan P "p" { \u00e9 }']) {
            expect(lexPlan(text)).toBeUndefined();
            const { ours, theirs } = both(text);
            expect(ours).toEqual(theirs);
            expect(ours.errors.length).toBeGreaterThan(0);
        }
    });

    test('gives Chevrotain\'s tokens for random plans, broken plans and garbage (fast-check)', () => {
        fc.assert(fc.property(fc.oneof(validPlan, mutatedPlan, garbage), text => expectSame(text)), { numRuns: 400, seed: 17 });
    });
});
