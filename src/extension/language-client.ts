/**
 * The desktop's language client: starts the Adopt language server (out/language-server.cjs,
 * bundled beside this client) over Node IPC. The server keeps its compiled code in Node's compile
 * cache, in the extension's storage, so that a start after the first is faster.
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { adoptClientOptions, CLIENT_ID, CLIENT_NAME } from './adopt-language.js';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('out/language-server.cjs');
    const env = { ...process.env, NODE_COMPILE_CACHE: join(context.globalStorageUri.fsPath, 'compile-cache') };
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { env } },
        debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, adoptClientOptions(context));
}
