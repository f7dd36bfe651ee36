/**
 * The Plan Overview webview (docs/command-line.md#adopt-report): the eight sections of the overview of the active
 * plan, beside the editor, rendered by the same code as the HTML report (src/report/) in the
 * editor's theme colours. It follows the active plan, updates as the plan changes (debounced),
 * and reveals a project, stage, action, story or line that a person chooses. On a large plan it
 * shows the top projects, with pages of all of them on request. The page itself is
 * media/overview.js under a strict content security policy. Where VS Code's git extension gives
 * the plan's last commit, a button shows what changed since it, after the summary.
 */
import * as vscode from 'vscode';
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { plural } from '../report/html-text.js';
import { overviewSections, sectionHtml, type ReportExtra, type SectionOptions } from '../report/overview-sections.js';
import type { ComparisonSource } from './git-baseline.js';
import { nonce, revealLine } from './webview-support.js';
import type { OverviewSource } from './overview-client.js';
import { overviewViewHtml } from './overview-view-html.js';
import { PlanView } from './plan-view.js';

export const OVERVIEW_VIEW_TYPE = 'adopt.planOverview';
/** Entries of a long list shown before "and N more" (the ranked projects: the top ones). */
export const VIEW_LIMIT = 25;
/** Projects on a page once a person asks to see all of them. */
export const PAGE_SIZE = 200;

type FromView =
    | { readonly type: 'ready' }
    | { readonly type: 'reveal'; readonly line: number }
    | { readonly type: 'page'; readonly page: number | 'top' }
    | { readonly type: 'export' }
    | { readonly type: 'compare' }
    | { readonly type: 'width'; readonly width: number };

/** What the view shows now, for the extension's API (tests). */
export interface OverviewViewState {
    readonly title: string;
    readonly uri: string;
    readonly overview: PlanOverview;
    /** The page of all projects shown, or undefined for the top projects. */
    readonly projectPage: number | undefined;
    /** The heading of the comparison shown (`Since the last commit (…)`), or undefined. */
    readonly comparison: string | undefined;
    /** Why the view has no history to compare with, where it says so (the browser), or undefined. */
    readonly historyNote: string | undefined;
}

export class OverviewPanel extends PlanView<FromView, vscode.TextDocument> {
    private static current: OverviewPanel | undefined;

    private latest: PlanOverview | undefined;
    private projectPage: number | undefined;
    /** The page's width, for the matrix (a narrow view draws it narrower, its texts at their size). */
    private width: number | undefined;
    private generation = 0;
    /** Whether a person asked for the comparison with the last commit, and the comparison of the plan shown (undefined where git gives none). */
    private comparing = false;
    private comparison: ReportExtra | undefined;

    private constructor(
        panel: vscode.WebviewPanel,
        document: vscode.TextDocument,
        private readonly source: OverviewSource,
        private readonly exportReport: (document: vscode.TextDocument) => Thenable<unknown>,
        private readonly compare: ComparisonSource | { readonly unavailable: string } | undefined
    ) {
        super(panel, document);
    }

    static state(): OverviewViewState | undefined {
        const view = OverviewPanel.current;
        if (!view?.latest) return undefined;
        return {
            title: view.panel.title, uri: view.document.uri.toString(), overview: view.latest, projectPage: view.projectPage,
            comparison: view.comparing ? view.comparison?.heading : undefined, historyNote: view.historyNote()
        };
    }

    /** The plan the open overview shows, if it is open. */
    static document(): vscode.TextDocument | undefined {
        return OverviewPanel.current?.document;
    }

