/**
 * The "Quick wins" webview: every project of a plan, ranked, with its score as a bar, the
 * quick-win badge and what is missing. It follows edits of the plan (debounced) and the
 * settings; choosing a row reveals the project in the editor. The page itself is
 * media/rank-view.js + .css under a strict content security policy.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../language/config/adopt-config-schema.js';
import type { RankResult } from '../protocol/rank-protocol.js';
import { debounce } from './debounce.js';
import type { RankAnswer, RankSource } from './rank-client.js';
import { fullScore } from './score-scale.js';
import { rankViewHtml } from './rank-view-html.js';

export const RANK_VIEW_TYPE = 'adopt.quickWins';
const REFRESH_DELAY_MS = 300;

/** What the page sends: it is ready for data, or a row was chosen. */
type FromView = { readonly type: 'ready' } | { readonly type: 'reveal'; readonly line: number };

/** What the page receives. */
export interface RankViewData {
    readonly type: 'rank';
    readonly result: RankResult;
    readonly fullScore: number;
    readonly threshold: number;
}

export class RankPanel implements vscode.Disposable {
    private static current: RankPanel | undefined;

    private readonly disposables: vscode.Disposable[] = [];
    private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_DELAY_MS);
    private latest: RankAnswer | undefined;

    private constructor(
        private readonly panel: vscode.WebviewPanel,
        private document: vscode.TextDocument,
        private readonly rank: RankSource
    ) {
        const configFiles = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((message: FromView) => void this.onMessage(message)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document === this.document) this.refreshSoon();
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('adopt')) this.refreshSoon();
            }),
            // A config file's weights and threshold change the scores (the server re-checks on save).
            configFiles,
            configFiles.onDidChange(() => this.refreshSoon()),
            configFiles.onDidCreate(() => this.refreshSoon()),
            configFiles.onDidDelete(() => this.refreshSoon())
        );
    }

    /** Shows the ranking of `document`, opening the panel or pointing the open one at it. */
    static async show(context: vscode.ExtensionContext, document: vscode.TextDocument, rank: RankSource): Promise<RankResult> {
        const answer = await rank(document);
        const result = answer.result;
        let view = RankPanel.current;
        if (!view) {
            const panel = vscode.window.createWebviewPanel(
                RANK_VIEW_TYPE,
                panelTitle(result),
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] }
            );
            panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
            panel.webview.html = rankViewHtml(panel.webview, context.extensionUri, nonce());
            view = new RankPanel(panel, document, rank);
            RankPanel.current = view;
        } else {
            view.document = document;
            view.panel.reveal(undefined, true);
        }
        view.post(answer);
        return result;
    }

    dispose(): void {
        if (RankPanel.current === this) RankPanel.current = undefined;
        this.refreshSoon.cancel();
        this.panel.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }

    private async refresh(): Promise<void> {
        try {
            this.post(await this.rank(this.document));
        } catch {
            // The server is restarting or the document was closed: keep the last ranking.
        }
    }

    private post(answer: RankAnswer): void {
        const { result, settings } = answer;
        this.latest = answer;
        this.panel.title = panelTitle(result);
        const data: RankViewData = { type: 'rank', result, fullScore: fullScore(settings), threshold: settings.threshold };
        void this.panel.webview.postMessage(data);
    }

    private async onMessage(message: FromView): Promise<void> {
        if (message.type === 'ready' && this.latest) {
            this.post(this.latest);
        } else if (message.type === 'reveal' && Number.isInteger(message.line) && message.line > 0) {
            await revealLine(this.document, message.line);
        }
    }
}

function panelTitle(result: RankResult): string {
    return `Quick wins — ${result.plan || 'plan'}`;
}

async function revealLine(document: vscode.TextDocument, line: number): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find(editor => editor.document === document);
    const target = Math.min(line - 1, document.lineCount - 1);
    const start = document.lineAt(target).firstNonWhitespaceCharacterIndex;
    const range = new vscode.Range(target, start, target, start);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function nonce(): string {
    const bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Buffer.from(bytes).toString('base64');
}
