/**
 * An editor's view of the Adopt language server, measured from outside: a client of its own (no
 * LSP library: JSON-RPC framed by hand over the server's stdio) that announces what VS Code
 * announces, opens a generated plan, changes it with range edits as VS Code sends them, and times
 * each change from the moment its `didChange` is written to the moment the `publishDiagnostics`
 * of that version has been read and parsed. Diagnostics of another version do not count.
 *
 * What an editor does between two changes can be added (`--follow`): the requests VS Code sends
 * after a change (semantic tokens as a delta, the outline, folding ranges, code lenses), sent
 * right after the `didChange`, so that they compete with the build for the server's thread.
 *
 * Used by bench/run-bench.mjs (the "editor" rows of `npm run bench`), and by hand:
 *   node .bench/out/editor-client.cjs --plan .bench/plans/plan-10000.adopt [--edits 9] [--edit level|unit|comment]
 *       [--keystrokes] [--follow] [--server out/language-server.cjs]
 * Prints one JSON line: each edit's milliseconds and their median, the server's CPU milliseconds
 * over the same spans (from the first change of an edit, with --keystrokes) and their median, the
 * diagnostics' count, and the client's share (reading and parsing the diagnostics' message).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuTimeOf } from './process-cpu.js';
import { median } from './stats.js';

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Message { id?: number | string; method?: string; params?: any; result?: any; error?: any }

/** JSON-RPC over a child's stdio, with Content-Length framing read without copying the stream over and over. */
class Rpc {
    private nextId = 1;
    private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
    private readonly chunks: Buffer[] = [];
    private buffered = 0;
    private expected = -1;
    private stderr = '';
    /** When the first chunk of the message being read arrived. */
    private startedAt = 0;
    notificationListener: (message: Message, readAt: number, startedAt: number) => void = () => undefined;
    requestHandler: (message: Message) => unknown = () => null;

    constructor(readonly child: ChildProcess) {
        child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
        child.stderr!.on('data', chunk => {
            this.stderr = (this.stderr + String(chunk)).slice(-4000);
            if (process.env.ADOPT_EDITOR_CLIENT_TRACE) process.stderr.write(chunk);
        });
    }

    get lastStderr(): string {
        return this.stderr;
    }

    private receive(chunk: Buffer): void {
        const now = performance.now();
        if (this.buffered === 0 && this.expected < 0) this.startedAt = now;
        this.chunks.push(chunk);
        this.buffered += chunk.length;
        for (;;) {
            if (this.expected < 0) {
                const head = Buffer.concat(this.chunks.splice(0), this.buffered);
                this.chunks.push(head);
                const end = head.indexOf('\r\n\r\n');
                if (end < 0) return;
                const length = /Content-Length: (\d+)/i.exec(head.subarray(0, end).toString('ascii'));
                if (!length) throw new Error(`bad header: ${head.subarray(0, end).toString('ascii')}`);
                this.expected = Number(length[1]);
                this.chunks[0] = head.subarray(end + 4);
                this.buffered = this.chunks[0].length;
            }
            if (this.buffered < this.expected) return;
            const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks.splice(0), this.buffered);
            this.chunks.length = 0;
            const body = all.subarray(0, this.expected);
            const rest = all.subarray(this.expected);
            this.expected = -1;
            this.buffered = rest.length;
            if (rest.length > 0) this.chunks.push(rest);
            this.dispatch(JSON.parse(body.toString('utf8')) as Message, performance.now(), this.startedAt);
            this.startedAt = now;
            if (this.buffered === 0) return;
        }
    }

    private dispatch(message: Message, readAt: number, startedAt: number): void {
        if (message.method !== undefined && message.id !== undefined) {
            Promise.resolve(this.requestHandler(message)).then(result => this.write({ id: message.id, result: result ?? null }));
        } else if (message.method !== undefined) {
            this.notificationListener(message, readAt, startedAt);
        } else if (typeof message.id === 'number') {
            const waiter = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (message.error) waiter?.reject(new Error(`${message.error.code}: ${message.error.message}`));
            else waiter?.resolve(message.result);
        }
    }

    write(message: Message): void {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
        this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin!.write(body);
    }

    request<T = any>(method: string, params: unknown): Promise<T> {
        const id = this.nextId++;
        return new Promise<T>((resolvePromise, reject) => {
            this.pending.set(id, { resolve: resolvePromise, reject });
            this.write({ id, method, params });
        });
    }

    notify(method: string, params: unknown): void {
        this.write({ method, params });
    }
}

