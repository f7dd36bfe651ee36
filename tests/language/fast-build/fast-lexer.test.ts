/**
 * The fast lexer (src/language/fast-build/fast-lexer.ts) finds the tokens Chevrotain's lexer
 * finds, and FastBuildLexer (fast-build-parser.ts), the lexer service of the fast build, gives
 * Chevrotain's tokens made from them: the same images, offsets, lines, columns and token types,
 * the same comments in the hidden group, and Chevrotain's own result (errors included) for a text
 * the fast lexer gives up on. It gives up exactly where Chevrotain reports an error.
 */
import fc from 'fast-check';
import type { TokenType } from 'chevrotain';
import { DefaultLexer } from 'langium';
import { describe, expect, test } from 'vitest';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { FastBuildLexer } from '../../../src/language/fast-build/fast-build-parser.js';
import { FastLexer } from '../../../src/language/fast-build/fast-lexer.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { garbage, mutatedPlan, validPlan } from '../../support/plan-arbitraries.js';
import { example } from '../../support/helpers.js';

const { Adopt } = createAdoptServices();
const lexer = Adopt.parser.Lexer as FastBuildLexer;
const definition = lexer.definition as Record<string, TokenType>;
const created = FastLexer.create(definition);
if (typeof created === 'string') throw new Error(`the fast lexer is off: ${created}`);
const fastLexer: FastLexer = created;

function lexWith(text: string, fastPath: boolean) {
    lexer.fastPath = fastPath;
    try {
        return lexer.tokenize(text);
    } finally {
        lexer.fastPath = true;
    }
}

const both = (text: string) => ({ ours: lexWith(text, true), theirs: lexWith(text, false) });

function expectSameTokens(text: string): void {
    const { ours, theirs } = both(text);
    expect(ours.tokens).toEqual(theirs.tokens);
    expect(ours.hidden).toEqual(theirs.hidden);
    expect(ours.errors).toEqual(theirs.errors);
    expect(ours.report).toEqual(theirs.report);
}

/** The fast lexer's tokens and comments as [start, end, token type name], or undefined where it gives up. */
function fastTokens(text: string): { tokens: unknown[][]; hidden: unknown[][] } | undefined {
    const tokens = fastLexer.lex(text);
    if (!tokens) return undefined;
    return {
        tokens: Array.from({ length: tokens.count }, (_, i) => [tokens.starts[i], tokens.ends[i], fastLexer.types[tokens.kinds[i]].name]),
        hidden: tokens.hiddenStarts.map((start, i) => [start, tokens.hiddenEnds[i], fastLexer.types[tokens.hiddenKinds[i]].name])
    };
}

/** Chevrotain's, or undefined where it reports a lexer error. */
function chevrotainTokens(text: string): { tokens: unknown[][]; hidden: unknown[][] } | undefined {
    const result = lexWith(text, false);
    if (result.errors.length > 0) return undefined;
    return {
        tokens: result.tokens.map(token => [token.startOffset, token.endOffset! + 1, token.tokenType.name]),
        hidden: result.hidden.map(token => [token.startOffset, token.endOffset! + 1, token.tokenType.name])
    };
}

const ODD = 'plan P "p" {\r\n  /* a\r\n   block\r b */ coalition { member a "A\u00e9\ud83d\ude00" role staff }\r  // line\n\tstage s "S" {\u2028project p "P" { asynchrony\u00a0low } } }\n// end';

