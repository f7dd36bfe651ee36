/**
 * Adopt: Export Plan Report… (`adopt.exportReport`): saves the report of a plan, HTML (one
 * self-contained page that prints on A4) or Markdown (GitHub, with Mermaid diagrams), chosen by
 * the file type in the save dialog. The plan is the active plan, else the one the overview shows.
 * Tests (and other extensions) may pass `{ uri, target, format }` to skip the dialog; the command
 * then fails with the reason when it cannot save, rather than showing it.
 */
import * as vscode from 'vscode';
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { reportHtml } from '../report/report-html.js';
import { reportMarkdown } from '../report/report-markdown.js';
import { LANGUAGE_ID } from './adopt-language.js';
import type { OverviewSource } from './overview-client.js';

export interface ExportArguments {
    /** The plan (a document URI); default: the active plan, else the overview's. */
    readonly uri?: string;
    /** Where to save; default: asked with a save dialog. */
    readonly target?: string;
    readonly format?: 'html' | 'md';
}

export type ReportFormat = 'html' | 'md';

export function renderReport(overview: PlanOverview, format: ReportFormat, generator: string): string {
    return format === 'md' ? reportMarkdown(overview, generator) : reportHtml(overview, generator);
}

/** What a command exports: its name in messages, the save dialog's title and file types, the default file name after the plan's, and its text. */
export interface ExportKind {
    readonly what: string;
    readonly title: string;
    readonly filters: Readonly<Record<string, string[]>>;
    readonly suffix: string;
    readonly render: (overview: PlanOverview, target: vscode.Uri) => string;
}

/**
 * Saves a file made from a plan's overview: the plan from the argument (`{ uri }`, a Uri) or the
 * given one, the target from the argument (`{ target }`) or a save dialog. Answers where it saved,
 * or undefined when nothing was saved (no plan, the dialog cancelled, a failure shown).
 */
export async function exportPlanFile(source: OverviewSource, plan: vscode.TextDocument | undefined, argument: unknown, kind: ExportKind): Promise<vscode.Uri | undefined> {
    const args = (typeof argument === 'object' && argument !== null && !(argument instanceof vscode.Uri) ? argument : {}) as ExportArguments;
    const document = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri))
        : argument instanceof vscode.Uri ? await vscode.workspace.openTextDocument(argument) : plan;
    // Called by a program (a target given, no dialog): a failure is its error, not a message for a person.
    const called = args.target !== undefined;
    if (!document || document.languageId !== LANGUAGE_ID) {
        if (called) throw new Error(`not an Adopt plan: ${document ? `${document.uri.toString()} (${document.languageId})` : 'no plan'}`);
        void vscode.window.showInformationMessage(`Open an Adopt plan (.adopt file) to export its ${kind.what}.`);
        return undefined;
    }
    const target = args.target ? vscode.Uri.parse(args.target) : await vscode.window.showSaveDialog({
        title: kind.title,
        saveLabel: 'Export',
        defaultUri: defaultTarget(document, kind.suffix),
        filters: { ...kind.filters }
    });
    if (!target) return undefined;
    try {
        const overview = await source(document);
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(kind.render(overview, target)));
    } catch (error) {
        if (called) throw error;
        void vscode.window.showErrorMessage(`Adopt could not export the ${kind.what}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
    return target;
}

/** Saves the report; answers where, or undefined when nothing was saved (no plan, the dialog cancelled). */
export async function exportReport(source: OverviewSource, generator: string, plan: vscode.TextDocument | undefined, argument?: unknown): Promise<vscode.Uri | undefined> {
    const chosen = (typeof argument === 'object' && argument !== null && !(argument instanceof vscode.Uri) ? (argument as ExportArguments).format : undefined);
    const formatOf = (target: vscode.Uri): ReportFormat => chosen ?? (/\.(md|markdown)$/i.test(target.path) ? 'md' : 'html');
    const target = await exportPlanFile(source, plan, argument, {
        what: 'report',
        title: 'Export the plan report',
        filters: { 'HTML report (one page, prints on A4)': ['html'], 'Markdown report (GitHub, with Mermaid diagrams)': ['md'] },
        suffix: '-report.html',
        render: (overview, to) => renderReport(overview, formatOf(to), generator)
    });
    if (!target) return undefined;
    void vscode.window.showInformationMessage(`Saved the plan report to ${vscode.workspace.asRelativePath(target, false)}.`, 'Open').then(choice => {
        if (choice === 'Open') void openReport(target, formatOf(target));
    });
    return target;
}

/** The view type of a saved HTML report shown in the editor. */
export const REPORT_VIEW_TYPE = 'adopt.savedReport';

/**
 * Opens a saved report where the person is. Markdown: its preview (the editor when there is no
 * preview). HTML: the default browser when the editor runs on this computer; in a browser
 * VS Code, or with the files on a remote machine, a browser of this computer cannot open the
 * file, so the page is shown in a view beside the editor (no scripts: the report has none).
 */
async function openReport(target: vscode.Uri, format: ReportFormat): Promise<void> {
    try {
        if (format === 'md') {
            await vscode.commands.executeCommand('markdown.showPreview', target)
                .then(undefined, async () => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target)));
        } else if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined && target.scheme === 'file') {
            await vscode.env.openExternal(target);
        } else {
            const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
            const name = target.path.split('/').pop() ?? 'report';
            const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, `Report — ${name}`, { viewColumn: vscode.ViewColumn.Beside },
                { enableScripts: false, localResourceRoots: [] });
            panel.webview.html = page;
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`Adopt could not open the report: ${error instanceof Error ? error.message : String(error)}`);
    }
}

/** `plan-report.html` (the plan's name and the suffix) beside the plan, or in the first workspace folder for a plan that is not a file. */
function defaultTarget(document: vscode.TextDocument, suffix: string): vscode.Uri | undefined {
    const base = document.uri.path.split('/').pop()?.replace(/\.adopt$/, '') || 'plan';
    if (document.uri.scheme === 'file') return vscode.Uri.joinPath(document.uri, '..', `${base}${suffix}`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, `${base}${suffix}`) : undefined;
}
