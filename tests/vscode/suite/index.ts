/**
 * Entry point of the extension-host suite: the `run()` that VS Code calls with
 * `--extensionTestsPath` (desktop, @vscode/test-electron) or the `extensionTestsPath` payload
 * (code-server). Runs the mocha tests and, when ADOPT_VSCODE_RESULTS names a file, writes
 * `{ passed, failed, tests }` there for scripts/test-vscode.mjs. ADOPT_VSCODE_SUITES (names of
 * SUITES, separated by commas) runs only those files; every file runs without it.
 */
/// <reference types="mocha" />
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

interface TestOutcome {
    readonly title: string;
    readonly state: 'passed' | 'failed';
    readonly error?: string;
}

/** The suite's files, by name. */
const SUITES: Readonly<Record<string, () => Promise<unknown>>> = {
    extension: () => import('./extension.test.js'),
    'rule-control': () => import('./rule-control.test.js'),
    overview: () => import('./overview.test.js'),
    workspace: () => import('./workspace.test.js')
};

function chosenSuites(): Array<() => Promise<unknown>> {
    const names = (process.env.ADOPT_VSCODE_SUITES ?? '').split(',').map(name => name.trim()).filter(name => name !== '');
    if (names.length === 0) return Object.values(SUITES);
    const unknown = names.filter(name => !(name in SUITES));
    if (unknown.length > 0) throw new Error(`ADOPT_VSCODE_SUITES names no suite file: ${unknown.join(', ')} (the files: ${Object.keys(SUITES).join(', ')})`);
    return names.map(name => SUITES[name]);
}

export async function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    mocha.suite.emit('pre-require', globalThis, 'adopt-extension-suite', mocha);
    for (const load of chosenSuites()) await load();
    const outcomes: TestOutcome[] = [];
    const failures = await new Promise<number>(resolve => {
        const runner = mocha.run(resolve);
        runner.on('pass', test => outcomes.push({ title: test.fullTitle(), state: 'passed' }));
        runner.on('fail', (test, error: unknown) =>
            outcomes.push({ title: test.fullTitle(), state: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) }));
    });
    const summary = { passed: outcomes.filter(o => o.state === 'passed').length, failed: Math.max(failures, outcomes.filter(o => o.state === 'failed').length), tests: outcomes };
    const file = process.env.ADOPT_VSCODE_RESULTS;
    if (file) writeFileSync(file, JSON.stringify(summary, null, 2));
    if (summary.failed > 0) throw new Error(`${summary.failed} extension test(s) failed`);
}
