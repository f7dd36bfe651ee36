/**
 * A plain LSP client over stdio for the benchmarks: starts a language server as a child process,
 * initializes it, opens and edits documents, and waits for `textDocument/publishDiagnostics`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';

export interface PublishedDiagnostics {
    uri: string;
    diagnostics: Diagnostic[];
}

export class LspClient {
    private readonly waiters = new Map<string, Array<(params: PublishedDiagnostics) => void>>();
    /** How many times diagnostics were published for each URI, the last ones published, and who waits for the next publication of any. */
    private readonly publications = new Map<string, number>();
    private readonly lastPublished = new Map<string, Diagnostic[]>();
    private readonly publicationListeners = new Set<() => void>();
    private stderr = '';

    private constructor(readonly connection: ProtocolConnection, readonly child: ChildProcess) {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
            this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
            this.lastPublished.set(params.uri, params.diagnostics);
            for (const listener of [...this.publicationListeners]) listener();
            const queue = this.waiters.get(params.uri);
            const next = queue?.shift();
            if (next) next(params);
        });
        // Answer what servers ask of a client; this client has no settings, progress or watchers.
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.onNotification('window/logMessage', () => undefined);
        connection.onNotification('telemetry/event', () => undefined);
        child.stderr?.on('data', chunk => (this.stderr = (this.stderr + String(chunk)).slice(-4000)));
    }

    /** Starts `command args` and runs the LSP handshake; `workspaceFolder`, a folder's path, is given as the one workspace folder. */
    static async start(command: string, args: readonly string[], initializationOptions?: unknown, workspaceFolder?: string): Promise<LspClient> {
        const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const client = new LspClient(connection, child);
        connection.listen();
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).href : null,
            workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).href, name: basename(workspaceFolder) }] : null,
            initializationOptions,
            capabilities: {
                textDocument: {
                    synchronization: { didSave: false, dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: false }
                },
                workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false } }
            }
        });
        await connection.sendNotification('initialized', {});
        return client;
    }

    /** The next diagnostics published for `uri`, waited for from now on. */
    nextDiagnostics(uri: string, timeoutMs = 120_000): Promise<PublishedDiagnostics> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms. stderr: ${this.stderr}`)), timeoutMs);
            const queue = this.waiters.get(uri) ?? [];
            queue.push(params => {
                clearTimeout(timer);
                resolve(params);
            });
            this.waiters.set(uri, queue);
        });
    }

    /** How many times diagnostics were published for each URI so far (a copy), for `publishedSince`. */
    publicationCounts(): ReadonlyMap<string, number> {
        return new Map(this.publications);
    }

    /** The diagnostics last published for `uri` (none before any). */
    lastDiagnostics(uri: string): readonly Diagnostic[] {
        return this.lastPublished.get(uri) ?? [];
    }

    /** Resolves once diagnostics were published for each of `uris` after the counts `since` (from `publicationCounts`) were taken. */
    publishedSince(uris: readonly string[], since: ReadonlyMap<string, number>, timeoutMs = 300_000): Promise<void> {
        const done = () => uris.every(uri => (this.publications.get(uri) ?? 0) > (since.get(uri) ?? 0));
        if (done()) return Promise.resolve();
        return new Promise((resolve, reject) => {
            const listener = () => {
                if (!done()) return;
                finish();
                resolve();
            };
            const timer = setTimeout(() => {
                finish();
                const missing = uris.filter(uri => (this.publications.get(uri) ?? 0) <= (since.get(uri) ?? 0));
                reject(new Error(`no diagnostics for ${missing.length} of ${uris.length} files within ${timeoutMs} ms (${missing.slice(0, 3).join(', ')}). stderr: ${this.stderr}`));
            }, timeoutMs);
            const finish = () => {
                clearTimeout(timer);
                this.publicationListeners.delete(listener);
            };
            this.publicationListeners.add(listener);
        });
    }

    /** didOpen, then the time in ms until the first diagnostics for the document. */
    async openAndTime(uri: string, languageId: string, text: string): Promise<{ ms: number; diagnostics: number }> {
        const published = this.nextDiagnostics(uri);
        const start = performance.now();
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
        const result = await published;
        return { ms: performance.now() - start, diagnostics: result.diagnostics.length };
    }

    /** One incremental change (replace a range), then the time in ms until the next diagnostics. */
    async changeAndTime(uri: string, version: number, range: { start: Pos; end: Pos }, text: string): Promise<number> {
        const published = this.nextDiagnostics(uri);
        const start = performance.now();
        await this.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range, text }]
        });
        await published;
        return performance.now() - start;
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    async request<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
        const start = performance.now();
        const result = await this.connection.sendRequest<R>(method, params);
        return { ms: performance.now() - start, result };
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // The server may already be gone.
        }
        this.connection.dispose();
        if (this.child.exitCode === null) {
            await new Promise(resolve => {
                const timer = setTimeout(() => {
                    this.child.kill('SIGKILL');
                    resolve(undefined);
                }, 2000);
                this.child.once('exit', () => {
                    clearTimeout(timer);
                    resolve(undefined);
                });
            });
        }
    }
}

export interface Pos {
    line: number;
    character: number;
}
