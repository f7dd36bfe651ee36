// `npm run bench`: bundles the benchmark programs in bench/ with esbuild, writes the generated
// plans, runs each measurement in its own Node.js process and prints a table of medians next to
// the targets (BENCHMARKS.md, "Targets"), with the machine it ran on.
// Usage: node bench/run-bench.mjs [--runs N] [--warmups N] [--sizes 1000,10000,50000] [--skip-lsp] [--skip-cli]
//                                 [--skip-workspace | --only-workspace] [--skip-browser | --only-browser]
//                                 [--markdown FILE] [--json FILE]
// Expects the built server at out/language-server.cjs (`npm run bench` builds it first); the
// browser rows (bench/browser-bench.mjs) need out/browser/ and chromium (ADOPT_CHROMIUM, else
// /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { workspaceRows } from './workspace-rows.mjs';
import { browserRows } from './browser-rows.mjs';
import { browserBundleSizes } from './browser-size.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench');
const outDir = join(work, 'out');
const plansDir = join(work, 'plans');

const args = parseArgs(process.argv.slice(2));
const runs = Number(args.runs ?? 7);
const warmups = Number(args.warmups ?? 2);
const buildSizes = String(args.sizes ?? '1000,10000,50000').split(',').map(Number);
const OPEN_SIZE = 10000;
const EDIT_SIZES = [2000, 10000];
const RANK_SIZE = 10000;
/** The plan whose edit the Web Worker and the Node server are compared on (bench/browser-bench.mjs). */
const BROWSER_EDIT_SIZE = 1000;
const CHROMIUM = process.env.ADOPT_CHROMIUM ?? '/usr/bin/chromium';

const TARGETS = {
    // Moved from 300 ms when the language grew; BENCHMARKS.md, "Targets", says why.
    build10k: 400,
    heapPerProject: 4096,
    scale50kTo10k: 6,
    edit2k: 60,
    edit10k: 150,
    // The same edit seen by an editor: an independent client (bench/editor-client.ts).
    editorEdit10k: 250,
    adoptToYaml: 1
};

function parseArgs(list) {
    const result = {};
    for (let i = 0; i < list.length; i++) {
        const arg = list[i];
        if (!arg.startsWith('--')) continue;
        const key = arg.slice(2);
        const next = list[i + 1];
        if (next === undefined || next.startsWith('--')) result[key] = true;
        else result[key] = list[++i];
    }
    return result;
}

async function bundle() {
    mkdirSync(outDir, { recursive: true });
    await esbuild.build({
        entryPoints: ['bench/in-process.ts', 'bench/lsp-bench.ts', 'bench/write-plans.ts', 'bench/editor-client.ts', 'bench/workspace-bench.ts'].map(p => join(root, p)),
        outdir: outDir,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: true,
        logLevel: 'warning',
        // As scripts/build.mjs: jsonc-parser's main entry is a UMD module whose inner requires a bundler cannot follow.
        alias: { 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
    });
}

/** Runs `node ARGS` and returns its stdout's last line parsed as JSON. */
function runNode(nodeArgs, label) {
    return new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, nodeArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        child.stdout.on('data', chunk => (stdout += chunk));
        child.on('error', reject);
        child.on('exit', code => {
            if (code !== 0) return reject(new Error(`${label} exited with ${code}`));
            const line = stdout.trim().split('\n').pop();
            try {
                resolvePromise(JSON.parse(line));
            } catch (error) {
                reject(new Error(`${label} printed no result: ${stdout.slice(-500)}`));
            }
        });
    });
}

/** Wall-clock milliseconds of `node ARGS` from spawn to exit, its output discarded; exit codes 0 and 1 (diagnostics with errors) count. */
function timeProcess(nodeArgs, label) {
    return new Promise((resolvePromise, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, nodeArgs, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('exit', code => (code === 0 || code === 1 ? resolvePromise(performance.now() - start) : reject(new Error(`${label} exited with ${code}`))));
    });
}

/** The CLI on the 10,000-project plan, each run a new process started as users start it: an outside check of the in-process figures. */
async function benchCli() {
    const cli = join(root, 'bin', 'adopt.cjs');
    const plan = join(plansDir, `plan-${OPEN_SIZE}.adopt`);
    const result = {};
    const report = join(work, 'report-10000.html');
    for (const [name, cliArgs] of [['check', ['check', plan]], ['rank', ['rank', plan, '--json']], ['report', ['report', plan, '--out', report]], ['version', ['--version']]]) {
        const times = [];
        for (let i = 0; i < warmups + runs; i++) {
            const took = await timeProcess([cli, ...cliArgs], `adopt ${name}`);
            if (i >= warmups) times.push(took);
        }
        times.sort((a, b) => a - b);
        result[name] = { ms: times, median: times[Math.floor(times.length / 2)] };
    }
    return result;
}

