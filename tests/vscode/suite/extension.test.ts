/**
 * The extension in a real VS Code (desktop via @vscode/test-electron, or code-server's extension
 * host): activation, diagnostics, hover, code lens, quick fixes applied through a workspace
 * edit, the rank command's data, the Quick wins view following the active plan and ranking the
 * workspace, the status bar, the settings, completion with its snippets, Adopt: New Plan and the
 * getting-started walkthrough.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeAction, Command } from 'vscode-languageclient/node';
import { rankResultSchema, workspaceRankingSchema, type RankResult, type WorkspaceRanking } from '../../../src/protocol/rank-protocol.js';
import { STARTER_PLAN } from '../../../src/language/starter/starter-plan.js';
import {
    activeApi, closeAllEditors, codeOf, diagnosticsWithCode, EXTENSION_ID, hoverText, openPlan, positionOf, waitFor, workspaceFile
} from './helpers.js';

const EXAMPLE = 'riverside-health.adopt';
const FIXTURE = 'quick-fixes.adopt';
const LIVING = 'lakeshore-college.adopt';

describe('Adopt extension', () => {
    after(closeAllEditors);

    it('activates for an .adopt file and gives it the language adopt', async () => {
        const editor = await openPlan(EXAMPLE);
        assert.equal(editor.document.languageId, 'adopt');
        const api = await activeApi();
        assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
        assert.ok(api.client.isRunning(), 'the language client is running');
    });

    it('shows diagnostics with their codes on the example plan', async () => {
        const { document } = await openPlan(EXAMPLE);
        const diagnostics = await waitFor('diagnostics on the example', () => vscode.languages.getDiagnostics(document.uri), d => d.length >= 3);
        const codes = diagnostics.map(codeOf);
        for (const code of ['freestanding-project', 'untapped-opportunity', 'low-reach']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
        const freestanding = diagnosticsWithCode(document.uri, 'freestanding-project')[0];
        assert.equal(freestanding?.severity, vscode.DiagnosticSeverity.Information);
        assert.equal(freestanding?.range.start.line, positionOf(document, 'project hashtagContest').line);
        assert.match(freestanding?.message ?? '', /hashtagContest/);
    });

    it('hovers a project with its score and rank', async () => {
        const { document } = await openPlan(EXAMPLE);
        const position = positionOf(document, 'project streamRounds', 'project '.length + 2);
        const text = await waitFor('a hover on streamRounds',
            async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)),
            value => value.includes('score 88'));
        assert.match(text, /score 88/);
        assert.match(text, /rank 1 of 2/);
    });

    it('puts a code lens with score, rank and quick-win status above each project', async () => {
        const { document } = await openPlan(EXAMPLE);
        const lenses = await waitFor('code lenses',
            async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10),
            value => value.length >= 2 && value.every(lens => lens.command?.title));
        const titles = lenses.map(lens => lens.command?.title);
        assert.ok(titles.includes('score 88 · rank 1 of 2 · quick win'), titles.join(' | '));
        const streamLens = lenses.find(lens => lens.command?.title === 'score 88 · rank 1 of 2 · quick win');
        assert.equal(streamLens?.range.start.line, positionOf(document, 'project streamRounds').line);
    });

    it("shows on a plan under way a metric's progress on hover, the actions done in the code lens, and the overdue action (ADOPT_TODAY)", async () => {
        const { document } = await openPlan(LIVING);
        const progress = await waitFor('a hover on archiveViews',
            async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'archiveViews', 2))),
            value => value.includes('progress'));
        assert.match(progress, /320 of 500, 64%/);
        const lenses = await waitFor('code lenses on the plan under way',
            async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10),
            value => value.length >= 2 && value.every(lens => lens.command?.title));
        const archive = lenses.find(lens => lens.range.start.line === positionOf(document, 'project lectureArchive').line);
        assert.equal(archive?.command?.title, 'score 74.5 · rank 1 of 2 · quick win · 1/3 actions done · late');
        // The test runs with ADOPT_TODAY=2027-03-01 (scripts/test-vscode.mjs): recordChemistry, due 20 February, is overdue.
        const [overdue] = await waitFor('overdue-action', () => diagnosticsWithCode(document.uri, 'overdue-action'), d => d.length === 1);
        assert.equal(document.getText(overdue!.range), '2027-02-20');
        assert.equal(overdue!.severity, vscode.DiagnosticSeverity.Warning);
        const action = await waitFor('a hover on recordChemistry',
            async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'recordChemistry', 2))),
            value => value.includes('overdue'));
        assert.match(action, /due: 20 February 2027 \(9 days ago\)/);
    });

    it('applies the mantra-missing quick fix through a workspace edit', async () => {
        const { document } = await openPlan(FIXTURE);
        const [diagnostic] = await waitFor('mantra-missing', () => diagnosticsWithCode(document.uri, 'mantra-missing'), d => d.length === 1);
        const fix = await quickFixFor(document, diagnostic!, 'mantra-missing');
        assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
        assert.match(document.getText(), /stage start "Build human bandwidth" \{\r?\n\s*mantra "The status quo must go!"\r?\n\s*goal buyIn/);
        await waitFor('mantra-missing to go away', () => diagnosticsWithCode(document.uri, 'mantra-missing'), d => d.length === 0);
        assert.equal(errorsIn(document).length, 0, 'the fixed plan parses without errors');
    });

    it('applies a freestanding-project quick fix: the project supports an initiative', async () => {
        const { document } = await openPlan(FIXTURE);
        const [diagnostic] = await waitFor('freestanding-project', () => diagnosticsWithCode(document.uri, 'freestanding-project'), d => d.length === 1);
        const fix = await quickFixFor(document, diagnostic!, 'freestanding-project');
        assert.equal(fix.title, "Support initiative 'rounds'");
        assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
        assert.match(document.getText(), /project videos "Record the rounds" \{\r?\n\s*supports rounds\r?\n\s*involves ana, ben/);
        await waitFor('freestanding-project to go away', () => diagnosticsWithCode(document.uri, 'freestanding-project'), d => d.length === 0);
        const api = await activeApi();
        const ranked = await waitFor('videos to become a quick win', () => api.rankQuickWins(document), result => result.projects[0]?.quickWin === true);
        assert.equal(ranked.projects[0]?.score, 100);
    });

    it('ranks the quick wins: the command returns the ranking it shows', async () => {
        await openPlan(EXAMPLE);
        const result = await vscode.commands.executeCommand<RankResult | undefined>('adopt.rankQuickWins');
        assert.ok(result, 'the command returns the ranking');
        const parsed = rankResultSchema.parse(result);
        assert.equal(parsed.plan, 'RiversideHealth');
        assert.deepEqual(parsed.projects.map(p => [p.rank, p.name, p.score, p.quickWin]), [[1, 'streamRounds', 88, true], [2, 'hashtagContest', 0, false]]);
        assert.deepEqual(parsed.projects[0]?.parts, { reach: 25, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 });
        assert.ok((parsed.projects[1]?.missing ?? []).length > 0, 'what keeps hashtagContest from being a quick win');
        const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(group => group.tabs);
        const panelTab = await waitFor('the Quick wins panel', () => tabs().find(tab => tab.label === 'Quick wins — RiversideHealth'), tab => tab !== undefined);
        assert.ok(panelTab?.input instanceof vscode.TabInputWebview, 'the panel is a webview');
        assert.match((panelTab.input as vscode.TabInputWebview).viewType, /adopt\.quickWins$/);
    });

    it('the Quick wins view follows the active plan, and not an editor of another language', async () => {
        const api = await activeApi();
        await openPlan(EXAMPLE);
        await vscode.commands.executeCommand('adopt.rankQuickWins');
        await waitFor('the view on RiversideHealth', () => api.rankView(), state => state?.mode === 'plan' && state.plan?.plan === 'RiversideHealth');
        await openPlan('northfield-university.adopt');
        const state = await waitFor('the view to follow to NorthfieldUniversity', () => api.rankView(), s => s?.plan?.plan === 'NorthfieldUniversity');
        assert.equal(state?.title, 'Quick wins — NorthfieldUniversity');
        await waitFor('the tab title', () => tabLabels(), labels => labels.includes('Quick wins — NorthfieldUniversity'));
        const notes = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'notes' }));
        // The view takes the change of the active editor as it comes (the event has come once the editor is active).
        await waitFor('the plain text editor to be active', () => vscode.window.activeTextEditor, editor => editor?.document === notes.document);
        assert.equal(api.rankView()?.uri, workspaceFile('northfield-university.adopt').toString(), 'a plain text editor leaves the view on its plan');
        assert.equal(api.rankView()?.plan?.plan, 'NorthfieldUniversity');
    });

    it('ranks every plan of the workspace, grouped by plan, and switches back to the plan', async () => {
        const api = await activeApi();
        await openPlan(EXAMPLE);
        const ranking = await vscode.commands.executeCommand<WorkspaceRanking | undefined>('adopt.rankWorkspaceQuickWins');
        const parsed = workspaceRankingSchema.parse(ranking);
        const names = parsed.plans.map(plan => plan.plan);
        for (const name of ['CoastalResearch', 'NorthfieldUniversity', 'QuickFixes', 'RiversideHealth']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
        assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
        const riverside = parsed.plans.find(plan => plan.plan === 'RiversideHealth')!;
        assert.equal(riverside.uri, workspaceFile(EXAMPLE).toString());
        assert.deepEqual(riverside.projects.map(p => [p.rank, p.name, p.score]), [[1, 'streamRounds', 88], [2, 'hashtagContest', 0]]);
        const state = await waitFor('the workspace mode', () => api.rankView(), s => s?.mode === 'workspace');
        assert.equal(state?.title, 'Quick wins — workspace');
        assert.deepEqual(state?.plans?.find(plan => plan.result.plan === 'RiversideHealth')?.file, EXAMPLE);
        await openPlan('northfield-university.adopt');
        // The view has followed the active editor (its plan for the plan mode), and stays in the workspace mode.
        const followed = await waitFor('the view to follow the active plan', () => api.rankView(), s => s?.uri === workspaceFile('northfield-university.adopt').toString());
        assert.equal(followed?.mode, 'workspace', 'the workspace mode stays when another plan is opened');
        await vscode.commands.executeCommand('adopt.rankQuickWins');
        await waitFor('the plan mode again', () => api.rankView(), s => s?.mode === 'plan' && s.plan?.plan === 'NorthfieldUniversity');
    });

    it('counts the quick wins in the status bar for .adopt files', async () => {
        const api = await activeApi();
        await openPlan(EXAMPLE);
        await waitFor('the status bar text', () => api.statusText(), text => text === '$(star) 1 quick win');
    });

    it('takes the quick-win threshold from the settings', async () => {
        const api = await activeApi();
        const { document } = await openPlan(EXAMPLE);
        const settings = vscode.workspace.getConfiguration('adopt.quickWins');
        await settings.update('threshold', 90, vscode.ConfigurationTarget.Global);
        try {
            const result = await waitFor('streamRounds below a threshold of 90', () => api.rankQuickWins(document), r => r.projects[0]?.quickWin === false);
            assert.equal(result.projects[0]?.score, 88);
        } finally {
            await settings.update('threshold', undefined, vscode.ConfigurationTarget.Global);
        }
        await waitFor('the default threshold again', () => api.rankQuickWins(document), r => r.projects[0]?.quickWin === true);
    });

    it('expands the plan snippet, offered by completion in an empty file, to a plan that parses', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'adopt', content: '' });
        const editor = await vscode.window.showTextDocument(document);
        const snippet = await waitFor('the plan snippet in the completion list',
            async () => (await completionsAt(document, new vscode.Position(0, 0))).find(item => item.kind === vscode.CompletionItemKind.Snippet && labelOf(item) === 'plan'),
            item => item !== undefined);
        const body = snippet!.insertText;
        assert.ok(body instanceof vscode.SnippetString, 'the snippet inserts a snippet string');
        assert.ok(await editor.insertSnippet(body), 'the snippet is inserted');
        assert.match(document.getText(), /^plan MyPlan "Social media at our organization" \{/);
        const api = await activeApi();
        const result = await waitFor('the snippet plan to be ranked', () => api.rankQuickWins(document), r => r.projects.length === 1);
        assert.deepEqual(result.diagnostics.filter(d => d.severity === 'error'), []);
        assert.equal(result.projects[0]?.quickWin, true, 'the skeleton project is a quick win');
    });

    it('Adopt: New Plan writes the commented starter plan in an untitled editor, and it parses', async () => {
        const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('adopt.newPlan', { target: 'untitled' });
        assert.ok(document, 'a document');
        assert.equal(document.languageId, 'adopt');
        assert.equal(document.isUntitled, true);
        assert.equal(document.getText(), STARTER_PLAN);
        assert.equal(vscode.window.activeTextEditor?.document, document, 'it is shown');
        const api = await activeApi();
        const result = await waitFor('the starter plan to be ranked', () => api.rankQuickWins(document), r => r.projects.length === 1);
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.projects[0]?.quickWin, true);
    });

    it('Adopt: New Plan writes a file, and never overwrites one', async () => {
        const target = workspaceFile('my-first-plan.adopt');
        const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('adopt.newPlan', { target });
        assert.equal(document?.uri.toString(), target.toString());
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), STARTER_PLAN);
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('plan Mine "Mine" { }\n'));
        const again = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('adopt.newPlan', { target });
        assert.equal(again, undefined);
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'plan Mine "Mine" { }\n');
        await vscode.workspace.fs.delete(target);
    });

    it('contributes a getting-started walkthrough whose media exist and whose links run commands', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: Array<{ id: string; steps: Array<{ description: string; media: Record<string, string> }> }> } }).contributes.walkthroughs;
        assert.equal(walkthroughs.length, 1);
        const commands = new Set(await vscode.commands.getCommands(true));
        for (const step of walkthroughs[0]!.steps) {
            const media = step.media.markdown ?? step.media.image ?? step.media.svg;
            assert.ok(media, 'each step has media');
            await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, media));
            const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map(match => match[1]!);
            assert.ok(links.length > 0, 'each step has a command link');
            for (const command of links) assert.ok(commands.has(command), `${command} is a command`);
        }
        assert.ok(walkthroughs[0]!.steps.some(step => step.description.includes('command:adopt.newPlan')));
        // It speaks of what users see: the editor, the plan and its checks, not a document they never get.
        for (const step of walkthroughs[0]!.steps) {
            const media = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown ?? step.media.image ?? step.media.svg ?? '')));
            for (const text of [step.description, media]) assert.doesNotMatch(text, /\bSPEC\b/, `the walkthrough names the SPEC: ${text.slice(0, 200)}`);
        }
        // The suggestion button says what it does and its key.
        assert.ok(walkthroughs[0]!.steps.some(step => /\[[^\]]*\(Ctrl\+Space\)\]\(command:editor\.action\.triggerSuggest\)/.test(step.description)));
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthroughs[0]!.id}`, false);
        await closeAllEditors();
    });

    it('offers in a project body only what may stand there: no plan, member, stage, goal or project snippet', async () => {
        const { document } = await openPlan(EXAMPLE);
        const position = positionOf(document, '      uses facebook\n', '      uses facebook\n'.length);
        // What the language server proposes (VS Code adds the words of open files as plain text).
        const fromServer = async () => (await completionsAt(document, position)).filter(item => item.kind !== vscode.CompletionItemKind.Text);
        const items = await waitFor('completion in a project body', fromServer, list => list.some(item => labelOf(item) === 'supports'));
        const snippets = items.filter(item => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
        assert.deepEqual(snippets.sort(), ['action', 'metric']);
        for (const word of ['plan', 'member', 'stage', 'goal', 'project']) assert.ok(!items.some(item => labelOf(item) === word), `${word} is not offered`);
    });
});

/**
 * The quick fix for the diagnostic with `code`: asked from the language server with that
 * diagnostic (LSP code actions carry their diagnostics, VS Code's command result does not),
 * converted as the client converts it, and also offered by VS Code's code action provider
 * (what the light bulb shows).
 */
