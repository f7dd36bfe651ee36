/**
 * Starts the Adopt language server (out/language-server.cjs, bundled beside this client) over
 * Node IPC and connects it to VS Code for `.adopt` documents. The server keeps its compiled code
 * in Node's compile cache, in the extension's storage, so that a start after the first is faster.
 * The client watches the workspace's `.adopt` files and tells the server when one is created,
 * changed or deleted on disk, so that the plans that use a shared file are checked again
 * (docs/language.md#plans-in-many-files), whether or not the server asks for a watcher itself.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'adopt';
/** The files the client watches for the server: every plan and shared file of the workspace. */
export const ADOPT_FILES = '**/*.adopt';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('out/language-server.cjs');
    const env = { ...process.env, NODE_COMPILE_CACHE: join(context.globalStorageUri.fsPath, 'compile-cache') };
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { env } },
        debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const adoptFiles = vscode.workspace.createFileSystemWatcher(ADOPT_FILES);
    context.subscriptions.push(adoptFiles);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: LANGUAGE_ID }],
        synchronize: { configurationSection: LANGUAGE_ID, fileEvents: adoptFiles },
        outputChannelName: 'Adopt Language Server'
    };
    return new LanguageClient('adopt', 'Adopt Language Server', serverOptions, clientOptions);
}