/** The client capabilities VS Code 1.95 announces for what the Adopt server provides. */
const VSCODE_CAPABILITIES = {
    workspace: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        symbol: { dynamicRegistration: true },
        codeLens: { refreshSupport: true },
        executeCommand: { dynamicRegistration: true },
        configuration: true,
        workspaceFolders: true,
        semanticTokens: { refreshSupport: true },
        diagnostics: { refreshSupport: true },
        fileOperations: { dynamicRegistration: true, didCreate: true, didRename: true, didDelete: true }
    },
    textDocument: {
        synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
        completion: { dynamicRegistration: true, contextSupport: true, completionItem: { snippetSupport: true } },
        hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
        definition: { dynamicRegistration: true, linkSupport: true },
        references: { dynamicRegistration: true },
        documentHighlight: { dynamicRegistration: true },
        documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
        codeAction: { dynamicRegistration: true, isPreferredSupport: true, dataSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
        codeLens: { dynamicRegistration: true },
        formatting: { dynamicRegistration: true },
        rename: { dynamicRegistration: true, prepareSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] },
            codeDescriptionSupport: true, dataSupport: true },
        foldingRange: { dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true },
        semanticTokens: {
            dynamicRegistration: true, tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter',
                'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string',
                'number', 'regexp', 'operator', 'decorator'],
            tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification',
                'documentation', 'defaultLibrary'],
            formats: ['relative'], requests: { range: true, full: { delta: true } }, multilineTokenSupport: false,
            overlappingTokenSupport: false, serverCancelSupport: true, augmentsSyntaxTokens: true
        }
    },
    window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
    general: { positionEncodings: ['utf-16'] }
};

export interface EditorClientOptions {
    /** The plan to open (a generated plan: its `asynchrony LEVEL` lines, member units and initiatives are edited). */
    plan: string;
    /** The command that starts the server: node and its arguments. */
    server: string[];
    /** Measured edits (one untimed edit comes first). */
    edits: number;
    /** Which text the edits change. */
    edit: 'level' | 'unit' | 'comment';
    /** Type the new text one character per change, as keys are pressed (the last change is timed). */
    keystrokes: boolean;
    /** After each change, send what VS Code asks after a change (semantic tokens, outline, folding, code lenses). */
    follow: boolean;
    /** Undo each edit (untimed) before the next, so that every edit is timed on the plan as generated. */
    undo: boolean;
    /** Announce VS Code's client capabilities, or none but the diagnostics' version. */
    capabilities: 'vscode' | 'minimal';
}

export interface EditorClientResult {
    ms: number[];
    median: number;
    /**
     * The server's CPU time (all its threads: garbage collection too) over the same spans, on
     * Linux (read from /proc); on a machine shared with other processes it moves far less than
     * the wall-clock time. Empty elsewhere.
     */
    cpuMs: number[];
    cpuMedian: number;
    diagnostics: number;
    /** The median time from the first chunk of the diagnostics' message to its parsed object (the client's share). */
    readMedian: number;
}

interface Published { readAt: number; startedAt: number; count: number }

/** One range edit of the opened text: replace `from` at `line:character` with `to`. */
export interface Edit { line: number; character: number; from: string; to: string }