function machine() {
    const cpus = os.cpus();
    return {
        cpus: cpus.length,
        model: cpus[0]?.model?.trim() ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        os: `${os.type()} ${os.release()}`,
        loadAverage: os.loadavg().map(v => v.toFixed(2)).join(' ')
    };
}

const ms = value => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');
const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (value, limit) => (Number.isFinite(value) ? (value <= limit ? 'PASS' : 'MISS') : 'n/a');

function table(results) {
    const rows = [];
    const row = (measure, size, value, target, result) => rows.push([measure, size, value, target, result]);
    const builds = results.inProcess;
    for (const build of builds) {
        const phases = Object.entries(build.phases).filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
        const lifted = build.sizeLimitLifted ? `; ${(build.bytes / 2 ** 20).toFixed(1)} MiB, over the server's ${build.sizeLimitLifted / 2 ** 20} MiB limit, lifted to measure` : '';
        row(`full build in process (CPU ${ms(build.cpuMedianMs)}; ${phases}${lifted})`, build.projects.toLocaleString('en'), ms(build.medianMs),
            build.projects === 10000 ? `<= ${TARGETS.build10k} ms` : '', build.projects === 10000 ? verdict(build.medianMs, TARGETS.build10k) : '');
    }
    for (const build of builds.filter(b => b.projects === 10000 && b.afterEdit)) {
        const parts = Object.entries(build.afterEdit).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
        row(`requests an editor sends after each change, in process (${parts})`, build.projects.toLocaleString('en'),
            ms(Object.values(build.afterEdit).reduce((a, b) => a + b, 0)), '', '');
    }
    for (const build of builds) {
        row('retained heap per project', build.projects.toLocaleString('en'), kb(build.retainedPerProject), '<= 4 KB',
            verdict(build.retainedPerProject, TARGETS.heapPerProject));
    }
    for (const build of builds.filter(b => b.retainedAfterRequestsPerProject !== undefined)) {
        row('retained heap per project once the requests an editor sends after each change were answered (the leaves and nodes they made stay)',
            build.projects.toLocaleString('en'), kb(build.retainedAfterRequestsPerProject), '', '');
    }
    const b10 = builds.find(b => b.projects === 10000);
    const b50 = builds.find(b => b.projects === 50000);
    if (b10 && b50) {
        const ratio = b50.medianMs / b10.medianMs;
        row('build time 50,000 / 10,000', '', `${ratio.toFixed(2)}x`, `<= ${TARGETS.scale50kTo10k}x`, verdict(ratio, TARGETS.scale50kTo10k));
    }
    const lsp = results.lsp;
    if (lsp) {
        row('a new server (bin/adopt-language-server.cjs): its start to the first diagnostics of the example plan', '', ms(lsp.firstDiagnostics.median), '', '');
        row('a new server: didOpen to the first diagnostics', lsp.firstOpen.projects.toLocaleString('en'), ms(lsp.firstOpen.median), '', '');
        row(`LSP didOpen to first diagnostics (${lsp.adoptOpen.diagnostics} diagnostics)`, OPEN_SIZE.toLocaleString('en'), ms(lsp.adoptOpen.median), '', '');
        for (const edit of lsp.edits) {
            const limit = edit.projects === 2000 ? TARGETS.edit2k : TARGETS.edit10k;
            const cpu = Number.isFinite(edit.cpuMedian) ? ` (server CPU ${ms(edit.cpuMedian)})` : '';
            row(`LSP edit (trait level) to diagnostics${cpu}`, edit.projects.toLocaleString('en'), ms(edit.median), `<= ${limit} ms`, verdict(edit.median, limit));
        }
        if (lsp.outsideEdits) {
            row('LSP edit outside every project (a member\'s unit: that member parsed again) to diagnostics', lsp.outsideEdits.projects.toLocaleString('en'),
                ms(lsp.outsideEdits.median), '', '');
        }
        if (lsp.topLevelEdits) {
            row('LSP edit outside every declaration (a comment after an initiative: the whole plan parsed again) to diagnostics', lsp.topLevelEdits.projects.toLocaleString('en'),
                ms(lsp.topLevelEdits.median), '', '');
        }
        if (lsp.lineEdits) {
            const cpu = Number.isFinite(lsp.lineEdits.cpuMedian) ? `; server CPU ${ms(lsp.lineEdits.cpuMedian)}` : '';
            row(`LSP edit that adds a line inside a project (Enter: the project parsed again, every diagnostic after it moved${cpu}) to diagnostics`, lsp.lineEdits.projects.toLocaleString('en'),
                ms(lsp.lineEdits.median), '', '');
        }
        row(`adopt/rankQuickWins (${lsp.rank.projects} projects), repeated on one built version`, RANK_SIZE.toLocaleString('en'), ms(lsp.rank.median), '', '');
        if (lsp.rankAfterEdit) {
            row('adopt/rankQuickWins, the first request after an edit (built for the new version)', RANK_SIZE.toLocaleString('en'), ms(lsp.rankAfterEdit.median), '', '');
        }
        if (lsp.rankProjects) {
            row('adopt/rankQuickWins with diagnostics: false (the status bar\'s request)', RANK_SIZE.toLocaleString('en'), ms(lsp.rankProjects.median), '', '');
        }
        if (lsp.memory) {
            const mib = bytes => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
            const { started, opened, afterEdits, edits } = lsp.memory;
            row(`a new server's resident memory: the plan opened, then edited ${edits} times (started: ${mib(started)}; the plan open: ${mib(opened)}; garbage not yet collected included)`,
                lsp.memory.projects.toLocaleString('en'), mib(afterEdits), '', '');
        }
        row(`yaml-language-server didOpen to diagnostics (schema ${lsp.yamlOpen.schemaCheck ? 'applied' : 'NOT applied'}, ${lsp.yamlOpen.diagnostics} diagnostics)`,
            OPEN_SIZE.toLocaleString('en'), ms(lsp.yamlOpen.median), '', '');
        const ratio = lsp.adoptOpen.median / lsp.yamlOpen.median;
        row('Adopt / YAML, didOpen to diagnostics', OPEN_SIZE.toLocaleString('en'), `${ratio.toFixed(2)}`, '< 1 (faster)', verdict(ratio, TARGETS.adoptToYaml));
    }
    const editor = results.editor;
    if (editor) {
        const cpu = run => (Number.isFinite(run.cpuMedian) ? `server CPU ${ms(run.cpuMedian)}; ` : '');
        row(`editor's view, an independent client (bench/editor-client.ts): didChange (one range edit of a trait level, VS Code's capabilities) to the publishDiagnostics of that version read and parsed (${cpu(editor.edit)}the client reading the ${editor.edit.diagnostics.toLocaleString('en')} diagnostics ${ms(editor.edit.readMedian)})`,
            OPEN_SIZE.toLocaleString('en'), ms(editor.edit.median), `<= ${TARGETS.editorEdit10k} ms`, verdict(editor.edit.median, TARGETS.editorEdit10k));
        if (editor.follow) {
            row(`the same, with the requests VS Code sends after each change (semantic tokens delta, outline, folding, code lenses) answered too (${cpu(editor.follow)}the client reading ${ms(editor.follow.readMedian)})`,
                OPEN_SIZE.toLocaleString('en'), ms(editor.follow.median), '', '');
        }
    }
    const cli = results.cli;
    if (cli) {
        row('CLI `adopt check` (a new process: start-up, read, build, print)', OPEN_SIZE.toLocaleString('en'), ms(cli.check.median), '', '');
        row('CLI `adopt rank --json` (a new process)', OPEN_SIZE.toLocaleString('en'), ms(cli.rank.median), '', '');
        if (cli.report) row('adopt report of the 10,000-project plan (a new process: the HTML report written to a file)', OPEN_SIZE.toLocaleString('en'), ms(cli.report.median), '', '');
        row('CLI `adopt --version` (start-up alone)', '', ms(cli.version.median), '', '');
    }
    if (results.workspace) rows.push(...workspaceRows(results.workspace, { ms, verdict }));
    if (results.browser) rows.push(...browserRows(results.browser, { ms, verdict }));
    const header = ['measure', 'projects', 'median', 'target', 'result'];
    const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
    for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
    return lines.join('\n');
}

