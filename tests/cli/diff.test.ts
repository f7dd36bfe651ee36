/**
 * `adopt diff OLD NEW [--json]` and `adopt diff FILE --since REV`: the JSON in its schema, the
 * text, the old version read from a git history made in the test, and each bad input in one
 * line with exit 2.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDiffSchema } from '../../src/protocol/diff-protocol.js';
import { NEW_PLAN, OLD_PLAN } from '../language/overview/diff-plans.js';
import { TempFiles, cli, expectUsageProblem } from './cli-fixtures.js';
import { GitRepo } from './git-fixtures.js';

const files = new TempFiles();
const repo = new GitRepo();
afterAll(() => {
    files.dispose();
    repo.dispose();
});

repo.commit('plan.adopt', OLD_PLAN, '2027-01-10');
repo.commit('plan.adopt', NEW_PLAN, '2027-02-10');
repo.commit('later.adopt', NEW_PLAN, '2027-02-11', 'A second plan');

const TODAY = ['--today', '2027-03-01'];

describe('adopt diff OLD NEW', () => {
    it('prints the changes as JSON in the schema, lists in declaration order', async () => {
        const run = await cli('diff', files.write('old.adopt', OLD_PLAN), files.write('new.adopt', NEW_PLAN), '--json', ...TODAY);
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        const diff = planDiffSchema.parse(JSON.parse(run.out));
        expect(diff.status).toEqual({ old: 'late', new: 'on-track' });
        expect(diff.projects.map(p => [p.name, p.change])).toEqual([['videos', 'changed'], ['wiki', 'added'], ['podcast', 'removed']]);
        expect(diff.members.map(m => [m.name, m.change])).toEqual([['ben', 'changed'], ['dee', 'added']]);
    });

    it('prints the changes as text, a line each', async () => {
        const run = await cli('diff', files.write('old.adopt', OLD_PLAN), files.write('new.adopt', NEW_PLAN), ...TODAY);
        expect(run.code).toBe(0);
        expect(run.out).toContain('Plan Museum: late → on track\n\nProjects\n  ~ videos: score 80 → 90\n');
        expect(run.out).toContain('Stories\n  + s2\n');
    });
});

describe('adopt diff FILE --since REV', () => {
    it('compares the file with its version at a git revision', async () => {
        const run = await cli('diff', join(repo.dir, 'plan.adopt'), '--since', 'HEAD~2', '--json', ...TODAY);
        expect(run.err).toBe('');
        expect(run.code).toBe(0);
        const direct = await cli('diff', files.write('old.adopt', OLD_PLAN), files.write('new.adopt', NEW_PLAN), '--json', ...TODAY);
        expect(JSON.parse(run.out)).toEqual(JSON.parse(direct.out));
        const same = await cli('diff', join(repo.dir, 'plan.adopt'), '--since', 'HEAD', '--json', ...TODAY);
        expect(planDiffSchema.parse(JSON.parse(same.out)).projects).toEqual([]);
    });

    it('compares the file as edited since the revision, not as committed', async () => {
        const path = join(repo.dir, 'plan.adopt');
        writeFileSync(path, NEW_PLAN.replace('action press "Press release" owner ana due 2027-03-20', 'action press "Press release" owner ana due 2027-03-20 done'));
        try {
            const run = await cli('diff', path, '--since', 'HEAD', '--json', ...TODAY);
            expect(planDiffSchema.parse(JSON.parse(run.out)).actions).toEqual([{ name: 'press', change: 'changed', status: { old: 'todo', new: 'done' } }]);
        } finally {
            writeFileSync(path, NEW_PLAN);
        }
    });

    it('compares an old version with syntax errors as far as it was read, and says so', async () => {
        const broken = new GitRepo();
        try {
            broken.commit('plan.adopt', OLD_PLAN.replace('member cho "Mei Cho" role early-adopter trained', 'member cho "Mei Cho" role'), '2027-01-10');
            writeFileSync(join(broken.dir, 'plan.adopt'), OLD_PLAN);
            const run = await cli('diff', join(broken.dir, 'plan.adopt'), '--since', 'HEAD', '--json', ...TODAY);
            expect(run.code).toBe(0);
            expect(run.err).toMatch(/^adopt: \S+plan\.adopt at HEAD: a syntax error \(the first: line 5: .*'role'\); compared as far as it was read\n$/);
            const diff = planDiffSchema.parse(JSON.parse(run.out));
            expect(diff.diagnostics.fixed).toContainEqual(expect.objectContaining({ code: 'syntax-error' }));
            // The rest of the plan was read: only the member written half-way differs.
            expect(diff.projects).toEqual([]);
            expect(diff.members).toEqual([{ name: 'cho', change: 'changed', role: { old: null, new: 'early-adopter' }, trained: { old: false, new: true } }]);
        } finally {
            broken.dispose();
        }
    });
});

describe('adopt diff: bad input, one line and exit 2', () => {
    it('--since outside a git repository', async () => {
        expectUsageProblem(await cli('diff', files.write('plan.adopt', OLD_PLAN), '--since', 'HEAD'), /^adopt: --since: \S+plan\.adopt is not in a git repository\n$/);
    });

    it('an unknown revision, or one that looks like an option', async () => {
        expectUsageProblem(await cli('diff', join(repo.dir, 'plan.adopt'), '--since', 'no-such-branch'), /^adopt: --since no-such-branch: no such revision in the git repository\n$/);
        expectUsageProblem(await cli('diff', join(repo.dir, 'plan.adopt'), '--since=--all'), /^adopt: --since --all: not a revision\n$/);
    });

    it('a file that did not exist at that revision', async () => {
        expectUsageProblem(await cli('diff', join(repo.dir, 'later.adopt'), '--since', 'HEAD~1'), /^adopt: \S+later\.adopt: did not exist at revision HEAD~1\n$/);
    });

    it('two files that are not plans', async () => {
        const run = await cli('diff', files.write('notes.txt', 'hello world\n'), files.write('data.json', '{"a": 1}\n'));
        expect(run.code).toBe(2);
        const lines = run.err.trim().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^adopt: \S+notes\.txt: not a plan \(nothing of a plan could be read: line 1: /);
        expect(lines[1]).toMatch(/^adopt: \S+data\.json: not a plan \(nothing of a plan could be read: line 1: /);
    });

    it('one file without --since, or two with it', async () => {
        expectUsageProblem(await cli('diff', files.write('plan.adopt', OLD_PLAN)), /^adopt: diff takes two files \(OLD NEW\), or one file with --since REV; one was given\n$/);
        expectUsageProblem(await cli('diff', join(repo.dir, 'plan.adopt'), join(repo.dir, 'later.adopt'), '--since', 'HEAD'), /^adopt: diff --since HEAD takes one file/);
    });
});

describe('adopt diff of plans in many files', () => {
    const people = 'shared People "People" {\n  coalition {\n    member ana "Ana" role middle-manager trained\n    member ben "Ben" role operational-manager trained\n  }\n}\n';
    const alone = 'plan P "P" {\n  coalition { member zoe "Zoe" role early-adopter trained }\n  stage s "S" { project p "P" { involves zoe } }\n}\n';
    const using = `use "network/people.adopt"\n${alone.replace('involves zoe', 'involves zoe, ana')}`;

    it('judges each version with the files it uses: members a new use brings in are added members; a shared file is no plan to compare', async () => {
        files.write('network/people.adopt', people);
        const run = await cli('diff', files.write('alone.adopt', alone), files.write('using.adopt', using), '--json', ...TODAY);
        expect(run.err).toBe('');
        expect(run.code).toBe(0);
        const diff = planDiffSchema.parse(JSON.parse(run.out));
        expect(diff.members.map(m => [m.name, m.change])).toEqual([['ana', 'added'], ['ben', 'added']]);
        expect(diff.projects.map(p => [p.name, p.change])).toEqual([['p', 'changed']]);
        const shared = await cli('diff', join(files.dir, 'network/people.adopt'), files.write('again.adopt', using));
        expect(shared.code).toBe(2);
        expect(shared.err).toMatch(/^adopt: \S+people\.adopt: holds a shared block, not a plan: compare the plans that use it\n$/);
    });
});