/** The lines an edit of each kind changes, spread evenly over the plan. */
export function editsOf(text: string, kind: EditorClientOptions['edit'], count: number): Edit[] {
    const found: Edit[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
        let match: RegExpExecArray | null;
        if (kind === 'level' && (match = /^(\s*asynchrony )(low|medium|high)\s*$/.exec(line))) {
            found.push({ line: index, character: match[1].length, from: match[2], to: match[2] === 'medium' ? 'low' : 'medium' });
        } else if (kind === 'unit' && (match = /^(\s*member \S+ "[^"]*" role \S+ unit ")([^"]*)"/.exec(line))) {
            found.push({ line: index, character: match[1].length + match[2].length, from: '', to: ' East' });
        } else if (kind === 'comment' && /^\s*initiative \S+ "[^"]*"$/.test(line)) {
            found.push({ line: index, character: line.length, from: '', to: ' // note' });
        }
    });
    if (found.length === 0) throw new Error(`no place for a ${kind} edit in the plan`);
    return Array.from({ length: count }, (_, i) => found[Math.floor(((i + 0.5) * found.length) / count)]);
}

/** The range changes that make one edit: one change, or one per character typed (after the old text is deleted). */
export function changesOf(edit: Edit, keystrokes: boolean): Array<{ range: Range; rangeLength: number; text: string }> {
    const at = (character: number): Position => ({ line: edit.line, character });
    if (!keystrokes) {
        return [{ range: { start: at(edit.character), end: at(edit.character + edit.from.length) }, rangeLength: edit.from.length, text: edit.to }];
    }
    const changes = [];
    if (edit.from.length > 0) changes.push({ range: { start: at(edit.character), end: at(edit.character + edit.from.length) }, rangeLength: edit.from.length, text: '' });
    for (let i = 0; i < edit.to.length; i++) {
        changes.push({ range: { start: at(edit.character + i), end: at(edit.character + i) }, rangeLength: 0, text: edit.to[i] });
    }
    return changes;
}