async function main() {
    const server = join(root, 'out', 'language-server.cjs');
    const yamlServer = join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    if (!args['skip-lsp'] && !existsSync(server)) {
        console.error('out/language-server.cjs is missing: run `npm run bench` (it builds first) or `node scripts/build.mjs`.');
        process.exit(2);
    }
    const info = machine();
    console.log(`Machine: ${info.cpus} cores (${info.model}), ${info.memoryGiB} GiB, Node.js ${info.node}, ${info.os}, load average ${info.loadAverage}`);
    console.log(`Medians of ${runs} runs after ${warmups} warm-up(s); each measurement in its own process.`);
    await bundle();
    if (args['only-workspace']) return printResults({ machine: info, runs, inProcess: [], workspace: await benchWorkspace(server) });
    if (args['only-browser']) {
        await runNode([join(outDir, 'write-plans.cjs'), plansDir, String(BROWSER_EDIT_SIZE)], 'write-plans');
        return printResults({ machine: info, runs, inProcess: [], browser: await benchBrowser() });
    }
    const sizes = [...new Set([...buildSizes, ...EDIT_SIZES, OPEN_SIZE, RANK_SIZE, BROWSER_EDIT_SIZE])].sort((a, b) => a - b);
    await runNode([join(outDir, 'write-plans.cjs'), plansDir, ...sizes.map(String)], 'write-plans');

    const results = { machine: info, runs, inProcess: [], lsp: undefined, editor: undefined, cli: undefined };
    for (const size of buildSizes) {
        process.stdout.write(`full build in process, ${size} projects... `);
        const result = await runNode(['--expose-gc', join(outDir, 'in-process.cjs'), String(size), String(runs), String(warmups)], `in-process ${size}`);
        console.log(`${ms(result.medianMs)}, CPU ${ms(result.cpuMedianMs)} (${(result.bytes / 2 ** 20).toFixed(1)} MB, ${result.diagnostics} diagnostics), ${kb(result.retainedPerProject)}/project`);
        results.inProcess.push(result);
    }
    if (!args['skip-lsp']) {
        process.stdout.write('over LSP stdio (Adopt server, then yaml-language-server)... ');
        const config = {
            plansDir, adoptServer: server, adoptLauncher: join(root, 'bin', 'adopt-language-server.cjs'),
            examplePath: join(root, 'examples', 'riverside-health.adopt'), yamlServer, runs, openSize: OPEN_SIZE, editSizes: EDIT_SIZES, rankSize: RANK_SIZE
        };
        results.lsp = await runNode([join(outDir, 'lsp-bench.cjs'), JSON.stringify(config)], 'lsp-bench');
        console.log('done');
    }
    if (!args['skip-lsp']) {
        process.stdout.write('an editor\'s view of an edit (independent client)... ');
        const plan = join(plansDir, `plan-${OPEN_SIZE}.adopt`);
        const client = [join(outDir, 'editor-client.cjs'), '--plan', plan, '--server', server, '--edits', String(runs)];
        results.editor = { edit: await runNode(client, 'editor-client'), follow: await runNode([...client, '--follow'], 'editor-client --follow') };
        console.log(`${ms(results.editor.edit.median)}, with the requests after a change ${ms(results.editor.follow.median)}`);
    }
    if (!args['skip-cli'] && existsSync(join(root, 'out', 'cli.cjs'))) {
        process.stdout.write('CLI on the 10,000-project plan... ');
        results.cli = await benchCli();
        console.log(`check ${ms(results.cli.check.median)}, rank --json ${ms(results.cli.rank.median)}, report ${ms(results.cli.report.median)}`);
    }
    if (!args['skip-workspace']) results.workspace = await benchWorkspace(server);
    if (!args['skip-browser']) results.browser = await benchBrowser();
    printResults(results);
}

