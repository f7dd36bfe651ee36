/**
 * The Plan Overview and the report export in a real VS Code (SPEC section 8): the overview opens
 * beside the editor with the server's data, follows the active plan, updates on an edit, and
 * Adopt: Export Plan Report… writes HTML and Markdown. (Clicks in the view are the UI test's.)
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { planOverviewSchema, type PlanOverview } from '../../../src/protocol/overview-protocol.js';
import { activeApi, closeAllEditors, openPlan, waitFor, workspaceFile } from './helpers.js';

const EXAMPLE = 'riverside-health.adopt';

const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(group => group.tabs);

describe('Plan overview', () => {
    after(closeAllEditors);

    it('Adopt: Open Plan Overview opens the overview of the active plan beside the editor, as the server answers it', async () => {
        await closeAllEditors();
        const editor = await openPlan(EXAMPLE);
        const overview = await vscode.commands.executeCommand<PlanOverview | undefined>('adopt.openOverview');
        const parsed = planOverviewSchema.parse(overview);
        assert.equal(parsed.plan.name, 'RiversideHealth');
        assert.deepEqual(parsed.projects.map(p => [p.rank, p.name, p.score, p.quickWin]), [[1, 'streamRounds', 88, true], [2, 'hashtagContest', 0, false]]);
        assert.deepEqual(parsed.hurdles.map(h => h.id), ['human-bandwidth', 'quick-wins']);
        const tab = await waitFor('the Plan overview tab', () => tabs().find(t => t.label === 'Plan overview — RiversideHealth'), t => t !== undefined);
        assert.ok(tab?.input instanceof vscode.TabInputWebview, 'the overview is a webview');
        assert.match((tab.input as vscode.TabInputWebview).viewType, /adopt\.planOverview$/);
        assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor, not over it');
        const api = await activeApi();
        const state = await waitFor('the view state', () => api.overviewView(), s => s?.overview.plan.name === 'RiversideHealth');
        assert.equal(state?.uri, workspaceFile(EXAMPLE).toString());
    });

    it('follows the active plan, and not an editor of another language', async () => {
        const api = await activeApi();
        await openPlan(EXAMPLE);
        await vscode.commands.executeCommand('adopt.openOverview');
        await openPlan('coastal-research-institute.adopt');
        const state = await waitFor('the overview to follow to CoastalResearch', () => api.overviewView(), s => s?.overview.plan.name === 'CoastalResearch');
        assert.equal(state?.title, 'Plan overview — CoastalResearch');
        await waitFor('the tab title', () => tabs().map(t => t.label), labels => labels.includes('Plan overview — CoastalResearch'));
        const notes = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'notes' }));
        // The view takes the change of the active editor as it comes (the event has come once the editor is active).
        await waitFor('the plain text editor to be active', () => vscode.window.activeTextEditor, editor => editor?.document === notes.document);
        assert.equal(api.overviewView()?.uri, workspaceFile('coastal-research-institute.adopt').toString(), 'a plain text editor leaves the overview on its plan');
        assert.equal(api.overviewView()?.overview.plan.name, 'CoastalResearch');
    });

    it('updates as the plan changes', async () => {
        const api = await activeApi();
        const document = await vscode.workspace.openTextDocument({ language: 'adopt', content: 'plan Draft "Draft plan" {\n  stage s "Start" {\n    project p "Pilot" { }\n  }\n}\n' });
        const editor = await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('adopt.openOverview');
        await waitFor('the overview of the draft', () => api.overviewView(), s => s?.overview.plan.name === 'Draft' && s.overview.projects[0]?.effort === null);
        await editor.edit(edit => edit.insert(new vscode.Position(2, 23), ' effort low action a "Ask" due 2020-01-01 '));
        const state = await waitFor('the edit in the overview', () => api.overviewView(), s => s?.overview.projects[0]?.effort === 'low');
        assert.deepEqual(state?.overview.counts.actions, 1);
        assert.equal(state?.overview.counts.overdueActions, 1);
        assert.ok(state?.overview.diagnostics.some(d => d.code === 'overdue-action'));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('Adopt: Export Plan Report… writes the HTML and the Markdown report of the plan', async () => {
        const plan = workspaceFile(EXAMPLE);
        const html = workspaceFile('riverside-report.html');
        const markdown = workspaceFile('riverside-report.md');
        try {
            const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('adopt.exportReport', { uri: plan.toString(), target: html.toString() });
            assert.equal(written?.toString(), html.toString());
            const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
            assert.match(page, /^<!DOCTYPE html>/);
            assert.match(page, /<h1>Social media at Riverside Health<\/h1>/);
            assert.doesNotMatch(page, /<script/);
            await vscode.commands.executeCommand('adopt.exportReport', { uri: plan.toString(), target: markdown.toString() });
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(markdown));
            assert.match(text, /^# Social media at Riverside Health\n/);
            // The example states no effort: the matrix is the table of quadrants, with no chart.
            assert.match(text, /\| Quadrant \| Where \| Projects \| Quick wins \| Best ranked \|/);
            assert.doesNotMatch(text, /quadrantChart/);
        } finally {
            for (const file of [html, markdown]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
        }
    });

    it('Adopt: Export Calendar… writes the iCalendar of the plan: an event per dated stage and per action with a due date', async () => {
        const plan = workspaceFile('lakeshore-college.adopt');
        const target = workspaceFile('lakeshore.ics');
        try {
            const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('adopt.exportCalendar', { uri: plan.toString(), target: target.toString() });
            assert.equal(written?.toString(), target.toString());
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
            assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
            assert.match(text, /END:VCALENDAR\r\n$/);
            const uids = [...text.matchAll(/^UID:(.*)\r$/gm)].map(match => match[1]);
            // Its three stages have windows; its nine actions have due dates.
            assert.deepEqual(uids.filter(uid => uid.startsWith('stage.')), ['stage.initiation.LakeshoreCollege@adopt', 'stage.rollout.LakeshoreCollege@adopt', 'stage.roadShow.LakeshoreCollege@adopt']);
            assert.equal(uids.filter(uid => uid.startsWith('action.')).length, 9);
            assert.ok(uids.includes('action.recordChemistry.LakeshoreCollege@adopt'));
        } finally {
            await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
        }
    });

    it('contributes its commands in the Adopt category, for .adopt editors', () => {
        const extension = vscode.extensions.all.find(e => e.id === 'adopt.adopt')!;
        const contributes = (extension.packageJSON as { contributes: { commands: Array<{ command: string; title: string; category: string }>; menus: Record<string, Array<{ command: string; when?: string }>> } }).contributes;
        const commands = Object.fromEntries(contributes.commands.map(c => [c.command, `${c.category}: ${c.title}`]));
        assert.equal(commands['adopt.openOverview'], 'Adopt: Open Plan Overview');
        assert.equal(commands['adopt.exportReport'], 'Adopt: Export Plan Report…');
        assert.equal(commands['adopt.exportCalendar'], 'Adopt: Export Calendar…');
        const palette = contributes.menus.commandPalette;
        assert.match(palette.find(m => m.command === 'adopt.exportCalendar')?.when ?? '', /editorLangId == adopt/);
        assert.match(palette.find(m => m.command === 'adopt.openOverview')?.when ?? '', /editorLangId == adopt/);
        assert.match(palette.find(m => m.command === 'adopt.exportReport')?.when ?? '', /editorLangId == adopt/);
    });
});
