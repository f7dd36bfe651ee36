/**
 * `adopt report FILE --since REV | --baseline OLD` (a "Since …" section after the summary) and
 * `--history N` (the trend over the last N commits that changed the plan: an SVG chart in HTML, a
 * table in Markdown), on a git history made in the test; bad input in one line with exit 2.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rankResultSchema } from '../../src/protocol/rank-protocol.js';
import { NEW_PLAN, OLD_PLAN, SINCE_SENTENCES } from '../language/overview/diff-plans.js';
import { parseDocument, texts } from '../report/html-dom.js';
import { TempFiles, cli, expectUsageProblem } from './cli-fixtures.js';
import { GitRepo } from './git-fixtures.js';

const files = new TempFiles();
const repo = new GitRepo();
afterAll(() => {
    files.dispose();
    repo.dispose();
});
repo.commit('plan.adopt', OLD_PLAN, '2027-01-10');
repo.commit('other.adopt', OLD_PLAN, '2027-01-20', 'Another plan');
repo.commit('plan.adopt', NEW_PLAN, '2027-02-10');
const PLAN = join(repo.dir, 'plan.adopt');
const TODAY = ['--today', '2027-03-01'];

/** The problems of a version: as many diagnostics as `adopt rank --json` reports for it. */
async function problemsOf(text: string): Promise<number> {
    const run = await cli('rank', files.write('version.adopt', text), '--json', ...TODAY);
    return rankResultSchema.parse(JSON.parse(run.out)).diagnostics.length;
}

describe('adopt report --since / --baseline', () => {
    it('adds "Since REV (date)" after the summary, in words, in Markdown', async () => {
        const run = await cli('report', PLAN, '--since', 'HEAD~2', '--format', 'md', ...TODAY);
        expect(run.err).toBe('');
        const section = run.out.split('## Since HEAD\\~2 (10 January 2027)\n\n')[1]?.split('\n\n')[0].split('\n');
        expect(section?.slice(0, 6)).toEqual(SINCE_SENTENCES.map(sentence => `- ${sentence}`));
        expect(section?.[6]).toMatch(/^- Problems: \d+ new, \d+ fixed\.$/);
        expect(run.out.indexOf('## Summary')).toBeLessThan(run.out.indexOf('## Since'));
        expect(run.out.indexOf('## Since')).toBeLessThan(run.out.indexOf('## The plan'));
    });

    it('adds it to the HTML report and to the board edition, and names a baseline file', async () => {
        const baseline = files.write('baseline.adopt', OLD_PLAN);
        const full = parseDocument((await cli('report', PLAN, '--baseline', baseline, ...TODAY)).out);
        expect(texts(full, 'main > section > h2').slice(0, 3)).toEqual(['Summary', `Since ${baseline}`, 'The plan']);
        expect(texts(full, '#since li').slice(0, 6)).toEqual(SINCE_SENTENCES);
        const board = parseDocument((await cli('report', PLAN, '--since', 'HEAD~2', '--edition', 'board', ...TODAY)).out);
        expect(texts(board, 'main h2').slice(0, 2)).toEqual(['Summary', 'Since HEAD~2 (10 January 2027)']);
        expect(texts(board, 'nav.toc a')[1]).toBe('Since HEAD~2 (10 January 2027)');
    });
});

