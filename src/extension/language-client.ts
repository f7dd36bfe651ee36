/**
 * Starts the Adopt language server (out/language-server.cjs, bundled beside this client) over
 * Node IPC and connects it to VS Code for `.adopt` documents. The server keeps its compiled code
 * in Node's compile cache, in the extension's storage, so that a start after the first is faster.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'adopt';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('out/language-server.cjs');
    const env = { ...process.env, NODE_COMPILE_CACHE: join(context.globalStorageUri.fsPath, 'compile-cache') };
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { env } },
        debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: LANGUAGE_ID }],
        synchronize: { configurationSection: LANGUAGE_ID },
        outputChannelName: 'Adopt Language Server'
    };
    return new LanguageClient('adopt', 'Adopt Language Server', serverOptions, clientOptions);
}