/**
 * The browser build (bench/browser-bench.mjs in a process of its own): the Web Worker in headless
 * chromium, and the bundles' size on disk (bench/browser-size.mjs), which needs no browser.
 */
async function benchBrowser() {
    const size = browserBundleSizes();
    const missing = [join(root, 'out', 'browser', 'language-server.js'), join(root, 'out', 'language-server.cjs'), CHROMIUM].filter(file => !existsSync(file));
    if (missing.length > 0) return { size, skipped: `missing ${missing.join(', ')}` };
    process.stdout.write(`the language server as a Web Worker in headless chromium (${BROWSER_EDIT_SIZE}-project edits against the Node server)... `);
    const config = {
        chromium: CHROMIUM, examplePath: join(root, 'examples', 'riverside-health.adopt'), launcher: join(root, 'bin', 'adopt-language-server.cjs'),
        plansDir, editSize: BROWSER_EDIT_SIZE, runs, warmups
    };
    const timing = await runNode([join(root, 'bench', 'browser-bench.mjs'), JSON.stringify(config)], 'browser-bench');
    console.log(`first diagnostics ${ms(timing.firstDiagnostics.worker.median)}, edit ${ms(timing.edit.worker.median)} in the worker, ${ms(timing.edit.node.median)} in the Node server`);
    return { size, timing };
}

/** The workspace of plans in many files (bench/workspace-bench.ts), each run's processes started from there. */
async function benchWorkspace(server) {
    process.stdout.write('workspace of 100 plans that use two shared files (CLI, then LSP)... ');
    const config = { dir: join(work, 'workspace'), adoptServer: server, cli: join(root, 'bin', 'adopt.cjs'), runs, warmups };
    const result = await runNode([join(outDir, 'workspace-bench.cjs'), JSON.stringify(config)], 'workspace-bench');
    console.log('done');
    return result;
}

function printResults(results) {
    const markdown = table(results);
    console.log('');
    console.log(markdown);
    writeFileSync(join(work, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    if (typeof args.markdown === 'string') writeFileSync(args.markdown, markdown + '\n');
    if (typeof args.json === 'string') writeFileSync(args.json, JSON.stringify(results, null, 2) + '\n');
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
