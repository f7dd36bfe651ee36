/**
 * The model of the living plan (SPEC section 7): calendar dates, "today", actions and the stage
 * each belongs to, a project's effort and a metric's progress.
 */
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../../src/language/generated/ast.js';
import { dateProblem, daysInMonth, localDate, spokenDate, validDate } from '../../../src/language/model/plan-dates.js';
import {
    actionsDone, allActions, effortOf, isDone, progressOf, progressText, stageOfAction, writtenTarget
} from '../../../src/language/model/plan-model.js';
import { Today } from '../../../src/language/model/today.js';
import { parser } from '../../support/helpers.js';

const parse = parser();

async function planOf(inner: string): Promise<Plan> {
    return (await parse(`plan P "P" {\n${inner}\n}`)).parseResult.value.plan!;
}

describe('calendar dates', () => {
    test.each([
        ['2027-02-28', undefined],
        ['2028-02-29', undefined], // 2028 is a leap year
        ['2000-02-29', undefined], // divisible by 400: a leap year
        ['0001-01-01', undefined],
        ['9999-12-31', undefined],
        ['2027-02-29', '2027-02-29 is not a date: February 2027 has 28 days.'],
        ['2100-02-29', '2100-02-29 is not a date: February 2100 has 28 days.'], // divisible by 100, not by 400
        ['2027-02-30', '2027-02-30 is not a date: February 2027 has 28 days.'],
        ['2027-04-31', '2027-04-31 is not a date: April 2027 has 30 days.'],
        ['2027-13-01', '2027-13-01 is not a date: the month must be 01 to 12.'],
        ['2027-00-10', '2027-00-10 is not a date: the month must be 01 to 12.'],
        ['2027-01-00', '2027-01-00 is not a date: days start at 01 (January 2027 has days 01 to 31).'],
        ['0000-01-01', '0000-01-01 is not a date: there is no year 0000.'],
        ['27-1-1', "'27-1-1' is not a date: write it as YYYY-MM-DD, for example 2027-02-15."]
    ])('%s', (text, problem) => {
        expect(dateProblem(text)).toBe(problem);
        expect(validDate(text)).toBe(problem === undefined ? text : undefined);
    });

    test('days in each month', () => {
        expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(month => daysInMonth(2027, month))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        expect(daysInMonth(2024, 2)).toBe(29);
    });

    test('in words, and the local date of a moment', () => {
        expect(spokenDate('2027-02-15')).toBe('15 February 2027');
        expect(spokenDate('2027-12-01')).toBe('1 December 2027');
        expect(localDate(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
        expect(localDate(new Date(987, 10, 30))).toBe('0987-11-30');
    });
});

describe('today', () => {
    test('ADOPT_TODAY fixes it; a value that is no date is refused with a message, and the local date holds', () => {
        expect(new Today({ ADOPT_TODAY: '2027-03-01' }).current).toBe('2027-03-01');
        expect(new Today({ ADOPT_TODAY: ' 2027-03-01\n' }).current).toBe('2027-03-01');
        const bad = new Today({ ADOPT_TODAY: '2027-02-30' });
        expect(bad.environmentProblem).toBe('ADOPT_TODAY: 2027-02-30 is not a date: February 2027 has 28 days.');
        expect(bad.current).toBe(localDate());
        expect(new Today({}).current).toBe(localDate());
        expect(new Today({ ADOPT_TODAY: '' }).environmentProblem).toBeUndefined();
    });

    test('set fixes it, or says why not and keeps the date it had', () => {
        const today = new Today({ ADOPT_TODAY: '2027-03-01' });
        expect(today.set('2027-04-01')).toBeUndefined();
        expect(today.current).toBe('2027-04-01');
        expect(today.set('2027-13-01')).toBe('2027-13-01 is not a date: the month must be 01 to 12.');
        expect(today.current).toBe('2027-04-01');
    });
});

describe('actions', () => {
    const PLAN = `coalition { member ana "Ana" role staff }
stage s "S" {
  action first "First" owner ana done
  project p "P" {
    action inProject "In the project" due 2027-01-01
  }
  action second "Second" blocked
}
stage t "T" {
  project q "Q" { action q1 "Q1" doing }
  action last "Last" todo
}`;

    test('every action of a plan in the order written, each with its stage', async () => {
        const plan = await planOf(PLAN);
        const actions = allActions(plan);
        expect(actions.map(action => action.name)).toEqual(['first', 'inProject', 'second', 'q1', 'last']);
        expect(actions.map(action => stageOfAction(action).name)).toEqual(['s', 's', 's', 't', 't']);
    });

    test('done only with the status done (no status means todo); counted', async () => {
        const actions = allActions(await planOf(PLAN));
        expect(actions.map(isDone)).toEqual([true, false, false, false, false]);
        expect(actionsDone(actions)).toEqual({ done: 1, total: 5 });
        expect(actionsDone([])).toEqual({ done: 0, total: 0 });
    });
});

describe('effort', () => {
    test.each([
        ['', undefined],
        ['effort low', 'low'],
        ['effort high\neffort low', 'high'],
        ['effort low\neffort medium', 'medium']
    ])('%j: the highest level stated', async (efforts, expected) => {
        const plan = await planOf(`stage s "S" { project p "P" { ${efforts} } }`);
        expect(effortOf(plan.stages[0].projects[0])).toBe(expected);
    });
});

describe('progress: actual against target', () => {
    test.each([
        ['target 500 actual 320', '320 of 500, 64%'],
        ['target 60% actual 45%', '45% of 60%, 75%'],
        ['target 12.5 actual 25', '25 of 12.5, 200%'],
        ['target 3 actual 2', '2 of 3, 67%'],
        ['target 500 actual 0', '0 of 500, 0%'],
        ['target 500', undefined],
        ['actual 320', undefined],
        ['target 0 actual 5', undefined]
    ])('%s', async (numbers, text) => {
        const plan = await planOf(`stage s "S" { goal g "G" { metric m "M" ${numbers} } }`);
        const metric = plan.stages[0].goals[0].metrics[0];
        const progress = progressOf(metric);
        expect(progress ? progressText(progress) : undefined).toBe(text);
    });

    test('a target as written', async () => {
        const plan = await planOf('stage s "S" { goal g "G" { metric m "M" target 12.50% actual 7 } }');
        const metric = plan.stages[0].goals[0].metrics[0];
        expect([writtenTarget(metric.target!), writtenTarget(metric.actual!)]).toEqual(['12.5%', '7']);
    });
});
