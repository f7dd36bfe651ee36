/**
 * The language client of VS Code for the Web: the Adopt language server runs in a Web Worker
 * (out/browser/language-server.js) and reads every file through this client, which answers its
 * `adopt/fs/` requests with `vscode.workspace.fs` (src/protocol/file-system-protocol.ts).
 *
 * VS Code for the Web does not start a worker from an extension's URI, so the client reads the
 * script and starts it from a `Blob` URL. A worker that cannot start says so in the output
 * channel and the status bar (src/extension/browser-main.ts).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import {
    DIRECTORY_READ_REQUEST, FILE_READ_REQUEST, FILE_STAT_REQUEST, bytesToBase64, fileRequestSchema, type DirectoryEntries, type FileContent, type FileStat
} from '../protocol/file-system-protocol.js';
import { adoptClientOptions, CLIENT_ID, CLIENT_NAME } from './adopt-language.js';

export const WORKER_SCRIPT = 'out/browser/language-server.js';

/** The client, and `workerFailure`: rejected when the worker's script fails (it throws or does not load). */
export interface WorkerLanguageClient {
    readonly client: LanguageClient;
    /**
     * The client's start waits for the server's answer for ever when the worker's script fails
     * (the client only logs the worker's error), so the extension waits for this too.
     */
    readonly workerFailure: Promise<never>;
}

export function createWorkerLanguageClient(context: vscode.ExtensionContext, fileSystem: vscode.FileSystem = vscode.workspace.fs): WorkerLanguageClient {
    let fail: (reason: Error) => void = () => undefined;
    const workerFailure = new Promise<never>((_resolve, reject) => (fail = reject));
    // Handled here too: an error of the worker after the extension has started is the client's to log.
    workerFailure.catch(() => undefined);
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, async () => {
        const worker = await startWorker(context, message => fail(new Error(message)));
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    }, adoptClientOptions(context));
    answerFileRequests(client, fileSystem);
    return { client, workerFailure };
}

/** A worker's uncaught errors, as its `error` events bring them (the Node types of the desktop build have no such events). */
interface WorkerErrors {
    addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

/** Starts the server's worker from its script, read from the extension's folder; `onError` hears the script's uncaught errors. */
async function startWorker(context: vscode.ExtensionContext, onError: (message: string) => void): Promise<Worker> {
    const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, WORKER_SCRIPT));
    const url = URL.createObjectURL(new Blob([new TextDecoder().decode(script)], { type: 'text/javascript' }));
    try {
        // The extension host of VS Code for the Web is itself a worker, which may start workers (WebWorker's types leave its constructor out).
        const WorkerOf = (globalThis as unknown as { Worker: new (url: string, options: { name: string }) => Worker & WorkerErrors }).Worker;
        const worker = new WorkerOf(url, { name: CLIENT_NAME });
        worker.addEventListener('error', event => onError(event.message || 'the worker stopped with an error'));
        return worker;
    } finally {
        // The worker has fetched its script once it runs; the URL is revoked when it is no longer needed.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
}

/** The server's file requests, answered from the workspace's file system; an error is answered as its name. */
export function answerFileRequests(client: Pick<LanguageClient, 'onRequest'>, fileSystem: vscode.FileSystem): void {
    client.onRequest<FileStat, void>(FILE_STAT_REQUEST, async (params: unknown): Promise<FileStat> => attempt(async () => {
        const stat = await fileSystem.stat(uriOf(params));
        return { isFile: (stat.type & vscode.FileType.File) !== 0, isDirectory: (stat.type & vscode.FileType.Directory) !== 0, size: stat.size };
    }));
    client.onRequest<FileContent, void>(FILE_READ_REQUEST, async (params: unknown): Promise<FileContent> => attempt(async () => ({ base64: bytesToBase64(await fileSystem.readFile(uriOf(params))) })));
    client.onRequest<DirectoryEntries, void>(DIRECTORY_READ_REQUEST, async (params: unknown): Promise<DirectoryEntries> => attempt(async () => {
        const folder = uriOf(params);
        const entries = await fileSystem.readDirectory(folder);
        return {
            entries: entries.map(([name, type]) => ({
                uri: vscode.Uri.joinPath(folder, name).toString(), isFile: (type & vscode.FileType.File) !== 0, isDirectory: (type & vscode.FileType.Directory) !== 0
            }))
        };
    }));
}

function uriOf(params: unknown): vscode.Uri {
    return vscode.Uri.parse(fileRequestSchema.parse(params).uri, true);
}

async function attempt<T>(read: () => Promise<T>): Promise<T | { error: string }> {
    try {
        return await read();
    } catch (error) {
        return { error: error instanceof vscode.FileSystemError ? error.code || 'Unknown' : 'Unknown' };
    }
}
