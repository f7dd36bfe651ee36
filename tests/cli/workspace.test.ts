/**
 * Plans in many files on the command line (docs/command-line.md): folders as arguments (every
 * `.adopt` file under them, in path order, skipping node_modules and folders starting with a
 * dot), used files read wherever they are with their own diagnostics, `file` on every
 * diagnostic in text, JSON and SARIF (one artifact per file), `rank FOLDER --json` as
 * `{ "plans": [ ... ] }`, and the bad input of a workspace: each a one-line message, never a
 * stack trace.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as Sarif from 'sarif';
import { checkResultSchema } from '../../src/protocol/check-protocol.js';
import { folderRankingSchema, rankResultSchema } from '../../src/protocol/rank-protocol.js';
import { PLAN_WITH_ERROR, TempFiles, cli, stackLines } from './cli-fixtures.js';

const files = new TempFiles();
afterAll(() => files.dispose());

/** The shared file of the network example: two managers (one trained) and a naysayer, a channel, an initiative. */
const PEOPLE = `shared NorthfieldPeople "People and channels of the Northfield network" {
  coalition {
    member ana "Ana Ortiz" role middle-manager      unit "Cardiology" trained
    member ben "Ben Hale"  role operational-manager unit "Nursing"
    member dee "Dee Park"  role naysayer            unit "Finance"
  }
  channel youtube "YouTube channel" on youtube
  initiative grandRounds "Weekly grand rounds"
}
`;

/** A plan that uses PEOPLE from the folder above it. */
const CARDIOLOGY = `use "network/people.adopt"

plan Cardiology "Social media in cardiology" {
  coalition {
    member zoe "Zoe Lin" role early-adopter unit "Cardiology" trained
  }
  stage rollout "Roll-out" {
    launch youtube
    project streamRounds "Stream grand rounds" {
      supports grandRounds
      involves ana, zoe
      asynchrony high
      geography high
      crowdsourcing medium
      uses youtube
    }
  }
}
`;

/** A plan in a subfolder that uses PEOPLE through `../`, with no coalition of its own. */
const NURSING = `use "../network/people.adopt"

plan Nursing "Social media in nursing" {
  stage rollout "Roll-out" {
    mantra "The status quo must go!"
    project nightNotes "Night shift notes" {
      supports grandRounds
      involves ben
      asynchrony high
    }
  }
}
`;

/** A folder holding the network: two plans (one in a subfolder), their shared file, and files the CLI must pass by. */
function network(name: string): { folder: string; cardiology: string; people: string; nursing: string } {
    const folder = files.folder(name);
    files.write(`${name}/node_modules/pkg/broken.adopt`, PLAN_WITH_ERROR);
    files.write(`${name}/.history/old.adopt`, PLAN_WITH_ERROR);
    files.write(`${name}/notes.txt`, 'not a plan');
    return {
        folder,
        // Written out of path order, so that the order of the output is the CLI's.
        nursing: files.write(`${name}/wards/nursing.adopt`, NURSING),
        people: files.write(`${name}/network/people.adopt`, PEOPLE),
        cardiology: files.write(`${name}/cardiology.adopt`, CARDIOLOGY)
    };
}

/** The paths of the `stats for PATH` blocks, in order. */
function statsPaths(out: string): string[] {
    return [...out.matchAll(/^stats for (.+)$/gm)].map(match => match[1]);
}

