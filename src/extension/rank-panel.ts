/**
 * The "Quick wins" webview: every project ranked, with its score as a bar, the quick-win badge
 * and what is missing. Two modes, switched in the view or by command:
 *   - plan: the plan of the active editor; it follows the active editor to another plan;
 *   - workspace: every plan of the workspace (`adopt/rankWorkspace`), grouped by plan.
 * It follows edits (debounced), files of the workspace coming and going, and the settings;
 * choosing a row reveals the project in its plan. The page itself is media/rank-view.js + .css
 * under a strict content security policy.
 */
import * as vscode from 'vscode';
import type { QuickWinSettings } from '../language/score/quick-win-settings.js';
import type { RankResult, SettingsInForce, UsedFile, WorkspaceRanking } from '../protocol/rank-protocol.js';
import { nonce, revealLine } from './webview-support.js';
import { ADOPT_FILES, LANGUAGE_ID } from './adopt-language.js';
import type { RankSource, WorkspaceRankSource } from './rank-client.js';
import { fullScore, quickWinSettings } from './score-scale.js';
import { rankViewHtml } from './rank-view-html.js';
import { PlanView } from './plan-view.js';
import { scoreBar, usedFileText } from '../report/report-blocks.js';

export const RANK_VIEW_TYPE = 'adopt.quickWins';

export type RankViewMode = 'plan' | 'workspace';

/** What the page sends: it is ready for data, a row was chosen, or a mode was chosen. */
type FromView =
    | { readonly type: 'ready' }
    | { readonly type: 'reveal'; readonly line: number; readonly uri?: string }
    | { readonly type: 'mode'; readonly mode: RankViewMode };

/** A plan of the workspace ranking, with the file it is in, as the page shows it. */
export interface WorkspacePlanView {
    readonly uri: string;
    /** The file, relative to the workspace folder. */
    readonly file: string;
    readonly result: RankResult;
    /** The shared files the plan uses, each with its path as the plan's `use` writes it, what it brings in, and that in words. */
    readonly used: ReadonlyArray<UsedFile & { readonly text: string }>;
}

/** What the page receives. */
export type RankViewData = {
    readonly type: 'rank';
    readonly fullScore: number;
    readonly threshold: number;
    /** False while no plan was opened: the page then cannot switch to the plan mode. */
    readonly hasPlan: boolean;
} & (
    | { readonly mode: 'plan'; readonly result: RankResult }
    | { readonly mode: 'workspace'; readonly plans: readonly WorkspacePlanView[] }
);

export interface RankSources {
    readonly plan: RankSource;
    readonly workspace: WorkspaceRankSource;
}

/** What the view shows now, for the extension's API (tests). */
export interface RankViewState {
    readonly mode: RankViewMode;
    readonly title: string;
    /** The plan the view follows (the active plan's document), if any. */
    readonly uri: string | undefined;
    /** The plan shown in plan mode. */
    readonly plan?: RankResult;
    /** The plans shown in workspace mode. */
    readonly plans?: readonly WorkspacePlanView[];
}

export class RankPanel extends PlanView<FromView, vscode.TextDocument | undefined> {
    private static current: RankPanel | undefined;

    private latest: RankViewData | undefined;
    /** Counts refreshes, so that a slow, older answer never replaces a newer one. */
    private generation = 0;

    private constructor(
        panel: vscode.WebviewPanel,
        private mode: RankViewMode,
        document: vscode.TextDocument | undefined,
        private readonly sources: RankSources
    ) {
        super(panel, document);
        // Plans of the workspace come, go and change (workspace mode).
        const watcher = vscode.workspace.createFileSystemWatcher(ADOPT_FILES);
        this.disposables.push(
            watcher,
            watcher.onDidCreate(() => this.refreshWorkspaceSoon()),
            watcher.onDidDelete(() => this.refreshWorkspaceSoon()),
            watcher.onDidChange(() => this.refreshWorkspaceSoon())
        );
    }

    /** In workspace mode, an edit of any plan changes the ranking. */
    protected override followsEdit(document: vscode.TextDocument): boolean {
        return super.followsEdit(document) || (this.mode === 'workspace' && document.languageId === LANGUAGE_ID);
    }

    /** The view's state now; undefined while it is closed. */
    static state(): RankViewState | undefined {
        const view = RankPanel.current;
        const data = view?.latest;
        if (!view || !data) return undefined;
        const uri = view.document?.uri.toString();
        return data.mode === 'plan'
            ? { mode: 'plan', title: view.panel.title, uri, plan: data.result }
            : { mode: 'workspace', title: view.panel.title, uri, plans: data.plans };
    }

    /** Shows the ranking of `document`'s plan, opening the view or pointing the open one at it. */
    static async showPlan(context: vscode.ExtensionContext, document: vscode.TextDocument, sources: RankSources): Promise<RankResult> {
        const view = RankPanel.open(context, 'plan', document, sources);
        view.mode = 'plan';
        view.document = document;
        const data = await view.refresh();
        if (data?.mode !== 'plan') throw new Error('the ranking could not be shown');
        return data.result;
    }

