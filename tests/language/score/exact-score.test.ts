/**
 * The score in exact arithmetic, for every weight the settings allow (0 to one million, any
 * number of decimals): each part and the sum are the exact decimal products rounded half up to
 * one decimal, checked against a reference in big-integer fractions; weights beyond one million
 * are a settings error that names the field.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Level, TraitKind } from '../../../src/language/generated/ast.js';
import { scoreProject, type ProjectFacts } from '../../../src/language/score/quick-win-score.js';
import { MAX_SETTING, SCORE_PARTS, parseQuickWinSettings, type Weights } from '../../../src/language/score/quick-win-settings.js';

/** A fraction p / q of big integers. */
type Ratio = readonly [bigint, bigint];

/** The decimal a JSON number is written as: digits and a power of ten, read from the text (not from binary). */
function decimalText(text: string): Ratio {
    const [mantissa, exponentText] = text.toLowerCase().split('e');
    const [whole, fraction = ''] = mantissa.split('.');
    const exponent = Number(exponentText ?? 0) - fraction.length;
    const digits = BigInt(whole + fraction);
    return exponent >= 0 ? [digits * 10n ** BigInt(exponent), 1n] : [digits, 10n ** BigInt(-exponent)];
}

const add = ([a, b]: Ratio, [c, d]: Ratio): Ratio => [a * d + c * b, b * d];
const mul = ([a, b]: Ratio, [c, d]: Ratio): Ratio => [a * c, b * d];

/** Half up to one decimal, as a decimal text: the tenths t with t - 1/2 <= 10 x < t + 1/2. */
function halfUpText([num, den]: Ratio): string {
    let tenths = (num * 10n) / den;
    if ((num * 10n - tenths * den) * 2n >= den) tenths += 1n;
    const text = tenths.toString().padStart(2, '0');
    const whole = text.slice(0, -1);
    const tenth = text.slice(-1);
    return tenth === '0' ? whole : `${whole}.${tenth}`;
}

const LEVELS: Readonly<Record<Level, Ratio>> = { low: [1n, 3n], medium: [2n, 3n], high: [1n, 1n] };

function referenceValues(facts: ProjectFacts): Record<(typeof SCORE_PARTS)[number], Ratio> {
    const trait = (kind: TraitKind): Ratio => {
        const level = facts.traits.get(kind);
        return level ? LEVELS[level] : [0n, 1n];
    };
    const halves = BigInt(2 * facts.involvedTrainedWilling + (facts.involvedWilling - facts.involvedTrainedWilling));
    const willing = BigInt(facts.willingCount);
    return {
        reach: willing === 0n ? [0n, 1n] : halves >= 2n * willing ? [1n, 1n] : [halves, 2n * willing],
        initiative: facts.supportsInitiative ? [1n, 1n] : [0n, 1n],
        asynchrony: trait('asynchrony'),
        geography: trait('geography'),
        crowdsourcing: trait('crowdsourcing')
    };
}

/** A weight as it may be written: up to one million, with up to twelve decimals. */
const weightText = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 12 }))
        .map(([digits, decimals]) => (decimals === 0 ? String(digits) : `${digits}e-${decimals}`)),
    fc.constantFrom('0', '1000000', '999999.95', '999999.945', '0.05', '0.15', '1.45', '2.675', '69.95', '0.1', '0.2', '0.3', '1e-7')
);

const level = fc.option(fc.constantFrom<Level>('low', 'medium', 'high'), { nil: undefined });

const facts = fc.record({
    willingCount: fc.integer({ min: 0, max: 12_000 }),
    involved: fc.integer({ min: 0, max: 12_000 }),
    trained: fc.integer({ min: 0, max: 12_000 }),
    supportsInitiative: fc.boolean(),
    asynchrony: level,
    geography: level,
    crowdsourcing: level
}).map(({ willingCount, involved, trained, supportsInitiative, ...levels }): ProjectFacts => {
    const involvedWilling = Math.min(involved, willingCount);
    const traits = new Map<TraitKind, Level>();
    for (const kind of ['asynchrony', 'geography', 'crowdsourcing'] as const) {
        const value = levels[kind];
        if (value) traits.set(kind, value);
    }
    return { willingCount, involvedWilling, involvedTrainedWilling: Math.min(trained, involvedWilling), supportsInitiative, traits };
});