describe('adopt check FOLDER', () => {
    test('checks every .adopt file under the folder in path order, skipping node_modules, dot folders and other files', async () => {
        const { folder, cardiology, people, nursing } = network('net');
        const run = await cli('check', '--stats', folder);
        expect(run.err).toBe('');
        // No error anywhere: the plans' warnings and hints only (the broken plans are not read).
        expect(run.code).toBe(0);
        // 'cardiology.adopt' < 'network/people.adopt' < 'wards/nursing.adopt'.
        expect(statsPaths(run.out)).toEqual([cardiology, people, nursing]);
        expect(run.out).not.toContain('broken.adopt');
        expect(run.out).not.toContain('old.adopt');
    });

    test('a symbolic link to a folder is not followed (a link back up would never end); one to a file is read', async () => {
        const { folder, cardiology, people, nursing } = network('linked');
        symlinkSync(folder, join(folder, 'wards', 'up'));
        const linkedPlan = join(folder, 'linked-plan.adopt');
        symlinkSync(cardiology, linkedPlan);
        const run = await cli('check', '--stats', folder);
        expect(run.err).toBe('');
        expect(statsPaths(run.out)).toEqual([cardiology, linkedPlan, people, nursing]);
    });

    test('a file given and also under a folder given is checked once, where first named', async () => {
        const { folder, cardiology, people, nursing } = network('twice');
        const run = await cli('check', '--stats', nursing, folder);
        expect(run.code).toBe(0);
        expect(statsPaths(run.out)).toEqual([nursing, cardiology, people]);
    });

    test('a diagnostic of a used declaration sits on the use path in the plan, naming the declaration and its file', async () => {
        const { cardiology } = network('placed');
        const run = await cli('check', cardiology);
        expect(run.code).toBe(0);
        // The shared naysayer dee hears no story: on `use "network/people.adopt"`, whose path starts at column 5.
        // The plan's own: road-show-missing on its name (3:6), mantra-missing on the stage's name (7:9), the launch in the initial stage (8:5).
        expect(run.out.trimEnd().split('\n')).toEqual([
            `${cardiology}:1:5: information naysayer-unreached: The naysayer 'dee' hears no success story. Add them to a story's audience on the internal road show. The member 'dee' is declared in "network/people.adopt".`,
            `${cardiology}:3:6: information road-show-missing: The plan has 1 quick win but no story. Turn 'streamRounds' into a success story for the internal road show, to win over the naysayers.`,
            `${cardiology}:7:9: hint mantra-missing: The initial stage 'rollout' has no mantra. Repeat one message over and over, for example: mantra "The status quo must go!"`,
            `${cardiology}:8:5: warning virtual-before-human: Launching channels now puts virtual bandwidth before human bandwidth: 'rollout' is the initial stage, which is for building human bandwidth. Move the launch to a later stage.`
        ]);
    });
});

describe('used files read wherever they are, each diagnostic with its file', () => {
    /** A plan in `plans/` that uses a shared file in a folder beside it; the shared file has a diagnostic of its own. */
    function apart(name: string): { plan: string; tools: string } {
        const tools = files.write(`${name}/lib/tools.adopt`, '// adopt-ignore low-reach\nshared Tools "Tools" {\n  channel blog "Blog" on blog\n}\n');
        const plan = files.write(`${name}/plans/p.adopt`, `use "../lib/tools.adopt"

plan P "P" {
  coalition {
    member ana "Ana" role middle-manager trained
    member ben "Ben" role operational-manager trained
  }
  stage start "Start" {
    mantra "The status quo must go!"
    project p "P" { involves ghost uses blog }
  }
}
`);
        return { plan, tools };
    }

    test('text: the used file is read though not given, and its own diagnostics follow, with its path', async () => {
        const { plan, tools } = apart('text');
        const run = await cli('check', plan);
        expect(run.err).toBe('');
        expect(run.code).toBe(1);
        const lines = run.out.trimEnd().split('\n');
        // `involves ghost`: the plan's error, at the name (column 30 of line 10).
        expect(lines).toContain(`${plan}:10:30: error unresolved-reference: There is no member named 'ghost' in this plan. Add them to the coalition, or correct the name.`);
        // The suppression in the used file names `low-reach` at column 17, after `// adopt-ignore `; it is the file's only diagnostic, and comes last.
        expect(lines.filter(line => line.startsWith(tools))).toEqual([
            `${tools}:1:17: hint unused-suppression: There is no low-reach diagnostic on the next line to silence. Remove 'low-reach' from this adopt-ignore.`
        ]);
        expect(lines.at(-1)).toMatch(/^.*tools\.adopt:1:17: /);
    });

    test('json: every diagnostic has its file, the used file\'s too', async () => {
        const { plan, tools } = apart('json');
        const run = await cli('check', '--format', 'json', plan);
        const result = checkResultSchema.parse(JSON.parse(run.out));
        expect(new Set(result.map(diagnostic => diagnostic.file))).toEqual(new Set([plan, tools]));
        expect(result.filter(diagnostic => diagnostic.file === tools)).toEqual([
            { file: tools, code: 'unused-suppression', severity: 'hint', message: "There is no low-reach diagnostic on the next line to silence. Remove 'low-reach' from this adopt-ignore.", line: 1, column: 17 }
        ]);
    });

    test('sarif: one artifact per file checked, and each result points to its file\'s artifact by index', async () => {
        const { plan, tools } = apart('sarif');
        const [run] = (JSON.parse((await cli('check', '--format', 'sarif', plan)).out) as Sarif.Log).runs;
        const uri = (path: string) => relative(process.cwd(), path);
        expect(run.artifacts).toEqual([
            { location: { uri: uri(plan), uriBaseId: '%SRCROOT%' } },
            { location: { uri: uri(tools), uriBaseId: '%SRCROOT%' } }
        ]);
        const located = run.results!.map(result => result.locations![0].physicalLocation!.artifactLocation!);
        for (const location of located) expect(run.artifacts![location.index!].location!.uri).toBe(location.uri);
        // The used file's one diagnostic points to the second artifact; every other to the first.
        expect(located.map(location => location.index)).toEqual([...Array(located.length - 1).fill(0), 1]);
        expect(run.results!.at(-1)!.ruleId).toBe('unused-suppression');
    });
});

