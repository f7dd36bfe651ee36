/**
 * Black-box acceptance tests: the built CLI (bin/adopt.cjs) and the built language server
 * (out/language-server.cjs) are run as child processes on the plans in ./plans, and their answers
 * are compared with expectations worked out by hand from SPEC.md (see ./expectations.ts).
 * Nothing from src/ is imported: `npm test` (or `node scripts/build.mjs`) must have built out/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    NORTHGATE_CROWD_HEAVY, NORTHGATE_FINE_WEIGHTS, PLANS, type ExpectedDiagnostic, type ExpectedProject, type PlanExpectation
} from './expectations.js';
import { applyWorkspaceEdit, TinyLspClient, type CodeAction, type LspDiagnostic, type Range } from './lsp-client.js';

const ROOT = resolve(__dirname, '../..');
const PLANS_DIR = resolve(__dirname, 'plans');
const CLI = join(ROOT, 'bin/adopt.cjs');
const SERVER = join(ROOT, 'out/language-server.cjs');
/** Today, for the checks of due dates (SPEC section 7): fixed for the CLI and the server. */
const TODAY = '2027-03-01';
const TODAY_ENV = { ...process.env, ADOPT_TODAY: TODAY };

interface CliRun { readonly status: number | null; readonly stdout: string; readonly stderr: string }
interface JsonDiagnostic { code: string; severity: string; message: string; line: number; column: number }
interface JsonProject extends ExpectedProject { title: string }
interface RankJson { plan: unknown; projects: JsonProject[]; diagnostics: JsonDiagnostic[] }
interface CheckLine { line: number; column: number; severity: string; code: string; message: string }

/** Runs the built CLI; the answers are memoised per argument list (the plans do not change). */
const cliRuns = new Map<string, CliRun>();
function runCli(...args: string[]): CliRun {
    const key = args.join('\0');
    const known = cliRuns.get(key);
    if (known) return known;
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, maxBuffer: 256 * 1024 * 1024, env: TODAY_ENV });
    const result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
    cliRuns.set(key, result);
    return result;
}

function planPath(file: string): string {
    return join(PLANS_DIR, file);
}

function rankJson(path: string, ...extra: string[]): { run: CliRun; json: RankJson } {
    const run = runCli('rank', path, '--json', ...extra);
    return { run, json: JSON.parse(run.stdout) as RankJson };
}

/** Parses `file:line:column: severity code: message` lines of `adopt check`. */
function parseCheck(stdout: string): CheckLine[] {
    const lines: CheckLine[] = [];
    for (const text of stdout.split('\n')) {
        const match = /:(\d+):(\d+): (error|warning|information|hint) ([a-z-]+): (.*)$/.exec(text);
        if (match) {
            lines.push({ line: Number(match[1]), column: Number(match[2]), severity: match[3]!, code: match[4]!, message: match[5]! });
        }
    }
    return lines;
}

function keyOf(d: { code: string; severity: string; line: number }): string {
    return `${d.line} ${d.severity} ${d.code}`;
}

function sortedKeys(list: ReadonlyArray<{ code: string; severity: string; line: number }>): string[] {
    return list.map(keyOf).sort();
}

/** The facts compared; the effort only where the expectations state it. */
function projectFacts(p: ExpectedProject, withEffort = false): ExpectedProject {
    const facts = { rank: p.rank, name: p.name, stage: p.stage, score: p.score, quickWin: p.quickWin, parts: { ...p.parts }, line: p.line };
    return withEffort ? { ...facts, effort: p.effort } : facts;
}

function expectColumns(expected: readonly ExpectedDiagnostic[], actual: readonly JsonDiagnostic[]): void {
    for (const e of expected.filter(d => d.column !== undefined)) {
        const candidates = actual.filter(a => a.code === e.code && a.line === e.line).map(a => a.column);
        expect(candidates, `${e.code} at line ${e.line}`).toContain(e.column);
    }
}

beforeAll(() => {
    if (!existsSync(CLI) || !existsSync(join(ROOT, 'out/cli.cjs')) || !existsSync(SERVER)) {
        throw new Error('build first: node scripts/build.mjs (npm test builds before vitest)');
    }
});

