/**
 * The scripts a newcomer runs first: `scripts/setup.sh` installs the packages once (no reinstall
 * while package-lock.json is unchanged) without npm's engine warnings about packages that run on
 * the project's own Node.js 24; it installs code-server saying what it does while it compiles,
 * and keeps it in a cache that the next set-up restores from; `npm test` (scripts/run-tests.mjs)
 * honours ADOPT_SKIP_VSCODE=1 as the README says and prints the time of each suite; `npm start`
 * opens a copy of the examples outside the repository and never overwrites what a person wrote
 * there, with the example plan in an editor and the walkthrough on a first start, keeping its
 * profile (the colour theme chosen) and its port from one start to the next and saying how to
 * pick the port; package.json admits the Node.js 20 the README supports.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error a plain ES module script without types
import { prepareExampleWorkspace } from '../../scripts/example-workspace.mjs';
// @ts-expect-error a plain ES module script without types
import { choosePort, defaultProfileFolder, EXAMPLE_PLAN, profileHome, WALKTHROUGH, workbenchUrl } from '../vscode/code-server.mjs';
import { createServer, type Server } from 'node:net';

const ROOT = resolve(__dirname, '../..');
const folders: string[] = [];
afterAll(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })));

function tempFolder(prefix: string): string {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    folders.push(folder);
    return folder;
}

function writeExecutable(path: string, text: string): void {
    writeFileSync(path, text);
    chmodSync(path, 0o755);
}

describe('scripts/setup.sh', () => {
    /** A project folder with setup.sh and a stand-in `npm` that logs its calls and warns like npm on Node 20. */
    function fakeProject(): { dir: string; run: () => { out: string; calls: string[] } } {
        const dir = tempFolder('adopt-setup-');
        mkdirSync(join(dir, 'scripts'));
        copyFileSync(join(ROOT, 'scripts/setup.sh'), join(dir, 'scripts/setup.sh'));
        writeFileSync(join(dir, 'package.json'), '{ "name": "fake" }\n');
        writeFileSync(join(dir, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
        const bin = join(dir, 'stub-bin');
        mkdirSync(bin);
        writeExecutable(join(bin, 'npm'), `#!/usr/bin/env bash
echo "$*" >> "${dir}/npm-calls.log"
echo "npm warn EBADENGINE Unsupported engine {" >&2
echo "npm warn EBADENGINE   package: 'chevrotain@13.0.0'," >&2
echo "npm warn EBADENGINE }" >&2
echo "npm warn deprecated some-package@1.0.0: a warning that must stay" >&2
rm -rf node_modules && mkdir -p node_modules/.bin && printf '#!/bin/sh\\n' > node_modules/.bin/node && chmod +x node_modules/.bin/node
echo "added 1 package"
`);
        const run = () => {
            const result = spawnSync('bash', ['scripts/setup.sh'], {
                cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ADOPT_SKIP_VSCODE: '1' }
            });
            expect(result.status, result.stderr).toBe(0);
            const log = join(dir, 'npm-calls.log');
            return { out: result.stdout + result.stderr, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
        };
        return { dir, run };
    }

    test('installs once, without engine warnings, and keeps other warnings', () => {
        const project = fakeProject();
        const first = project.run();
        expect(first.calls).toEqual(['ci --no-audit --no-fund']);
        expect(first.out).not.toContain('EBADENGINE');
        expect(first.out).toContain('a warning that must stay');
        expect(first.out).toContain('added 1 package');
    });

    test('does not reinstall while package.json and package-lock.json are unchanged, and does when the lock changes', () => {
        const project = fakeProject();
        project.run();
        const second = project.run();
        expect(second.calls).toEqual(['ci --no-audit --no-fund']);
        expect(second.out).toContain("setup: the project's packages are installed");
        writeFileSync(join(project.dir, 'package-lock.json'), '{ "lockfileVersion": 3, "packages": {} }\n');
        expect(project.run().calls).toEqual(['ci --no-audit --no-fund', 'ci --no-audit --no-fund']);
    });
});

