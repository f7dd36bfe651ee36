/**
 * Helpers for the extension-host suite: open the workspace's plans, wait for what the language
 * server sends, and find positions by text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdoptExtensionApi } from '../../../src/extension/adopt-extension.js';

export const EXTENSION_ID = 'adopt.adopt';

export function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need a workspace folder with the example plans');
    return vscode.Uri.joinPath(folder.uri, name);
}

export async function openPlan(name: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    return vscode.window.showTextDocument(document);
}

export async function activeApi(): Promise<AdoptExtensionApi> {
    const extension = vscode.extensions.getExtension<AdoptExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    return extension.activate();
}

/** Polls until `probe` gives a value that `accept` takes, or fails naming `what`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            last = await probe();
            if (accept(last)) return last;
        } catch (error) {
            lastError = error;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    const seen = lastError instanceof Error ? lastError.message : JSON.stringify(last);
    throw new Error(`timed out waiting for ${what}; last seen: ${seen?.slice(0, 2000)}`);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    if (code === undefined) return undefined;
    return typeof code === 'object' ? String(code.value) : String(code);
}

export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(diagnostic => codeOf(diagnostic) === code);
}

/** The position of the first match of `text`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
    const index = document.getText().indexOf(text);
    assert.ok(index >= 0, `"${text}" is in ${document.uri.path}`);
    return document.positionAt(index + offset);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers
        .flatMap(hover => hover.contents)
        .map(content => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
        .join('\n');
}

export async function closeAllEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
