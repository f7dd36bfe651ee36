/**
 * The LSP client of the test suites: drives the BUILT language server (out/language-server.cjs,
 * from `node scripts/build.mjs`) as an editor would, a child process over stdio spoken to with
 * vscode-languageserver-protocol (whose reader waits until a whole message has arrived, however
 * the stream cuts it). Opens a workspace folder if asked; keeps every diagnostics notification
 * (with the version of the text it is about) in order and the latest per document, the messages
 * shown to the user, the registrations asked for and the code lens refreshes asked for; answers
 * the server's requests (settings, registrations, progress, refreshes); sends document and
 * watched-file notifications; reads the process's memory and open files from /proc. (The
 * acceptance suite keeps a client of its own, written apart from the server's code:
 * tests/acceptance/lsp-client.ts.)
 *
 * Every wait is for an event (an answer, a notification or request of the server, its exit),
 * never for a span of time: a busy machine makes the suites slower, not red. The one bound,
 * HANG_GUARD_MS, only turns a server that will never answer into a failure with a message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import {
    CodeLensRefreshRequest, ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
    DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, RegistrationRequest, ResponseError, SemanticTokensRefreshRequest, ShowMessageNotification, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest, type ClientCapabilities, type Diagnostic, type FileEvent,
    type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type RegistrationParams, type ShowMessageParams,
    type TextDocumentContentChangeEvent, type WorkspaceFolder
} from 'vscode-languageserver-protocol/node';

export const SERVER_BUNDLE = resolve(__dirname, '../../out/language-server.cjs');

/**
 * How long a wait may last before the server is taken to hang: far beyond what any answer takes
 * on a loaded machine, and below the suites' own test timeout (vitest.config.ts), so that a hang
 * fails with a message that says what was awaited.
 */
export const HANG_GUARD_MS = 240_000;

/** The outcome of a request: its result, a proper LSP error, or no answer within the bound. */
export type Answer = { kind: 'result'; value: unknown } | { kind: 'error'; code: number; message: string } | { kind: 'timeout' };

export interface ServerOptions {
    /** What the client answers for each `workspace/configuration` item (default: null, the server's defaults). */
    readonly settings?: () => unknown;
    /** The client's capabilities (default: a plain editor's: diagnostics, hover, code actions, settings). */
    readonly capabilities?: ClientCapabilities;
    /** Start the server with Node's inspector on 127.0.0.1 (a port of its own), to read its heap (`heapUsedAfterGc`). */
    readonly inspect?: boolean;
    /** Variables added to the server's environment (`ADOPT_TODAY`, say). */
    readonly env?: Readonly<Record<string, string>>;
    /** The workspace folders sent with `initialize`; the first is also its `rootUri` (default: none, and a null `rootUri`). */
    readonly workspaceFolders?: readonly WorkspaceFolder[];
}

const PLAIN_EDITOR: ClientCapabilities = {
    textDocument: { publishDiagnostics: {}, hover: {}, codeAction: {} },
    workspace: { configuration: true }
};

export class ServerProcess {
    /** The latest diagnostics of each document. */
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Every diagnostics notification, in the order they came. */
    readonly published: PublishDiagnosticsParams[] = [];
    /** The messages the server asked the client to show. */
    readonly messages: ShowMessageParams[] = [];
    /** The registrations the server asked for (`client/registerCapability`), in order. */
    readonly registrations: RegistrationParams[] = [];
    /** How many times the server asked the client to refresh its code lenses. */
    codeLensRefreshes = 0;
    /** What the server answered `initialize` with. */
    initializeResult: InitializeResult | undefined;
    private readonly child: ChildProcess;
    readonly connection: ProtocolConnection;
    private stderr = '';
    /** Fires `event` whenever the server sends something or exits: what the waits re-check on. */
    private readonly events = new EventEmitter().setMaxListeners(0);

