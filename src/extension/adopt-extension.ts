/**
 * The Adopt extension for VS Code, on both of its hosts (main.ts on the desktop, browser-main.ts
 * in VS Code for the Web): connects the language client it is given, and adds the commands
 * "Adopt: Rank Quick Wins" (a webview of the ranked projects of the active plan),
 * "Adopt: Rank Quick Wins in the Workspace" (every plan, grouped by plan) and "Adopt: New Plan"
 * (a commented starter plan), a status bar item with the number of quick wins, a
 * getting-started walkthrough (package.json), and "Adopt: Open Plan Overview" (the whole plan
 * beside the editor) with "Adopt: Export Plan Report…" (HTML or Markdown). `activateAdopt` returns a small API that the
 * extension tests use.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RANK_QUICK_WINS_COMMAND, RANK_WORKSPACE_COMMAND, type RankResult, type WorkspaceRanking } from '../protocol/rank-protocol.js';
import { LANGUAGE_ID } from './adopt-language.js';
import { NEW_PLAN_COMMAND, newPlan } from './new-plan.js';
import { projectsSourceFor, rankSourceFor, workspaceRankSourceFor } from './rank-client.js';
import { RankPanel, type RankSources, type RankViewState } from './rank-panel.js';
import { QuickWinsStatus } from './status-bar.js';
import { EXPORT_REPORT_COMMAND, OPEN_OVERVIEW_COMMAND, type PlanOverview } from '../protocol/overview-protocol.js';
import { EXPORT_CALENDAR_COMMAND, exportCalendar } from './export-calendar.js';
import { exportReport } from './export-report.js';
import { overviewSourceFor, type OverviewSource } from './overview-client.js';
import { OverviewPanel, type OverviewViewState } from './overview-panel.js';
import type { ComparisonSource } from './git-baseline.js';

export interface AdoptExtensionApi {
    readonly client: BaseLanguageClient;
    /** The ranking of an open plan, as the server answers `adopt/rankQuickWins`. */
    rankQuickWins(document: vscode.TextDocument): Promise<RankResult>;
    /** The status bar text now, e.g. "$(star) 1 quick win" (empty while hidden). */
    statusText(): string;
    /** What the Quick wins view shows now (undefined while it is closed). */
    rankView(): RankViewState | undefined;
    /** What the Plan Overview shows now (undefined while it is closed). */
    overviewView(): OverviewViewState | undefined;
}

/** What differs between the hosts: the language client, and how the overview compares a plan with its history. */
export interface ExtensionHost {
    readonly client: BaseLanguageClient;
    /** The plan compared with its last commit, or why there is no history here (no git in the browser). */
    readonly history: ComparisonSource | { readonly unavailable: string };
    /** Set to open the walkthrough on a first start (`npm start`). */
    readonly openWalkthrough?: boolean;
}

let client: BaseLanguageClient | undefined;

export async function activateAdopt(context: vscode.ExtensionContext, host: ExtensionHost): Promise<AdoptExtensionApi> {
    client = host.client;
    const sources: RankSources = { plan: rankSourceFor(client), workspace: workspaceRankSourceFor(client) };
    await client.start();
    const status = new QuickWinsStatus(projectsSourceFor(client));
    context.subscriptions.push(
        status,
        vscode.commands.registerCommand(RANK_QUICK_WINS_COMMAND, (target?: unknown) => rankQuickWins(context, sources, target)),
        vscode.commands.registerCommand(RANK_WORKSPACE_COMMAND, () => rankWorkspace(context, sources)),
        vscode.commands.registerCommand(NEW_PLAN_COMMAND, (argument?: unknown) => newPlan(argument)),
        ...overviewCommands(context, overviewSourceFor(client), host.history)
    );
    if (host.openWalkthrough) openWalkthroughOnFirstStart(context);
    return {
        client, rankQuickWins: async document => (await sources.plan(document)).result, statusText: () => status.text, rankView: () => RankPanel.state(),
        overviewView: () => OverviewPanel.state()
    };
}

/** Whether the walkthrough was opened for `ADOPT_OPEN_WALKTHROUGH` in this profile. */
const WALKTHROUGH_OPENED = 'adopt.walkthroughOpened';

/** The walkthrough opens beside the example plan, once per profile (a later start keeps the editors the person left). */
function openWalkthroughOnFirstStart(context: vscode.ExtensionContext): void {
    if (context.globalState.get<boolean>(WALKTHROUGH_OPENED)) return;
    void context.globalState.update(WALKTHROUGH_OPENED, true);
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#gettingStarted`, true);
}

export async function deactivateAdopt(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** The command: ranks the plan of the given file (editor title menu) or of the active editor. */
async function rankQuickWins(context: vscode.ExtensionContext, sources: RankSources, target: unknown): Promise<RankResult | undefined> {
    const document = await planDocument(target);
    if (!document) {
        void vscode.window.showInformationMessage('Open an Adopt plan (.adopt file) to rank its projects, or rank every plan of the workspace.', 'Rank the workspace')
            .then(choice => choice && vscode.commands.executeCommand(RANK_WORKSPACE_COMMAND));
        return undefined;
    }
    return failSoftly(() => RankPanel.showPlan(context, document, sources));
}

/** The command: ranks every plan of the workspace, grouped by plan. */
async function rankWorkspace(context: vscode.ExtensionContext, sources: RankSources): Promise<WorkspaceRanking | undefined> {
    const document = await planDocument(undefined);
    return failSoftly(() => RankPanel.showWorkspace(context, sources, document));
}

async function failSoftly<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
        return await action();
    } catch (error) {
        void vscode.window.showErrorMessage(`Adopt could not rank the projects: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
}

/** Adopt: Open Plan Overview, Adopt: Export Plan Report… and Adopt: Export Calendar…. */
function overviewCommands(context: vscode.ExtensionContext, source: OverviewSource, compare: ComparisonSource | { readonly unavailable: string }): vscode.Disposable[] {
    const generator = `Adopt ${String((context.extension.packageJSON as { version?: unknown }).version ?? '')}`.trim();
    const save = (plan: vscode.TextDocument | undefined, argument?: unknown) => exportReport(source, generator, plan, argument);
    const open = async (target?: unknown): Promise<PlanOverview | undefined> => {
        const document = await planDocument(target);
        if (!document) {
            void vscode.window.showInformationMessage('Open an Adopt plan (.adopt file) to see its overview.');
            return undefined;
        }
        try {
            return await OverviewPanel.show(context, document, source, plan => save(plan), compare);
        } catch (error) {
            void vscode.window.showErrorMessage(`Adopt could not show the overview: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    };
    return [
        vscode.commands.registerCommand(OPEN_OVERVIEW_COMMAND, open),
        vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, async (argument?: unknown) => save(await exportedPlan(), argument)),
        vscode.commands.registerCommand(EXPORT_CALENDAR_COMMAND, async (argument?: unknown) => exportCalendar(source, await exportedPlan(), argument))
    ];
}

/** The plan an export is of: the active plan, else the one the overview shows, else a visible plan. */
async function exportedPlan(): Promise<vscode.TextDocument | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    return active?.languageId === LANGUAGE_ID ? active : OverviewPanel.document() ?? await planDocument(undefined);
}

async function planDocument(target: unknown): Promise<vscode.TextDocument | undefined> {
    if (target instanceof vscode.Uri) {
        const document = await vscode.workspace.openTextDocument(target);
        return document.languageId === LANGUAGE_ID ? document : undefined;
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === LANGUAGE_ID) return active;
    return vscode.window.visibleTextEditors.find(editor => editor.document.languageId === LANGUAGE_ID)?.document;
}
