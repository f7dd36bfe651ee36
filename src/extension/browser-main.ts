/**
 * The extension in VS Code for the Web (vscode.dev, github.dev, any browser VS Code that runs
 * extensions in its web worker host): the language server runs in a Web Worker and reads files
 * through the client; git does not run here, so the overview says there is no history to compare
 * with. A language server that fails to start says so in the output channel and the status bar.
 */
import * as vscode from 'vscode';
import { activateAdopt, deactivateAdopt, type AdoptExtensionApi } from './adopt-extension.js';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_NAME } from './adopt-language.js';
import { createWorkerLanguageClient } from './browser-language-client.js';

/** Why the overview has no "Compare with the last commit" in the browser. */
export const NO_HISTORY_IN_BROWSER = 'History needs git, which VS Code for the Web does not run: compare with the last commit in the desktop VS Code, or with `adopt diff`.';

export async function activate(context: vscode.ExtensionContext): Promise<AdoptExtensionApi> {
    let shown = false;
    const failed = (reason: string) => {
        if (shown) return;
        shown = true;
        showFailure(context, client, reason);
    };
    const client = createWorkerLanguageClient(context, failed);
    try {
        return await activateAdopt(context, { client, history: { unavailable: NO_HISTORY_IN_BROWSER } });
    } catch (error) {
        failed(error instanceof Error ? error.message : String(error));
        throw error;
    }
}

/** The language server did not start: a line in its output channel, and an item in the status bar that opens it. */
function showFailure(context: vscode.ExtensionContext, client: LanguageClient, reason: string): void {
    client.outputChannel.appendLine(`The Adopt language server could not start in a Web Worker: ${reason}`);
    const item = vscode.window.createStatusBarItem('adopt.serverFailed', vscode.StatusBarAlignment.Left);
    item.name = 'Adopt language server';
    item.text = '$(error) Adopt: no language server';
    item.tooltip = `The Adopt language server could not start: ${reason}. See the output "${CLIENT_NAME}".`;
    item.command = { title: 'Show the output', command: 'adopt.showServerOutput' };
    context.subscriptions.push(item, vscode.commands.registerCommand('adopt.showServerOutput', () => client.outputChannel.show()));
    item.show();
}

export const deactivate = deactivateAdopt;
