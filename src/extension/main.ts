/**
 * The Adopt extension for VS Code: starts the language server, and adds the command
 * "Adopt: Rank Quick Wins" (a webview of the ranked projects) and a status bar item with the
 * number of quick wins. `activate` returns a small API that the extension tests use.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RANK_QUICK_WINS_COMMAND, type RankResult } from '../protocol/rank-protocol.js';
import { createLanguageClient, LANGUAGE_ID } from './language-client.js';
import { projectsSourceFor, rankSourceFor, type RankSource } from './rank-client.js';
import { RankPanel } from './rank-panel.js';
import { QuickWinsStatus } from './status-bar.js';

export interface AdoptExtensionApi {
    readonly client: LanguageClient;
    /** The ranking of an open plan, as the server answers `adopt/rankQuickWins`. */
    rankQuickWins(document: vscode.TextDocument): Promise<RankResult>;
    /** The status bar text now, e.g. "$(star) 1 quick win" (empty while hidden). */
    statusText(): string;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AdoptExtensionApi> {
    client = createLanguageClient(context);
    const rank = rankSourceFor(client);
    await client.start();
    const status = new QuickWinsStatus(projectsSourceFor(client));
    context.subscriptions.push(
        status,
        vscode.commands.registerCommand(RANK_QUICK_WINS_COMMAND, (target?: unknown) => rankQuickWins(context, rank, target))
    );
    return { client, rankQuickWins: async document => (await rank(document)).result, statusText: () => status.text };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** The command: ranks the plan of the given file (editor title menu) or of the active editor. */
async function rankQuickWins(context: vscode.ExtensionContext, rank: RankSource, target: unknown): Promise<RankResult | undefined> {
    const document = await planDocument(target);
    if (!document) {
        void vscode.window.showInformationMessage('Open an Adopt plan (.adopt file) to rank its projects.');
        return undefined;
    }
    try {
        return await RankPanel.show(context, document, rank);
    } catch (error) {
        void vscode.window.showErrorMessage(`Adopt could not rank the projects: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
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