describe('adopt report --history N', () => {
    it('adds the trend of the last N commits that changed the plan, the oldest first, as a table in Markdown', async () => {
        const run = await cli('report', PLAN, '--history', '5', '--format', 'md', ...TODAY);
        expect(run.err).toBe('');
        const [newest, , oldest] = repo.git('log', '--format=%h', '-n3').trim().split('\n');
        // Old: brief done, workshop overdue, film open; videos (80) the one quick win.
        // New: brief and workshop done, film and press open; videos (90) the one quick win.
        expect(run.out).toContain([
            '## Trend over the last 2 commits', '',
            '| Date | Commit | Actions done | Overdue actions | Quick wins | Problems |',
            '| --- | --- | ---: | ---: | ---: | ---: |',
            `| 10 January 2027 | \`${oldest}\` | 1 | 1 | 1 | ${await problemsOf(OLD_PLAN)} |`,
            `| 10 February 2027 | \`${newest}\` | 2 | 0 | 1 | ${await problemsOf(NEW_PLAN)} |`
        ].join('\n'));
        const one = await cli('report', PLAN, '--history', '1', '--format', 'md', ...TODAY);
        expect(one.out).toContain('## Trend over the last commit\n');
        expect(one.out).not.toContain('| 10 January 2027 |');
    });

    it('draws the trend as an SVG chart in HTML: a line per series, a point per commit', async () => {
        const document = parseDocument((await cli('report', PLAN, '--history', '5', ...TODAY)).out);
        const chart = document.querySelector('#trend svg.trend')!;
        expect(chart.getAttribute('aria-label')).toBe('Trend over 2 commits; at the last (10 February 2027): actions done 2, overdue actions 0, quick wins 1, problems ' + await problemsOf(NEW_PLAN));
        expect([...chart.querySelectorAll('g')].map(series => [series.getAttribute('class'), series.querySelectorAll('circle').length])).toEqual([
            ['trend-done', 2], ['trend-overdue', 2], ['trend-wins', 2], ['trend-problems', 2]
        ]);
        expect(texts(document, '#trend .trend-key li')).toEqual(['Actions done', 'Overdue actions', 'Quick wins', 'Problems']);
    });
});

describe('adopt report: bad history options, one line and exit 2', () => {
    it('--history 0, a negative or not a number', async () => {
        for (const value of ['0', '-2', 'three', '1.5']) {
            expectUsageProblem(await cli('report', PLAN, '--history', value), /^adopt: option '--history <n>' argument '.*' is invalid\. It must be a whole number of commits, at least 1\. \(run adopt --help for usage\)\n$/);
        }
    });

    it('--history and --since outside a git repository', async () => {
        const plan = files.write('plan.adopt', NEW_PLAN);
        expectUsageProblem(await cli('report', plan, '--history', '3'), /^adopt: --history: \S+plan\.adopt is not in a git repository\n$/);
        expectUsageProblem(await cli('report', plan, '--since', 'HEAD'), /^adopt: --since: \S+plan\.adopt is not in a git repository\n$/);
    });

    it('git not installed', async () => {
        const path = process.env.PATH;
        process.env.PATH = join(files.dir, 'no-such-folder');
        try {
            expectUsageProblem(await cli('report', PLAN, '--since', 'HEAD'), /^adopt: git is not installed \(or not on the PATH\): --since and --history read the plan's earlier versions with it\n$/);
        } finally {
            process.env.PATH = path;
        }
    });

    it('--history leaves out a commit that deleted the plan (added again later)', async () => {
        const history = new GitRepo();
        try {
            history.commit('plan.adopt', OLD_PLAN, '2027-01-10');
            history.git('rm', '-q', 'plan.adopt');
            history.git('-c', 'user.name=Adopt Test', 'commit', '-q', '-m', 'Remove the plan');
            history.commit('plan.adopt', NEW_PLAN, '2027-02-10');
            const run = await cli('report', join(history.dir, 'plan.adopt'), '--history', '5', '--format', 'md', ...TODAY);
            expect(run.err).toBe('');
            expect(run.out).toContain('## Trend over the last 2 commits\n');
        } finally {
            history.dispose();
        }
    });

    it('--since an unknown revision, or one where the plan did not exist; --since with --baseline', async () => {
        expectUsageProblem(await cli('report', PLAN, '--since', 'v9'), /^adopt: --since v9: no such revision in the git repository\n$/);
        expectUsageProblem(await cli('report', join(repo.dir, 'other.adopt'), '--since', 'HEAD~2'), /^adopt: \S+other\.adopt: did not exist at revision HEAD~2\n$/);
        expectUsageProblem(await cli('report', PLAN, '--since', 'HEAD', '--baseline', PLAN), /^adopt: --since and --baseline both name the version to compare with: give one\n$/);
    });
});
