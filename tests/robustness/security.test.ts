/**
 * Security: a plan is data, never code. The built server and CLI, given plans full of shell and
 * script text and names that are JavaScript object keys, answer with diagnostics and scores only:
 * no process started, no file written, no socket opened. `--config` files and editor settings are
 * validated before use: bad JSON and prototype-pollution keys are refused, naming the field.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { example } from '../support/helpers.js';
import { OBJECT_KEY_NAMES } from '../support/plan-arbitraries.js';
import { HANG_GUARD_MS, ServerProcess } from '../support/lsp-server.js';

const CLI_BUNDLE = resolve(__dirname, '../../out/cli.cjs');
const folder = mkdtempSync(join(tmpdir(), 'adopt-security-'));
const marker = (name: string) => join(folder, `${name}.marker`);

/** Titles that would do something if anything ran them: shell, JavaScript, HTML, template strings. */
const HOSTILE_TITLES = [
    `$(touch ${marker('shell')})`,
    `\`touch ${marker('backtick')}\``,
    `; touch ${marker('semicolon')} #`,
    `require('child_process').execSync('touch ${marker('require')}')`,
    `\${require('fs').writeFileSync('${marker('template')}', 'x')}`,
    `<script>fetch('http://127.0.0.1:9/leak')</script><img src=x onerror=alert(1)>`,
    `javascript:alert(1)`,
    `file:///etc/passwd`
];

/** A plan whose names are object keys and whose titles are the hostile strings. */
function hostilePlan(): string {
    const title = (i: number) => JSON.stringify(HOSTILE_TITLES[i % HOSTILE_TITLES.length]);
    const [a, b, c, d, e, f] = OBJECT_KEY_NAMES;
    return `plan ${b} ${title(0)} {
  coalition {
    member ${a} ${title(1)} role middle-manager unit ${title(2)} trained
    member ${b} ${title(3)} role operational-manager trained
    member ${c} ${title(4)} role naysayer
  }
  channel ${a} ${title(5)} on ${d}
  initiative ${e} ${title(6)}
  stage ${f} ${title(7)} {
    mantra ${title(0)}
    goal ${a} ${title(1)} { metric ${b} ${title(2)} target 10 }
  }
  stage ${a} ${title(3)} after ${f} {
    launch ${a}
    project ${a} ${title(4)} { supports ${e} involves ${a}, ${b} asynchrony geography crowdsourcing uses ${a} }
    project ${b} ${title(5)} { involves ${c} }
    story ${d} ${title(6)} from ${a} audience ${c}
  }
}
`;
}

function childrenOf(pid: number): string[] {
    const children: string[] = [];
    for (const task of readdirSync(`/proc/${pid}/task`)) {
        const path = `/proc/${pid}/task/${task}/children`;
        if (existsSync(path)) children.push(...readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean));
    }
    return children;
}