async function quickFixFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, code: string): Promise<vscode.CodeAction> {
    const { client } = await activeApi();
    // By method name: the suite's bundle has its own copy of the protocol's classes.
    const answer = await client.sendRequest<(CodeAction | Command)[] | null>('textDocument/codeAction', {
        textDocument: { uri: document.uri.toString() },
        range: client.code2ProtocolConverter.asRange(diagnostic.range),
        context: { diagnostics: [client.code2ProtocolConverter.asDiagnostic(diagnostic)], only: ['quickfix'] }
    });
    const lspFix = (answer ?? []).find((action): action is CodeAction =>
        'kind' in action && action.kind === 'quickfix' && (action.diagnostics ?? []).some(d => String(d.code) === code));
    assert.ok(lspFix, `a quickfix carrying ${code} among ${JSON.stringify(answer)}`);
    const fix = await client.protocol2CodeConverter.asCodeAction(lspFix);
    assert.ok(fix.edit, 'the quick fix carries a workspace edit');
    // VS Code asks with the markers it holds at that moment; ask again until it offers the fix
    // (fails after waitFor's timeout if it never does).
    await waitFor(`VS Code to offer "${fix.title}"`,
        async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)).map(action => `${action.kind?.value} ${action.title}`),
        offered => offered.includes(`quickfix ${fix.title}`));
    return fix;
}

function tabLabels(): string[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs).map(tab => tab.label);
}

function errorsIn(document: vscode.TextDocument): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(document.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
}

async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
    return typeof item.label === 'string' ? item.label : item.label.label;
}
