/**
 * The summary the overview opens with: the plan's status, the sentence, and the decisions needed
 * (blocked actions, overdue actions, open actions without an owner, channels a quick win uses
 * that no stage launches). Expectations worked out by hand.
 */
import { describe, expect, test } from 'vitest';
import { summarySentence } from '../../../src/language/overview/plan-summary.js';
import { LIVING_PLAN, overviewOfText } from '../../report/report-plans.js';

describe('the sentence', () => {
    test.each([
        ['at-risk', { total: 13, done: 4, overdue: 3, blocked: 1 }, 2, [true, false], 'At risk: 4 of 13 actions done, 3 overdue, 1 blocked; 2 quick wins; the first hurdle is cleared, the second is not.'],
        ['on-track', { total: 1, done: 0, overdue: 0, blocked: 0 }, 1, [true, true], 'On track: 0 of 1 action done; 1 quick win; both hurdles are cleared.'],
        ['done', { total: 2, done: 2, overdue: 0, blocked: 0 }, 0, [false, true], 'Done: 2 of 2 actions done; no quick wins; the second hurdle is cleared, the first is not.'],
        ['late', { total: 0, done: 0, overdue: 0, blocked: 0 }, 0, [false, false], 'Late: no actions yet; no quick wins; neither hurdle is cleared.'],
        ['late', { total: 1200, done: 1000, overdue: 0, blocked: 2 }, 0, [false, false], 'Late: 1,000 of 1,200 actions done, 2 blocked; no quick wins; neither hurdle is cleared.']
    ] as const)('%s: %s', (status, actions, quickWins, hurdles, sentence) => {
        expect(summarySentence(status, actions, quickWins, hurdles)).toBe(sentence);
    });
});

// A quick win (supports an initiative, involves a trained willing member, all three traits,
// score 30 + 25 + 12 + 12 + 21 = 100) that uses a channel no stage launches and one that is launched.
const DECISIONS = `plan D "Decisions" {
  coalition {
    member ana "Ana Ortiz" role middle-manager trained
    member ben "Ben Hale" role operational-manager trained
  }
  channel blog "Blog" on wordpress
  channel wiki "Wiki" on mediawiki
  initiative tours "Tours"
  stage one "One" from 2027-01-01 to 2027-12-31 {
    launch wiki
    action stuck "Stuck" owner ana due 2027-01-10 blocked
    action lateOwned "Late, owned" owner ben due 2027-02-01
    action lateNobody "Late, nobody's" due 2027-02-02 doing
    action openNobody "Open, nobody's" due 2027-06-01
    action doneNobody "Done, nobody's" done
    action openOwned "Open, owned" owner ana
    project win "A quick win" {
      supports tours
      involves ana, ben
      asynchrony geography crowdsourcing
      uses blog, wiki
      action inProject "In the project" due 2027-04-01
    }
  }
}
`;

describe('the decisions needed', () => {
    test('each action once, under its status; channels a quick win uses that no stage launches', async () => {
        const overview = await overviewOfText(DECISIONS, '2027-03-01');
        const { decisions } = overview.summary;
        // The blocked action is past due too: it counts as blocked, not overdue.
        expect(decisions.blocked.map(action => action.name)).toEqual(['stuck']);
        expect(decisions.overdue.map(action => action.name)).toEqual(['lateOwned', 'lateNobody']);
        // Open (not done, blocked or overdue) and without an owner; an overdue one without an owner is under overdue.
        expect(decisions.unowned.map(action => action.name)).toEqual(['openNobody', 'inProject']);
        expect(decisions.unowned[1]).toEqual({ name: 'inProject', title: 'In the project', line: 22, owner: null, due: '2027-04-01', stage: 'One', project: 'A quick win' });
        expect(decisions.overdue[0]).toMatchObject({ owner: { name: 'ben', title: 'Ben Hale' }, due: '2027-02-01', stage: 'One', project: null });
        expect(decisions.unlaunchedChannels).toEqual([{ name: 'blog', title: 'Blog', line: 6, quickWins: ['A quick win'] }]);
        // 1 done of 7; 2 overdue and 1 blocked; the stage is blocked, so the plan is late.
        expect(overview.summary.status).toBe('late');
        expect(overview.summary.sentence).toMatch(/^Late: 1 of 7 actions done, 2 overdue, 1 blocked; 1 quick win; /);
    });

    test('a channel launched in any stage is not a decision', async () => {
        const overview = await overviewOfText(DECISIONS.replace('launch wiki', 'launch wiki, blog'), '2027-03-01');
        expect(overview.summary.decisions.unlaunchedChannels).toEqual([]);
    });
});

describe('the summary of a plan under way', () => {
    test("the report's plan on 1 March 2027: late, with each stage's status", async () => {
        const overview = await overviewOfText(LIVING_PLAN, '2027-03-01');
        // initiation ended on 28 February with its workshop open and its metric at 45% of 60%: late.
        // rollout starts on 1 March; its pilot was due on 15 February: late. diffusion starts in September.
        expect(overview.stages.map(stage => [stage.name, stage.status])).toEqual([['initiation', 'late'], ['rollout', 'late'], ['diffusion', 'not-started']]);
        expect(overview.projects.map(project => [project.name, project.status])).toEqual([['crowdCatalogue', 'on-track'], ['tourVideos', 'late'], ['fanPage', 'on-track']]);
        expect(overview.summary.status).toBe('late');
        expect(overview.summary.sentence).toBe('Late: 1 of 3 actions done, 2 overdue; 2 quick wins; neither hurdle is cleared.');
        expect(overview.summary.decisions.overdue.map(action => action.name)).toEqual(['workshop', 'pilot']);
    });

    test('the overview of another date gives the projects their status on that date', async () => {
        // On 1 January 2027 nothing has begun and nothing is due yet.
        const overview = await overviewOfText(LIVING_PLAN, '2027-01-01');
        expect(overview.projects.map(project => project.status)).toEqual(['not-started', 'not-started', 'not-started']);
        expect(overview.summary.status).toBe('on-track');
    });
});
