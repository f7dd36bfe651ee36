/**
 * The diff of two versions of a plan (`adopt diff`): by names, each change known, the JSON shape
 * checked by its zod schema; diagnostics matched by code and message, as often as they occur.
 */
import { describe, expect, it } from 'vitest';
import { hasChanges, planDiff } from '../../../src/language/overview/plan-diff.js';
import { planDiffSchema } from '../../../src/protocol/diff-protocol.js';
import type { PlanOverview } from '../../../src/protocol/overview-protocol.js';
import { diffText, sinceSentences } from '../../../src/report/plan-changes.js';
import { overviewOfText } from '../../report/report-plans.js';
import { NEW_PLAN, OLD_PLAN, SINCE_SENTENCES } from './diff-plans.js';

describe('planDiff', () => {
    it('finds every change between two versions, and nothing else', async () => {
        const diff = planDiffSchema.parse(planDiff(await overviewOfText(OLD_PLAN), await overviewOfText(NEW_PLAN)));
        expect(diff.plan).toBe('Museum');
        // Old: the initiation's window has passed with the workshop overdue: late. New: the
        // initiation is done (both actions done, the metric met), the roll-out on track.
        expect(diff.status).toEqual({ old: 'late', new: 'on-track' });
        expect(diff.projects).toEqual([
            // Willing members: 3 (Dee is a naysayer). Videos: reach 1/3 -> 2/3 of 30, + 25 + 12 + 12 + 21.
            { name: 'videos', change: 'changed', score: { old: 80, new: 90 } },
            // Wiki: Ben trained 1/3 of 30 = 10, + 25 initiative, + asynchrony low 12/3 = 4.
            { name: 'wiki', change: 'added', score: { old: null, new: 39 }, quickWin: { old: null, new: false }, status: { old: null, new: 'on-track' }, effort: { old: null, new: null } },
            // Podcast: Ben untrained 0.5/3 of 30 = 5; nothing to do: on track.
            { name: 'podcast', change: 'removed', score: { old: 5, new: null }, quickWin: { old: false, new: null }, status: { old: 'on-track', new: null }, effort: { old: null, new: null } }
        ]);
        expect(diff.actions).toEqual([
            { name: 'workshop', change: 'changed', status: { old: 'todo', new: 'done' }, overdue: { old: true, new: false } },
            { name: 'press', change: 'added', status: { old: null, new: 'todo' }, overdue: { old: null, new: false } }
        ]);
        expect(diff.metrics).toEqual([{ name: 'followers', in: 'reach', actual: { old: '20', new: '100' } }]);
        expect(diff.members).toEqual([
            { name: 'ben', change: 'changed', trained: { old: false, new: true } },
            { name: 'dee', change: 'added', role: { old: null, new: 'naysayer' }, trained: { old: null, new: false } }
        ]);
        expect(diff.stories).toEqual([{ name: 's2', change: 'added' }]);
        // The podcast's unresolved member is gone with it.
        expect(diff.diagnostics.fixed).toContainEqual(expect.objectContaining({ code: 'unresolved-reference', severity: 'error' }));
        expect(diff.diagnostics.new.filter(d => d.severity === 'error')).toEqual([]);
    });

    it('finds nothing between a version and itself', async () => {
        const diff = planDiff(await overviewOfText(OLD_PLAN), await overviewOfText(OLD_PLAN));
        expect(hasChanges(diff)).toBe(false);
        expect(diff).toEqual({ plan: 'Museum', status: { old: 'late', new: 'late' }, projects: [], actions: [], metrics: [], members: [], stories: [], diagnostics: { new: [], fixed: [] } });
        expect(diffText(diff, 'a', 'b')).toBe('a → b\nPlan Museum: still late\n\nNo changes to projects, actions, metrics, members, stories or diagnostics.\n');
    });

    it('matches diagnostics by code and message, each as often as it occurs, whatever their line', async () => {
        const base = await overviewOfText(OLD_PLAN);
        const withDiagnostics = (list: Array<[string, string, number]>): PlanOverview => ({
            ...base, diagnostics: list.map(([code, message, line]) => ({ code, severity: 'warning' as const, message, line, column: 1 }))
        });
        const diff = planDiff(
            withDiagnostics([['a', 'one', 1], ['a', 'one', 5], ['b', 'two', 7], ['c', 'same code', 9]]),
            withDiagnostics([['a', 'one', 20], ['b', 'two', 2], ['c', 'other message', 9], ['d', 'four', 3]])
        );
        expect(diff.diagnostics).toEqual({
            new: [{ code: 'c', severity: 'warning', message: 'other message' }, { code: 'd', severity: 'warning', message: 'four' }],
            fixed: [{ code: 'a', severity: 'warning', message: 'one' }, { code: 'c', severity: 'warning', message: 'same code' }]
        });
    });

    it('says the changes in a line each, and in sentences for the report', async () => {
        const [before, after] = [await overviewOfText(OLD_PLAN), await overviewOfText(NEW_PLAN)];
        const diff = planDiff(before, after);
        const text = diffText(diff, 'old.adopt', 'new.adopt');
        expect(text.split('\n').slice(0, 12)).toEqual([
            'old.adopt → new.adopt',
            'Plan Museum: late → on track',
            '',
            'Projects',
            '  ~ videos: score 80 → 90',
            '  + wiki: score 39; quick win no; status on track; effort none',
            '  - podcast: score 5; quick win no; status on track; effort none',
            '',
            'Actions',
            '  ~ workshop: status todo → done; overdue yes → no',
            '  + press: status todo; overdue no',
            ''
        ]);
        expect(text).toContain('Metrics\n  ~ followers (in reach): actual 20 → 100\n');
        expect(text).toContain('Members\n  ~ ben: trained no → yes\n  + dee: role naysayer; trained no\n');
        const titles = new Map([['workshop', 'Workshop'], ['wiki', 'Wiki'], ['podcast', 'Podcast'], ['press', 'Press release'], ['dee', 'Dee Park'], ['ben', 'Ben Hale'], ['s2', 'The wiki grows'], ['followers', 'Followers']]);
        const sentences = sinceSentences(diff, titles);
        expect(sentences.slice(0, 6)).toEqual(SINCE_SENTENCES);
        expect(sentences[6]).toMatch(/^Problems: \d+ new, \d+ fixed\.$/);
    });
});
