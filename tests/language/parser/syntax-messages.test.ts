/**
 * Syntax errors of the living plan (SPEC section 7) in words: a construct's parts out of order
 * get a message that says the order, a date written another way one that says how dates are
 * written; and the words of these messages come from the grammar, so that a change to a rule
 * reaches them.
 */
import { describe, expect, test } from 'vitest';
import { createServicesForGrammar } from 'langium/grammar';
import { blockStatements } from '../../support/grammar-words.js';
import { createTestServices, parser, withCode } from '../../support/helpers.js';
import { attributeOrder, blockParts } from '../../../src/language/parser/grammar-order.js';
import { dateKeywords, likelyDate, malformedDateAt } from '../../../src/language/parser/date-syntax.js';
import { adoptGrammarWith } from '../fast-build/grammar-services.js';

const parse = parser();

function plan(inner: string): string {
    return `plan P "A plan" {\n  coalition { member m "M" role middle-manager trained }\n${inner}\n}\n`;
}

async function syntaxErrors(text: string) {
    const document = await parse(text);
    return withCode(document, 'syntax-error').map(diagnostic => ({
        message: String(diagnostic.message),
        text: document.textDocument.getText(diagnostic.range)
    }));
}

const ACTION_ORDER = "After an action's name and title come, in this order (each may be left out): owner MEMBER, then due DATE, then the status (todo, doing, done or blocked).";

describe("an action's attributes out of order: the message says the order", () => {
    test.each([
        ['due before owner', 'action a "A" due 2027-03-01 owner m', 'owner'],
        ['the status before due', 'action a "A" doing due 2027-03-01', 'due'],
        ['the status before owner', 'action a "A" blocked owner m', 'owner'],
        ['every attribute in reverse', 'action a "A" done due 2027-03-01 owner m', 'due']
    ])('%s, in a stage and in a project', async (_name, action, word) => {
        for (const text of [plan(`stage s "S" {\n    ${action}\n  }`), plan(`stage s "S" {\n  project p "P" {\n    ${action}\n  }\n}`)]) {
            const errors = await syntaxErrors(text);
            expect(errors[0]).toEqual({ message: `'${word}' is out of order here in the action 'a'. ${ACTION_ORDER}`, text: word });
        }
    });

    test('the rest of the stage keeps its statements after the error', async () => {
        const document = await parse(plan('stage s "S" {\n    action a "A" done owner m\n    action b "B" owner m due 2027-03-01\n  }'));
        const stage = document.parseResult.value.plan!.stages[0];
        expect(stage.actions.map(action => action.name)).toContain('b');
    });
});

describe('other parts out of order', () => {
    test.each([
        ["a stage's window written to, then from", 'stage s "S" to 2027-06-30 from 2027-01-10 { }', 'from',
            "'from' is out of order here in the stage 's'. After a stage's name and title come, in this order (each may be left out): after STAGE, then from DATE, then to DATE."],
        ["a stage's after behind its window", 'stage r "R" { }\nstage s "S" from 2027-01-10 after r { }', 'after',
            "'after' is out of order here in the stage 's'. After a stage's name and title come, in this order (each may be left out): after STAGE, then from DATE, then to DATE."],
        ["a metric's actual before its target", 'stage s "S" { goal g "G" { metric x "X" actual 3 target 5 } }', 'target',
            "'target' is out of order here in the metric 'x'. After a metric's name and title come, in this order (each may be left out): target N, then actual N."],
        ["a story's audience before its project", 'stage s "S" { project p "P" { } }\nstage t "T" { story st "St" audience m from p }', 'audience',
            "'audience' is out of order here in the story 'st'. After a story's name and title come, in this order: from PROJECT, then audience MEMBER (optional)."]
    ])('%s', async (_name, inner, word, message) => {
        const errors = await syntaxErrors(plan(inner));
        expect(errors[0]).toEqual({ message, text: word });
    });

    test("a member's unit before the role: the order is role, unit, trained", async () => {
        // A member's attributes are the ones an organisation adds to most (an e-mail, a team):
        // the order is read from the grammar, and only the order of these three is pinned here.
        const order = attributeOrder(createTestServices().Grammar, 'Member', 'unit', false)?.text ?? '';
        const errors = await syntaxErrors(plan('coalition { member u "U" unit "Finance" role staff }'));
        expect(errors[0]).toEqual({
            message: `'unit' is out of order here in the member 'u'. After a member's name and title come, in this order: ${order}.`,
            text: 'unit'
        });
        expect(order).toMatch(/^role ROLE, then unit "TEXT" \(optional\), then (.+, then )?trained \(optional\)$/);
    });
});

