/**
 * The extension on the desktop (and in a browser VS Code whose extensions run in Node, such as
 * code-server): the language server is a Node process, and the overview compares a plan with its
 * last commit through VS Code's git extension.
 */
import type * as vscode from 'vscode';
import { activateAdopt, deactivateAdopt, type AdoptExtensionApi } from './adopt-extension.js';
import { comparisonSourceFor } from './git-baseline.js';
import { createLanguageClient } from './language-client.js';

export type { AdoptExtensionApi };

export async function activate(context: vscode.ExtensionContext): Promise<AdoptExtensionApi> {
    const client = createLanguageClient(context);
    // `npm start` (scripts/open-example.sh) sets ADOPT_OPEN_WALKTHROUGH=1: the walkthrough opens beside the example plan.
    return activateAdopt(context, { client, history: comparisonSourceFor(client), openWalkthrough: process.env.ADOPT_OPEN_WALKTHROUGH === '1' });
}

export const deactivate = deactivateAdopt;
