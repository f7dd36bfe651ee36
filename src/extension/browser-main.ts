/**
 * The extension in VS Code for the Web (vscode.dev, github.dev, any browser VS Code that runs
 * extensions in its web worker host): the language server runs in a Web Worker and reads files
 * through the client; git does not run here, so the overview says there is no history to compare
 * with. A language server that fails to start says so in the output channel and the status bar.
 */
import * as vscode from 'vscode';
import { activateAdopt, deactivateAdopt, type AdoptExtensionApi } from './adopt-extension.js';
import { createWorkerLanguageClient } from './browser-language-client.js';

/** Why the overview has no "Compare with the last commit" in the browser (plain text: the view shows it as it is). */
export const NO_HISTORY_IN_BROWSER = 'History needs git, which VS Code for the Web does not run: compare with the last commit in the desktop VS Code, or with adopt diff in a terminal.';

/** The command of the status bar item of a server that could not start: the output with the reason. */
const SHOW_SERVER_OUTPUT_COMMAND = 'adopt.showServerOutput';

export async function activate(context: vscode.ExtensionContext): Promise<AdoptExtensionApi> {
    const { client, workerFailure } = createWorkerLanguageClient(context);
    try {
        return await Promise.race([activateAdopt(context, { client, history: { unavailable: NO_HISTORY_IN_BROWSER } }), workerFailure]);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        client.outputChannel.appendLine(`The Adopt language server could not start in a Web Worker: ${reason}`);
        const item = vscode.window.createStatusBarItem('adopt.serverFailed', vscode.StatusBarAlignment.Left);
        item.name = 'Adopt language server';
        item.text = '$(error) Adopt: no language server';
        item.tooltip = `The Adopt language server could not start: ${reason}`;
        // The output panel opened on the client's channel: toggling the panel would show whichever channel it showed last.
        item.command = { title: 'Show the output', command: SHOW_SERVER_OUTPUT_COMMAND };
        item.show();
        context.subscriptions.push(item, vscode.commands.registerCommand(SHOW_SERVER_OUTPUT_COMMAND, () => client.outputChannel.show()));
        throw error;
    }
}

export const deactivate = deactivateAdopt;
