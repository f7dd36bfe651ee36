/**
 * The `adopt` command line of SPEC section 5, in process: `check`, `rank` (table and JSON),
 * `--config`, usage, and the bad input of SPEC section 6. Exit 0 without errors, 1 with errors,
 * 2 for a usage or input problem, with a one-line message and no stack trace.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_PLAN_BYTES } from '../../src/cli/read-plan-file.js';
import { rankResultSchema } from '../../src/protocol/rank-protocol.js';
import { HEALTHY_PLAN } from '../support/plan-fixtures.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, cli, stackLines } from './cli-fixtures.js';

const files = new TempFiles();
afterAll(() => files.dispose());

describe('adopt check', () => {
    test('prints file:line:column: severity code: message per diagnostic, exit 0 without errors', async () => {
        const run = await cli('check', EXAMPLE);
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        const lines = run.out.trimEnd().split('\n');
        // hashtagContest's three, and the facebook channel it uses that no launch opens (SPEC section 7).
        expect(lines).toHaveLength(4);
        for (const line of lines.slice(0, 3)) {
            expect(line).toMatch(/^.+riverside-health\.adopt:35:13: information (freestanding-project|untapped-opportunity|low-reach): \S.+$/);
        }
        expect(lines[3]).toMatch(/^.+riverside-health\.adopt:37:12: warning channel-not-launched: \S.+$/);
    });

    test('a plan without diagnostics prints nothing, exit 0', async () => {
        const run = await cli('check', files.write('healthy.adopt', HEALTHY_PLAN));
        expect(run).toEqual({ code: 0, out: '', err: '' });
    });

    test('exit 1 with errors, each on its line', async () => {
        const path = files.write('broken.adopt', PLAN_WITH_ERROR);
        const run = await cli('check', path);
        expect(run.code).toBe(1);
        expect(run.out).toContain(`${path}:8:30: error unresolved-reference: There is no member named 'ghost' in this plan.`);
    });

    test('several files: every file is checked, exit 1 when any has errors', async () => {
        const broken = files.write('broken2.adopt', PLAN_WITH_ERROR);
        const run = await cli('check', EXAMPLE, broken);
        expect(run.code).toBe(1);
        expect(run.out).toContain('riverside-health.adopt:35:13');
        expect(run.out).toContain(`${broken}:8:30: error`);
    });

    test('the same file given twice is checked once', async () => {
        const run = await cli('check', EXAMPLE, EXAMPLE);
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        expect(run.out.trimEnd().split('\n')).toHaveLength(4);
    });

    test('an empty file: a syntax-error saying a plan is expected, exit 1', async () => {
        const path = files.write('empty.adopt', '');
        const run = await cli('check', path);
        expect(run.code).toBe(1);
        expect(run.out).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error syntax-error: This file holds no plan yet\\. Start it with: plan Name "Title" \\{ \\}`));
    });

    test('a plan in a file not named .adopt is checked all the same, and does not clash with one that is', async () => {
        const plain = files.write('plan', readFileSync(EXAMPLE, 'utf8'));
        const named = files.write('plan.adopt', PLAN_WITH_ERROR);
        const text = files.write('plan.txt', readFileSync(EXAMPLE, 'utf8'));
        const run = await cli('check', plain, named, text);
        expect(run.err).toBe('');
        expect(run.code).toBe(1);
        const lines = run.out.trimEnd().split('\n');
        expect(lines.filter(line => line.startsWith(`${plain}:35:13: information`))).toHaveLength(3);
        expect(lines.filter(line => line.startsWith(`${text}:35:13: information`))).toHaveLength(3);
        expect(lines.filter(line => line.startsWith(`${named}:8:30: error unresolved-reference`))).toHaveLength(1);
        const ranked = await cli('rank', '--json', text);
        expect(ranked.code).toBe(0);
        expect(rankResultSchema.parse(JSON.parse(ranked.out)).projects[0].score).toBe(88);
    });

    test('a byte order mark is not part of the plan', async () => {
        const run = await cli('check', files.write('bom.adopt', '\uFEFF' + HEALTHY_PLAN));
        expect(run).toEqual({ code: 0, out: '', err: '' });
    });
});

describe('adopt rank', () => {
    test('prints a table of the ranked projects', async () => {
        const run = await cli('rank', EXAMPLE);
        expect(run.code).toBe(0);
        const lines = run.out.trimEnd().split('\n');
        expect(lines[0]).toBe('Plan RiversideHealth: 2 projects, 1 quick win (threshold 70)');
        expect(lines[1].split(/\s{2,}/)).toEqual(['rank', 'project', 'score', 'reach', 'init', 'async', 'geo', 'crowd', 'quick win', 'effort', 'stage', 'line']);
        expect(lines[2].trim().split(/\s+/)).toEqual(['1', 'streamRounds', '88', '25', '25', '12', '12', '14', 'yes', '-', 'rollout', '26']);
        expect(lines[3].trim().split(/\s+/)).toEqual(['2', 'hashtagContest', '0', '0', '0', '0', '0', '0', 'no', '-', 'rollout', '35']);
    });

    test('says under the table what keeps each project from being a quick win', async () => {
        const run = await cli('rank', EXAMPLE);
        const lines = run.out.trimEnd().split('\n');
        expect(lines.slice(4)).toEqual([
            '',
            'What keeps a project from being a quick win:',
            '  2. hashtagContest: support an existing initiative; involve at least one trained, willing member; ' +
                'add the traits asynchrony, geography, crowdsourcing; reach a score of 70 (now 0)'
        ]);
    });

    test('a plan whose projects are all quick wins has no such list', async () => {
        const run = await cli('rank', files.write('all-wins.adopt', HEALTHY_PLAN));
        expect(run.out).not.toContain('What keeps');
    });

    test('--json follows the shared schema: streamRounds 88, rank 1, quick win; hashtagContest 0', async () => {
        const run = await cli('rank', EXAMPLE, '--json');
        expect(run.code).toBe(0);
        const result = rankResultSchema.parse(JSON.parse(run.out));
        expect(result.plan).toBe('RiversideHealth');
        expect(result.projects.map(p => [p.rank, p.name, p.score, p.quickWin, p.stage, p.line])).toEqual([
            [1, 'streamRounds', 88, true, 'rollout', 26],
            [2, 'hashtagContest', 0, false, 'rollout', 35]
        ]);
        expect(result.projects[0].title).toBe('Stream and archive grand rounds');
        expect(result.projects[0].parts).toEqual({ reach: 25, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 });
        for (const project of result.projects) {
            const sum = Object.values(project.parts).reduce((a, b) => a + b, 0);
            expect(sum).toBeCloseTo(project.score, 9);
        }
        expect(result.diagnostics.map(d => [d.code, d.severity, d.line, d.column])).toEqual([
            ['freestanding-project', 'information', 35, 13],
            ['untapped-opportunity', 'information', 35, 13],
            ['low-reach', 'information', 35, 13],
            ['channel-not-launched', 'warning', 37, 12]
        ]);
    });

    test('--json of a plan with errors still prints the ranking, exit 1', async () => {
        const run = await cli('rank', '--json', files.write('broken3.adopt', PLAN_WITH_ERROR));
        expect(run.code).toBe(1);
        const result = rankResultSchema.parse(JSON.parse(run.out));
        expect(result.diagnostics.filter(d => d.severity === 'error').map(d => d.code)).toEqual(['unresolved-reference']);
    });

    test('the table of a plan with errors lists them, each with its place, exit 1', async () => {
        const path = files.write('broken4.adopt', PLAN_WITH_ERROR);
        const run = await cli('rank', path);
        expect(run.code).toBe(1);
        expect(run.out).toContain(`\n1 error in the plan:\n  ${path}:8:30: There is no member named 'ghost' in this plan. Add them to the coalition, or correct the name.\nRun adopt check ${path} for every diagnostic.\n`);
    });

    test('the table of an empty file says there is no plan and why it exits 1', async () => {
        const path = files.write('empty3.adopt', '');
        const run = await cli('rank', path);
        expect(run.code).toBe(1);
        expect(run.err).toBe('');
        expect(run.out).toBe(`No plan in ${path}: 0 projects, 0 quick wins (threshold 70)\n\n1 error in the plan:\n` +
            `  ${path}:1:1: This file holds no plan yet. Start it with: plan Name "Title" { }\nRun adopt check ${path} for every diagnostic.\n`);
    });

    test('more than five errors: the first five, and how many there are', async () => {
        const involves = Array.from({ length: 7 }, (_, index) => `    project p${index} "P" { involves ghost${index} }`).join('\n');
        const path = files.write('many-errors.adopt', PLAN_WITH_ERROR.replace('    project p "P" { involves ghost }', involves));
        const run = await cli('rank', path);
        expect(run.code).toBe(1);
        expect(run.out).toContain('7 errors in the plan (the first 5):\n');
        expect(run.out.split('\n').filter(line => line.startsWith(`  ${path}:`))).toHaveLength(5);
    });

    test('an empty file ranks nothing, exit 1', async () => {
        const run = await cli('rank', '--json', files.write('empty2.adopt', ''));
        expect(run.code).toBe(1);
        const result = rankResultSchema.parse(JSON.parse(run.out));
        expect(result.projects).toEqual([]);
        expect(result.diagnostics.map(d => d.code)).toEqual(['syntax-error']);
    });
});

describe('adopt rank --config', () => {
    test('weights and threshold from the file are used', async () => {
        const config = files.write('config.json', JSON.stringify({ weights: { crowdsourcing: 0 }, threshold: 80 }));
        const run = await cli('rank', EXAMPLE, '--json', '--config', config);
        expect(run.code).toBe(0);
        const [stream] = rankResultSchema.parse(JSON.parse(run.out)).projects;
        expect(stream.score).toBe(74);
        expect(stream.parts.crowdsourcing).toBe(0);
        expect(stream.quickWin).toBe(false);
    });

    test('the table shows the threshold in force', async () => {
        const run = await cli('rank', EXAMPLE, '--config', files.write('config2.json', '{ "threshold": 90 }'));
        expect(run.out.split('\n')[0]).toBe('Plan RiversideHealth: 2 projects, 0 quick wins (threshold 90)');
    });

    test.each([
        ['a negative weight', '{ "weights": { "reach": -1 } }', 'weights.reach must be at least 0'],
        ['a weight as text', '{ "weights": { "geography": "high" } }', 'weights.geography must be a number, not the text "high"'],
        ['an unknown weight', '{ "weights": { "speed": 3 } }', "weights: unknown field 'speed'"],
        ['an unknown field', '{ "treshold": 50 }', "unknown field 'treshold'"],
        ['a negative threshold', '{ "threshold": -1 }', 'threshold must be at least 0'],
        ['an infinite threshold', '{ "threshold": 1e999 }', 'threshold must be a finite number, not Infinity'],
        ['a list', '[1, 2]', 'the config must be an object { "weights": {…}, "threshold": N, "severity": {…} }, not a list'],
        ['null', 'null', 'the config must be an object { "weights": {…}, "threshold": N, "severity": {…} }, not null'],
        ['no JSON at all', 'weights: reach: 1', 'not valid JSON']
    ])('%s: exit 2 with a message naming the field', async (_name, content, message) => {
        const config = files.write(`bad-${_name.replace(/\W+/g, '-')}.json`, content);
        const run = await cli('rank', EXAMPLE, '--config', config);
        expect(run.code).toBe(2);
        expect(run.out).toBe('');
        expect(run.err).toContain(message);
        expect(run.err).toContain(config);
        expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    });

    test('a config file that does not exist: exit 2', async () => {
        const run = await cli('rank', EXAMPLE, '--config', `${files.dir}/nowhere.json`);
        expect(run.code).toBe(2);
        expect(run.err).toMatch(/nowhere\.json: no such config file/);
    });
});

describe('usage and input problems exit 2 with a one-line message and no stack trace', () => {
    const big = () => files.write('big.adopt', Buffer.alloc(MAX_PLAN_BYTES + 1, 0x20));

    test.each([
        ['a missing file', () => ['check', `${files.dir}/missing.adopt`], /missing\.adopt: no such file or folder$/m],
        ['a folder given to report', () => ['report', files.dir], /is a folder, not a file/],
        ['a binary file (NUL byte)', () => ['check', files.write('binary.adopt', Uint8Array.from([0x70, 0x6c, 0x00, 0x01, 0xff]))], /not a text file \(a NUL byte at byte 3\)/],
        ['invalid UTF-8', () => ['rank', files.write('latin1.adopt', Buffer.from('plan P "Caf\xe9" { }', 'latin1'))], /not a text file \(it is not valid UTF-8\)/],
        ['a file over the size limit', () => ['check', big()], /too large .*the limit is 8 MiB/],
        ['a device that never ends', () => ['check', '/dev/zero'], /\/dev\/zero: not a text file \(a NUL byte at byte 1\)/],
        ['an unknown command', () => ['lint', EXAMPLE], /unknown command 'lint'/],
        ['an unknown option', () => ['rank', EXAMPLE, '--csv'], /unknown option '--csv'/],
        ['check without paths', () => ['check'], /missing required argument 'paths'/],
        ['rank without a path', () => ['rank', '--json'], /missing required argument 'path'/],
        ['rank with two files', () => ['rank', EXAMPLE, EXAMPLE], /too many arguments/],
        ['--config without its file', () => ['rank', EXAMPLE, '--config'], /argument missing/]
    ])('%s', async (_name, argv, message) => {
        const run = await cli(...argv());
        expect(run.code).toBe(2);
        expect(run.out).toBe('');
        expect(run.err).toMatch(message);
        expect(run.err).toMatch(/^adopt: /);
        expect(run.err.trimEnd().split('\n')).toHaveLength(1);
        expect(stackLines(run.err)).toEqual([]);
    });

    test('several files, some unreadable: every readable file is checked, each unreadable one is a line, exit 2', async () => {
        const broken = files.write('broken5.adopt', PLAN_WITH_ERROR);
        const empty = files.folder('no-plans');
        const run = await cli('check', EXAMPLE, `${files.dir}/missing2.adopt`, broken, empty);
        expect(run.code).toBe(2);
        expect(run.out).toContain('riverside-health.adopt:35:13: information low-reach');
        expect(run.out).toContain(`${broken}:8:30: error unresolved-reference`);
        expect(run.err).toBe(`adopt: ${files.dir}/missing2.adopt: no such file or folder\n` +
            `adopt: ${empty}: no .adopt file in this folder or below it (node_modules and folders starting with a dot are skipped)\n`);
    });

    test('rank and report name both an unreadable plan and an unreadable --config, exit 2', async () => {
        // rank takes a folder too: a path that names nothing is no such file or folder.
        for (const [command, what] of [['rank', 'file or folder'], ['report', 'file']]) {
            const run = await cli(command, `${files.dir}/missing3.adopt`, '--config', `${files.dir}/missing.json`);
            expect(run).toEqual({ code: 2, out: '', err: `adopt: ${files.dir}/missing.json: no such config file\nadopt: ${files.dir}/missing3.adopt: no such ${what}\n` });
        }
    });

    test('no arguments: the usage on stderr, exit 2', async () => {
        const run = await cli();
        expect(run.code).toBe(2);
        expect(run.out).toBe('');
        expect(run.err).toMatch(/^Usage: adopt/);
        expect(run.err).toMatch(/check/);
        expect(run.err).toMatch(/rank/);
    });
});

describe('help and version', () => {
    test.each([['--help'], ['-h'], ['help']])('%s prints the usage, exit 0', async flag => {
        const run = await cli(flag);
        expect(run.code).toBe(0);
        expect(run.out).toMatch(/^Usage: adopt \[options\] \[command\]/);
        expect(run.out).toMatch(/check \[options\] <paths\.\.\.>/);
        expect(run.out).toMatch(/rank \[options\] <path>/);
    });

    test('rank --help names --json and --config', async () => {
        const run = await cli('rank', '--help');
        expect(run.code).toBe(0);
        expect(run.out).toMatch(/--json/);
        expect(run.out).toMatch(/--config <file>/);
    });

    test.each([['--version'], ['-v']])('%s prints the package version, exit 0', async flag => {
        const { version } = JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')) as { version: string };
        expect(await cli(flag)).toEqual({ code: 0, out: `${version}\n`, err: '' });
    });
});

describe('today and the living plan (SPEC section 7)', () => {
    // Two actions owned by ana, on line 17 and 18: one due 28 February 2027 and doing (the date at column 40), one due 1 March 2027.
    const LIVING = HEALTHY_PLAN.replace('    launch yt\n', '    launch yt\n    action early "Early" owner ana due 2027-02-28 doing\n    action onTime "On time" owner ana due 2027-03-01\n')
        .replace('      uses yt\n', '      uses yt\n      effort medium\n      effort high\n');
    const overdue = (out: string) => out.split('\n').filter(line => / warning overdue-action: /.test(line)).map(line => line.replace(/^.*\.adopt:/, ''));

    function withToday<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
        const before = process.env.ADOPT_TODAY;
        if (value === undefined) delete process.env.ADOPT_TODAY;
        else process.env.ADOPT_TODAY = value;
        return run().finally(() => {
            if (before === undefined) delete process.env.ADOPT_TODAY;
            else process.env.ADOPT_TODAY = before;
        });
    }

    test('--today decides which actions are overdue, in check and rank', async () => {
        const path = files.write('living.adopt', LIVING);
        const march = await withToday(undefined, () => cli('check', '--today', '2027-03-01', path));
        expect(march.code).toBe(0);
        expect(overdue(march.out)).toEqual(["17:40: warning overdue-action: Action 'early' was due on 28 February 2027 and is not done. Mark it done if it is, or give it a new due date."]);
        expect(overdue((await withToday(undefined, () => cli('check', '--today', '2027-02-28', path))).out)).toEqual([]);
        expect(overdue((await withToday(undefined, () => cli('check', '--today', '2027-03-02', path))).out)).toHaveLength(2);
        const ranked = rankResultSchema.parse(JSON.parse((await withToday(undefined, () => cli('rank', '--json', '--today', '2027-03-01', path))).out));
        expect(ranked.diagnostics.filter(d => d.code === 'overdue-action').map(d => [d.line, d.column])).toEqual([[17, 40]]);
    });

    test('ADOPT_TODAY sets it when --today is not given; --today wins', async () => {
        const path = files.write('living-env.adopt', LIVING);
        expect(overdue((await withToday('2027-03-02', () => cli('check', path))).out)).toHaveLength(2);
        expect(overdue((await withToday('2027-03-02', () => cli('check', '--today', '2027-01-01', path))).out)).toEqual([]);
    });

    test.each([
        ['2027-02-30', '--today: 2027-02-30 is not a date: February 2027 has 28 days.'],
        ['2027-01-00', '--today: 2027-01-00 is not a date: days start at 01 (January 2027 has days 01 to 31).'],
        ['27-1-1', "--today: '27-1-1' is not a date: write it as YYYY-MM-DD, for example 2027-02-15."],
        ['0000-01-01', '--today: 0000-01-01 is not a date: there is no year 0000.']
    ])('--today %s: exit 2 with one line that says why', async (value, message) => {
        for (const command of ['check', 'rank']) {
            const run = await withToday(undefined, () => cli(command, '--today', value, EXAMPLE));
            expect(run).toEqual({ code: 2, out: '', err: `adopt: ${message}\n` });
        }
    });

    test('an ADOPT_TODAY that is no date: exit 2 with one line that names it', async () => {
        const run = await withToday('2027-13-01', () => cli('check', EXAMPLE));
        expect(run).toEqual({ code: 2, out: '', err: 'adopt: ADOPT_TODAY: 2027-13-01 is not a date: the month must be 01 to 12.\n' });
        // Given --today, the variable is not read.
        expect((await withToday('2027-13-01', () => cli('check', '--today', '2027-03-01', EXAMPLE))).code).toBe(0);
    });

    test('the rank table shows each project\'s effort, - where none is stated', async () => {
        const path = files.write('living-table.adopt', LIVING.replace('  stage show', '  stage more "More" {\n    project spare "Spare" { }\n  }\n  stage show'));
        const lines = (await withToday(undefined, () => cli('rank', '--today', '2027-03-01', path))).out.split('\n');
        expect(lines[1].split(/\s{2,}/)).toContain('effort');
        expect(lines[2].trim().split(/\s+/).slice(0, 2).concat(lines[2].trim().split(/\s+/)[9])).toEqual(['1', 'stream', 'high']);
        expect(lines[3].trim().split(/\s+/)[9]).toBe('-');
    });

    test('rank --json gives each project its effort: the highest stated, or null', async () => {
        const path = files.write('living-effort.adopt', LIVING.replace('  stage show', '  stage more "More" {\n    project spare "Spare" { }\n  }\n  stage show'));
        const result = rankResultSchema.parse(JSON.parse((await withToday(undefined, () => cli('rank', '--json', '--today', '2027-03-01', path))).out));
        expect(result.projects.map(p => [p.name, p.effort])).toEqual([['stream', 'high'], ['spare', null]]);
        expect(Object.keys(result.projects[0])).toEqual(['rank', 'name', 'title', 'stage', 'score', 'quickWin', 'parts', 'missing', 'effort', 'status', 'line']);
    });

    test("rank --json gives each project its status on --today, and the plan's beside its name", async () => {
        const path = files.write('living-status.adopt', `plan S "S" {
  coalition { member ana "Ana" role middle-manager trained }
  stage one "One" from 2027-01-01 to 2027-04-11 {
    project stuck "Stuck" { action a "A" owner ana due 2027-02-01 blocked }
    project slow "Slow" { metric m "M" target 100 actual 29 }
    project fine "Fine" { metric m "M" target 100 actual 30 }
    project idle "Idle" { involves ana }
    project finished "Finished" { action b "B" done }
  }
}
`);
        // On 2027-02-10, 40 of the window's 100 days have passed: a metric is behind below 0.75 x 0.4 = 0.3.
        const run = await withToday(undefined, () => cli('rank', '--json', '--today', '2027-02-10', path));
        const result = rankResultSchema.parse(JSON.parse(run.out));
        expect(Object.keys(result)).toEqual(['plan', 'status', 'projects', 'diagnostics']);
        expect(result.status).toBe('late'); // the stage is blocked
        expect(Object.fromEntries(result.projects.map(p => [p.name, p.status])))
            .toEqual({ stuck: 'blocked', slow: 'at-risk', fine: 'on-track', idle: 'on-track', finished: 'done' });
        // Before the stage begins: not started, the blocked action still blocks.
        const before = rankResultSchema.parse(JSON.parse((await withToday(undefined, () => cli('rank', '--json', '--today', '2026-12-01', path))).out));
        expect(Object.fromEntries(before.projects.map(p => [p.name, p.status])))
            .toEqual({ stuck: 'blocked', slow: 'not-started', fine: 'not-started', idle: 'not-started', finished: 'done' });
    });
});
