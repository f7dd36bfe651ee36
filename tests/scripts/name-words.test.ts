/**
 * scripts/name-words.mjs keeps the grammar's `Name` rule the identifier plus every keyword that
 * is one, read from the rest of the grammar: the rule in src/language/adopt.langium is up to
 * date, a keyword added anywhere in the grammar (`label "…"` lines at the top of a file) becomes a name
 * when the grammar is built, and a keyword no longer used leaves the rule; the grammar written
 * that way gives a fast parser (LL(1)) that reads the new keyword as a name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error a plain ES module script without types
import { syncNameRule } from '../../scripts/name-words.mjs';
import { FastBuildParser } from '../../src/language/fast-build/fast-build-parser.js';
import { servicesForGrammar } from '../language/fast-build/grammar-services.js';

const GRAMMAR = resolve(__dirname, '../../src/language/adopt.langium');
const folder = mkdtempSync(join(tmpdir(), 'adopt-name-words-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A copy of the grammar, changed, with its Name rule brought up to date: the text written. */
function synced(change: (text: string) => string): string {
    const path = join(folder, 'adopt.langium');
    writeFileSync(path, change(readFileSync(GRAMMAR, 'utf8')));
    expect(syncNameRule({ check: true, grammarPath: path })).toBe(false);
    syncNameRule({ grammarPath: path });
    expect(syncNameRule({ check: true, grammarPath: path })).toBe(true);
    return readFileSync(path, 'utf8');
}

const nameRule = (text: string) => /Name returns string:[^;]*;/.exec(text)![0];

describe('the Name rule', () => {
    test('is up to date in the grammar', () => {
        expect(syncNameRule({ check: true })).toBe(true);
    });

    test('takes a keyword added to the grammar, and the grammar stays one the fast parser takes', async () => {
        const text = synced(grammar => grammar
            .replace(/entry AdoptFile:\n\s*uses\+=Use\*/, "entry AdoptFile:\n    uses+=Use* labels+=Label*")
            .replace(/(Coalition:)/, "Label:\n    'label' text=STRING;\n\n$1"));
        expect(nameRule(text)).toMatch(/'label'/);
        const services = await servicesForGrammar(text, true);
        const parser = services.parser.LangiumParser as FastBuildParser;
        expect(parser.fastParserOff).toBeUndefined();
        const result = parser.parse('label "a"\nplan label "P" { initiative label "I" stage s "S" { project p "P" { supports label } } }');
        expect(result.parserErrors).toEqual([]);
        expect(parser.counts.fast).toBe(1);
        expect((result.value as unknown as { plan: { name: string } }).plan.name).toBe('label');
    });

    test('drops a keyword the grammar no longer has', () => {
        const text = synced(grammar => grammar.replace(/\s*\('unit' unit=STRING\)\?/, ''));
        expect(nameRule(text)).not.toMatch(/'unit'/);
        expect(nameRule(readFileSync(GRAMMAR, 'utf8'))).toMatch(/'unit'/);
    });
});
