/**
 * FastValueConverter (src/language/fast-build/value-converter.ts) converts every value exactly
 * as Langium's DefaultValueConverter does: names, titles (with and without escapes), numbers,
 * trait kinds and levels, references.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CstUtils, DefaultValueConverter, URI, ValueConverter } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { FastValueConverter, convertString } from '../../../src/language/fast-build/value-converter.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { example } from '../../support/helpers.js';
import { validPlan } from '../../support/plan-arbitraries.js';

const ESCAPES = `plan Esc "A \\"quoted\\" plan\\twith \\\\ escapes" {
  coalition { member ana "Ana \\n B" role middle-manager trained }
  initiative rounds "Rounds"
  stage a "" { goal g "G" { metric m "M" target 12.5 } project p "P" { supports rounds involves ana asynchrony low geography crowdsourcing medium } }
}`;

const TEXTS: Record<string, () => string> = {
    'a generated plan': () => toAdopt(generatePlan({ projects: 50, seed: 8 })),
    'the SPEC example': () => example('riverside-health.adopt'),
    'a plan with escaped strings': () => ESCAPES
};

describe('FastValueConverter', () => {
    const { shared, Adopt } = createAdoptServices();

    test('is the converter of the fast build; plain Langium keeps its own', () => {
        expect(Adopt.parser.ValueConverter).toBeInstanceOf(FastValueConverter);
        const plain = createAdoptServices({ fastBuild: false }).Adopt.parser.ValueConverter;
        expect(plain).toBeInstanceOf(DefaultValueConverter);
        expect(plain).not.toBeInstanceOf(FastValueConverter);
    });

    /** Converts every value of a text both ways; how many values the conversion changed. */
    function expectSameValues(text: string, name: string): number {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///values-${name}.adopt`));
        expect(document.parseResult.parserErrors).toEqual([]);
        const standard = new DefaultValueConverter();
        const ours = new FastValueConverter();
        let converted = 0;
        for (const node of CstUtils.streamCst(document.parseResult.value.$cstNode!)) {
            if (!node.grammarSource) continue;
            const expected = standard.convert(node.text, node);
            expect(ours.convert(node.text, node)).toEqual(expected);
            // Twice: the second answer comes from what the first one cached.
            expect(ours.convert(node.text, node)).toEqual(expected);
            if (expected !== node.text) converted++;
        }
        return converted;
    }

    for (const [name, text] of Object.entries(TEXTS)) {
        test(`${name}: every value as DefaultValueConverter converts it`, () => {
            expect(expectSameValues(text(), name.replace(/ /g, '-'))).toBeGreaterThan(3);
        });
    }

    test('random valid plans (fast-check: titles with any escapes, numbers, names): every value as DefaultValueConverter converts it', () => {
        let converted = 0;
        let run = 0;
        fc.assert(fc.property(validPlan, text => {
            converted += expectSameValues(text, `random-${run++}`);
        }), { numRuns: 100, seed: 31 });
        expect(converted).toBeGreaterThan(100);
    });

    test('convertString gives ValueConverter.convertString', () => {
        for (const input of ['""', '"a"', '"Hello world"', '"a\\"b"', '"\\n\\t\\\\"', '"ends with \\\\"', '"x', '"']) {
            expect(convertString(input)).toBe(ValueConverter.convertString(input));
        }
    });
});