    /** Shows the ranking of every plan of the workspace. */
    static async showWorkspace(context: vscode.ExtensionContext, sources: RankSources, document: vscode.TextDocument | undefined): Promise<WorkspaceRanking> {
        const view = RankPanel.open(context, 'workspace', document, sources);
        view.mode = 'workspace';
        view.document ??= document;
        const data = await view.refresh();
        if (data?.mode !== 'workspace') throw new Error('the ranking could not be shown');
        return { plans: data.plans.map(plan => ({ uri: plan.uri, ...plan.result, used: plan.used.map(({ text: _text, ...used }) => used) })) };
    }

    private static open(context: vscode.ExtensionContext, mode: RankViewMode, document: vscode.TextDocument | undefined, sources: RankSources): RankPanel {
        const existing = RankPanel.current;
        if (existing) {
            existing.panel.reveal(undefined, true);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(
            RANK_VIEW_TYPE,
            'Quick wins',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] }
        );
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
        panel.webview.html = rankViewHtml(panel.webview, context.extensionUri, nonce());
        const view = new RankPanel(panel, mode, document, sources);
        RankPanel.current = view;
        return view;
    }

    protected closed(): void {
        if (RankPanel.current === this) RankPanel.current = undefined;
    }

    /** In plan mode, the view shows the plan followed to. */
    protected followed(): void {
        if (this.mode === 'plan') void this.refresh().catch(() => undefined);
    }

    private refreshWorkspaceSoon(): void {
        if (this.mode === 'workspace') this.refreshSoon();
    }

    /** Asks for the ranking of the mode in force and shows it; the last ranking stays when that fails. */
    protected async refresh(): Promise<RankViewData | undefined> {
        const generation = ++this.generation;
        const scaleOf = (settings: SettingsInForce | QuickWinSettings) =>
            ({ type: 'rank' as const, fullScore: fullScore(settings), threshold: settings.threshold, hasPlan: this.document !== undefined });
        const scale = scaleOf(quickWinSettings());
        let data: RankViewData;
        try {
            if (this.mode === 'plan' && this.document) {
                // The plan's scale: the weights and threshold in force for it (its config file, else the settings).
                const { result, settings } = await this.sources.plan(this.document);
                data = { ...scaleOf(settings), mode: 'plan', result };
            } else {
                const ranking = await this.sources.workspace();
                data = { ...scale, mode: 'workspace', plans: ranking.plans.map(({ uri, used, ...result }) => ({
                    uri, file: fileLabel(uri), result, used: used.map(file => ({ ...file, text: usedFileText(file) }))
                })) };
            }
        } catch (error) {
            // The server is restarting or the document was closed: keep the last ranking.
            if (generation === this.generation && !this.latest) throw error;
            return this.latest;
        }
        if (generation !== this.generation) return this.latest;
        this.post(data);
        return data;
    }

    private post(data: RankViewData): void {
        this.latest = data;
        this.panel.title = data.mode === 'plan' ? `Quick wins — ${data.result.plan || 'plan'}` : 'Quick wins — workspace';
        void this.panel.webview.postMessage(withBars(data));
    }

    protected async onMessage(message: FromView): Promise<void> {
        if (message.type === 'ready' && this.latest) {
            this.post(this.latest);
        } else if (message.type === 'mode' && (message.mode === 'plan' || message.mode === 'workspace') && message.mode !== this.mode) {
            if (message.mode === 'plan' && !this.document) return;
            this.mode = message.mode;
            await this.refresh();
        } else if (message.type === 'reveal' && Number.isInteger(message.line) && message.line > 0) {
            const document = typeof message.uri === 'string' ? await openPlan(message.uri) : this.document;
            if (document) await revealLine(document, message.line);
        }
    }
}

/** The data with each project's score bar, drawn by the building block the Plan Overview and the report use. */
function withBars(data: RankViewData): RankViewData {
    const scale = { fullScore: data.fullScore, threshold: data.threshold };
    const decorate = (result: RankResult): RankResult =>
        ({ ...result, projects: result.projects.map(project => ({ ...project, barHtml: scoreBar(project.parts, project.score, scale) })) });
    return data.mode === 'plan' ? { ...data, result: decorate(data.result) } : { ...data, plans: data.plans.map(plan => ({ ...plan, result: decorate(plan.result) })) };
}

/** The file of a plan as the workspace names it (`plans/riverside-health.adopt`, `Untitled-1`). */
function fileLabel(uri: string): string {
    const parsed = vscode.Uri.parse(uri);
    return parsed.scheme === 'untitled' ? parsed.path : vscode.workspace.asRelativePath(parsed, false);
}

async function openPlan(uri: string): Promise<vscode.TextDocument | undefined> {
    try {
        return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    } catch {
        return undefined;
    }
}