describe('scripts/setup.sh: code-server', () => {
    /**
     * A project whose own packages are installed, with the Debian packages there and a stand-in
     * `npm` that "installs" code-server 9.9.9 in tests/vscode/host, once the set-up has reported
     * its progress (the set-up's output goes to out.log, which the stand-in reads).
     */
    function fakeProject(): { dir: string; run: () => { out: string; calls: string[] } } {
        const dir = tempFolder('adopt-setup-host-');
        mkdirSync(join(dir, 'scripts'));
        copyFileSync(join(ROOT, 'scripts/setup.sh'), join(dir, 'scripts/setup.sh'));
        writeFileSync(join(dir, 'package.json'), '{ "name": "fake" }\n');
        writeFileSync(join(dir, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
        mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
        writeExecutable(join(dir, 'node_modules/.bin/node'), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
        const hash = createHash('sha256').update('{ "name": "fake" }\n{ "lockfileVersion": 3 }\n').digest('hex');
        writeFileSync(join(dir, 'node_modules/.adopt-installed'), `${hash}\n`);
        mkdirSync(join(dir, 'tests/vscode/host'), { recursive: true });
        writeFileSync(join(dir, 'tests/vscode/host/package-lock.json'), JSON.stringify({ packages: { 'node_modules/code-server': { version: '9.9.9' } } }));
        const bin = join(dir, 'stub-bin');
        mkdirSync(bin);
        writeExecutable(join(bin, 'dpkg-query'), '#!/bin/sh\necho "install ok installed"\n');
        writeExecutable(join(bin, 'npm'), `#!/usr/bin/env bash
echo "$* in \${PWD#${dir}/}" >> "${dir}/npm-calls.log"
until grep -q 'so far' "${dir}/out.log"; do sleep 0.1; done
mkdir -p node_modules/code-server/lib/vscode/node_modules/native/build/Release
echo '{ "version": "9.9.9" }' > node_modules/code-server/package.json
echo built > node_modules/code-server/lib/vscode/node_modules/native/build/Release/native.node
`);
        const run = () => {
            const result = spawnSync('bash', ['-c', 'bash scripts/setup.sh > out.log 2>&1'], {
                cwd: dir, encoding: 'utf8',
                env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ADOPT_SKIP_VSCODE: '', ADOPT_NO_CACHE: '', ADOPT_PROGRESS_SECONDS: '1', ADOPT_CACHE_DIR: join(dir, 'cache') }
            });
            const out = readFileSync(join(dir, 'out.log'), 'utf8');
            expect(result.status, out).toBe(0);
            const log = join(dir, 'npm-calls.log');
            return { out, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
        };
        return { dir, run };
    }

    test('installs it with an estimate and progress, keeps it in the cache; the next set-up restores it from there; then nothing is done', () => {
        const project = fakeProject();
        const first = project.run();
        expect(first.calls).toEqual(['ci --no-audit --no-fund --loglevel=error in tests/vscode/host']);
        expect(first.out).toMatch(/^setup: installing code-server 9\.9\.9 in tests\/vscode\/host: about 3 minutes on an idle 2-core machine, 15 or more on a busy one .*; progress every 1 s$/m);
        expect(first.out).toMatch(/^setup: code-server install, 0m\d\ds so far: (downloading code-server and its packages|running code-server's install script)$/m);
        expect(first.out).toMatch(/^setup: code-server 9\.9\.9 installed in 0m\d\ds$/m);
        expect(first.out).toMatch(/^setup: kept in the cache for the next set-up: .*\/cache\/code-server-9\.9\.9-.*\.tar /m);

        rmSync(join(project.dir, 'tests/vscode/host/node_modules'), { recursive: true });
        const second = project.run();
        expect(second.calls).toHaveLength(1);
        expect(second.out).toMatch(/^setup: restoring code-server 9\.9\.9 in tests\/vscode\/host from the cache/m);
        expect(readFileSync(join(project.dir, 'tests/vscode/host/node_modules/code-server/lib/vscode/node_modules/native/build/Release/native.node'), 'utf8')).toBe('built\n');

        const third = project.run();
        expect(third.calls).toHaveLength(1);
        expect(third.out).not.toMatch(/code-server/);
    });
});

describe('npm test (scripts/run-tests.mjs)', () => {
    /** A project folder whose build, type check, vitest and VS Code suites are stand-ins that log their runs. */
    function fakeProject(): string {
        const dir = tempFolder('adopt-run-tests-');
        const script = (path: string, text: string) => {
            mkdirSync(join(dir, path, '..'), { recursive: true });
            writeFileSync(join(dir, path), text);
        };
        mkdirSync(join(dir, 'scripts'));
        copyFileSync(join(ROOT, 'scripts/run-tests.mjs'), join(dir, 'scripts/run-tests.mjs'));
        const log = (name: string) => `import { appendFileSync } from 'node:fs'; appendFileSync('ran.log', '${name}\\n');`;
        script('scripts/build.mjs', log('build'));
        script('node_modules/langium-cli/bin/langium.js', log('langium'));
        script('node_modules/typescript/bin/tsc', log('tsc'));
        script('node_modules/vitest/vitest.mjs', `${log('vitest')}
import { writeFileSync } from 'node:fs';
const out = process.argv.find(arg => arg.startsWith('--outputFile.json=')).split('=')[1];
const file = (name, seconds) => ({ name: process.cwd() + '/tests/' + name, startTime: 1000, endTime: 1000 + seconds * 1000 });
const failing = process.env.FAKE_FAILING === '1';
const quick = { ...file('quick.test.ts', 0.25), assertionResults: failing ? [{ status: 'passed', fullName: 'fine' }, { status: 'failed', fullName: 'ranks a plan', failureMessages: ['AssertionError: expected 2 to be 3\\n    at quick.test.ts:9:5'] }] : [] };
writeFileSync(out, JSON.stringify({ numPassedTests: failing ? 2 : 3, numFailedTests: failing ? 1 : 0, numTotalTests: 3, testResults: [quick, file('slow.test.ts', 42)] }));
if (failing) process.exitCode = 1;`);
        script('scripts/test-vscode.mjs', `${log('vscode')}
import { writeFileSync } from 'node:fs';
const out = process.argv.find(arg => arg.startsWith('--results=')).split('=')[1];
const failing = process.env.FAKE_FAILING === '1';
writeFileSync(out, JSON.stringify({ passed: failing ? 1 : 2, failed: failing ? 1 : 0, tests: failing ? [{ title: 'UI: hovers', state: 'passed' }, { title: 'UI: opens the report', state: 'failed', error: 'Error: no report within 30 s\\n  at step' }] : [] }));
if (failing) process.exitCode = 1;`);
        return dir;
    }

    function runTests(dir: string, env: Record<string, string>, status = 0): { out: string; ran: string[] } {
        const result = spawnSync(process.execPath, ['scripts/run-tests.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
        expect(result.status, result.stderr).toBe(status);
        return { out: result.stdout, ran: readFileSync(join(dir, 'ran.log'), 'utf8').trim().split('\n') };
    }

    test('runs the VS Code suites by default', () => {
        const run = runTests(fakeProject(), { ADOPT_SKIP_VSCODE: '' });
        // tsc twice: tsconfig.json, and tsconfig.browser.json for the browser build's entries.
        expect(run.ran).toEqual(['langium', 'build', 'tsc', 'tsc', 'vitest', 'vscode']);
        expect(run.out.trimEnd().split('\n').at(-1)).toBe('5 passed, 0 failed');
    });

    test('prints the time of each step and each vitest file (slowest first) before the last line', () => {
        const lines = runTests(fakeProject(), { ADOPT_SKIP_VSCODE: '' }).out.trimEnd().split('\n');
        const table = lines.slice(lines.indexOf('Time of each step and suite (seconds; vitest files run in parallel):') + 1, -1);
        expect(table.map(line => line.trim().split(/\s+/)[0])).toEqual(['langium', 'build', 'typecheck', 'typecheck-browser', 'vitest', 'tests/slow.test.ts', 'tests/quick.test.ts', 'VS']);
        expect(table[5]).toMatch(/^ {4}tests\/slow\.test\.ts +42\.0$/);
        expect(table[6]).toMatch(/^ {4}tests\/quick\.test\.ts +0\.3$/);
        for (const line of table) expect(line).toMatch(/ \d+\.\d$/);
        expect(lines.at(-1)).toBe('5 passed, 0 failed');
    });

    test('names each failed test, with the first line of its error, just above the last line', () => {
        const lines = runTests(fakeProject(), { ADOPT_SKIP_VSCODE: '', FAKE_FAILING: '1' }, 1).out.trimEnd().split('\n');
        expect(lines.slice(-4)).toEqual([
            'Failed:',
            '  tests/quick.test.ts > ranks a plan: AssertionError: expected 2 to be 3',
            '  VS Code > UI: opens the report: Error: no report within 30 s',
            '3 passed, 2 failed',
        ]);
        expect(runTests(fakeProject(), { ADOPT_SKIP_VSCODE: '' }).out).not.toContain('Failed:');
    });

    test('ADOPT_SKIP_VSCODE=1 skips them and says so', () => {
        const run = runTests(fakeProject(), { ADOPT_SKIP_VSCODE: '1' });
        expect(run.ran).toEqual(['langium', 'build', 'tsc', 'tsc', 'vitest']);
        expect(run.out).toContain('ADOPT_SKIP_VSCODE=1: the VS Code suites (tests/vscode/) are skipped.');
        expect(run.out.trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed');
    });
});

describe('the examples that npm start opens', () => {
    test('are a copy outside the repository that keeps what a person wrote', () => {
        const folder = join(tempFolder('adopt-examples-'), 'examples');
        const first = prepareExampleWorkspace({ folder, chosen: false });
        expect(first.folder).toBe(folder);
        expect(first.folder.startsWith(ROOT)).toBe(false);
        const examples = readdirSync(join(ROOT, 'examples')).filter(name => name.endsWith('.adopt')).sort();
        expect(first.copied).toEqual(examples);
        expect(readFileSync(join(folder, 'riverside-health.adopt'), 'utf8')).toBe(readFileSync(join(ROOT, 'examples/riverside-health.adopt'), 'utf8'));

        writeFileSync(join(folder, 'riverside-health.adopt'), 'plan Mine "My own edits" { }\n');
        rmSync(join(folder, 'northfield-university.adopt'));
        const second = prepareExampleWorkspace({ folder, chosen: false });
        expect(second.copied).toEqual(['northfield-university.adopt']);
        expect(readFileSync(join(folder, 'riverside-health.adopt'), 'utf8')).toBe('plan Mine "My own edits" { }\n');
    });

    test('a folder inside a Git repository is replaced by one that is not', () => {
        const inside = join(ROOT, 'test-results', 'examples-inside-repo');
        folders.push(inside);
        const fallback = join(tempFolder('adopt-examples-fallback-'), 'examples');
        const result = prepareExampleWorkspace({ folder: inside, chosen: false, fallback });
        expect(result.folder).toBe(fallback);
        expect(readdirSync(result.folder)).toContain('riverside-health.adopt');
    });
});

describe('npm start in VS Code in the browser (code-server)', () => {
    const script = readFileSync(join(ROOT, 'scripts/open-example.sh'), 'utf8');
    const launcher = readFileSync(join(ROOT, 'tests/vscode/code-server.mjs'), 'utf8');

    test('keeps its profile: the settings of the first start are written once, a theme chosen later stays', () => {
        const root = join(tempFolder('adopt-profile-'), 'code-server');
        const first = profileHome(root);
        expect(first.firstStart).toBe(true);
        const settings = join(first.userData, 'User', 'settings.json');
        const chosen = { ...JSON.parse(readFileSync(settings, 'utf8')), 'workbench.colorTheme': 'Solarized Light' };
        writeFileSync(settings, JSON.stringify(chosen));
        const second = profileHome(root);
        expect(second.firstStart).toBe(false);
        expect(JSON.parse(readFileSync(settings, 'utf8'))['workbench.colorTheme']).toBe('Solarized Light');
        expect(defaultProfileFolder({ XDG_DATA_HOME: '/data' })).toBe('/data/adopt/code-server');
        expect(defaultProfileFolder({ ADOPT_PROFILE_DIR: '/elsewhere' })).toBe('/elsewhere');
        // The launcher uses the kept profile, not a temporary one removed at the end.
        expect(launcher).toMatch(/profileHome\(defaultProfileFolder\(\)\)/);
    });

    test('keeps its port from one start to the next while it is free; PORT picks one; a busy port gives way', async () => {
        const home = profileHome(join(tempFolder('adopt-port-'), 'code-server'));
        const first = await choosePort(home, undefined);
        expect(await choosePort(home, undefined)).toBe(first);
        const busy: Server = createServer();
        await new Promise<void>(resolveListen => busy.listen(first, '127.0.0.1', () => resolveListen()));
        try {
            expect(await choosePort(home, undefined)).not.toBe(first);
        } finally {
            await new Promise<void>(resolveClose => busy.close(() => resolveClose()));
        }
        // A port asked for with PORT (here one that is free) is taken, and kept for the next start.
        const asked = await choosePort(profileHome(join(tempFolder('adopt-port-other-'), 'code-server')), undefined);
        expect(await choosePort(home, String(asked))).toBe(asked);
        expect(await choosePort(home, undefined)).toBe(asked);
        await expect(choosePort(home, 'eighty')).rejects.toThrow('PORT=eighty is not a port (1 to 65535)');
    });

    test('opens the example plan in an editor, and the walkthrough on a first start', () => {
        const url = new URL(workbenchUrl({ url: 'http://127.0.0.1:8181/', port: 8181 }, '/work/examples', EXAMPLE_PLAN));
        expect(url.searchParams.get('folder')).toBe('/work/examples');
        expect(JSON.parse(url.searchParams.get('payload')!)).toEqual([['openFile', 'vscode-remote://127.0.0.1:8181/work/examples/riverside-health.adopt']]);
        expect(launcher).toMatch(/firstStart \? \{ ADOPT_OPEN_WALKTHROUGH: '1' \}/);
        expect(script).toMatch(/ADOPT_OPEN_WALKTHROUGH=1 exec code .*riverside-health\.adopt"/);
        // The extension opens its walkthrough for ADOPT_OPEN_WALKTHROUGH=1, once per profile; the id is the package's.
        const main = readFileSync(join(ROOT, 'src/extension/main.ts'), 'utf8') + readFileSync(join(ROOT, 'src/extension/adopt-extension.ts'), 'utf8');
        expect(main).toMatch(/openWalkthrough: process\.env\.ADOPT_OPEN_WALKTHROUGH === '1'/);
        const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
        expect(`${manifest.publisher}.${manifest.name}#${manifest.contributes.walkthroughs[0].id}`).toBe(WALKTHROUGH);
        expect(main).toContain('`${context.extension.id}#gettingStarted`');
    });

    test('says how to pick the port, in the script and when it starts', () => {
        expect(script).toMatch(/PORT=8080 picks the port/);
        expect(launcher).toContain('PORT=8080 npm start picks another.');
    });
});

describe('package.json', () => {
    test('admits Node.js 20, where the README says the bundled CLI and server run (no EBADENGINE on npx adopt)', () => {
        const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines as { node: string };
        const minimum = /^>=(\d+)(\.\d+)*$/.exec(engines.node);
        expect(minimum, `engines.node is ${engines.node}`).not.toBeNull();
        expect(Number(minimum![1])).toBeLessThanOrEqual(20);
        expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/run on an older system Node\.js 20/);
    });
});