    /** Shows the overview of `document`'s plan, opening the view beside the editor or pointing the open one at it. */
    static async show(
        context: vscode.ExtensionContext, document: vscode.TextDocument, source: OverviewSource, exportReport: (document: vscode.TextDocument) => Thenable<unknown>,
        compare?: ComparisonSource | { readonly unavailable: string }
    ): Promise<PlanOverview> {
        let view = OverviewPanel.current;
        if (view) {
            view.panel.reveal(undefined, true);
        } else {
            const panel = vscode.window.createWebviewPanel(
                OVERVIEW_VIEW_TYPE,
                'Plan overview',
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] }
            );
            panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
            panel.webview.html = overviewViewHtml(panel.webview, context.extensionUri, nonce());
            view = new OverviewPanel(panel, document, source, exportReport, compare);
            OverviewPanel.current = view;
        }
        if (view.document !== document) view.projectPage = undefined;
        view.document = document;
        const overview = await view.refresh();
        if (!overview) throw new Error('the overview could not be shown');
        return overview;
    }

    protected closed(): void {
        if (OverviewPanel.current === this) OverviewPanel.current = undefined;
    }

    protected followed(): void {
        this.projectPage = undefined;
        void this.refresh().catch(() => undefined);
    }

    /** Asks for the overview and shows it; the last one stays when that fails (a restarting server, a closed document). */
    protected async refresh(): Promise<PlanOverview | undefined> {
        const generation = ++this.generation;
        let overview: PlanOverview;
        let comparison: ReportExtra | undefined;
        try {
            // The comparison is asked for with the overview; git missing or failing leaves it out, silently.
            const compare = typeof this.compare === 'function' ? this.compare : undefined;
            [overview, comparison] = await Promise.all([this.source(this.document), compare?.(this.document).catch(() => undefined)]);
        } catch (error) {
            if (generation === this.generation && !this.latest) throw error;
            return this.latest;
        }
        if (generation !== this.generation) return this.latest;
        this.latest = overview;
        this.comparison = comparison;
        this.post();
        return overview;
    }

    private historyNote(): string | undefined {
        return this.compare && typeof this.compare !== 'function' ? this.compare.unavailable : undefined;
    }

    private options(): SectionOptions {
        return { interactive: true, limit: VIEW_LIMIT, pageSize: PAGE_SIZE, projectPage: this.projectPage, matrixWidth: this.width };
    }

    private post(): void {
        const overview = this.latest;
        if (!overview) return;
        const name = overview.plan.title || overview.plan.name || 'plan';
        this.panel.title = `Plan overview — ${overview.plan.name || 'plan'}`;
        const extras = this.comparing && this.comparison ? [this.comparison] : [];
        void this.panel.webview.postMessage({ type: 'compare', available: this.comparison !== undefined, pressed: this.comparing, note: this.historyNote() ?? '' });
        void this.panel.webview.postMessage({ type: 'overview', title: name, status: statusLine(overview), html: overviewSections(overview, this.options(), extras) });
    }

    protected async onMessage(message: FromView): Promise<void> {
        if (message.type === 'ready') {
            this.post();
        } else if (message.type === 'reveal' && Number.isInteger(message.line) && message.line > 0) {
            await revealLine(this.document, message.line);
        } else if (message.type === 'page' && this.latest) {
            this.projectPage = message.page === 'top' ? undefined : Number.isInteger(message.page) && message.page >= 0 ? message.page : undefined;
            void this.panel.webview.postMessage({ type: 'section', id: 'projects', html: sectionHtml(this.latest, 'projects', this.options()), focus: true });
        } else if (message.type === 'compare') {
            this.comparing = !this.comparing;
            this.post();
        } else if (message.type === 'export') {
            await this.exportReport(this.document);
        } else if (message.type === 'width' && Number.isFinite(message.width) && message.width > 0) {
            const width = Math.round(message.width);
            if (width === this.width) return;
            this.width = width;
            if (this.latest) void this.panel.webview.postMessage({ type: 'section', id: 'matrix', html: sectionHtml(this.latest, 'matrix', this.options()) });
        }
    }
}

/** `3 projects, 2 quick wins · 4 warnings · as of 1 March 2027`: the view's line under its title. */
function statusLine(overview: PlanOverview): string {
    const c = overview.counts;
    const problems = c.errors > 0 ? `${plural(c.errors, 'error', 'errors')}: scores may be incomplete` : plural(c.warnings, 'warning', 'warnings');
    return `Plan ${overview.plan.name} · ${plural(c.projects, 'project', 'projects')}, ${plural(c.quickWins, 'quick win', 'quick wins')} · ${problems}`;
}
