/**
 * **Adopt: New Plan** (`adopt.newPlan`): writes the commented starter plan
 * (src/language/starter/starter-plan.ts) into a new untitled `.adopt` editor, or into a new file
 * that the person names. It never overwrites a file: a name that is taken is refused.
 * Called with `{ target: 'untitled' }` or `{ target: Uri }` it asks nothing (the walkthrough and
 * the tests do); from a folder in the Explorer it proposes a file in that folder.
 */
import * as vscode from 'vscode';
import { STARTER_PLAN } from '../language/starter/starter-plan.js';
import { LANGUAGE_ID } from './adopt-language.js';

export const NEW_PLAN_COMMAND = 'adopt.newPlan';

export interface NewPlanOptions {
    readonly target: 'untitled' | vscode.Uri;
}

export async function newPlan(argument?: unknown): Promise<vscode.TextDocument | undefined> {
    const target = isOptions(argument) ? argument.target : await askTarget(argument instanceof vscode.Uri ? argument : undefined);
    if (!target) return undefined;
    if (target === 'untitled') {
        const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: STARTER_PLAN });
        await vscode.window.showTextDocument(document);
        return document;
    }
    if (await exists(target)) {
        void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} already exists: Adopt does not overwrite it. Choose another name.`);
        return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(STARTER_PLAN));
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document);
    return document;
}

function isOptions(value: unknown): value is NewPlanOptions {
    if (typeof value !== 'object' || value === null || !('target' in value)) return false;
    const target = (value as { target: unknown }).target;
    return target === 'untitled' || target instanceof vscode.Uri;
}

/** Untitled, or a file the person names (in `folder` when the command came from a folder). */
async function askTarget(folder: vscode.Uri | undefined): Promise<'untitled' | vscode.Uri | undefined> {
    const untitled = { label: '$(new-file) Untitled plan', description: 'save it where you like later', target: 'untitled' as const };
    const file = { label: '$(save) Plan file…', description: 'choose its folder and name now', target: 'file' as const };
    const choice = folder ? file : await vscode.window.showQuickPick([untitled, file], { title: 'Adopt: New Plan', placeHolder: 'Where should the starter plan go?' });
    if (!choice) return undefined;
    if (choice.target === 'untitled') return 'untitled';
    const base = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
        title: 'Adopt: New Plan',
        saveLabel: 'Create plan',
        defaultUri: base ? vscode.Uri.joinPath(base, 'plan.adopt') : undefined,
        filters: { 'Adopt plans': ['adopt'] }
    });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
