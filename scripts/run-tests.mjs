// The README's test command (`npm test`): build, type-check, then every test suite, then the time
// each step and each suite took (slowest first), and a last line `N passed, N failed` that CI
// reads. Suites: vitest (tests/**, one per file), and the VS Code suites (tests/vscode/README.md)
// unless ADOPT_SKIP_VSCODE=1, which setup.sh also reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const results = 'test-results';
mkdirSync(results, { recursive: true });

/** [what, seconds] of each step and suite, for the table at the end. */
const times = [];

function run(command, args, what) {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
    if (what) times.push([what, (performance.now() - start) / 1000]);
    return result.status ?? 1;
}

/** The time of each vitest file (a suite), from its JSON report. */
function vitestFileTimes(report) {
    return (report.testResults ?? [])
        .filter(file => typeof file.startTime === 'number' && typeof file.endTime === 'number')
        .map(file => [`  ${relative(process.cwd(), file.name)}`, (file.endTime - file.startTime) / 1000]);
}

/** The table of times, slowest first within the vitest files. */
function timeTable() {
    const width = Math.max(...times.map(([what]) => what.length));
    return ['Time of each step and suite (seconds; vitest files run in parallel):', ...times.map(([what, seconds]) => `  ${what.padEnd(width)}  ${seconds.toFixed(1).padStart(7)}`)].join('\n');
}

let passed = 0;
let failed = 0;
let broken = false;
/** The tests that failed, by suite, each with the first line of its error: listed above the last line. */
const failures = [];
const firstLine = message => String(message ?? '').split('\n').find(line => line.trim() !== '')?.trim().slice(0, 200) ?? '';

/** The failed tests of a vitest JSON report. */
function vitestFailures(report) {
    return (report.testResults ?? []).flatMap(file => {
        const tests = (file.assertionResults ?? []).filter(test => test.status === 'failed');
        const where = relative(process.cwd(), file.name);
        if (tests.length === 0 && file.status === 'failed') return [`${where}: ${firstLine(file.message)}`];
        return tests.map(test => `${where} > ${test.fullName ?? test.title}: ${firstLine(test.failureMessages?.[0])}`);
    });
}

// The browser build's entries are checked apart, with the browser's types and without Node's.
const steps = [['build', ['scripts/build.mjs']], ['typecheck', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']], ['typecheck-browser', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.browser.json']]];
for (const [name, args] of steps) {
    if (name === 'build' && run(process.execPath, ['node_modules/langium-cli/bin/langium.js', 'generate'], 'langium generate') !== 0) broken = true;
    if (run(process.execPath, args, name) !== 0) {
        console.error(`${name} failed`);
        broken = true;
    }
}

if (!broken) {
    const vitestJson = `${results}/vitest.json`;
    const status = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], 'vitest (all files)');
    if (existsSync(vitestJson)) {
        const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
        times.push(...vitestFileTimes(report).sort((a, b) => b[1] - a[1]));
        passed += report.numPassedTests;
        failed += report.numFailedTests + (report.numTotalTests - report.numPassedTests - report.numFailedTests - (report.numPendingTests ?? 0) - (report.numTodoTests ?? 0));
        if (status !== 0 && report.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
        failures.push(...vitestFailures(report));
    } else {
        failed += 1;
        failures.push('vitest wrote no report');
    }
    if (process.env.ADOPT_SKIP_VSCODE === '1') {
        console.log('ADOPT_SKIP_VSCODE=1: the VS Code suites (tests/vscode/) are skipped.');
    } else {
        const vscodeJson = `${results}/vscode.json`;
        const vscodeStatus = run(process.execPath, ['scripts/test-vscode.mjs', `--results=${vscodeJson}`], 'VS Code suites');
        if (existsSync(vscodeJson)) {
            const report = JSON.parse(readFileSync(vscodeJson, 'utf8'));
            passed += report.passed;
            failed += report.failed;
            failures.push(...report.tests.filter(test => test.state === 'failed').map(test => `VS Code > ${test.title}: ${firstLine(test.error)}`));
        }
        if (vscodeStatus !== 0 && !(existsSync(vscodeJson) && JSON.parse(readFileSync(vscodeJson, 'utf8')).failed > 0)) {
            failed += 1;
            failures.push(`the VS Code suites stopped with exit code ${vscodeStatus} and no failed test recorded`);
        }
    }
} else {
    failed += 1;
    failures.push('the build or the type-check failed (above)');
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${results}/summary.txt`, summary + '\n');
console.log(timeTable());
if (failures.length > 0) console.log(['Failed:', ...failures.map(failure => `  ${failure}`)].join('\n'));
console.log(summary);
process.exitCode = failed > 0 ? 1 : 0;