describe('a plan in a file not named .adopt that uses shared files', () => {
    test('reads them as a .adopt plan does; a file that both use, given or not, is reported once', async () => {
        const { cardiology, people } = network('not-named');
        const text = files.write('not-named/cardiology.txt', CARDIOLOGY);
        files.write('not-named/network/people.adopt', PEOPLE + '// adopt-ignore low-reach\n');
        // The suppression on the last line silences nothing: people.adopt's one diagnostic, at 10:17.
        const unused = (path: string) => `${path}:10:17: hint unused-suppression:`;
        for (const argv of [[text, cardiology], [text, cardiology, people]]) {
            const run = await cli('check', ...argv);
            expect(run.err).toBe('');
            expect(run.code).toBe(0);
            // The members, channel and initiative of the used file resolve in the plan not named .adopt too.
            expect(run.out).not.toContain('unresolved-reference');
            expect(run.out.split('\n').filter(line => line.startsWith(unused(people)))).toHaveLength(1);
        }
    });
});

describe('errors in a used file: rank, report and calendar exit as check does', () => {
    /** The network with a line in the shared file that no shared block may hold (a syntax error at 8:3). */
    function brokenNetwork(name: string): ReturnType<typeof network> {
        const paths = network(name);
        files.write(`${name}/network/people.adopt`, PEOPLE.replace('  initiative grandRounds', '  oops here\n  initiative grandRounds'));
        return paths;
    }
    const syntaxError = (people: string) =>
        `${people}:8:3: error syntax-error: The name 'oops' does not fit here in the shared 'NorthfieldPeople'. What may stand here: 'coalition', 'channel' or 'initiative'. The 2 tokens from here are left out until the text fits again.`;

    test('check of the plan: exit 1, the used file\'s error with its path', async () => {
        const { cardiology, people } = brokenNetwork('used-error-check');
        const run = await cli('check', cardiology);
        expect(run.code).toBe(1);
        expect(run.out.trimEnd().split('\n').at(-1)).toBe(syntaxError(people));
    });

    test('rank FILE and rank FILE --json: exit 1, the ranking on stdout, the used file\'s error on stderr', async () => {
        const { cardiology, people } = brokenNetwork('used-error-rank');
        for (const json of [false, true]) {
            const run = await cli('rank', ...(json ? ['--json'] : []), cardiology);
            expect(run.code).toBe(1);
            expect(run.err).toBe(`adopt: errors in the files used:\n${syntaxError(people)}\n`);
            if (json) expect(rankResultSchema.parse(JSON.parse(run.out)).projects[0].score).toBe(83);
            else expect(run.out).toContain('Plan Cardiology: 1 project, 1 quick win (threshold 70)');
        }
    });

    test('rank FOLDER: exit 1 for the shared file\'s error, said once though two plans use it', async () => {
        const { folder, people } = brokenNetwork('used-error-folder');
        const run = await cli('rank', '--json', folder);
        expect(run.code).toBe(1);
        expect(run.err).toBe(`adopt: errors in the files used:\n${syntaxError(people)}\n`);
        expect(folderRankingSchema.parse(JSON.parse(run.out)).plans).toHaveLength(2);
    });

    test('report and calendar: written, and exit 1 with the used file\'s error on stderr', async () => {
        const { cardiology, people } = brokenNetwork('used-error-report');
        const report = await cli('report', '--format', 'md', cardiology);
        expect(report.code).toBe(1);
        expect(report.out).toContain('# Social media in cardiology');
        expect(report.err).toBe(`adopt: errors in the files used:\n${syntaxError(people)}\n`);
        const calendar = await cli('calendar', cardiology);
        expect(calendar.code).toBe(1);
        expect(calendar.out).toContain('BEGIN:VCALENDAR');
        expect(calendar.err).toContain(`adopt: errors in the files used:\n${syntaxError(people)}\n`);
    });

    test('without the error: exit 0 and nothing on stderr (the rank, report and calendar of the intact network)', async () => {
        const { cardiology } = network('used-intact');
        for (const argv of [['rank', cardiology], ['report', '--format', 'md', cardiology]]) {
            const run = await cli(...argv);
            expect(run.code).toBe(0);
            expect(run.err).toBe('');
        }
    });
});

