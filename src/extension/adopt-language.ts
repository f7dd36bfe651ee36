/**
 * The language client's settings that both hosts share: the language, the files the client
 * watches for the server (every plan and shared file of the workspace, so that the plans that use
 * a shared file are checked again when it changes on disk: docs/language.md#plans-in-many-files),
 * and the client options.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

export const LANGUAGE_ID = 'adopt';
/** The files the client watches for the server: every plan and shared file of the workspace. */
export const ADOPT_FILES = '**/*.adopt';
export const CLIENT_ID = 'adopt';
export const CLIENT_NAME = 'Adopt Language Server';

export function adoptClientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
    const adoptFiles = vscode.workspace.createFileSystemWatcher(ADOPT_FILES);
    context.subscriptions.push(adoptFiles);
    return {
        documentSelector: [{ language: LANGUAGE_ID }],
        synchronize: { configurationSection: LANGUAGE_ID, fileEvents: adoptFiles },
        outputChannelName: CLIENT_NAME
    };
}