describe('dates written another way than YYYY-MM-DD', () => {
    test.each([
        ['after due', 'stage s "S" { action a "A" due 27-1-1 }', '27-1-1', 'Did you mean 2027-01-01?'],
        ['after from', 'stage s "S" from 2027-1-15 { }', '2027-1-15', 'Did you mean 2027-01-15?'],
        ['after to', 'stage s "S" to 2027-06-3 { }', '2027-06-3', 'Did you mean 2027-06-03?'],
        ['day first', 'stage s "S" { action a "A" due 15-02-2027 }', '15-02-2027', 'for example 2027-02-15.'],
        ['cut short', 'stage s "S" { action a "A" due 2027-02- }', '2027-02-', 'for example 2027-02-15.']
    ])('%s: one message for the whole date, on it, saying how dates are written', async (_name, inner, date, ending) => {
        const errors = await syntaxErrors(plan(inner));
        const onDate = errors.filter(error => error.message.includes(date));
        expect(onDate).toEqual([{
            message: expect.stringMatching(new RegExp(`^'${date}' is not written as a date\\. Write dates as YYYY-MM-DD: four digits for the year, then two for the month and two for the day`)),
            text: date
        }]);
        expect(onDate[0].message.endsWith(ending)).toBe(true);
        // No other message about the digits and dashes of the date.
        expect(errors.filter(error => /Unexpected character|found the number/.test(error.message))).toEqual([]);
    });

    test('a dash elsewhere keeps the message about characters', async () => {
        const errors = await syntaxErrors(plan('stage s "S" { goal g "G" { metric x "X" target 10-20 } }'));
        expect(errors.map(error => error.message)).toContain("Unexpected character '-'. Names use letters, digits and _; titles go in double quotes; comments start with //.");
    });

    test('a date where another value is due, or something else where a date is due, says what was expected', async () => {
        expect((await syntaxErrors(plan('stage s "S" { action a "A" due "2027-01-01" }')))[0].message)
            .toBe('Expected a date (YYYY-MM-DD, for example 2027-02-15) here in the action \'a\', but found the title "2027-01-01".');
        expect((await syntaxErrors(plan('stage s "S" { goal g "G" { metric x "X" target 2027-01-01 } }')))[0].message)
            .toBe('Expected a number here in the metric \'x\', but found the date 2027-01-01.');
    });

    test('the date likely meant: two-digit parts padded, a two-digit year in this century, only calendar dates', () => {
        expect(likelyDate('27-1-1')).toBe('2027-01-01');
        expect(likelyDate('2027-2-5')).toBe('2027-02-05');
        expect(likelyDate('2027-2-30')).toBeUndefined();
        expect(likelyDate('1-2-2027')).toBeUndefined();
        expect(likelyDate('2027-01')).toBeUndefined();
    });

    test('a run of digits and dashes is a date only after a word that takes one', () => {
        const words = new Set(['due']);
        expect(malformedDateAt('due 27-1-1 x', 6, words)).toEqual({ offset: 4, end: 10, text: '27-1-1' });
        expect(malformedDateAt('target 27-1-1', 9, words)).toBeUndefined();
        expect(malformedDateAt('due -5', 4, words)).toBeUndefined();
    });
});

describe('the words come from the grammar', () => {
    const grammar = createTestServices().Grammar;

    test('the words a date follows', () => {
        expect([...dateKeywords(grammar)].sort()).toEqual(['due', 'from', 'to']);
    });

    test.each(['Plan', 'Coalition', 'Stage', 'Project', 'Goal'])('what may stand in the block of a %s: its statements\' first words, in the grammar\'s order', rule => {
        const words = blockStatements(grammar, rule).flat();
        expect(words.length).toBeGreaterThan(0);
        expect(blockParts(grammar, rule)).toBe(`${words.join(', ')} or the ${rule.toLowerCase()}'s closing }`);
    });

    test('what may stand in a block, as users read it in the SPEC\'s constructs', () => {
        expect(blockParts(grammar, 'Stage')).toMatch(/^mantra, goal, launch, .*project.* or the stage's closing }$/);
        expect(blockParts(grammar, 'Action')).toBeUndefined();
    });

    test('an attribute order changed in the grammar changes the message', async () => {
        const changed = await createServicesForGrammar({
            grammar: adoptGrammarWith(/\('owner' owner=\[Member:Name\]\)\? \('due' due=DATE\)\?/, "('due' due=DATE)? ('owner' owner=[Member:Name])?")
        });
        expect(attributeOrder(changed.Grammar, 'Stage', 'owner', true)?.text).toBe('due DATE, then owner MEMBER, then the status (todo, doing, done or blocked)');
        expect(attributeOrder(grammar, 'Stage', 'owner', true)?.text).toBe('owner MEMBER, then due DATE, then the status (todo, doing, done or blocked)');
    });

    test('in a block only optional parts count as skipped; in a header, the rule\'s own', () => {
        // A stray `from` in a stage's block is not a story's (a story's `from` is never skipped): the stage's window.
        expect(attributeOrder(grammar, 'Stage', 'from', true)?.construct).toBe('a stage');
        expect(attributeOrder(grammar, 'Story', 'audience', false)?.construct).toBe('a story');
        expect(attributeOrder(grammar, 'Plan', 'from', false)).toBeUndefined();
    });
});
