/**
 * Starts the Adopt language server (out/language-server.cjs, bundled beside this client) over
 * Node IPC and connects it to VS Code for `.adopt` documents.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'adopt';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('out/language-server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: LANGUAGE_ID }],
        synchronize: { configurationSection: LANGUAGE_ID },
        outputChannelName: 'Adopt Language Server'
    };
    return new LanguageClient('adopt', 'Adopt Language Server', serverOptions, clientOptions);
}