describe('adopt rank FOLDER', () => {
    test('--json: { plans }, each plan\'s ranking with its file, in path order, shared files left out', async () => {
        const { folder, cardiology, nursing } = network('rank');
        const run = await cli('rank', '--json', folder);
        expect(run.err).toBe('');
        expect(run.code).toBe(0);
        const parsed = folderRankingSchema.parse(JSON.parse(run.out));
        expect(Object.keys(JSON.parse(run.out))).toEqual(['plans']);
        expect(parsed.plans.map(plan => [plan.file, plan.plan])).toEqual([[cardiology, 'Cardiology'], [nursing, 'Nursing']]);
        // Willing: zoe, ana, ben (dee is a naysayer); ana and zoe are involved and trained: reach 30 x 2/3 = 20.
        // Initiative 25, asynchrony and geography high 12 each, crowdsourcing medium 21 x 2/3 = 14: 83.
        expect(parsed.plans[0].projects).toEqual([{
            rank: 1, name: 'streamRounds', title: 'Stream grand rounds', stage: 'rollout', score: 83, quickWin: true,
            parts: { reach: 20, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 }, missing: [], effort: null, line: 9,
            // Nothing to do (no action, no metric with a target) and no dates: on track, not done.
            status: 'on-track'
        }]);
        expect(parsed.plans.map(plan => plan.status)).toEqual(['on-track', 'on-track']);
        expect(parsed.plans[0].diagnostics.map(d => `${d.line}:${d.column} ${d.code}`)).toEqual(['1:5 naysayer-unreached', '3:6 road-show-missing', '7:9 mantra-missing', '8:5 virtual-before-human']);
        // Willing: ana, ben; ben is involved, untrained: reach 30 x 0.5/2 = 7.5. Initiative 25, asynchrony high 12: 44.5.
        expect(parsed.plans[1].projects[0]).toMatchObject({
            name: 'nightNotes', score: 44.5, quickWin: false, parts: { reach: 7.5, initiative: 25, asynchrony: 12, geography: 0, crowdsourcing: 0 }, line: 6
        });
    });

    test('a plan file still ranks on its own, reading what it uses', async () => {
        const { cardiology } = network('single');
        const run = await cli('rank', '--json', cardiology);
        expect(run.code).toBe(0);
        expect(rankResultSchema.parse(JSON.parse(run.out)).projects[0].score).toBe(83);
    });

    test('the table: each plan\'s table under its file, in path order', async () => {
        const { folder, cardiology, nursing } = network('table');
        const run = await cli('rank', folder);
        expect(run.code).toBe(0);
        expect(run.out).toMatch(new RegExp(`^${escaped(cardiology)}\\nPlan Cardiology: 1 project, 1 quick win \\(threshold 70\\)\\n`));
        expect(run.out).toContain(`\n\n${nursing}\nPlan Nursing: 1 project, 0 quick wins (threshold 70)\n`);
        expect(run.out).not.toContain('NorthfieldPeople');
    });

    test('exit 1 when a plan under the folder has errors', async () => {
        const folder = files.folder('rank-errors');
        files.write('rank-errors/a.adopt', PLAN_WITH_ERROR);
        const run = await cli('rank', '--json', folder);
        expect(run.code).toBe(1);
        expect(folderRankingSchema.parse(JSON.parse(run.out)).plans[0].diagnostics.filter(d => d.severity === 'error').map(d => d.code)).toEqual(['unresolved-reference']);
    });
});

