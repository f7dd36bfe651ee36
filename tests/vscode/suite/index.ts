/**
 * Entry point of the extension-host suite: the `run()` that VS Code calls with
 * `--extensionTestsPath` (desktop, @vscode/test-electron) or the `extensionTestsPath` payload
 * (code-server). Runs the mocha tests and, when ADOPT_VSCODE_RESULTS names a file, writes
 * `{ passed, failed, tests }` there for scripts/test-vscode.mjs.
 */
/// <reference types="mocha" />
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

interface TestOutcome {
    readonly title: string;
    readonly state: 'passed' | 'failed';
    readonly error?: string;
}

export async function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    mocha.suite.emit('pre-require', globalThis, 'adopt-extension-suite', mocha);
    await import('./extension.test.js');
    await import('./rule-control.test.js');
    await import('./overview.test.js');
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