describe('FastBuildLexer, the lexer service', () => {
    test('is the lexer of the fast build, and plain Langium keeps its own', () => {
        expect(lexer).toBeInstanceOf(FastBuildLexer);
        const plain = createAdoptServices({ fastBuild: false }).Adopt.parser.Lexer;
        expect(plain).toBeInstanceOf(DefaultLexer);
        expect(plain).not.toBeInstanceOf(FastBuildLexer);
    });

    test.each([
        ['a generated plan', toAdopt(generatePlan({ projects: 100, seed: 9 }))],
        ['the SPEC example', example('riverside-health.adopt')],
        ['line ends of every kind, tabs, Unicode, comments over lines', ODD],
        ['an empty text', ''],
        ['only comments', '// a\n/* b\n c */']
    ])('gives Chevrotain\'s tokens for %s', (_name, text) => {
        expect(fastLexer.lex(text)).toBeDefined();
        expectSameTokens(text);
    });

    test('gives Chevrotain\'s result, errors included, where the fast lexer gives up', () => {
        for (const text of ['plan @ x', 'plan "open', '/* open', 'middle- x', 'plan P "p" { \u00e9 }']) {
            expect(fastLexer.lex(text)).toBeUndefined();
            const { ours, theirs } = both(text);
            expect(ours).toEqual(theirs);
            expect(ours.errors.length).toBeGreaterThan(0);
        }
    });

    test('gives Chevrotain\'s tokens for random plans, broken plans and garbage (fast-check)', () => {
        fc.assert(fc.property(fc.oneof(validPlan, mutatedPlan, garbage), text => expectSameTokens(text)), { numRuns: 300, seed: 17 });
    });
});

describe('FastLexer', () => {
    test('finds Chevrotain\'s tokens, comments apart, in order', () => {
        const text = `${ODD}\n${example('riverside-health.adopt').replace('plan RiversideHealth', 'plan_x')}`;
        const ours = fastTokens(text);
        expect(ours?.tokens.length).toBeGreaterThan(100);
        expect(ours?.hidden.length).toBeGreaterThan(3);
        expect(ours).toEqual(chevrotainTokens(text));
    });

    test('lexes a part of a text as a text of its own, at the part\'s offsets', () => {
        const text = 'plan P "p" { initiative i "I" /* c */ initiative j "J" }';
        const from = text.indexOf('initiative j');
        const to = text.lastIndexOf(' }');
        const part = fastLexer.lex(text, from, to)!;
        expect(Array.from(part.starts.slice(0, part.count))).toEqual([from, from + 11, from + 13]);
        expect(part.hiddenStarts).toEqual([]);
        // A token cannot run past the part's end: `initiati|ve` is a name there.
        const cut = fastLexer.lex(text, from, from + 8)!;
        expect([cut.count, fastLexer.types[cut.kinds[0]].name]).toEqual([1, 'ID']);
    });

    test('gives up exactly where Chevrotain reports an error, else gives its tokens (fast-check: broken plans, garbage)', () => {
        let errors = 0;
        fc.assert(fc.property(fc.oneof(mutatedPlan, garbage), text => {
            const expected = chevrotainTokens(text);
            if (!expected) errors++;
            expect(fastTokens(text)).toEqual(expected);
        }), { numRuns: 800, seed: 7373 });
        expect(errors).toBeGreaterThan(100);
    });

    test('answers as Chevrotain for every UTF-16 code unit between two names', () => {
        let spaces = 0;
        const differ: string[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            const text = `a${String.fromCharCode(code)}b`;
            const expected = chevrotainTokens(text);
            if (expected?.tokens.length === 2) spaces++;
            if (JSON.stringify(fastTokens(text)) !== JSON.stringify(expected)) differ.push(`U+${code.toString(16)}`);
        }
        expect(differ).toEqual([]);
        expect(spaces).toBeGreaterThan(20);
    });

    test('says why it cannot stand in for Chevrotain\'s lexer on a definition it does not know', () => {
        const extra = (type: Partial<TokenType>) => FastLexer.create({ ...definition, X: { name: 'X', PATTERN: /x/, ...type } as TokenType });
        expect(typeof extra({})).not.toBe('string');
        expect(extra({ PUSH_MODE: 'other' })).toMatch(/X uses a lexer feature/);
        expect(extra({ GROUP: 'elsewhere' })).toMatch(/X is in the group 'elsewhere'/);
        expect(extra({ PATTERN: { exec: () => null } as never })).toMatch(/X has no pattern/);
        expect(extra({ LONGER_ALT: { name: 'Y', PATTERN: /y/ } as TokenType })).toMatch(/longer alternative outside/);
    });
});
