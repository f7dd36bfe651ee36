/**
 * Rule control and CI integration in a real VS Code (SPEC section 9): a bad `adopt.config.json`
 * gets a diagnostic on the file itself, VS Code's JSON support checks and completes the file
 * with the extension's schema, an edit of the file re-checks the open plans, the setting
 * `adopt.diagnostics.severity`, the quick fix "Ignore CODE on this line", and a task running
 * `adopt check` with the problem matcher `$adopt`.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, codeOf, diagnosticsWithCode, EXTENSION_ID, waitFor, workspaceFile } from './helpers.js';

const FOLDER = 'rule-control';
const PLAN = `${FOLDER}/plan.adopt`;
const CONFIG = `${FOLDER}/adopt.config.json`;

async function writeText(name: string, text: string): Promise<vscode.Uri> {
    const uri = workspaceFile(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
}

async function examplePlan(): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('riverside-health.adopt')));
}

// The example's diagnostics: hashtagContest's three (SPEC section 3), and the warning that the
// facebook channel it uses is never launched (channel-not-launched, SPEC section 7).
const codesIn = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(codeOf).sort();

describe('Rule control: adopt.config.json, suppressions and adopt check in tasks', () => {
    after(async () => {
        await closeAllEditors();
        await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true, useTrash: false });
    });

    it('shows a config file\'s bad severity on the config file itself; the plan keeps the defaults', async () => {
        const config = await writeText(CONFIG, '{\n  "severity": {\n    "low-reach": "loud"\n  }\n}\n');
        const plan = await writeText(PLAN, await examplePlan());
        await activeApi();
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plan));
        const [problem] = await waitFor('a diagnostic on adopt.config.json', () => diagnosticsWithCode(config, 'invalid-config'), d => d.length === 1);
        assert.equal(problem?.severity, vscode.DiagnosticSeverity.Error);
        assert.match(problem?.message ?? '', /^severity\.low-reach must be one of error, warning, information, hint or off, not the text "loud"/);
        assert.equal(problem?.range.start.line, 2);
        await waitFor('the default diagnostics on the plan', () => codesIn(plan), codes => codes.join() === 'channel-not-launched,freestanding-project,low-reach,untapped-opportunity');
    });

    it('checks adopt.config.json with the extension\'s JSON schema (VS Code\'s JSON support)', async () => {
        const config = workspaceFile(CONFIG);
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config));
        assert.equal(editor.document.languageId, 'json');
        const schemaProblems = await waitFor('the JSON schema\'s diagnostic on the wrong value',
            () => vscode.languages.getDiagnostics(config).filter(d => codeOf(d) !== 'invalid-config'), d => d.length > 0);
        assert.equal(schemaProblems[0]?.range.start.line, 2);
        assert.match(schemaProblems.map(d => d.message).join('\n'), /error.*warning.*information.*hint.*off/s);
    });

    it('completes the codes of severity from the schema', async () => {
        const document = await vscode.workspace.openTextDocument(workspaceFile(CONFIG));
        const position = new vscode.Position(1, '  "severity": {'.length);
        const labels = await waitFor('completion of the severity codes',
            async () => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)).items
                .map(item => (typeof item.label === 'string' ? item.label : item.label.label)),
            items => items.some(label => label.includes('vanity-metric')));
        for (const code of ['few-managers', 'unused-suppression']) assert.ok(labels.some(label => label.includes(code)), `${code} in ${labels.join(', ')}`);
        assert.ok(!labels.some(label => label.includes('syntax-error')), 'syntax-error cannot be configured');
        assert.ok(!labels.some(label => label.includes('low-reach')), 'low-reach is in the file already');
    });

    it('re-checks the open plans when the config file changes', async () => {
        const config = await writeText(CONFIG, '{ "severity": { "low-reach": "off", "freestanding-project": "warning" } }\n');
        const plan = workspaceFile(PLAN);
        await waitFor('the config file\'s error to go', () => diagnosticsWithCode(config, 'invalid-config'), d => d.length === 0);
        await waitFor('the plan checked with the new rules', () => codesIn(plan), codes => codes.join() === 'channel-not-launched,freestanding-project,untapped-opportunity');
        assert.equal(diagnosticsWithCode(plan, 'freestanding-project')[0]?.severity, vscode.DiagnosticSeverity.Warning);
        await vscode.workspace.fs.delete(config);
        await waitFor('the defaults once the config file is gone', () => codesIn(plan), codes => codes.join() === 'channel-not-launched,freestanding-project,low-reach,untapped-opportunity');
    });

    it('takes the severity per code from the setting adopt.diagnostics.severity', async () => {
        const plan = workspaceFile(PLAN);
        const settings = vscode.workspace.getConfiguration('adopt.diagnostics');
        await settings.update('severity', { 'low-reach': 'off', 'untapped-opportunity': 'warning' }, vscode.ConfigurationTarget.Global);
        try {
            await waitFor('the plan checked with the setting', () => codesIn(plan), codes => codes.join() === 'channel-not-launched,freestanding-project,untapped-opportunity');
            assert.equal(diagnosticsWithCode(plan, 'untapped-opportunity')[0]?.severity, vscode.DiagnosticSeverity.Warning);
        } finally {
            await settings.update('severity', undefined, vscode.ConfigurationTarget.Global);
        }
        await waitFor('the defaults again', () => codesIn(plan), codes => codes.join() === 'channel-not-launched,freestanding-project,low-reach,untapped-opportunity');
    });

    it('applies "Ignore CODE on this line": the comment is inserted and the diagnostic goes away', async () => {
        const { document } = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(PLAN)));
        const [lowReach] = await waitFor('low-reach', () => diagnosticsWithCode(document.uri, 'low-reach'), d => d.length === 1);
        const actions = await waitFor('the ignore quick fix',
            async () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, lowReach!.range, vscode.CodeActionKind.QuickFix.value),
            offered => offered.some(action => action.title === 'Ignore low-reach on this line'));
        const fix = actions.find(action => action.title === 'Ignore low-reach on this line')!;
        assert.equal(fix.kind?.value, 'quickfix');
        assert.ok(fix.edit && await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
        assert.match(document.getText(), /\n {4}\/\/ adopt-ignore low-reach\r?\n {4}project hashtagContest/);
        await waitFor('low-reach to go away', () => codesIn(document.uri), codes => codes.join() === 'channel-not-launched,freestanding-project,untapped-opportunity');
        // Leave the plan as it was (a revert runs no save participants, which a busy machine may time out).
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await waitFor('the plan reverted', () => document.isDirty || document.getText().includes('adopt-ignore low-reach'), changed => !changed);
    });

    it('fills the Problems panel from a task running adopt check with the problem matcher $adopt', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        const folder = vscode.workspace.workspaceFolders![0]!;
        // Plans in files not named .adopt: the language server leaves them alone, so what VS Code
        // shows for them comes from the task's output alone.
        const target = await writeText(`${FOLDER}/plan-for-task.txt`, await examplePlan());
        const tiny = await writeText(`${FOLDER}/tiny-plan-for-task.txt`, 'plan Tiny "Tiny" {\n}\n');
        const cli = vscode.Uri.joinPath(extension.extensionUri, 'bin', 'adopt.cjs').fsPath;
        // A shell task, as a tasks.json of "type": "shell" runs it (see docs/configuration.md). VS Code's
        // terminal may end a task before it has read the last lines of a process that exits at once
        // (microsoft/vscode#92868, #184523), so the shell exits (with adopt check's status) only once
        // this test has written a line to a FIFO. It does so when the first plan's problems show:
        // the matcher reports a file's problems when a line about the next file comes (the tiny
        // plan's one line), so by then every line of problems has been read.
        const release = workspaceFile(`${FOLDER}/task-may-end`).fsPath;
        const command = `mkfifo ${JSON.stringify(release)}; ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} check ${FOLDER}/plan-for-task.txt ${FOLDER}/tiny-plan-for-task.txt; status=$?; read line < ${JSON.stringify(release)}; exit $status`;
        const task = new vscode.Task({ type: 'shell' }, folder, 'adopt check', 'adopt',
            new vscode.ShellExecution(command, { cwd: folder.uri.fsPath, executable: '/bin/sh', shellArgs: ['-c'] }), ['$adopt']);
        const ended = new Promise<number | undefined>(resolve => {
            const listener = vscode.tasks.onDidEndTaskProcess(event => {
                if (event.execution.task.name === 'adopt check') {
                    listener.dispose();
                    resolve(event.exitCode);
                }
            });
        });
        await vscode.tasks.executeTask(task);
        const problems = await waitFor('the task\'s problems', () => vscode.languages.getDiagnostics(target), d => d.length === 4);
        await waitFor('the task\'s FIFO', async () => (await stat(release).catch(() => undefined))?.isFIFO() === true, made => made);
        await writeFile(release, 'seen\n'); // opening it waits for the shell's read, off the extension host's thread
        assert.equal(await ended, 0, 'adopt check exits 0 (the plans have no errors)');
        // The last file's problems are reported when the task ends.
        const tinyProblems = await waitFor('the tiny plan\'s problem', () => vscode.languages.getDiagnostics(tiny), d => d.length === 1);
        assert.equal(codeOf(tinyProblems[0]!), 'few-managers');
        assert.equal(tinyProblems[0]!.severity, vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(problems.map(codeOf).sort(), ['channel-not-launched', 'freestanding-project', 'low-reach', 'untapped-opportunity']);
        for (const problem of problems) {
            const launch = codeOf(problem) === 'channel-not-launched';
            assert.equal(problem.severity, launch ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
            assert.equal(problem.range.start.line, launch ? 36 : 34);
            assert.equal(problem.range.start.character, launch ? 11 : 12);
            assert.equal(problem.source, 'adopt');
        }
    });
});
