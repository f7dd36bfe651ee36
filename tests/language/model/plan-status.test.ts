/**
 * The status of a plan under way (docs/language.md#status), rule by rule and at the edges of
 * each rule. Every expectation is worked out by hand in the comment beside it.
 */
import { describe, expect, test } from 'vitest';
import type { Plan, Project, Stage } from '../../../src/language/generated/ast.js';
import {
    actionStatus, expectedShare, metricStanding, planStatus, projectStatus, stageStatus
} from '../../../src/language/model/plan-status.js';
import { parser } from '../../support/helpers.js';

const parse = parser();

async function planOf(inner: string): Promise<Plan> {
    const document = await parse(`plan P "P" {\n  coalition { member ana "Ana" role staff }\n${inner}\n}`);
    expect(document.parseResult.parserErrors).toEqual([]);
    return document.parseResult.value.plan!;
}

async function stageOf(inner: string): Promise<Stage> {
    return (await planOf(inner)).stages[0];
}

async function projectOf(inner: string): Promise<Project> {
    return (await stageOf(inner)).projects[0];
}

// A window of 100 days: 2027-01-01 to 2027-04-11 (31 + 28 + 31 + 10 = 100 days).
const WINDOW = 'from 2027-01-01 to 2027-04-11';

describe('the status of an action', () => {
    test.each([
        ['done', 'due 2027-01-01 done', 'done'], // done wins over a past due date
        ['blocked', 'due 2027-01-01 blocked', 'blocked'], // blocked wins over overdue
        ['due yesterday', 'due 2027-03-09', 'overdue'],
        ['due today', 'due 2027-03-10', 'open'], // due today is not before today
        ['doing, due tomorrow', 'due 2027-03-11 doing', 'open'],
        ['without a due date', 'todo', 'open'],
        ['due on a date that is no date', 'due 2027-02-30', 'open'] // not a calendar date: no due date
    ])('%s', async (_, written, status) => {
        const stage = await stageOf(`stage s "S" { action a "A" ${written} }`);
        expect(actionStatus(stage.actions[0], '2027-03-10')).toBe(status);
    });
});

describe('a metric', () => {
    test('the expected share is the part of the window passed, up to 1, once the window has begun', async () => {
        const stage = await stageOf(`stage s "S" ${WINDOW} { }`);
        expect(expectedShare(stage, '2026-12-31')).toBeUndefined(); // before from
        expect(expectedShare(stage, '2027-01-01')).toBe(0); // from: 0 of 100 days
        expect(expectedShare(stage, '2027-02-10')).toBe(0.4); // 40 of 100 days
        expect(expectedShare(stage, '2027-04-11')).toBe(1); // to
        expect(expectedShare(stage, '2027-09-01')).toBe(1); // after to: at most 1
        expect(expectedShare(await stageOf('stage s "S" from 2027-01-01 { }'), '2027-02-10')).toBeUndefined(); // no `to`
        expect(expectedShare(await stageOf('stage s "S" from 2027-05-01 to 2027-05-01 { }'), '2027-05-01')).toBe(1); // a one-day window
    });

    test('exactly at 0.75 of its expected share is not behind; just below is', async () => {
        // On 2027-02-10, 40 of 100 days: expected share 0.4, 0.75 x 0.4 = 0.3 (in floating point 0.30000000000000004).
        const stage = await stageOf(`stage s "S" ${WINDOW} {
            goal g "G" {
                metric at "At the edge" target 100 actual 30
                metric below "Just below" target 100 actual 29.99
                metric percent "In percent" target 60% actual 18%
            }
        }`);
        const [at, below, percent] = stage.goals[0].metrics.map(metric => metricStanding(metric, stage, '2027-02-10'));
        expect(at).toEqual({ met: false, behind: false, expectedShare: 0.4 }); // 30 / 100 = 0.3, not below 0.3
        expect(below).toEqual({ met: false, behind: true, expectedShare: 0.4 }); // 0.2999 < 0.3
        expect(percent?.behind).toBe(false); // 18 / 60 = 0.3
    });

    test('without an actual it counts 0: behind once time has passed, not on the first day', async () => {
        const stage = await stageOf(`stage s "S" ${WINDOW} { goal g "G" { metric m "M" target 10 } }`);
        const metric = stage.goals[0].metrics[0];
        expect(metricStanding(metric, stage, '2027-01-01')).toEqual({ met: false, behind: false, expectedShare: 0 }); // 0 < 0.75 x 0 is false
        expect(metricStanding(metric, stage, '2027-01-02')?.behind).toBe(true); // 0 < 0.75 x 0.01
    });

    test('met when its actual is at least its target; never behind then', async () => {
        const stage = await stageOf(`stage s "S" ${WINDOW} { goal g "G" { metric exact "E" target 50 actual 50 metric over "O" target 50 actual 70 metric under "U" target 50 actual 49 } }`);
        const [exact, over, under] = stage.goals[0].metrics.map(metric => metricStanding(metric, stage, '2027-06-01'));
        expect(exact).toMatchObject({ met: true, behind: false });
        expect(over).toMatchObject({ met: true, behind: false });
        expect(under).toMatchObject({ met: false, behind: false }); // 49 / 50 = 0.98, not below 0.75 x 1
    });

    test('without a full window nothing is expected: never behind', async () => {
        const stage = await stageOf('stage s "S" to 2027-04-11 { goal g "G" { metric m "M" target 10 actual 0 } }');
        expect(metricStanding(stage.goals[0].metrics[0], stage, '2027-04-10')).toEqual({ met: false, behind: false, expectedShare: undefined });
    });

    test('a metric without a target has no standing', async () => {
        const stage = await stageOf(`stage s "S" ${WINDOW} { goal g "G" { metric m "M" actual 5 } }`);
        expect(metricStanding(stage.goals[0].metrics[0], stage, '2027-03-01')).toBeUndefined();
    });
});