describe.each(PLANS.map(p => [p.file, p] as const))('CLI on %s', (_file, plan: PlanExpectation) => {
    const path = planPath(plan.file);

    it('exits as expected from check and rank', () => {
        expect(runCli('check', path).status).toBe(plan.exit);
        expect(rankJson(path).run.status).toBe(plan.exit);
    });

    if (plan.diagnostics) {
        const expected = plan.diagnostics;
        it('reports exactly the hand-computed diagnostics', () => {
            const { json } = rankJson(path);
            expect(sortedKeys(json.diagnostics)).toEqual(sortedKeys(expected));
            expectColumns(expected, json.diagnostics);
        });
    }

    if (plan.includes) {
        const included = plan.includes;
        it('reports a syntax error where the text stops parsing', () => {
            const { json } = rankJson(path);
            expect(json.diagnostics.some(d => d.code === 'syntax-error' && d.severity === 'error')).toBe(true);
            const keys = sortedKeys(json.diagnostics);
            for (const d of included) expect(keys).toContain(keyOf(d));
        });
    }

    if (plan.projects) {
        const projects = plan.projects;
        it('scores and ranks the projects as computed by hand', () => {
            const { json } = rankJson(path);
            const withEffort = projects.some(p => p.effort !== undefined);
            expect(json.projects.map(p => projectFacts(p, withEffort))).toEqual(projects.map(p => projectFacts(p, withEffort)));
        });
    }

    if (plan.plan) {
        const name = plan.plan;
        it('names the plan in rank --json', () => {
            expect(rankJson(path).json.plan).toBe(name);
        });
    }

    it('prints in check the same diagnostics as in rank --json', () => {
        const checked = parseCheck(runCli('check', path).stdout);
        const { json } = rankJson(path);
        const asText = (d: { line: number; column: number; severity: string; code: string }) =>
            `${d.line}:${d.column} ${d.severity} ${d.code}`;
        expect(checked.map(asText).sort()).toEqual(json.diagnostics.map(asText).sort());
    });
});

