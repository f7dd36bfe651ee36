/**
 * What a parser's errors carry (src/language/parser/parse-errors.ts): the fast build's parser
 * gives each error its problem, described by the grammar, in a typed error; Langium's parser
 * gives Chevrotain's errors, which carry none. Whether errors may have left declarations out of
 * the tree (the checks of what a plan lacks wait until they cannot) is read from that type.
 */
import { describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { mayLeaveOutDeclarations, replacementOf, SyntaxProblemError } from '../../../src/language/parser/parse-errors.js';
import { parser } from '../../support/helpers.js';

const PLAN = (member: string) => `plan P "P" {\n  coalition { ${member} }\n  stage s "S" { }\n}\n`;
/** A word one letter off its keyword (`trainde`): read as the keyword, nothing left out. */
const MISSPELLED = PLAN('member m "M" role staff trainde');
/** Numbers where a member's role stands: the member breaks off, the tokens up to the next that fits are left out. */
const BROKEN = PLAN('member m "M" 12 13 14 15 role staff');

const fast = parser();
const plain = parser(createAdoptServices({ fastBuild: false }).Adopt);

function errorsOf(document: LangiumDocument) {
    return document.parseResult.parserErrors;
}

describe("the fast build's parser errors carry their problem, typed", () => {
    test('a misspelled keyword: a SyntaxProblemError with its problem and the keyword it was read as', async () => {
        const [error, ...others] = errorsOf(await fast(MISSPELLED));
        expect(others).toEqual([]);
        expect(error).toBeInstanceOf(SyntaxProblemError);
        expect((error as SyntaxProblemError).problem).toMatchObject({ kind: 'misspelled', keyword: 'trained', found: { image: 'trainde' } });
        expect(replacementOf(error)).toBe('trained');
        expect(mayLeaveOutDeclarations((await fast(MISSPELLED)).parseResult)).toBe(false);
    });

    test('tokens left out: may leave out declarations', async () => {
        const errors = errorsOf(await fast(BROKEN));
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.map(error => (error as SyntaxProblemError).problem.kind)).toEqual(['expected']);
        expect(mayLeaveOutDeclarations({ parserErrors: errors })).toBe(true);
    });

    test("Langium's parser errors carry no problem: they may leave out declarations, and replace no word", async () => {
        const errors = errorsOf(await plain(MISSPELLED));
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some(error => error instanceof SyntaxProblemError)).toBe(false);
        expect(replacementOf(errors[0])).toBeUndefined();
        expect(mayLeaveOutDeclarations({ parserErrors: errors })).toBe(true);
        expect(mayLeaveOutDeclarations({ parserErrors: [] })).toBe(false);
    });
});
