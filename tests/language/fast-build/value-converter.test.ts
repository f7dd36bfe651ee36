/**
 * AdoptValueConverter (src/language/parser/adopt-value-converter.ts) converts every value exactly
 * as Langium's DefaultValueConverter does: names, titles (with and without escapes), numbers,
 * trait kinds and levels, references.
 */
import { describe, expect, test } from 'vitest';
import { CstUtils, DefaultValueConverter, URI, ValueConverter } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { AdoptValueConverter, convertString } from '../../../src/language/parser/adopt-value-converter.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { example } from '../../support/helpers.js';

const ESCAPES = `plan Esc "A \\"quoted\\" plan\\twith \\\\ escapes" {
  coalition { member ana "Ana \\n B" role middle-manager trained }
  initiative rounds "Rounds"
  stage a "" { goal g "G" { metric m "M" target 12.5 } project p "P" { supports rounds involves ana asynchrony low geography crowdsourcing medium } }
}`;

const TEXTS: Record<string, () => string> = {
    'a generated plan': () => toAdopt(generatePlan({ projects: 150, seed: 8 })),
    'the SPEC example': () => example('riverside-health.adopt'),
    'a plan with escaped strings': () => ESCAPES
};

describe('AdoptValueConverter', () => {
    const { shared, Adopt } = createAdoptServices();

    test('is the converter in use', () => {
        expect(Adopt.parser.ValueConverter).toBeInstanceOf(AdoptValueConverter);
    });

    for (const [name, text] of Object.entries(TEXTS)) {
        test(`${name}: every value as DefaultValueConverter converts it`, () => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text(), URI.parse(`file:///values-${name.replace(/ /g, '-')}.adopt`));
            expect(document.parseResult.parserErrors).toEqual([]);
            const standard = new DefaultValueConverter();
            const ours = new AdoptValueConverter();
            let converted = 0;
            for (const node of CstUtils.streamCst(document.parseResult.value.$cstNode!)) {
                if (!node.grammarSource) continue;
                const expected = standard.convert(node.text, node);
                expect(ours.convert(node.text, node)).toEqual(expected);
                // Twice: the second answer comes from what the first one cached.
                expect(ours.convert(node.text, node)).toEqual(expected);
                if (expected !== node.text) converted++;
            }
            expect(converted).toBeGreaterThan(3);
        });
    }

    test('convertString gives ValueConverter.convertString', () => {
        for (const input of ['""', '"a"', '"Hello world"', '"a\\"b"', '"\\n\\t\\\\"', '"ends with \\\\"', '"x', '"']) {
            expect(convertString(input)).toBe(ValueConverter.convertString(input));
        }
    });
});
