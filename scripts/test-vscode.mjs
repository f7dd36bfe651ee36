// The extension's tests in a real VS Code (see tests/vscode/README.md):
//   0. the TextMate grammar, tokenized by the vscode-textmate that code-server bundles; the
//      HTML report in headless chromium (screen, print on A4, PDF: tests/vscode/report-test.mjs);
//      the language server's Web Worker in headless chromium, answering as the Node server does
//      (tests/vscode/worker-test.mjs);
//   1. the package: `vsce package` gives a .vsix of at most 1 MB holding only the whitelist;
//   2. the extension-host suite (mocha + the vscode API, tests/vscode/suite) inside
//      code-server's extension host, as @vscode/test-electron runs it on a desktop;
//   3. the UI test (tests/vscode/ui): Debian's chromium, driven by playwright-core, against
//      code-server with the packaged extension installed; screenshots in
//      test-results/screenshots/; then the Plan Overview's UI test, on a code-server of its own;
//   4. the web UI test: the packaged extension in code-server's web worker extension host (the
//      host of VS Code for the Web), its language server in a Web Worker; and a worker that fails.
// Usage: node scripts/test-vscode.mjs [--results=FILE] [--only=grammar|report|worker|package|host|ui|overview-ui|web-ui] [--suites=NAME,...] [--electron]
// `--suites=workspace,overview` runs only those files of the extension-host suite (tests/vscode/suite/index.ts names them).
// `--electron` runs the extension-host suite under @vscode/test-electron instead (a desktop
// that can download VS Code). Needs scripts/setup.sh first (code-server, chromium).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { checkPackage } from '../tests/vscode/check-package.mjs';
import { runGrammarTests } from '../tests/vscode/grammar-test.mjs';
import { codeServerEntry, freePort, installExtension, makeHome, quietSettings, removeHome, startCodeServer } from '../tests/vscode/code-server.mjs';

const root = resolve(import.meta.dirname, '..');
const option = name => process.argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const resultsFile = option('results');
const only = option('only');
const suites = option('suites');
const electron = process.argv.includes('--electron');
const CHROMIUM = process.env.ADOPT_CHROMIUM ?? '/usr/bin/chromium';
const suiteBundle = join(root, 'out/test/suite/index.cjs');
/**
 * Today for the language server in the editors under test: the day examples/lakeshore-college.adopt
 * was last brought up to date, so that its overdue action is overdue on every day the tests run.
 */
const TODAY = { ADOPT_TODAY: '2027-03-01' };
/** The files of the extension-host suite to run (all without `--suites`). */
const SUITES = suites ? { ADOPT_VSCODE_SUITES: suites } : {};

/** @type {{ title: string, state: 'passed' | 'failed', error?: string }[]} */
const outcomes = [];
const record = (title, error) => {
    outcomes.push(error === undefined ? { title, state: 'passed' } : { title, state: 'failed', error: String(error) });
    console.log(`${error === undefined ? '  ✓' : '  ✗'} ${title}${error === undefined ? '' : `\n      ${String(error).split('\n').join('\n      ')}`}`);
};

