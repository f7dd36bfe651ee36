/**
 * A tiny, independent LSP client over raw JSON-RPC framing (Content-Length headers on the
 * child's stdin/stdout), written for black-box acceptance tests of the built language server.
 * It answers the server's own requests with neutral results (null, or one null per
 * `workspace/configuration` item, so the server keeps its default settings).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Position { readonly line: number; readonly character: number }
export interface Range { readonly start: Position; readonly end: Position }
export interface LspDiagnostic {
    readonly range: Range;
    readonly severity?: number;
    readonly code?: string | number;
    readonly message: string;
    readonly data?: unknown;
}
export interface TextEdit { readonly range: Range; readonly newText: string }
export interface WorkspaceEdit {
    readonly changes?: Record<string, readonly TextEdit[]>;
    readonly documentChanges?: ReadonlyArray<{ readonly textDocument?: { readonly uri: string }; readonly edits?: readonly TextEdit[] }>;
}
export interface CodeAction {
    readonly title: string;
    readonly kind?: string;
    readonly diagnostics?: readonly LspDiagnostic[];
    readonly edit?: WorkspaceEdit;
}

interface JsonRpcMessage {
    readonly jsonrpc: '2.0';
    readonly id?: number | string;
    readonly method?: string;
    readonly params?: unknown;
    readonly result?: unknown;
    readonly error?: { readonly code: number; readonly message: string };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Waiter = { uri: string; resolve: (diagnostics: LspDiagnostic[]) => void };

export class TinyLspClient {
    private readonly child: ChildProcessWithoutNullStreams;
    private buffer = Buffer.alloc(0);
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();
    private diagnosticWaiters: Waiter[] = [];
    private stderrText = '';

    constructor(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
        this.child = spawn(command, [...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env });
        this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
        this.child.stderr.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString('utf8')));
        this.child.on('exit', () => {
            for (const entry of this.pending.values()) entry.reject(new Error(`server exited; stderr: ${this.stderrText}`));
            this.pending.clear();
        });
    }

    get pid(): number | undefined {
        return this.child.pid;
    }

    get exited(): boolean {
        return this.child.exitCode !== null || this.child.signalCode !== null;
    }

    request<T>(method: string, params: unknown): Promise<T> {
        const id = this.nextId++;
        return new Promise<T>((resolve, reject) => {
            this.pending.set(id, { resolve: value => resolve(value as T), reject });
            this.send({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method: string, params: unknown): void {
        this.send({ jsonrpc: '2.0', method, params });
    }

    /** Opens a document and resolves with the first diagnostics the server publishes for it. */
    open(uri: string, text: string): Promise<LspDiagnostic[]> {
        const published = new Promise<LspDiagnostic[]>(resolve => this.diagnosticWaiters.push({ uri, resolve }));
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
        return published;
    }

    /** Replaces a document's whole text and resolves with the next diagnostics published for it. */
    change(uri: string, version: number, text: string): Promise<LspDiagnostic[]> {
        const published = new Promise<LspDiagnostic[]>(resolve => this.diagnosticWaiters.push({ uri, resolve }));
        this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        return published;
    }

    close(uri: string): void {
        this.notify('textDocument/didClose', { textDocument: { uri } });
    }

    waitForExit(): Promise<void> {
        if (this.exited) return Promise.resolve();
        return new Promise(resolve => this.child.once('exit', () => resolve()));
    }

    private send(message: JsonRpcMessage): void {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin.write(body);
    }

    private receive(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const match = /Content-Length:\s*(\d+)/i.exec(header);
            if (!match) throw new Error(`bad header from server: ${header}`);
            const length = Number(match[1]);
            const start = headerEnd + 4;
            if (this.buffer.length < start + length) return;
            const body = this.buffer.subarray(start, start + length).toString('utf8');
            this.buffer = this.buffer.subarray(start + length);
            this.dispatch(JSON.parse(body) as JsonRpcMessage);
        }
    }

    private dispatch(message: JsonRpcMessage): void {
        if (message.method !== undefined && message.id !== undefined) {
            this.answerServerRequest(message);
        } else if (message.method !== undefined) {
            this.handleNotification(message.method, message.params);
        } else if (typeof message.id === 'number') {
            const entry = this.pending.get(message.id);
            if (!entry) return;
            this.pending.delete(message.id);
            if (message.error) entry.reject(new Error(`${message.error.code}: ${message.error.message}`));
            else entry.resolve(message.result);
        }
    }

    private answerServerRequest(message: JsonRpcMessage): void {
        let result: unknown = null;
        if (message.method === 'workspace/configuration') {
            const items = (message.params as { items?: unknown[] } | undefined)?.items ?? [];
            result = items.map(() => null);
        }
        this.send({ jsonrpc: '2.0', id: message.id, result });
    }

    private handleNotification(method: string, params: unknown): void {
        if (method !== 'textDocument/publishDiagnostics') return;
        const { uri, diagnostics } = params as { uri: string; diagnostics: LspDiagnostic[] };
        const ready = this.diagnosticWaiters.filter(waiter => waiter.uri === uri);
        this.diagnosticWaiters = this.diagnosticWaiters.filter(waiter => waiter.uri !== uri);
        for (const waiter of ready) waiter.resolve(diagnostics);
    }
}

/** Applies a WorkspaceEdit's text edits for one document to its text. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
    const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
    for (const change of edit.documentChanges ?? []) {
        if (change.textDocument?.uri === uri) edits.push(...(change.edits ?? []));
    }
    const lineStarts = startsOfLines(text);
    const offsetOf = (position: Position): number =>
        Math.min(text.length, (lineStarts[position.line] ?? text.length) + position.character);
    const ordered = edits
        .map(e => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText }))
        .sort((a, b) => b.start - a.start || b.end - a.end);
    let result = text;
    for (const e of ordered) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
    return result;
}

function startsOfLines(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') starts.push(i + 1);
    }
    return starts;
}