describe('the status of a project', () => {
    const today = '2027-02-10'; // 40 of the window's 100 days

    test('with nothing to do it is on track, not done', async () => {
        expect(projectStatus(await projectOf(`stage s "S" ${WINDOW} { project p "P" { involves ana } }`), today)).toBe('on-track');
        // A metric without a target is not something to do either.
        expect(projectStatus(await projectOf(`stage s "S" ${WINDOW} { project p "P" { metric m "M" actual 3 } }`), today)).toBe('on-track');
    });

    test.each([
        ['every action done and every metric met', 'action a "A" done metric m "M" target 5 actual 5', 'done'],
        ['a metric with a target, met, and no action', 'metric m "M" target 5 actual 6', 'done'],
        ['every action done but a metric not met', 'action a "A" done metric m "M" target 5 actual 4', 'on-track'], // 0.8 is not behind
        ['an action blocked and another overdue', 'action a "A" due 2027-01-05 action b "B" blocked', 'blocked'],
        ['its only action blocked and overdue', 'action a "A" due 2027-01-05 blocked', 'blocked'],
        ['an action overdue and a metric behind', 'action a "A" due 2027-01-05 metric m "M" target 10 actual 1', 'late'],
        ['a metric behind', 'action a "A" due 2027-03-01 metric m "M" target 10 actual 2', 'at-risk'], // 0.2 < 0.3
        ['a metric at the edge', 'metric m "M" target 10 actual 3', 'on-track'], // 0.3 is not below 0.3
        ['an open action', 'action a "A" due 2027-03-01 doing', 'on-track']
    ])('%s: %s', async (_, inner, status) => {
        expect(projectStatus(await projectOf(`stage s "S" ${WINDOW} { project p "P" { ${inner} } }`), today)).toBe(status);
    });

    test('not started while its stage has not begun; blocked and late come first', async () => {
        const later = 'from 2027-03-01 to 2027-06-30';
        expect(projectStatus(await projectOf(`stage s "S" ${later} { project p "P" { action a "A" due 2027-04-01 } }`), today)).toBe('not-started');
        expect(projectStatus(await projectOf(`stage s "S" ${later} { project p "P" { action a "A" due 2027-02-01 } }`), today)).toBe('late');
        expect(projectStatus(await projectOf(`stage s "S" ${later} { project p "P" { action a "A" blocked } }`), today)).toBe('blocked');
        // On its first day it has started.
        expect(projectStatus(await projectOf(`stage s "S" ${later} { project p "P" { action a "A" } }`), '2027-03-01')).toBe('on-track');
    });
});

