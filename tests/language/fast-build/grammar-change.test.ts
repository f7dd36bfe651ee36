/**
 * A change to the grammar reaches the fast build and the test plans with no other change: the
 * Adopt grammar, changed at run time (an optional attribute `('since' since=NUMBER)?` for
 * initiatives, a new level `'extreme'`), gets services of its own (langium/grammar's
 * `createServicesForGrammar`, with the fast build's modules). The plans generated from it
 * (tests/support/plan-arbitraries.ts walks the grammar object) use the new attribute and keyword;
 * the fast parser compiled from it (`FastParser.create`) builds what Langium's parser builds for
 * them; an edit inside an initiative re-parses the initiative alone.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { AstNode } from 'langium';
import type { FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';
import { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { FastParser } from '../../../src/language/fast-build/fast-parser.js';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { planArbitraries, type PlanArbitraries } from '../../support/plan-arbitraries.js';
import { adoptGrammarWith, servicesForGrammar } from './grammar-services.js';
import { Comparison, compareLists } from './parse-comparison.js';

const GRAMMAR = adoptGrammarWith(/(Initiative:\s*'initiative' name=\w+ title=STRING)/, "$1 ('since' since=NUMBER)?")
    .replace(/('high')(;)/, "$1 | 'extreme'$2");

let services: FastBuildServices;
let parser: FastBuildParser;
let plans: PlanArbitraries;
let samples: string[];

beforeAll(async () => {
    expect(GRAMMAR).toContain("'extreme'");
    services = await servicesForGrammar(GRAMMAR, true);
    parser = services.parser.LangiumParser as FastBuildParser;
    plans = planArbitraries(services);
    samples = fc.sample(plans.validPlan, { numRuns: 300, seed: 99 });
});

/**
 * Generated plans that match, `wanted` of them, drawn 100 at a time (at most 3,000): whether the
 * generators use a part of the grammar, however rare the walk makes it among the others.
 */
function samplesWhere(matches: (text: string) => boolean, wanted: number): string[] {
    const found: string[] = [];
    for (let round = 0; round < 30 && found.length < wanted; round++) {
        found.push(...fc.sample(plans.validPlan, { numRuns: 100, seed: 99 + round }).filter(matches));
    }
    return found.slice(0, wanted);
}

/** Parses a text with the fast path on and off and compares the two in full; whether the fast parser parsed it. */
function expectFastAndEqual(text: string): AstNode {
    const before = parser.counts.fast;
    const ours = parser.parse(text);
    expect(parser.counts.fast, 'parsed by the fast parser').toBe(before + 1);
    parser.fastPath = false;
    let theirs;
    try {
        theirs = parser.parse(text);
    } finally {
        parser.fastPath = true;
    }
    expect(ours.parserErrors).toEqual([]);
    expect(theirs.parserErrors).toEqual([]);
    const comparison = new Comparison(text);
    comparison.cst('cst', ours.value.$cstNode!, theirs.value.$cstNode!);
    comparison.ast('ast', ours.value, theirs.value);
    comparison.links('ast', ours.value, theirs.value);
    comparison.astNodes('cst', ours.value.$cstNode!, theirs.value.$cstNode!);
    compareLists(comparison, services.fastBuild.SyntaxTrees, ours.value, theirs.value);
    return ours.value;
}

describe('a grammar changed at run time', () => {
    test('its keywords are the new grammar\'s; the language\'s generators do not know them', () => {
        expect(plans.keywords).toContain('since');
        expect(plans.keywords).toContain('extreme');
        const adopt = planArbitraries(createAdoptServices().Adopt);
        expect(adopt.keywords).not.toContain('since');
        expect(adopt.keywords).not.toContain('extreme');
    });

    test('the plans generated from it use the new attribute and the new keyword, and its parser takes them (the language\'s does not)', () => {
        // The attribute, and the keyword as a trait's level (as a channel's platform it would be a name before the change).
        const since = samplesWhere(text => /\bsince\s+\d/.test(text), 5);
        const extreme = samplesWhere(text => /\b(asynchrony|geography|crowdsourcing)\s+extreme\b/.test(text), 3);
        expect(since).toHaveLength(5);
        expect(extreme).toHaveLength(3);
        const adoptParser = createAdoptServices().Adopt.parser.LangiumParser;
        for (const text of [...since, ...extreme]) {
            expect(parser.parse(text).parserErrors).toEqual([]);
            expect(adoptParser.parse(text).parserErrors.length).toBeGreaterThan(0);
        }
    });

    test('gets a fast parser compiled from it, which builds what Langium\'s parser builds for every generated plan', () => {
        expect(FastParser.create(services)).toBeInstanceOf(FastParser);
        expect(parser).toBeInstanceOf(FastBuildParser);
        expect(parser.fastParserOff).toBeUndefined();
        let sinceValues = 0;
        const since = samplesWhere(text => /\bsince\s+\d/.test(text), 5);
        for (const text of [...samples, ...since]) {
            type Block = { initiatives: Array<{ since?: unknown }> };
            const root = expectFastAndEqual(text) as AstNode & { plan?: Block; shared?: Block };
            for (const initiative of (root.plan ?? root.shared)?.initiatives ?? []) {
                if (initiative.since !== undefined) {
                    expect(typeof initiative.since).toBe('number');
                    sinceValues++;
                }
            }
        }
        // Each plan that writes `since N` has an initiative with the number.
        expect(sinceValues).toBeGreaterThanOrEqual(since.length + samples.filter(text => /\bsince\s+\d/.test(text)).length);
    });

    test('an edit of the new attribute re-parses the initiative alone, as a full parse gives it', () => {
        const [text] = samplesWhere(sample => /\bsince\s+\d/.test(sample), 1);
        const edited = text.replace(/(\bsince\s+)(\d)/, '$11$2');
        expect(edited).not.toBe(text);
        const before = parser.counts.incremental.Initiative ?? 0;
        const updated = parser.parseIncrementally(parser.parse(text).value, edited);
        expect(updated).toBeDefined();
        expect(parser.counts.incremental.Initiative).toBe(before + 1);
        const fresh = parser.parse(edited).value;
        const comparison = new Comparison(edited);
        comparison.cst('cst', updated!.value.$cstNode!, fresh.$cstNode!);
        comparison.ast('ast', updated!.value, fresh);
        comparison.links('ast', updated!.value, fresh);
    });
});