function runCli(args: string[]) {
    const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8', timeout: HANG_GUARD_MS, cwd: folder });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

describe('a plan is data: the built server', () => {
    let server: ServerProcess;

    beforeAll(async () => {
        server = await ServerProcess.start();
    });

    afterAll(async () => {
        await server?.stop();
    });

    test('answers a plan of shell and script text and object-key names with diagnostics and scores only', async () => {
        const uri = 'file:///security/hostile.adopt';
        await server.open(uri, hostilePlan());
        const diagnostics = await server.diagnosticsOf(uri);
        expect(diagnostics.filter(d => d.code === 'syntax-error')).toEqual([]);
        const rank = await server.request('adopt/rankQuickWins', { uri });
        expect(rank.kind).toBe('result');
        const projects = (rank as { value: { plan: string; projects: Array<{ name: string; score: number; quickWin: boolean }> } }).value;
        expect(projects.plan).toBe('constructor');
        expect(projects.projects.map(p => p.name)).toEqual(['__proto__', 'constructor']);
        expect(projects.projects[0].quickWin).toBe(true);
        for (const position of [{ line: 14, character: 14 }, { line: 2, character: 12 }]) {
            const hover = await server.request('textDocument/hover', { textDocument: { uri }, position });
            expect(hover.kind).toBe('result');
        }
        expect(server.alive).toBe(true);
        expect(readdirSync(folder).filter(name => name.endsWith('.marker'))).toEqual([]);
        expect(childrenOf(server.pid)).toEqual([]);
        expect(server.extraSockets()).toEqual([]);
        expect(server.internetSocketInodes()).toEqual([]);
    });

    test('settings are validated before use: pollution keys and bad values are refused, naming the field', async () => {
        const uri = 'file:///security/example.adopt';
        await server.open(uri, example('riverside-health.adopt'));
        await server.diagnosticsOf(uri);
        const topScore = async () => {
            const rank = await server.request('adopt/rankQuickWins', { uri });
            return (rank as { value: { projects: Array<{ score: number }> } }).value.projects[0].score;
        };
        /**
         * Settings apply asynchronously (the server revalidates the plans): asks again, answer
         * after answer, until the top score is the expected one; a server that never applies them
         * fails by the suite's hang guard.
         */
        const expectTopScore = async (expected: number) => {
            while ((await topScore()) !== expected) {
                // The next answer comes after the server has handled what came before this request.
            }
        };
        const configure = (quickWins: unknown) => server.notify('workspace/didChangeConfiguration', { settings: { adopt: { quickWins } } });
        const messages = server.messages;

        // Accepted settings are applied: the test can tell settings in force from defaults.
        await configure({ weights: { reach: 0 } });
        await expectTopScore(63);

        const hostile: Array<[string, unknown]> = [
            ['adopt.quickWins.weights', JSON.parse('{"weights": {"__proto__": {"reach": 1000}}}')],
            ['adopt.quickWins', JSON.parse('{"__proto__": {"threshold": 0}}')],
            ['adopt.quickWins.weights', { weights: { constructor: { prototype: { reach: 1000 } } } }],
            ['adopt.quickWins.weights.reach', { weights: { reach: '1000' } }],
            ['adopt.quickWins.threshold', { threshold: -1 }]
        ];
        for (const [field, quickWins] of hostile) {
            await configure({ weights: { reach: 0 } });
            await expectTopScore(63);
            messages.length = 0;
            await configure(quickWins);
            const warned = await server.waitFor(() => messages.length > 0);
            expect(warned, `no warning for ${JSON.stringify(quickWins)}`).toBe(true);
            expect(messages[0].type).toBe(2);
            expect(messages[0].message).toContain(field);
            // The defaults are in force again (not the hostile values, not the previous settings).
            await expectTopScore(88);
        }
        expect(server.alive).toBe(true);
    });
});

describe('a plan is data: the built CLI', () => {
    test('check and rank print the hostile text as data and run none of it', () => {
        const file = join(folder, 'hostile.adopt');
        writeFileSync(file, hostilePlan());
        const check = runCli(['check', file]);
        expect(check.stderr).toBe('');
        expect(check.status).toBe(0);
        const rank = runCli(['rank', file, '--json']);
        expect(rank.status).toBe(0);
        const result = JSON.parse(rank.stdout) as { projects: Array<{ name: string; title: string }> };
        expect(result.projects.map(p => p.name)).toEqual(['__proto__', 'constructor']);
        expect(result.projects[0].title).toBe(HOSTILE_TITLES[4]);
        expect(runCli(['rank', file]).status).toBe(0);
        expect(readdirSync(folder).filter(name => name.endsWith('.marker'))).toEqual([]);
    });
});

describe('--config is validated before use', () => {
    const cases: Array<[string, string, RegExp]> = [
        ['bad JSON', '{"weights": {', /not valid JSON/],
        ['a pollution key in weights', '{"weights": {"__proto__": {"reach": 1000}}}', /weights: unknown field '__proto__'/],
        ['a pollution key at the top', '{"__proto__": {"threshold": 0}}', /unknown field '__proto__'/],
        ['constructor.prototype', '{"constructor": {"prototype": {"threshold": 0}}}', /unknown field 'constructor'/],
        ['constructor in weights', '{"weights": {"constructor": 1}}', /weights: unknown field 'constructor'/],
        ['a weight as text', '{"weights": {"reach": "30"}}', /weights\.reach must be a number/],
        ['an infinite weight', '{"weights": {"reach": 1e999}}', /weights\.reach must be a finite number/],
        ['a negative threshold', '{"threshold": -5}', /threshold must be at least 0/],
        ['a list', '[1, 2]', /must be an object/],
        ['invalid UTF-8', '\u00ff', /not a text file/]
    ];

    test.each(cases)('%s: exit 2, one line naming the field', (_name, json, expected) => {
        const config = join(folder, 'config.json');
        writeFileSync(config, json === '\u00ff' ? Buffer.from([0xff, 0xfe, 0x7b]) : json);
        const plan = join(folder, 'plan.adopt');
        writeFileSync(plan, example('riverside-health.adopt'));
        const result = runCli(['rank', plan, '--config', config]);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(expected);
        expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    test('a valid config is applied (so the refusals above are not a config that never works)', () => {
        const config = join(folder, 'good.json');
        writeFileSync(config, '{"weights": {"reach": 0}}');
        const plan = join(folder, 'plan.adopt');
        writeFileSync(plan, example('riverside-health.adopt'));
        const result = runCli(['rank', plan, '--json', '--config', config]);
        expect(result.status).toBe(0);
        expect((JSON.parse(result.stdout) as { projects: Array<{ score: number }> }).projects[0].score).toBe(63);
    });
});