describe('the score in exact arithmetic', () => {
    test('every part and the sum are the exact products rounded half up, for any weights up to one million', () => {
        fc.assert(fc.property(fc.tuple(weightText, weightText, weightText, weightText, weightText), facts, (texts, project) => {
            const weights = Object.fromEntries(SCORE_PARTS.map((part, i) => [part, Number(texts[i])])) as Weights;
            const parsed = parseQuickWinSettings({ weights });
            expect(parsed.ok).toBe(true);
            const result = scoreProject(project, { weights, threshold: 70 });
            const values = referenceValues(project);
            let total: Ratio = [0n, 1n];
            for (const [i, part] of SCORE_PARTS.entries()) {
                // The weight as its shortest text, which is what a user wrote in JSON.
                const raw = mul(decimalText(String(weights[part])), values[part]);
                total = add(total, raw);
                expect(String(result.points[part]), `${part} of ${texts[i]}`).toBe(halfUpText(raw));
            }
            expect(String(result.score)).toBe(halfUpText(total));
            expect(Number.isFinite(result.score)).toBe(true);
        }), { numRuns: 3000 });
    });

    test('the quick-win threshold compares the rounded score exactly', () => {
        fc.assert(fc.property(weightText, weightText, (weightText, thresholdText) => {
            const weights: Weights = { reach: 0, initiative: Number(weightText), asynchrony: 0, geography: 0, crowdsourcing: 0 };
            const threshold = Number(thresholdText);
            const project: ProjectFacts = {
                willingCount: 1, involvedWilling: 1, involvedTrainedWilling: 1, supportsInitiative: true,
                traits: new Map<TraitKind, Level>([['asynchrony', 'high'], ['geography', 'high'], ['crowdsourcing', 'high']])
            };
            const result = scoreProject(project, { weights, threshold });
            const [tn, td] = decimalText(halfUpText(decimalText(String(weights.initiative))));
            const [hn, hd] = decimalText(String(threshold));
            expect(result.quickWin).toBe(tn * hd >= hn * td);
        }), { numRuns: 2000 });
    });

    test('large weights are exact: one million in each part, and 999999.945 in the last, is 4999999.9', () => {
        const project: ProjectFacts = {
            willingCount: 3, involvedWilling: 3, involvedTrainedWilling: 3, supportsInitiative: true,
            traits: new Map<TraitKind, Level>([['asynchrony', 'high'], ['geography', 'high'], ['crowdsourcing', 'high']])
        };
        const weights: Weights = { reach: 1e6, initiative: 1e6, asynchrony: 1e6, geography: 1e6, crowdsourcing: 999999.945 };
        const result = scoreProject(project, { weights, threshold: 5e6 });
        expect(result.score).toBe(4999999.9);
        expect(result.points.crowdsourcing).toBe(999999.9);
        expect(result.quickWin).toBe(false);
        expect(scoreProject(project, { weights: { ...weights, crowdsourcing: 1e6 }, threshold: 1e6 }).score).toBe(5e6);
    });

    test.each([
        ['weights.reach', { weights: { reach: 1e8 } }],
        ['weights.crowdsourcing', { weights: { crowdsourcing: 1.8e307 } }],
        ['weights.initiative', { weights: { initiative: Number.MAX_VALUE } }],
        ['threshold', { threshold: MAX_SETTING + 0.1 }]
    ])('%s above one million is a settings error that names it', (field, raw) => {
        const parsed = parseQuickWinSettings(raw);
        expect(parsed.ok).toBe(false);
        expect(parsed.ok ? [] : parsed.problems).toEqual([`${field} must be at most 1000000 (one million)`]);
    });

    test('one million itself is allowed', () => {
        expect(parseQuickWinSettings({ weights: { reach: MAX_SETTING }, threshold: MAX_SETTING }).ok).toBe(true);
    });
});