describe('the status of a stage', () => {
    test("a stage whose `to` has passed with work open is late", async () => {
        const stage = await stageOf('stage s "S" from 2027-01-01 to 2027-01-31 { action a "A" doing }');
        expect(stageStatus(stage, '2027-01-31')).toBe('on-track'); // its last day: not passed yet
        expect(stageStatus(stage, '2027-02-01')).toBe('late'); // the day after `to`
    });

    test('the initiation stage that ended with its goal at 75 % is late', async () => {
        const stage = await stageOf('stage initiation "I" from 2027-01-01 to 2027-01-31 { goal g "G" { metric m "M" target 100% actual 75% } }');
        expect(stageStatus(stage, '2027-01-30')).toBe('on-track'); // 29 of 30 days: 0.75 is not below 0.75 x 29/30 = 0.725
        expect(stageStatus(stage, '2027-03-01')).toBe('late'); // ended, not done
    });

    test('a stage with nothing to do is not done; once its window has passed it is late', async () => {
        const stage = await stageOf('stage s "S" from 2027-01-01 to 2027-01-31 { mantra "Go" }');
        expect(stageStatus(stage, '2027-01-15')).toBe('on-track');
        expect(stageStatus(stage, '2027-02-01')).toBe('late');
    });

    test('done when its actions are done, its metrics met and its projects done, even after its window', async () => {
        const stage = await stageOf(`stage s "S" from 2027-01-01 to 2027-01-31 {
            action a "A" done
            goal g "G" { metric m "M" target 3 actual 3 }
            project p "P" { action b "B" done }
        }`);
        expect(stageStatus(stage, '2027-03-01')).toBe('done');
    });

    test('a project with nothing to do keeps its stage from being done', async () => {
        const stage = await stageOf('stage s "S" { action a "A" done project p "P" { involves ana } }');
        expect(stageStatus(stage, '2027-03-01')).toBe('on-track');
    });

    test.each([
        ['a project blocked', 'project p "P" { action b "B" blocked } action a "A" due 2027-01-01', 'blocked'], // blocked before late
        ['a project late', 'project p "P" { action b "B" due 2027-01-01 }', 'late'],
        ['an own action overdue', 'action a "A" due 2027-01-01', 'late'],
        ['a project at risk', 'project p "P" { metric m "M" target 10 actual 1 }', 'at-risk'],
        ["a goal's metric behind", 'goal g "G" { metric m "M" target 10 actual 1 }', 'at-risk'],
        ['everything on track', 'action a "A" due 2027-12-01 goal g "G" { metric m "M" target 10 actual 5 }', 'on-track']
    ])('%s', async (_, inner, status) => {
        // On 2027-02-10, 40 of 100 days: a metric is behind below 0.3.
        expect(stageStatus(await stageOf(`stage s "S" ${WINDOW} { ${inner} }`), '2027-02-10')).toBe(status);
    });

    test('not started before its `from`, unless blocked or late', async () => {
        expect(stageStatus(await stageOf('stage s "S" from 2027-03-01 { action a "A" }'), '2027-02-28')).toBe('not-started');
        expect(stageStatus(await stageOf('stage s "S" from 2027-03-01 { action a "A" due 2027-02-01 }'), '2027-02-28')).toBe('late');
    });
});

describe('the status of the plan', () => {
    test('done when every stage is done', async () => {
        const plan = await planOf('stage a "A" { action x "X" done } stage b "B" { goal g "G" { metric m "M" target 1 actual 1 } }');
        expect(planStatus(plan, '2027-01-01').status).toBe('done');
    });

    test('a plan without stages is not done: on track', async () => {
        expect(planStatus(await planOf(''), '2027-01-01').status).toBe('on-track');
    });

    test.each([
        ['a stage blocked, another at risk', 'stage a "A" { action x "X" blocked } stage b "B" from 2027-01-01 to 2027-04-11 { goal g "G" { metric m "M" target 10 actual 1 } }', 'late'],
        ['a stage late', 'stage a "A" { action x "X" due 2027-01-01 } stage b "B" { action y "Y" done }', 'late'],
        ['a stage at risk, another not started', 'stage a "A" from 2027-01-01 to 2027-04-11 { goal g "G" { metric m "M" target 10 actual 1 } } stage b "B" from 2027-05-01 { action y "Y" }', 'at-risk'],
        ['a stage done, another not started', 'stage a "A" { action x "X" done } stage b "B" from 2027-05-01 { action y "Y" }', 'on-track']
    ])('%s: %s', async (_, inner, status) => {
        // On 2027-02-10, 40 of 100 days of the window: 1 of 10 is behind (0.1 < 0.3).
        expect(planStatus(await planOf(inner), '2027-02-10').status).toBe(status);
    });

    test('gives every stage and project its status', async () => {
        const plan = await planOf('stage a "A" { project p "P" { action x "X" blocked } project q "Q" { } }');
        const report = planStatus(plan, '2027-02-10');
        expect([...report.projects.values()]).toEqual(['blocked', 'on-track']);
        expect([...report.stages.values()]).toEqual(['blocked']);
        expect(report.status).toBe('late');
    });
});
