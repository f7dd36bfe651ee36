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
import { applyWorkspaceEdit, TinyLspClient, type CodeAction, type LspDiagnostic } from './lsp-client.js';

const ROOT = resolve(__dirname, '../..');
const PLANS_DIR = resolve(__dirname, 'plans');
const CLI = join(ROOT, 'bin/adopt.cjs');
const SERVER = join(ROOT, 'out/language-server.cjs');

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
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
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

function projectFacts(p: ExpectedProject): ExpectedProject {
    return { rank: p.rank, name: p.name, stage: p.stage, score: p.score, quickWin: p.quickWin, parts: { ...p.parts }, line: p.line };
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
            expect(json.projects.map(projectFacts)).toEqual(projects.map(projectFacts));
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
        expect(json.projects.map(projectFacts)).toEqual(NORTHGATE_CROWD_HEAVY.map(projectFacts));
    });

    it('rounds half up as written and breaks ties by trained members, then declaration order', () => {
        const { run, json } = rankJson(planPath('northgate-university.adopt'), '--config', planPath('fine-weights.json'));
        expect(run.status).toBe(0);
        expect(json.projects.map(projectFacts)).toEqual(NORTHGATE_FINE_WEIGHTS.map(projectFacts));
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

describe('language server over stdio, driven by an independent client', () => {
    let client: TinyLspClient;
    const opened = new Map<string, { uri: string; text: string; diagnostics: LspDiagnostic[] }>();

    beforeAll(async () => {
        client = new TinyLspClient(process.execPath, [SERVER, '--stdio'], ROOT);
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