describe('bad input: one line, no stack trace', () => {
    test('a bad adopt.config.json beside a used file: exit 2 naming it, as beside a file given (its diagnostics would be judged by the defaults)', async () => {
        const { cardiology, nursing } = network('used-config');
        const config = files.write('used-config/network/adopt.config.json', '{ "severity": { "low-reach": "loud" } }\n');
        const line = `adopt: ${config}:1:30: severity.low-reach must be one of error, warning, information, hint or off, not the text "loud"\n`;
        for (const argv of [['check', cardiology], ['check', '--stats', nursing], ['rank', '--json', cardiology], ['report', cardiology]]) {
            const run = await cli(...argv);
            expect(run.code, argv.join(' ')).toBe(2);
            expect(run.err, argv.join(' ')).toBe(line);
            expect(stackLines(run.err)).toEqual([]);
        }
    });

    test('a shared file given to rank or report: exit 2, saying what to give instead', async () => {
        const { people } = network('shared-given');
        const ranked = await cli('rank', '--json', people);
        expect(ranked).toEqual({ code: 2, out: '', err: `adopt: ${people}: holds a shared block, not a plan: rank a plan that uses it, or a folder to rank every plan under it\n` });
        const reported = await cli('report', people);
        expect(reported).toEqual({ code: 2, out: '', err: `adopt: ${people}: holds a shared block, not a plan: report on a plan that uses it\n` });
    });

    test('a folder that does not exist: exit 2 for check and rank', async () => {
        const path = join(files.dir, 'nowhere');
        expect(await cli('check', path)).toEqual({ code: 2, out: '', err: `adopt: ${path}: no such file or folder\n` });
        expect(await cli('rank', '--json', path)).toEqual({ code: 2, out: '', err: `adopt: ${path}: no such file or folder\n` });
    });

    test('a folder without .adopt files (or with them only in node_modules and dot folders): exit 2', async () => {
        const empty = files.folder('empty');
        const skipped = files.folder('skipped');
        files.write('skipped/node_modules/x.adopt', PLAN_WITH_ERROR);
        files.write('skipped/.git/y.adopt', PLAN_WITH_ERROR);
        files.write('skipped/readme.txt', 'plan');
        const why = 'no .adopt file in this folder or below it (node_modules and folders starting with a dot are skipped)';
        expect(await cli('check', empty)).toEqual({ code: 2, out: '', err: `adopt: ${empty}: ${why}\n` });
        expect(await cli('check', skipped)).toEqual({ code: 2, out: '', err: `adopt: ${skipped}: ${why}\n` });
    });

    test('an empty folder beside a plan: the plan is checked, the folder is one line, exit 2', async () => {
        const empty = files.folder('empty-beside');
        const plan = files.write('beside/broken.adopt', PLAN_WITH_ERROR);
        const run = await cli('check', empty, plan);
        expect(run.code).toBe(2);
        expect(run.out).toContain(`${plan}:8:30: error unresolved-reference`);
        expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    });

    test('a folder of shared files only: check checks them; rank exits 2', async () => {
        const folder = files.folder('only-shared');
        const people = files.write('only-shared/people.adopt', PEOPLE);
        // A shared file on its own has none of the plan rules' diagnostics, and nothing here is wrong.
        expect(await cli('check', folder)).toEqual({ code: 0, out: '', err: '' });
        const stats = await cli('check', '--stats', folder);
        expect(statsPaths(stats.out)).toEqual([people]);
        expect(await cli('rank', '--json', folder)).toEqual({
            code: 2, out: '', err: `adopt: ${folder}: no plan in this folder or below it, only shared files (rank ranks the projects of plans)\n`
        });
    });

    test('binary and non-UTF-8 files under a folder: one line each, the rest checked, exit 2; a plan that uses them gets use-not-found', async () => {
        const folder = files.folder('odd');
        const plan = files.write('odd/plan.adopt', 'use "bin.adopt"\nuse "latin.adopt"\n\nplan P "P" { }\n');
        files.write('odd/bin.adopt', new Uint8Array([0x73, 0x68, 0x00, 0x61]));
        files.write('odd/latin.adopt', Buffer.from('shared L "Caf\u00e9" { }\n', 'latin1'));
        const run = await cli('check', folder);
        expect(run.code).toBe(2);
        expect(run.err.trimEnd().split('\n')).toEqual([
            `adopt: ${join(folder, 'bin.adopt')}: not a text file (a NUL byte at byte 3)`,
            `adopt: ${join(folder, 'latin.adopt')}: not a text file (it is not valid UTF-8)`
        ]);
        expect(stackLines(run.err)).toEqual([]);
        expect(run.out).toContain(`${plan}:1:5: error use-not-found: "bin.adopt" names no readable .adopt file: the file is not a text file (a NUL byte at byte 3). Correct the path (relative to this file's folder), or create the shared file.`);
        expect(run.out).toContain(`${plan}:2:5: error use-not-found: "latin.adopt" names no readable .adopt file: the file is not a text file (it is not valid UTF-8). Correct the path (relative to this file's folder), or create the shared file.`);
    });

    test('a used file that is missing, or deleted since the last run: use-not-found on the use, exit 1', async () => {
        const { cardiology, people } = network('deleted');
        const before = await cli('check', cardiology);
        expect(before.code).toBe(0);
        expect(before.out).not.toContain('use-not-found');
        rmSync(people);
        const after = await cli('check', cardiology);
        expect(after.code).toBe(1);
        expect(after.err).toBe('');
        expect(after.out).toContain(`${cardiology}:1:5: error use-not-found: "network/people.adopt" names no readable .adopt file: there is no such file. Correct the path (relative to this file's folder), or create the shared file.`);
        // The members, channel and initiative it declared are unresolved now: `supports grandRounds` at 10:16.
        expect(after.out).toContain(`${cardiology}:10:16: error unresolved-reference:`);
    });

    test('cycles of shared files, of one file and of two: use-cycle on each use of the cycle, exit 1', async () => {
        const folder = files.folder('cycle');
        const a = files.write('cycle/a.adopt', 'use "b.adopt"\nshared A "A" { }\n');
        const b = files.write('cycle/b.adopt', 'use "a.adopt"\nuse "b.adopt"\nshared B "B" { }\n');
        const plan = files.write('cycle/plan.adopt', 'use "a.adopt"\n\nplan P "P" { }\n');
        const run = await cli('check', folder);
        expect(run.code).toBe(1);
        expect(run.err).toBe('');
        const cycles = run.out.trimEnd().split('\n').filter(line => line.includes(' use-cycle: '));
        expect(cycles).toEqual([
            `${a}:1:5: error use-cycle: This use closes a cycle of shared files: this file uses "b.adopt", which uses this file. Remove one use of the cycle: nothing in a shared block needs another file.`,
            `${b}:1:5: error use-cycle: This use closes a cycle of shared files: this file uses "a.adopt", which uses this file. Remove one use of the cycle: nothing in a shared block needs another file.`,
            `${b}:2:5: error use-cycle: This use closes a cycle of shared files: this file uses itself. Remove one use of the cycle: nothing in a shared block needs another file.`
        ]);
        // The plan that uses a file of the cycle is checked as any other: it refers to nothing there.
        expect(run.out).toContain(`${plan}:1:5: hint unused-use: "a.adopt" is not needed: nothing this plan refers to is declared there. Remove this line.`);
    });
});

function escaped(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
