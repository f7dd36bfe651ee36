import fc from 'fast-check';
import { test } from 'vitest';
import { createAdoptServices } from '../src/language/adopt-module.js';
import { validPlan, mutatedPlan, garbage, keywords, entryKeywords } from './support/plan-arbitraries.js';

test('scratch', () => {
    const { Adopt } = createAdoptServices({ fastBuild: false });
    console.log(keywords.join(' '), entryKeywords);
    const samples = fc.sample(validPlan, { numRuns: 300, seed: 1 });
    let bad = 0, refs = 0, unresolved = 0;
    for (const s of samples) {
        const r = Adopt.parser.LangiumParser.parse(s);
        if (r.lexerErrors.length || r.parserErrors.length) { bad++; if (bad < 3) console.log('BAD', JSON.stringify(s), r.lexerErrors, r.parserErrors.map(e => e.message)); }
    }
    console.log('bad', bad, 'of', samples.length, 'avg length', samples.reduce((a, s) => a + s.length, 0) / samples.length);
    console.log(samples.slice(0, 4).join('\n-----\n'));
    console.log(fc.sample(mutatedPlan, { numRuns: 3, seed: 2 }).map(s => JSON.stringify(s).slice(0, 300)));
    console.log(fc.sample(garbage, { numRuns: 5, seed: 2 }).map(s => JSON.stringify(s).slice(0, 200)));
});