function finish() {
    const passed = outcomes.filter(o => o.state === 'passed').length;
    const failed = outcomes.length - passed;
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ passed, failed, tests: outcomes }, null, 2));
    console.log(`VS Code tests: ${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
}

/**
 * The workspace the tests open: a temporary copy of the example plans and the test fixtures
 * (the fixtures' folders too, such as a folder with its own adopt.config.json).
 */
function makeWorkspace() {
    const folder = mkdtempSync(join(tmpdir(), 'adopt-workspace-'));
    for (const dir of ['examples', 'tests/vscode/fixtures']) {
        for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
            if (entry.isDirectory()) cpSync(join(root, dir, entry.name), join(folder, entry.name), { recursive: true });
            else if (entry.name.endsWith('.adopt')) copyFileSync(join(root, dir, entry.name), join(folder, entry.name));
        }
    }
    return folder;
}

async function buildSuite() {
    await esbuild.build({
        entryPoints: [join(root, 'tests/vscode/suite/index.ts')],
        outfile: suiteBundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        sourcemap: 'inline',
        logLevel: 'warning',
        // mocha's parallel mode (not used here) resolves its worker files at run time.
        logOverride: { 'require-resolve-not-external': 'silent' }
    });
}

/**
 * Packages what `npm run package` packages: the production bundles (minified, no source maps).
 * The UI tests install this package, so they test what ships; the development build is put back
 * afterwards for the steps that run the extension from the work tree.
 */
function packageExtension() {
    const vsix = join(root, 'test-results/adopt-test.vsix');
    const build = production => {
        const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), ...(production ? ['--production'] : [])], { cwd: root, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`the ${production ? 'production' : 'development'} build failed:\n${result.stdout}\n${result.stderr}`);
    };
    build(true);
    try {
        // --no-rewrite-relative-links: the README links to docs/ and images/ by relative paths, and the
        // package names no repository whose address vsce could put in front of them.
        const vsce = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
            { cwd: root, encoding: 'utf8' });
        if (vsce.status !== 0) throw new Error(`vsce package failed:\n${vsce.stdout}\n${vsce.stderr}`);
    } finally {
        build(false);
    }
    return vsix;
}

async function testPackage() {
    try {
        const vsix = packageExtension();
        const { size, problems } = checkPackage(vsix);
        record(`package: the .vsix (${(size / 1024).toFixed(0)} KB) is at most 1 MB and holds only the whitelist`, problems.length ? problems.join('\n') : undefined);
        return vsix;
    } catch (error) {
        record('the extension packages with vsce', error);
        return undefined;
    }
}

/** Runs the mocha suite in code-server's extension host, the way test-electron runs it. */
async function testExtensionHost(workspace) {
    const home = makeHome('adopt-host-');
    const results = join(home.root, 'results.json');
    const port = await freePort();
    const server = await startCodeServer({ home, folder: workspace, port, args: ['--vscode-option', 'enable-smoke-test-driver'], env: { ADOPT_VSCODE_RESULTS: results, ...SUITES, ...TODAY } });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
        const page = await browser.newPage();
        const logs = [];
        const exit = new Promise(resolveExit => page.exposeFunction('codeAutomationExit', code => resolveExit(code)));
        await page.exposeFunction('codeAutomationLog', (type, args) => logs.push(`${type}: ${Array.isArray(args) ? args.join(' ') : String(args)}`));
        const remote = path => `vscode-remote://127.0.0.1:${port}${path}`;
        const payload = JSON.stringify([['extensionDevelopmentPath', remote(root)], ['extensionTestsPath', remote(suiteBundle)]]);
        // The page's load is the event waited for; the bound only reports a server that never answers.
        await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { timeout: 300_000 });
        // The suite's end is the event waited for; the bound only reports a suite that hangs (a busy machine may take minutes).
        const code = await Promise.race([exit, new Promise(r => setTimeout(r, 900_000, 'timeout').unref())]);
        if (!existsSync(results)) {
            record('the extension-host suite runs', `no results (exit ${code}); log:\n${logs.slice(-40).join('\n')}\n${tail(home.log)}`);
            return;
        }
        const report = JSON.parse(readFileSync(results, 'utf8'));
        for (const test of report.tests) record(`extension host: ${test.title}`, test.state === 'passed' ? undefined : test.error);
        if (report.tests.length === 0) record('the extension-host suite has tests', 'none ran');
    } finally {
        await browser.close();
        await server.stop();
        removeHome(home);
    }
}

async function testExtensionHostElectron(workspace) {
    const { runTests } = await import('@vscode/test-electron');
    const resultsDir = mkdtempSync(join(tmpdir(), 'adopt-electron-'));
    const results = join(resultsDir, 'results.json');
    try {
        await runTests({
            extensionDevelopmentPath: root,
            extensionTestsPath: suiteBundle,
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
            extensionTestsEnv: { ADOPT_VSCODE_RESULTS: results, ...SUITES, ...TODAY }
        });
    } catch (error) {
        if (!existsSync(results)) record('the extension-host suite runs under @vscode/test-electron', error);
    }
    if (existsSync(results)) {
        for (const test of JSON.parse(readFileSync(results, 'utf8')).tests) record(`extension host (electron): ${test.title}`, test.state === 'passed' ? undefined : test.error);
    }
    rmSync(resultsDir, { recursive: true, force: true });
}

async function testUi(workspace, vsix) {
    const home = makeHome('adopt-ui-');
    try {
        await installExtension(home, vsix);
        const server = await startCodeServer({ home, folder: workspace, env: TODAY });
        try {
            const { runUiTests } = await import('../tests/vscode/ui/ui-test.mjs');
            await runUiTests({ url: server.url, workspace, chromiumPath: CHROMIUM, screenshots: join(root, 'test-results/screenshots'), record });
        } finally {
            await server.stop();
        }
    } catch (error) {
        record('the UI test runs', `${error instanceof Error ? error.stack : error}\n${tail(home.log)}`);
    } finally {
        removeHome(home);
    }
}

/** The Plan Overview's UI test, on a code-server of its own (a fresh workbench, the packaged extension). */
async function testOverviewUi(workspace, vsix) {
    const home = makeHome('adopt-overview-ui-');
    try {
        await installExtension(home, vsix);
        const server = await startCodeServer({ home, folder: workspace });
        try {
            const { runOverviewUiTests } = await import('../tests/vscode/ui/overview-ui-test.mjs');
            await runOverviewUiTests({ url: server.url, workspace, chromiumPath: CHROMIUM, screenshots: join(root, 'test-results/screenshots'), record });
        } finally {
            await server.stop();
        }
    } catch (error) {
        record('the overview UI test runs', `${error instanceof Error ? error.stack : error}\n${tail(home.log)}`);
    } finally {
        removeHome(home);
    }
}

