// The README's test command (`npm test`): build, type-check, then every test suite, and a last
// line `N passed, N failed` that CI reads. Suites: vitest (tests/**), and the VS Code suites
// (tests/vscode/README.md) unless ADOPT_SKIP_VSCODE=1, which setup.sh also reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

function run(command, args) {
    const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
    return result.status ?? 1;
}

let passed = 0;
let failed = 0;
let broken = false;

for (const [name, args] of [['build', ['scripts/build.mjs']], ['typecheck', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']]]) {
    if (name === 'build' && run(process.execPath, ['node_modules/langium-cli/bin/langium.js', 'generate']) !== 0) broken = true;
    if (run(process.execPath, args) !== 0) {
        console.error(`${name} failed`);
        broken = true;
    }
}

if (!broken) {
    const vitestJson = `${results}/vitest.json`;
    const status = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
    if (existsSync(vitestJson)) {
        const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
        passed += report.numPassedTests;
        failed += report.numFailedTests + (report.numTotalTests - report.numPassedTests - report.numFailedTests - (report.numPendingTests ?? 0) - (report.numTodoTests ?? 0));
        if (status !== 0 && report.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
    } else {
        failed += 1;
    }
    if (process.env.ADOPT_SKIP_VSCODE === '1') {
        console.log('ADOPT_SKIP_VSCODE=1: the VS Code suites (tests/vscode/) are skipped.');
    } else {
        const vscodeJson = `${results}/vscode.json`;
        const vscodeStatus = run(process.execPath, ['scripts/test-vscode.mjs', `--results=${vscodeJson}`]);
        if (existsSync(vscodeJson)) {
            const report = JSON.parse(readFileSync(vscodeJson, 'utf8'));
            passed += report.passed;
            failed += report.failed;
        }
        if (vscodeStatus !== 0 && !(existsSync(vscodeJson) && JSON.parse(readFileSync(vscodeJson, 'utf8')).failed > 0)) failed += 1;
    }
} else {
    failed += 1;
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${results}/summary.txt`, summary + '\n');
console.log(summary);
process.exitCode = failed > 0 ? 1 : 0;
