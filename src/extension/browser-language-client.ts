/**
 * The language client of VS Code for the Web: the Adopt language server runs in a Web Worker
 * (out/browser/language-server.js) and reads every file through this client, which answers its
 * `adopt/fs/` requests with `vscode.workspace.fs`, and finds the workspace's plans with
 * `vscode.workspace.findFiles` (src/protocol/file-system-protocol.ts).
 *
 * VS Code for the Web does not start a worker from an extension's URI, so the client reads the
 * script and starts it from a `Blob` URL. A worker that cannot start says so in the output
 * channel and the status bar (src/extension/browser-main.ts).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import {
    DIRECTORY_READ_REQUEST, FILE_READ_REQUEST, FILE_STAT_REQUEST, FIND_FILES_REQUEST, bytesToBase64, fileRequestSchema, findFilesRequestSchema,
    type DirectoryEntries, type FileContent, type FileStat, type FoundFiles
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

/**
 * The server's file requests, answered from the workspace's file system; an error is answered as
 * its name. Its searches for the files below a folder (the workspace's plans) are answered with
 * VS Code's file search: one request for the whole folder, where reading it takes one per
 * subfolder. They leave out what `findFiles` leaves out by default: what the `files.exclude`
 * setting hides, which the explorer does not show either (the desktop's server reads the disk and
 * finds it). Not what `search.exclude` hides, which only keeps results out of the Search view, nor,
 * by default, what ignore files name: a plan kept out of searches is still a plan of the
 * workspace, with its problems and its rank, as on the desktop.
 */
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
    client.onRequest<FoundFiles, void>(FIND_FILES_REQUEST, async (params: unknown): Promise<FoundFiles> => attempt(async () => {
        const { uri, pattern } = findFilesRequestSchema.parse(params);
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(uri, true), pattern));
        return { uris: found.map(file => file.toString()) };
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