describe('CLI details fixed by SPEC', () => {
    it('keeps plans/riverside-health.adopt a byte-for-byte copy of the SPEC example', () => {
        expect(readFileSync(planPath('riverside-health.adopt'), 'utf8'))
            .toBe(readFileSync(join(ROOT, 'examples/riverside-health.adopt'), 'utf8'));
    });

    it('says that a plan is expected in an empty file and in a file of comments', () => {
        for (const file of ['empty.adopt', 'comments-only.adopt']) {
            const errors = rankJson(planPath(file)).json.diagnostics.filter(d => d.code === 'syntax-error');
            expect(errors.length, file).toBeGreaterThan(0);
            expect(errors[0]!.message, file).toMatch(/plan/i);
        }
    });

    it('names the kind and the name in unresolved-reference messages', () => {
        const { json } = rankJson(planPath('westgate-library.adopt'));
        const messages = json.diagnostics.filter(d => d.code === 'unresolved-reference').map(d => `${d.line} ${d.message}`);
        const expected: Array<[number, string, RegExp]> = [
            [14, 'podcast', /channel/i], [16, 'strat', /stage/i], [19, 'poetryNight', /initiative/i],
            [20, 'jonn', /member/i], [21, 'blog', /channel/i], [28, 'nobody', /member/i], [30, 'review', /project/i]
        ];
        for (const [line, name, kind] of expected) {
            const message = messages.find(m => m.startsWith(`${line} `) && m.includes(name));
            expect(message, `${name} at line ${line}`).toBeDefined();
            expect(message).toMatch(kind);
        }
    });

    it('gives the reasons, the candidate and the missing traits in words', () => {
        const bank = rankJson(planPath('harbor-bank.adopt')).json.diagnostics;
        const message = (code: string, line: number): string =>
            bank.find(d => d.code === code && d.line === line)?.message ?? '';
        // line 14: both reasons hold (initial stage, fewer than two managers)
        expect(message('virtual-before-human', 14)).toMatch(/initial/i);
        expect(message('virtual-before-human', 14)).toMatch(/manager/i);
        expect(message('virtual-before-human', 21)).toMatch(/manager/i);
        expect(message('no-quick-wins', 2)).toContain('clinicQA');
        const untapped = message('untapped-opportunity', 22);
        expect(untapped).toMatch(/geography/);
        expect(untapped).toMatch(/crowdsourcing/);
    });

    it('counts lines the same in a file with CRLF line ends', () => {
        const dir = mkdtempSync(join(tmpdir(), 'adopt-acceptance-'));
        try {
            for (const file of ['city-council.adopt', 'harbor-bank.adopt', 'pine-sheriff.adopt']) {
                const crlf = join(dir, file);
                writeFileSync(crlf, readFileSync(planPath(file), 'utf8').replace(/\n/g, '\r\n'));
                const at = (d: JsonDiagnostic) => `${d.line}:${d.column} ${d.code}`;
                expect(rankJson(crlf).json.diagnostics.map(at).sort(), file)
                    .toEqual(rankJson(planPath(file)).json.diagnostics.map(at).sort());
                expect(rankJson(crlf).json.projects.map(p => p.line)).toEqual(rankJson(planPath(file)).json.projects.map(p => p.line));
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('checks several files at once: exit 1 when any has errors, 0 when none has', () => {
        const clean = runCli('check', planPath('city-council.adopt'), planPath('pine-sheriff.adopt'));
        expect(clean.status).toBe(0);
        expect(clean.stdout).toContain('city-council.adopt:20:');
        expect(clean.stdout).toContain('pine-sheriff.adopt:4:3:');
        const mixed = runCli('check', planPath('city-council.adopt'), planPath('school-district.adopt'));
        expect(mixed.status).toBe(1);
        expect(mixed.stdout).toContain('city-council.adopt:20:');
        expect(mixed.stdout).toContain('school-district.adopt:6:');
    });

    it('ranks a plan of megabytes: ties at 85 in declaration order, then the 70s', () => {
        // 12,000 projects; the even ones involve ann (trained; 1 of 2 willing -> 15) and score
        // 15 + 25 + 12 + 12 + 21 = 85 (quick wins); the odd ones involve nobody: 70, no quick win.
        const count = 12_000;
        const lines = ['plan Big "A big plan" {', '  coalition {',
            '    member ann "Ann" role middle-manager trained', '    member ben "Ben" role operational-manager', '  }',
            '  initiative intranet "Intranet"', '  stage only "Only" {', '    mantra "The status quo must go!"'];
        for (let k = 0; k < count; k++) {
            lines.push(`    project p${k} "Project ${k}" { supports intranet ${k % 2 === 0 ? 'involves ann ' : ''}asynchrony geography crowdsourcing }`);
        }
        lines.push('    story s "S" from p0', '  }', '}', '');
        const dir = mkdtempSync(join(tmpdir(), 'adopt-acceptance-'));
        try {
            const path = join(dir, 'big.adopt');
            writeFileSync(path, lines.join('\n'));
            const { run, json } = rankJson(path);
            expect(run.status).toBe(0);
            expect(json.projects).toHaveLength(count);
            const expectedOrder = [
                ...Array.from({ length: count / 2 }, (_, i) => `p${2 * i} 85 true`),
                ...Array.from({ length: count / 2 }, (_, i) => `p${2 * i + 1} 70 false`)
            ];
            expect(json.projects.map(p => `${p.name} ${p.score} ${p.quickWin}`)).toEqual(expectedOrder);
            expect(json.projects.map(p => p.rank)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
            // the odd projects involve 0 of 2 willing members: low-reach each; the story is in the
            // same stage as p0; the one story tells p0, so every other quick win is untold
            // (SPEC section 7): the even ones but p0.
            const codes = json.diagnostics.map(d => d.code);
            expect(codes.filter(c => c === 'low-reach')).toHaveLength(count / 2);
            expect(codes.filter(c => c === 'story-before-project')).toHaveLength(1);
            expect(codes.filter(c => c === 'untold-quick-win')).toHaveLength(count / 2 - 1);
            expect(new Set(codes)).toEqual(new Set(['low-reach', 'story-before-project', 'untold-quick-win']));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('prints the ranking as a table in rank order without --json', () => {
        const run = runCli('rank', planPath('northgate-university.adopt'));
        expect(run.status).toBe(0);
        const order = ['untrainedOnly', 'noCrowd', 'edge', 'allLow'].map(name => run.stdout.indexOf(name));
        expect(order.every(at => at >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(run.stdout).toMatch(/\b73\.8\b/);
    });

    it.each([['frobnicate'], ['check'], ['rank'], ['rank', 'tests/acceptance/plans/northgate-university.adopt', '--bogus']])(
        'exits 2 with one line for the usage problem %j', (...args: string[]) => {
            const run = runCli(...args);
            expect(run.status).toBe(2);
            expect(run.stderr.trim().split('\n')).toHaveLength(1);
        });

    it('lets parts add up to the score for every project', () => {
        for (const plan of PLANS.filter(p => p.projects && p.projects.length > 0)) {
            for (const project of rankJson(planPath(plan.file)).json.projects) {
                const p = project.parts;
                const sum = Math.round((p.reach + p.initiative + p.asynchrony + p.geography + p.crowdsourcing) * 10) / 10;
                expect(sum, `${plan.file} ${project.name}`).toBeCloseTo(project.score, 5);
            }
        }
    });

    it('applies --config weights and threshold', () => {
        const { run, json } = rankJson(planPath('northgate-university.adopt'), '--config', planPath('crowd-heavy.json'));
        expect(run.status).toBe(0);
        expect(json.projects.map(p => projectFacts(p))).toEqual(NORTHGATE_CROWD_HEAVY.map(p => projectFacts(p)));
    });

    it('rounds half up as written and breaks ties by trained members, then declaration order', () => {
        const { run, json } = rankJson(planPath('northgate-university.adopt'), '--config', planPath('fine-weights.json'));
        expect(run.status).toBe(0);
        expect(json.projects.map(p => projectFacts(p))).toEqual(NORTHGATE_FINE_WEIGHTS.map(p => projectFacts(p)));
    });

    it('reads escaped quotes and backslashes in titles', () => {
        const { json } = rankJson(planPath('metro-transit.adopt'));
        expect(json.projects[0]!.title).toBe('Feedback "map"');
    });

    it('exits 2 with one line and no stack trace for a missing file, a folder and binary data', () => {
        const dir = mkdtempSync(join(tmpdir(), 'adopt-acceptance-'));
        try {
            const binary = join(dir, 'logo.adopt');
            writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
            for (const path of [join(dir, 'missing.adopt'), dir, binary]) {
                for (const run of [runCli('check', path), runCli('rank', path, '--json')]) {
                    expect(run.status, path).toBe(2);
                    expect(run.stderr.trim().split('\n'), path).toHaveLength(1);
                    expect(run.stderr).not.toMatch(/^\s+at\s/m);
                }
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('answers garbage with syntax errors, not a crash', () => {
        const run = runCli('check', planPath('garbage.adopt'));
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
    });

    it.each([
        ['{ "weights": { "reach": 1e999 } }', /weights\.reach/],
        ['{ "weights": { "initiative": "25" } }', /weights\.initiative/],
        ['{ "weights": { "speed": 3 } }', /speed/],
        ['{ "threshold": -1 }', /threshold/]
    ])('exits 2 with one line naming the field for the config %s', (config, field) => {
        const dir = mkdtempSync(join(tmpdir(), 'adopt-acceptance-'));
        try {
            const path = join(dir, 'config.json');
            writeFileSync(path, config);
            const run = runCli('rank', planPath('northgate-university.adopt'), '--config', path);
            expect(run.status).toBe(2);
            expect(run.stderr).toMatch(field);
            expect(run.stderr.trim().split('\n')).toHaveLength(1);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('exits 2 naming the field for a negative weight', () => {
        const run = runCli('rank', planPath('northgate-university.adopt'), '--json', '--config', planPath('bad-reach.json'));
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/weights\.reach/);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
});

describe('the living plan on the command line (SPEC section 7)', () => {
    /** The CLI with another environment (not memoised). */
    function runWith(env: NodeJS.ProcessEnv, ...args: string[]): CliRun {
        const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env });
        return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    }
    const overdueLines = (stdout: string) => parseCheck(stdout).filter(d => d.code === 'overdue-action').map(d => d.line);
    const HARBOURSIDE = () => planPath('harbourside-library.adopt');

    it('judges due dates against --today, which wins over ADOPT_TODAY', () => {
        // Due: askNat 02-12 (19), signs 02-20 (20), invite 02-20 (38), schedule 03-01 (48), moderators
        // 03-20 (26), allCourses none; done: briefStaff, pickBooks; farOff 2035.
        expect(overdueLines(runCli('check', HARBOURSIDE(), '--today', '2027-02-01').stdout)).toEqual([]);
        expect(overdueLines(runCli('check', HARBOURSIDE(), '--today', '2027-02-20').stdout)).toEqual([19]);
        expect(overdueLines(runCli('check', HARBOURSIDE()).stdout)).toEqual([19, 20, 38]);
        expect(overdueLines(runCli('check', HARBOURSIDE(), '--today', '2027-03-21').stdout)).toEqual([19, 20, 26, 38, 48]);
        expect(overdueLines(runWith({ ...process.env, ADOPT_TODAY: '2027-02-21' }, 'check', HARBOURSIDE()).stdout)).toEqual([19, 20, 38]);
    });

    it.each([
        ['--today', '2027-02-30', 'adopt: --today: 2027-02-30 is not a date: February 2027 has 28 days.'],
        ['--today', '27-1-1', "adopt: --today: '27-1-1' is not a date: write it as YYYY-MM-DD, for example 2027-02-15."],
        ['ADOPT_TODAY', '0000-01-01', 'adopt: ADOPT_TODAY: 0000-01-01 is not a date: there is no year 0000.']
    ])('a %s of %s: exit 2 with one line that says why', (where, value, message) => {
        const run = where === '--today'
            ? runWith(TODAY_ENV, 'check', HARBOURSIDE(), '--today', value)
            : runWith({ ...process.env, ADOPT_TODAY: value }, 'rank', HARBOURSIDE(), '--json');
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`${message}\n`);
    });

    it('says in the messages of invalid dates why each is none', () => {
        const messages = rankJson(planPath('winter-festival.adopt')).json.diagnostics.filter(d => d.code === 'invalid-date').map(d => d.message);
        expect(messages).toEqual([
            "2027-02-30 is not a date: February 2027 has 28 days. Correct the date of stage 'prep'.",
            "2027-13-01 is not a date: the month must be 01 to 12. Correct the date of stage 'prep'.",
            "0000-01-01 is not a date: there is no year 0000. Correct the due date of action 'book'."
        ]);
    });

    it('says how dates are written, and in what order an action\'s and a window\'s parts come', () => {
        const errors = rankJson(planPath('typo-dates.adopt')).json.diagnostics.filter(d => d.code === 'syntax-error');
        const at = (line: number) => errors.find(d => d.line === line)?.message;
        expect(at(9)).toBe("'27-1-1' is not written as a date. Write dates as YYYY-MM-DD: four digits for the year, then two for the month and two for the day. Did you mean 2027-01-01?");
        expect(at(10)).toBe("'due' is out of order here in the action 'mixed'. After an action's name and title come, in this order (each may be left out): owner MEMBER, then due DATE, then the status (todo, doing, done or blocked).");
        expect(at(13)).toBe("'from' is out of order here in the stage 'second'. After a stage's name and title come, in this order (each may be left out): after STAGE, then from DATE, then to DATE.");
        // The malformed date is one error, not one per dash.
        expect(errors.filter(d => d.line === 9)).toHaveLength(1);
    });

    it('gives rank --json each project\'s effort, and the table too', () => {
        const { json } = rankJson(HARBOURSIDE());
        expect((json.projects as Array<JsonProject & { effort: unknown }>).map(p => [p.name, p.effort])).toEqual([['homeworkHelp', 'high'], ['readingCircle', 'low'], ['radioShow', null]]);
        const table = runCli('rank', HARBOURSIDE()).stdout.split('\n');
        expect(table[1]).toMatch(/quick win\s+effort\s+stage/);
        expect(table[2]).toMatch(/homeworkHelp .* yes\s+high\s+pilot/);
        expect(table[4]).toMatch(/radioShow .* no\s+-\s+pilot/);
    });
});

describe('language server over stdio, driven by an independent client', () => {
    let client: TinyLspClient;
    const opened = new Map<string, { uri: string; text: string; diagnostics: LspDiagnostic[] }>();

    beforeAll(async () => {
        client = new TinyLspClient(process.execPath, [SERVER, '--stdio'], ROOT, TODAY_ENV);
        await client.request('initialize', {
            processId: process.pid,
            rootUri: null,
            capabilities: {
                workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
                textDocument: {
                    publishDiagnostics: {},
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                }
            }
        });
        client.notify('initialized', {});
        for (const plan of PLANS) {
            const path = planPath(plan.file);
            const uri = pathToFileURL(path).toString();
            const text = readFileSync(path, 'utf8');
            opened.set(plan.file, { uri, text, diagnostics: await client.open(uri, text) });
        }
    });

    afterAll(async () => {
        if (client && !client.exited && client.pid !== undefined) {
            process.kill(client.pid, 'SIGKILL');
            await client.waitForExit();
        }
    });

    function doc(file: string): { uri: string; text: string; diagnostics: LspDiagnostic[] } {
        const entry = opened.get(file);
        if (!entry) throw new Error(`not opened: ${file}`);
        return entry;
    }

    it.each(PLANS.map(p => p.file))('publishes for %s the codes and lines the CLI prints', file => {
        const severities = ['', 'error', 'warning', 'information', 'hint'];
        const fromServer = doc(file).diagnostics.map(d => ({
            code: String(d.code), severity: severities[d.severity ?? 1]!, line: d.range.start.line + 1
        }));
        const fromCli = rankJson(planPath(file)).json.diagnostics;
        expect(sortedKeys(fromServer)).toEqual(sortedKeys(fromCli));
    });

    it.each(PLANS.map(p => p.file))('answers adopt/rankQuickWins for %s as rank --json does', async file => {
        const answer = await client.request<RankJson>('adopt/rankQuickWins', { uri: doc(file).uri });
        const { json } = rankJson(planPath(file));
        expect(answer.projects).toEqual(json.projects);
        expect(answer.diagnostics).toEqual(json.diagnostics);
    });

    async function hoverText(file: string, line: number, name: string): Promise<string> {
        const { uri, text } = doc(file);
        const character = text.split('\n')[line - 1]!.indexOf(` ${name} `) + 2;
        const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', {
            textDocument: { uri }, position: { line: line - 1, character }
        });
        return JSON.stringify(hover?.contents ?? '');
    }

    it('shows the score and rank of a project on hover', async () => {
        expect(await hoverText('city-council.adopt', 28, 'streamMeetings')).toMatch(/\b70\.8\b/);
        expect(await hoverText('westgate-library.adopt', 18, 'reviews')).toMatch(/\b74\.3\b/);
        const edge = await hoverText('northgate-university.adopt', 22, 'edge');
        expect(edge).toMatch(/\b70\b/);
        expect(edge).toMatch(/rank\W+3\b/i);
        // the project archive, not the stage or the channel of the same name
        const archive = await hoverText('harbour-museum.adopt', 12, 'archive');
        expect(archive).toMatch(/\b71\b/);
        expect(archive).toMatch(/rank\W+2\b/i);
    });

    async function actionsFor(file: string, code: string, line: number): Promise<CodeAction[]> {
        const { uri, diagnostics } = doc(file);
        const diagnostic = diagnostics.find(d => String(d.code) === code && d.range.start.line === line - 1);
        if (!diagnostic) throw new Error(`no ${code} at line ${line} of ${file}`);
        const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        return (actions ?? []).filter(a => a.edit !== undefined);
    }

    /** Applies the first fix (or the one whose title matches) and runs `adopt check` on the result. */
    async function applyFix(file: string, code: string, line: number, title?: RegExp): Promise<{ text: string; checked: CheckLine[] }> {
        const actions = await actionsFor(file, code, line);
        const action = title ? actions.find(a => title.test(a.title)) : actions[0];
        expect(action, `a fix for ${code} at line ${line} of ${file} (got ${actions.map(a => a.title).join(' | ')})`).toBeDefined();
        const { uri, text } = doc(file);
        const fixed = applyWorkspaceEdit(text, uri, action!.edit!);
        expect(fixed).not.toBe(text);
        const dir = mkdtempSync(join(tmpdir(), 'adopt-acceptance-'));
        try {
            const path = join(dir, file);
            writeFileSync(path, fixed);
            const run = runCli('check', path);
            expect(run.status).not.toBe(2);
            const checked = parseCheck(run.stdout);
            expect(checked.filter(d => d.code === 'syntax-error')).toEqual([]);
            return { text: fixed, checked };
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }

    it('moves a launch out of the initial stage into the stage after it', async () => {
        const { text } = await applyFix('harbor-bank.adopt', 'virtual-before-human', 14);
        expect(text.match(/launch fb\b/g)).toHaveLength(1);
        expect(text.indexOf('launch fb')).toBeGreaterThan(text.indexOf('stage grow'));
    });

    it('moves a launch to the stage whose `after` names the initial stage, not the next declared', async () => {
        const { text } = await applyFix('greenfield-parks.adopt', 'virtual-before-human', 11);
        const at = text.indexOf('launch photos');
        expect(text.match(/launch photos\b/g)).toHaveLength(1);
        expect(at).toBeGreaterThan(text.indexOf('stage spring'));
        expect(at).toBeLessThan(text.indexOf('stage loop'));
    });

    it('offers no move for a launch in an initial stage with no stage after it', async () => {
        const actions = await actionsFor('village-choir.adopt', 'virtual-before-human', 11);
        expect(actions.filter(a => /move/i.test(a.title))).toEqual([]);
    });

    it('offers no move for a launch outside the initial stage', async () => {
        const actions = await actionsFor('harbor-bank.adopt', 'virtual-before-human', 21);
        expect(actions.filter(a => /move/i.test(a.title))).toEqual([]);
    });

    it('inserts the mantra', async () => {
        const { checked } = await applyFix('harbor-bank.adopt', 'mantra-missing', 13);
        expect(checked.filter(d => d.code === 'mantra-missing')).toEqual([]);
    });

    it('adds `supports` to a freestanding project', async () => {
        const { text, checked } = await applyFix('harbor-bank.adopt', 'freestanding-project', 28);
        expect(text).toMatch(/supports\s+mortgageClinic[\s\S]*supports\s+mortgageClinic/);
        expect(checked.filter(d => d.code === 'freestanding-project')).toEqual([]);
    });

    it('inserts a metric skeleton in a goal without braces and in an empty goal block', async () => {
        const council = await applyFix('city-council.adopt', 'goal-without-metric', 20);
        expect(council.checked.filter(d => d.code === 'goal-without-metric')).toEqual([]);
        const fire = await applyFix('fire-service.adopt', 'goal-without-metric', 17);
        expect(fire.checked.filter(d => d.code === 'goal-without-metric')).toEqual([]);
    });

    it('adds a missing trait at low', async () => {
        const { checked } = await applyFix('northgate-university.adopt', 'untapped-opportunity', 36);
        expect(checked.filter(d => d.code === 'untapped-opportunity')).toEqual([]);
    });

    it('involves the trained willing members not yet involved', async () => {
        const { text, checked } = await applyFix('westgate-library.adopt', 'low-reach', 26);
        // ivy and jon join ghostTown: 2 heads of 4, exactly half.
        const involves = text.split('\n').slice(25, 29).join(' ');
        expect(involves).toMatch(/\bivy\b/);
        expect(involves).toMatch(/\bjon\b/);
        expect(checked.filter(d => d.code === 'low-reach')).toEqual([]);
    });

    it('adds a story for the top quick win after its stage', async () => {
        const { checked } = await applyFix('northgate-university.adopt', 'road-show-missing', 2);
        expect(checked.filter(d => d.code === 'road-show-missing' || d.code === 'story-before-project')).toEqual([]);
    });

    it('adds an unreached naysayer to the first story audience', async () => {
        const { text, checked } = await applyFix('st-agnes-hospital.adopt', 'naysayer-unreached', 7);
        expect(text.split('\n')[12]).toMatch(/audience[\s\S]*\bken\b/);
        expect(checked.filter(d => d.code === 'naysayer-unreached')).toEqual([]);
    });

    it('adds an audience to the first story when it has none', async () => {
        const { text, checked } = await applyFix('school-district.adopt', 'naysayer-unreached', 7);
        expect(text.split('\n')[27]).toMatch(/story s1 "First" from forum\s+audience\s+cy\b/);
        expect(checked.filter(d => d.code === 'naysayer-unreached')).toEqual([]);
    });

    it('puts the road-show story in the last stage when it comes after the project', async () => {
        const { text, checked } = await applyFix('oakridge-zoo.adopt', 'road-show-missing', 2);
        expect(text.match(/\bstage\s/g)).toHaveLength(2);
        expect(text.lastIndexOf('story')).toBeGreaterThan(text.indexOf('stage later'));
        expect(checked.filter(d => d.code === 'road-show-missing' || d.code === 'story-before-project')).toEqual([]);
    });

    /** A code's own fixes: every diagnostic that is not an error also has "Ignore CODE on this line" (SPEC section 9). */
    async function ownFixesFor(file: string, code: string, line: number): Promise<CodeAction[]> {
        const actions = await actionsFor(file, code, line);
        expect(actions.filter(a => a.title === `Ignore ${code} on this line`)).toHaveLength(1);
        return actions.filter(a => a.title !== `Ignore ${code} on this line`);
    }

    it('offers one supports fix per declared initiative and one trait fix per missing trait', async () => {
        expect(await ownFixesFor('oakridge-zoo.adopt', 'freestanding-project', 17)).toHaveLength(3);
        expect(await ownFixesFor('oakridge-zoo.adopt', 'untapped-opportunity', 17)).toHaveLength(3);
        expect(await ownFixesFor('harbor-bank.adopt', 'untapped-opportunity', 22)).toHaveLength(2);
    });

    it('inserts the mantra in an initial stage that starts with a project', async () => {
        const { checked } = await applyFix('oakridge-zoo.adopt', 'mantra-missing', 11);
        expect(checked.filter(d => d.code === 'mantra-missing')).toEqual([]);
    });

    it('offers no audience fix when there is no story', async () => {
        expect(await ownFixesFor('fire-service.adopt', 'naysayer-unreached', 7)).toEqual([]);
    });

    it('leaves a file that parses after every quick fix offered on every plan', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'adopt-acceptance-fixes-'));
        try {
            const written: string[] = [];
            for (const plan of PLANS.filter(p => p.diagnostics !== undefined)) {
                const { uri, text, diagnostics } = doc(plan.file);
                if (diagnostics.some(d => String(d.code) === 'syntax-error')) continue;
                for (const diagnostic of diagnostics) {
                    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
                        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
                    });
                    for (const action of (actions ?? []).filter(a => a.edit !== undefined)) {
                        const path = join(dir, `${written.length}-${plan.file}`);
                        writeFileSync(path, applyWorkspaceEdit(text, uri, action.edit!));
                        written.push(`${path}: ${String(diagnostic.code)}: ${action.title}`);
                    }
                }
            }
            // tiny-town alone offers 10: move, mantra, metric, 2 x supports, 3 x trait, involve, audience
            expect(written.length).toBeGreaterThanOrEqual(30);
            const run = runCli('check', ...written.map(w => w.slice(0, w.indexOf(': '))));
            expect(run.status).not.toBe(2);
            const broken = run.stdout.split('\n').filter(line => / syntax-error: /.test(line))
                .map(line => written.find(w => line.startsWith(w.slice(0, w.indexOf(': ')) + ':')) ?? line);
            expect(broken).toEqual([]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    // SPEC section 7 over the wire, today 1 March 2027 (ADOPT_TODAY).
    it("shows a metric's progress on hover and the actions done in the code lens", async () => {
        const { uri, text } = doc('harbourside-library.adopt');
        const line = text.split('\n').findIndex(l => l.includes('metric members'));
        const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
            textDocument: { uri }, position: { line, character: text.split('\n')[line]!.indexOf('members') + 1 }
        });
        // 150 / 200 = 0.75
        expect(hover?.contents.value).toContain('150 of 200, 75%');
        const lenses = await client.request<Array<{ range: Range; command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri } });
        expect(lenses.map(lens => `${lens.range.start.line + 1} ${lens.command?.title}`)).toEqual([
            // readingCircle: pickBooks done, invite doing and due 20 February (overdue: late); homeworkHelp:
            // schedule todo, due today (not overdue: on track, not shown); radioShow: no actions (on track)
            '28 score 78 · rank 2 of 3 · quick win · 1/2 actions done · late',
            '40 score 80.8 · rank 1 of 3 · quick win · 0/1 action done',
            '50 score 7.8 · rank 3 of 3 · not a quick win'
        ]);
    });

    it("shows on an action's hover its owner, due date in words and that it is overdue", async () => {
        expect(await hoverText('harbourside-library.adopt', 38, 'invite')).toMatch(/Joe Park[\s\S]*20 February 2027 \(9 days ago\)[\s\S]*\*\*overdue\*\*/);
        expect(await hoverText('harbourside-library.adopt', 19, 'askNat')).toMatch(/owner: Nat Gray/);
    });

    it('launches a channel in the project\'s stage: both uses of it are fixed', async () => {
        const { text, checked } = await applyFix('harbourside-library.adopt', 'channel-not-launched', 53);
        // `launch radio` as the first statement of pilot, before its `launch forum`.
        expect(text.indexOf('launch radio')).toBeGreaterThan(text.indexOf('stage pilot'));
        expect(text.indexOf('launch radio')).toBeLessThan(text.indexOf('launch forum'));
        expect(checked.filter(d => d.code === 'channel-not-launched')).toEqual([]);
    });

    it('marks an overdue action done: its status replaced, or done added where it has none', async () => {
        const doing = await applyFix('harbourside-library.adopt', 'overdue-action', 38);
        expect(doing.text).toContain('action invite "Invite the regulars" owner joe due 2027-02-20 done\n');
        expect(doing.checked.filter(d => d.code === 'overdue-action').map(d => d.line)).toEqual([19, 20]);
        const none = await applyFix('harbourside-library.adopt', 'overdue-action', 20);
        expect(none.text).toContain('action signs "Put up signs" owner lea due 2027-02-20 done\n');
        expect(none.checked.filter(d => d.code === 'overdue-action').map(d => d.line)).toEqual([19, 38]);
    });

    it('adds a story for an untold quick win in the last stage, which comes after the project\'s', async () => {
        const { text, checked } = await applyFix('harbourside-library.adopt', 'untold-quick-win', 40);
        expect(text.lastIndexOf('from homeworkHelp')).toBeGreaterThan(text.indexOf('stage tell'));
        expect(checked.filter(d => ['untold-quick-win', 'story-before-project', 'syntax-error'].includes(d.code))).toEqual([]);
    });

    it('offers its own fix for channel-not-launched, overdue-action and untold-quick-win, none for the other new codes', async () => {
        expect(await ownFixesFor('harbourside-library.adopt', 'channel-not-launched', 47)).toHaveLength(1);
        expect(await ownFixesFor('harbourside-library.adopt', 'overdue-action', 19)).toHaveLength(1);
        expect(await ownFixesFor('harbourside-library.adopt', 'untold-quick-win', 40)).toHaveLength(1);
        for (const [code, line] of [['untrained-managers', 3], ['stage-window-order', 24], ['action-without-owner', 26], ['action-outside-stage', 27], ['story-from-non-quick-win', 60]] as const) {
            expect(await ownFixesFor('harbourside-library.adopt', code, line), code).toEqual([]);
        }
    });

    it('keeps serving while a plan is typed, garbled and restored', async () => {
        const uri = pathToFileURL(join(tmpdir(), 'adopt-acceptance-typing.adopt')).toString();
        const midWord = await client.open(uri, 'plan StAg');
        expect(midWord.map(d => String(d.code))).toContain('syntax-error');
        const garbled = await client.change(uri, 2, '\u0000\u0001\uFFFD{{{{ plan plan "');
        expect(garbled.map(d => String(d.code))).toContain('syntax-error');
        const text = readFileSync(planPath('st-agnes-hospital.adopt'), 'utf8');
        const restored = await client.change(uri, 3, text);
        expect(restored.map(d => `${d.range.start.line + 1} ${String(d.code)}`).sort())
            .toEqual(['13 story-before-project', '25 story-before-project', '7 naysayer-unreached']);
        const answer = await client.request<RankJson>('adopt/rankQuickWins', { uri });
        expect(answer.projects.map(p => `${p.name} ${p.score} ${p.quickWin}`)).toEqual(['handoverWiki 100 true']);
        client.close(uri);
    });

    it('shuts down and exits when asked', async () => {
        await client.request('shutdown', null);
        client.notify('exit', null);
        await client.waitForExit();
        expect(client.exited).toBe(true);
    });
});