export async function runEditorClient(options: EditorClientOptions): Promise<EditorClientResult> {
    const text = readFileSync(options.plan, 'utf8');
    const child = spawn(options.server[0], options.server.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const rpc = new Rpc(child);
    const uri = pathToFileURL(resolve('/tmp/adopt-editor-bench', 'plan.adopt')).href;
    // Diagnostics of each version, as they are read.
    const waiting = new Map<number, (published: Published) => void>();
    rpc.notificationListener = (message, readAt, startedAt) => {
        if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
            waiting.get(message.params.version)?.({ readAt, startedAt, count: message.params.diagnostics.length });
        }
    };
    rpc.requestHandler = message => {
        if (message.method === 'workspace/configuration') return (message.params.items as unknown[]).map(() => null);
        return null;
    };
    const diagnosticsOf = (version: number) => new Promise<Published>((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics of version ${version}. ${rpc.lastStderr}`)), 120_000);
        waiting.set(version, published => {
            clearTimeout(timer);
            waiting.delete(version);
            resolvePromise(published);
        });
    });
    try {
        await rpc.request('initialize', {
            processId: process.pid, clientInfo: { name: 'Visual Studio Code', version: '1.95.0' }, locale: 'en',
            rootUri: null, workspaceFolders: null,
            capabilities: options.capabilities === 'vscode' ? VSCODE_CAPABILITIES : { textDocument: { publishDiagnostics: { versionSupport: true } } }
        });
        rpc.notify('initialized', {});
        if (options.capabilities === 'vscode') rpc.notify('workspace/didChangeConfiguration', { settings: null });
        let version = 1;
        const opened = diagnosticsOf(version);
        rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version, text } });
        let diagnostics = (await opened).count;
        let semanticResultId: string | undefined;
        const follow = async () => {
            const tokens = semanticResultId === undefined
                ? rpc.request('textDocument/semanticTokens/full', { textDocument: { uri } })
                : rpc.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: semanticResultId });
            const answers = await Promise.all([
                tokens,
                rpc.request('textDocument/documentSymbol', { textDocument: { uri } }),
                rpc.request('textDocument/foldingRange', { textDocument: { uri } }),
                rpc.request('textDocument/codeLens', { textDocument: { uri } })
            ]);
            semanticResultId = answers[0]?.resultId;
        };
        if (options.follow) await follow();
        const ms: number[] = [];
        const cpuMs: number[] = [];
        const read: number[] = [];
        const edits = editsOf(text, options.edit, options.edits + 1);
        for (const [index, edit] of edits.entries()) {
            const changes = changesOf(edit, options.keystrokes);
            let last: Promise<Published> | undefined;
            let sentAt = 0;
            let followed: Promise<void> | undefined;
            const cpuBefore = cpuTimeOf(child.pid);
            for (const [at, change] of changes.entries()) {
                version++;
                // Only the last change's diagnostics: a change cancels the build of the one before.
                if (at === changes.length - 1) last = diagnosticsOf(version);
                sentAt = performance.now();
                rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
                if (options.follow) followed = follow();
            }
            const { readAt, startedAt, count } = await last!;
            await followed;
            const cpuAfter = cpuTimeOf(child.pid);
            diagnostics = count;
            if (process.env.ADOPT_EDITOR_CLIENT_TRACE) {
                const abs = (at: number) => (performance.timeOrigin + at).toFixed(1);
                console.error(`CLIENT sent ${abs(sentAt)} first-chunk ${abs(startedAt)} parsed ${abs(readAt)}`);
            }
            if (index > 0) {
                ms.push(readAt - sentAt);
                read.push(readAt - startedAt);
                if (cpuBefore !== undefined && cpuAfter !== undefined) cpuMs.push(cpuAfter - cpuBefore);
            }
            if (!options.undo) continue;
            // Undo, as the next edit is timed against the plan as generated.
            const undo = { range: { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + edit.to.length } },
                rangeLength: edit.to.length, text: edit.from };
            version++;
            const undone = diagnosticsOf(version);
            rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [undo] });
            if (options.follow) followed = follow();
            await undone;
            await followed;
        }
        return { ms, median: median(ms), cpuMs, cpuMedian: median(cpuMs), diagnostics, readMedian: median(read) };
    } finally {
        try {
            await Promise.race([rpc.request('shutdown', null), new Promise(r => setTimeout(r, 2000))]);
            rpc.notify('exit', null);
        } catch {
            // The server may be gone already.
        }
        child.stdin!.end();
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
    }
}

function parseArgs(argv: string[]): EditorClientOptions {
    const value = (name: string) => {
        const at = argv.indexOf(`--${name}`);
        return at >= 0 ? argv[at + 1] : undefined;
    };
    const plan = value('plan');
    if (!plan) {
        console.error('usage: editor-client --plan PLAN.adopt [--edits N] [--edit level|unit|comment] [--keystrokes] [--follow] [--no-undo] [--minimal] [--server SERVER.cjs]');
        process.exit(2);
    }
    const server = value('server') ?? resolve(__dirname, '..', '..', 'out', 'language-server.cjs');
    const nodeFlags = (value('node-flags') ?? '').split(' ').filter(Boolean);
    return {
        plan,
        server: [process.execPath, ...nodeFlags, server, '--stdio'],
        edits: Number(value('edits') ?? 9),
        edit: (value('edit') ?? 'level') as EditorClientOptions['edit'],
        keystrokes: argv.includes('--keystrokes'),
        follow: argv.includes('--follow'),
        undo: !argv.includes('--no-undo'),
        capabilities: argv.includes('--minimal') ? 'minimal' : 'vscode'
    };
}

// Run as a program (the bundle in .bench/out), not when imported (tests/bench/).
if (typeof require !== 'undefined' && require.main === module) {
    runEditorClient(parseArgs(process.argv.slice(2)))
        .then(result => process.stdout.write(JSON.stringify(result) + '\n'))
        .catch(error => {
            console.error(error);
            process.exit(1);
        });
}