    private constructor(options: ServerOptions) {
        if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run node scripts/build.mjs first`);
        const nodeOptions = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
        this.child = spawn(process.execPath, [...nodeOptions, SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
        this.child.stderr!.on('data', chunk => {
            this.stderr = (this.stderr + String(chunk)).slice(-20_000);
        });
        this.child.on('exit', () => this.events.emit('event'));
        this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.published.push(params);
            this.events.emit('event');
        });
        this.connection.onNotification(ShowMessageNotification.type, params => {
            this.messages.push(params);
            this.events.emit('event');
        });
        // The server may ask the client for settings, capabilities, progress and refreshes: answer like an editor.
        const settings = options.settings ?? (() => null);
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => settings()));
        this.connection.onRequest(RegistrationRequest.type, params => {
            this.registrations.push(params);
            this.events.emit('event');
        });
        this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        this.connection.onRequest(CodeLensRefreshRequest.type, () => {
            this.codeLensRefreshes++;
            this.events.emit('event');
        });
        this.connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
        this.connection.listen();
    }

    static async start(options: ServerOptions = {}): Promise<ServerProcess> {
        const server = new ServerProcess(options);
        const folders = options.workspaceFolders && options.workspaceFolders.length > 0 ? [...options.workspaceFolders] : null;
        const init = await server.request(InitializeRequest.method, {
            processId: process.pid,
            rootUri: folders ? folders[0].uri : null,
            capabilities: options.capabilities ?? PLAIN_EDITOR,
            workspaceFolders: folders
        });
        if (init.kind !== 'result') {
            await server.stop();
            throw new Error(`initialize failed: ${JSON.stringify(init)}\n${server.stderr}`);
        }
        server.initializeResult = init.value as InitializeResult;
        await server.connection.sendNotification(InitializedNotification.type, {});
        return server;
    }

    get pid(): number {
        return this.child.pid!;
    }

    get alive(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }

    get errorOutput(): string {
        return this.stderr;
    }

    /** Sends a request and waits for its answer (a `timeout` only when the server hangs, or after `timeoutMs`). */
    request(method: string, params: unknown, timeoutMs = HANG_GUARD_MS): Promise<Answer> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<Answer>(done => {
            timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs);
        });
        const answer = this.connection.sendRequest(method, params).then(
            (value): Answer => ({ kind: 'result', value }),
            (error: unknown): Answer =>
                error instanceof ResponseError ? { kind: 'error', code: error.code, message: error.message } : { kind: 'error', code: 0, message: String(error) }
        );
        return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
    }

    /** The result of a request; throws on an error or no answer. */
    async result<T>(method: string, params: unknown, timeoutMs = HANG_GUARD_MS): Promise<T> {
        const answer = await this.request(method, params, timeoutMs);
        if (answer.kind !== 'result') throw new Error(`${method}: ${JSON.stringify(answer)}\n${this.stderr}`);
        return answer.value as T;
    }

    notify(method: string, params: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    open(uri: string, text: string, version = 1, languageId = 'adopt'): Promise<void> {
        return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    }

    close(uri: string): Promise<void> {
        return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** Tells the server that watched files were created, changed or deleted (`workspace/didChangeWatchedFiles`). */
    filesChanged(changes: FileEvent[]): Promise<void> {
        return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    }

    change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
        return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    }

    /**
     * Waits until `done()` holds, checking it again each time the server sends something or
     * exits; false if it still does not hold after `timeoutMs` (the hang guard unless given).
     */
    waitFor(done: () => boolean, timeoutMs = HANG_GUARD_MS): Promise<boolean> {
        if (done()) return Promise.resolve(true);
        return new Promise(resolveWait => {
            const check = () => {
                if (!done()) return;
                finish(true);
            };
            const timer = setTimeout(() => finish(done()), timeoutMs);
            const finish = (held: boolean) => {
                clearTimeout(timer);
                this.events.off('event', check);
                resolveWait(held);
            };
            this.events.on('event', check);
        });
    }

    /** Waits for the first diagnostics of a document. */
    async diagnosticsOf(uri: string, timeoutMs = HANG_GUARD_MS): Promise<Diagnostic[]> {
        await this.waitFor(() => this.diagnostics.has(uri), timeoutMs);
        const diagnostics = this.diagnostics.get(uri);
        if (!diagnostics) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr}`);
        return diagnostics;
    }

    /** The first diagnostics of a document published after the first `seen` notifications that satisfy `condition`. */
    async diagnosticsAfter(uri: string, seen: number, condition: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = HANG_GUARD_MS): Promise<Diagnostic[]> {
        return (await this.publicationAfter(uri, seen, params => condition(params.diagnostics), timeoutMs)).diagnostics;
    }

    /**
     * The first diagnostics notification of a document (its diagnostics and the version of the
     * text they are about) after the first `seen` notifications that satisfies `condition`.
     */
    async publicationAfter(uri: string, seen: number, condition: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = HANG_GUARD_MS): Promise<PublishDiagnosticsParams> {
        const find = () => this.published.slice(seen).find(params => params.uri === uri && condition(params));
        await this.waitFor(() => find() !== undefined, timeoutMs);
        const found = find();
        if (!found) {
            const last = this.published.filter(params => params.uri === uri).at(-1);
            throw new Error(`no such diagnostics for ${uri} within ${timeoutMs} ms; the last: ${JSON.stringify(last)}\n${this.stderr}`);
        }
        return found;
    }

    /**
     * The server's heap in use (bytes) after two full garbage collections, read over the
     * inspector (Chrome DevTools Protocol over a WebSocket); needs `inspect: true`.
     */
    async heapUsedAfterGc(): Promise<number> {
        const url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(this.stderr)?.[0];
        if (!url) throw new Error(`the server was not started with inspect: true (no inspector address)\n${this.stderr}`);
        const socket = new WebSocket(url);
        await new Promise((resolveOpen, rejectOpen) => {
            socket.addEventListener('open', resolveOpen, { once: true });
            socket.addEventListener('error', rejectOpen, { once: true });
        });
        let nextId = 0;
        const call = (method: string): Promise<Record<string, unknown>> => new Promise((resolveCall, rejectCall) => {
            const id = ++nextId;
            const onMessage = (event: MessageEvent) => {
                const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown>; error?: unknown };
                if (message.id !== id) return;
                socket.removeEventListener('message', onMessage);
                if (message.error) rejectCall(new Error(JSON.stringify(message.error)));
                else resolveCall(message.result ?? {});
            };
            socket.addEventListener('message', onMessage);
            socket.send(JSON.stringify({ id, method }));
        });
        try {
            await call('HeapProfiler.collectGarbage');
            await call('HeapProfiler.collectGarbage');
            return (await call('Runtime.getHeapUsage')).usedSize as number;
        } finally {
            socket.close();
        }
    }

    /** Resident memory of the server process, in KiB (VmRSS from /proc). */
    rssKiB(): number {
        const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
        const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
        if (!match) throw new Error('no VmRSS in /proc status');
        return Number(match[1]);
    }

    /** Open file descriptors that are sockets, other than stdin, stdout and stderr. */
    extraSockets(): string[] {
        const found: string[] = [];
        for (const fd of readdirSync(`/proc/${this.pid}/fd`)) {
            if (Number(fd) <= 2) continue;
            try {
                const target = readlinkSync(`/proc/${this.pid}/fd/${fd}`);
                if (target.startsWith('socket:')) found.push(`${fd} -> ${target}`);
            } catch {
                // The descriptor closed while we looked.
            }
        }
        return found;
    }

    /** Inodes of the process's internet sockets (TCP and UDP, IPv4 and IPv6), from /proc/PID/net. */
    internetSocketInodes(): string[] {
        const own = new Set<string>();
        for (const fd of readdirSync(`/proc/${this.pid}/fd`)) {
            try {
                const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${this.pid}/fd/${fd}`));
                if (match) own.add(match[1]);
            } catch {
                // closed meanwhile
            }
        }
        const inodes: string[] = [];
        for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
            const path = `/proc/${this.pid}/net/${table}`;
            if (!existsSync(path)) continue;
            for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
                const inode = line.trim().split(/\s+/)[9];
                if (inode && own.has(inode)) inodes.push(`${table}:${inode}`);
            }
        }
        return inodes;
    }

    /**
     * Asks the server to shut down, then kills it by pid if it has not exited after a while: the
     * end of a suite, where a slow exit costs time and nothing else.
     */
    async stop(): Promise<void> {
        if (this.alive) {
            await this.request(ShutdownRequest.method, undefined, 10_000);
            await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
            const exited = await this.waitFor(() => !this.alive, 10_000);
            if (!exited) process.kill(this.pid, 'SIGKILL');
        }
        this.connection.dispose();
    }
}

/** The diagnostics as comparable records (position, severity, code, message). */
export function comparable(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${typeof d.message === 'string' ? d.message : ''}`)
        .sort();
}