/**
 * The web UI test: the packaged extension in code-server's web worker extension host. A manifest
 * with both `main` and `browser` runs in the Node host unless the user settings say
 * `remote.extensionKind` is `web` for it (code-server has no flag for it); then its `browser`
 * entry runs in the workbench's web worker. On a fresh copy of the workspace (the earlier UI tests
 * edit theirs), with a plan in a folder that the settings' `files.exclude` hides. Then the same package with its worker's script replaced by one that throws, on a
 * code-server of its own.
 */
async function testWebUi(vsix) {
    const workspace = makeWorkspace();
    const screenshots = join(root, 'test-results/screenshots/web');
    const { runWebUiTests, runBrokenWorkerTest, BROKEN_WORKER_SCRIPT, HIDDEN_FOLDER, HIDDEN_PLAN, HIDDEN_SETTINGS } = await import('../tests/vscode/ui/web-ui-test.mjs');
    mkdirSync(join(workspace, HIDDEN_FOLDER));
    writeFileSync(join(workspace, HIDDEN_FOLDER, 'hidden.adopt'), HIDDEN_PLAN);
    try {
        await withWebHome('adopt-web-ui-', vsix, HIDDEN_SETTINGS, async home => {
            const server = await startCodeServer({ home, folder: workspace });
            try {
                await runWebUiTests({ url: server.url, workspace, chromiumPath: CHROMIUM, screenshots, record });
            } finally {
                await server.stop();
            }
        });
        await withWebHome('adopt-web-ui-broken-', vsix, {}, async home => {
            const installed = readdirSync(home.extensions).find(name => name.startsWith(`${extensionId()}-`));
            if (!installed) throw new Error(`${extensionId()} is not in ${home.extensions}`);
            writeFileSync(join(home.extensions, installed, 'out/browser/language-server.js'), BROKEN_WORKER_SCRIPT);
            const server = await startCodeServer({ home, folder: workspace });
            try {
                await runBrokenWorkerTest({ url: server.url, workspace, chromiumPath: CHROMIUM, screenshots, record });
            } finally {
                await server.stop();
            }
        });
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}

/** The extension's id (publisher.name), as `remote.extensionKind` and the extensions folder name it. */
function extensionId() {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return `${manifest.publisher}.${manifest.name}`;
}

/** A code-server home whose settings (`settings` added) run the extension in the web worker host, with the package installed. */
async function withWebHome(prefix, vsix, settings, action) {
    const home = makeHome(prefix);
    try {
        writeFileSync(join(home.userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings, 'remote.extensionKind': { [extensionId()]: ['web'] } }, null, 2));
        await installExtension(home, vsix);
        await action(home);
    } catch (error) {
        record('the web UI test runs', `${error instanceof Error ? error.stack : error}\n${tail(home.log)}`);
    } finally {
        removeHome(home);
    }
}

async function timed(what, action) {
    const start = Date.now();
    await action();
    console.log(`  (${what}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
}

function tail(file) {
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '';
}

function prerequisites() {
    const missing = [];
    if (!existsSync(codeServerEntry)) missing.push('code-server (tests/vscode/host; run scripts/setup.sh)');
    if (!existsSync(CHROMIUM)) missing.push(`chromium at ${CHROMIUM} (run scripts/setup.sh)`);
    if (!existsSync(join(root, 'out/extension.cjs'))) missing.push('out/extension.cjs (run node scripts/build.mjs)');
    if (!existsSync(join(root, 'out/browser/extension.cjs'))) missing.push('out/browser/extension.cjs (run node scripts/build.mjs)');
    return missing;
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const started = Date.now();
const workspace = makeWorkspace();
try {
    await buildSuite();
    if (electron) {
        await testExtensionHostElectron(workspace);
    } else {
        const missing = prerequisites();
        if (missing.length > 0) {
            record('the VS Code test prerequisites are installed', `missing: ${missing.join(', ')}`);
        } else {
            if (!only || only === 'grammar') await runGrammarTests({ record });
            if (!only || only === 'report') {
                const { runReportTests } = await import('../tests/vscode/report-test.mjs');
                await timed('report in the browser', () => runReportTests({ chromiumPath: CHROMIUM, screenshots: join(root, 'test-results/screenshots'), record }));
            }
            if (!only || only === 'worker') {
                const { runWorkerTests } = await import('../tests/vscode/worker-test.mjs');
                await timed('language server in a Web Worker against the Node server', () => runWorkerTests({ chromiumPath: CHROMIUM, record }));
            }
            const vsix = !only || ['package', 'ui', 'overview-ui', 'web-ui'].includes(only) ? await testPackage() : undefined;
            if (!only || only === 'host') await timed('extension-host suite', () => testExtensionHost(workspace));
            if ((!only || only === 'ui') && vsix) await timed('UI test', () => testUi(workspace, vsix));
            if ((!only || only === 'overview-ui') && vsix) await timed('overview UI test', () => testOverviewUi(workspace, vsix));
            if ((!only || only === 'web-ui') && vsix) await timed('web UI test', () => testWebUi(vsix));
        }
    }
} catch (error) {
    record('the VS Code tests run', error instanceof Error ? error.stack : error);
} finally {
    rmSync(workspace, { recursive: true, force: true });
    console.log(`VS Code tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    finish();
}
