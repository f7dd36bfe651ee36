// Both builds of the language server, driven alike from Node.js over JSON-RPC: the Web Worker
// (out/browser/language-server.js) in a headless chromium page, and the Node server
// (out/language-server.cjs --stdio). The page starts the worker from a Blob URL, as the extension
// in VS Code for the Web does, and passes its messages both ways: to the worker with
// `page.evaluate` (one after the other, in order), from it through a function exposed to the page
// (numbered in the page, put back in order here). Each server gets the same client
// (`LspSession`): it answers the worker's file requests (`adopt/fs/stat`, `adopt/fs/readFile`,
// `adopt/fs/readDirectory`) from the disk, with the error names VS Code's file system gives, and
// its searches (`adopt/fs/findFiles`) with a walk of the folder that finds what VS Code's
// `workspace.findFiles` finds (or, as a client that does not know the request, with the error
// `MethodNotFound`), and keeps every diagnostics notification. Used by the worker test (worker-test.mjs) and the
// browser rows of the bench (bench/browser-bench.ts).
//
// Every wait is for an event (a response, a notification, the worker's or process's end); the
// one bound, HANG_GUARD_MS, only turns a server that never answers into an error that says so.
import { spawn } from 'node:child_process';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    AbstractMessageReader, AbstractMessageWriter, createProtocolConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

const root = resolve(import.meta.dirname, '../..');
export const WORKER_SCRIPT = join(root, 'out/browser/language-server.js');
export const NODE_SERVER = join(root, 'out/language-server.cjs');

/** How long a wait may last before the server is taken to hang: far beyond any answer on a loaded machine. */
export const HANG_GUARD_MS = 180_000;

/** What VS Code's file system calls a Node.js file error (its `FileSystemProviderErrorCode`). */
function vscodeErrorName(error) {
    switch (error?.code) {
        case 'ENOENT': return 'FileNotFound';
        case 'EISDIR': return 'FileIsADirectory';
        case 'ENOTDIR': return 'FileNotADirectory';
        case 'EEXIST': return 'FileExists';
        case 'EACCES':
        case 'EPERM': return 'NoPermissions';
        default: return 'Unknown';
    }
}

async function answered(read) {
    try {
        return await read();
    } catch (error) {
        return { error: vscodeErrorName(error) };
    }
}

/**
 * A glob as VS Code's matches a path relative to the searched folder (`/` between names): `**`
 * any number of folders, `*` and `?` within a name, `{a,b}` either.
 */
export function globRegExp(pattern) {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
        const char = pattern[index];
        if (pattern.startsWith('**/', index)) {
            source += '(?:[^/]*/)*';
            index += 2;
        } else if (pattern.startsWith('**', index)) {
            source += '.*';
            index += 1;
        } else if (char === '*') source += '[^/]*';
        else if (char === '?') source += '[^/]';
        else if (char === '{') source += '(?:';
        else if (char === '}') source += ')';
        else if (char === ',') source += '|';
        else source += char.replace(/[$()+.[\\\]^|]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}

/** The names that VS Code's `files.exclude` hides by default, and so `workspace.findFiles` too. */
const FILES_EXCLUDED = new Set(['.git', '.svn', '.hg', '.jj', '.DS_Store', 'Thumbs.db']);

/** The files below `folder` whose paths relative to it match `pattern`, as `workspace.findFiles` finds them: links followed, once each. */
async function findFiles(folder, pattern) {
    const matches = globRegExp(pattern);
    const found = [];
    const seen = new Set();
    async function walk(path) {
        const real = await realpath(path);
        if (seen.has(real)) return;
        seen.add(real);
        for (const entry of await readdir(path, { withFileTypes: true })) {
            if (FILES_EXCLUDED.has(entry.name)) continue;
            const child = join(path, entry.name);
            const info = entry.isSymbolicLink() ? await stat(child).catch(() => undefined) : entry;
            if (info?.isDirectory()) await walk(child);
            else if (info?.isFile() && matches.test(relative(folder, child).split(sep).join('/'))) found.push(pathToFileURL(child).href);
        }
    }
    await walk(folder);
    return found;
}

/**
 * The file requests of the browser build (src/protocol/file-system-protocol.ts), answered from the
 * disk; without `finds`, `adopt/fs/findFiles` is answered as a client that does not know it.
 */
function answerFileRequests(connection, log, finds) {
    const pathOf = params => fileURLToPath(params.uri);
    connection.onRequest('adopt/fs/stat', params => answered(async () => {
        log.push(`stat ${params.uri}`);
        const info = await stat(pathOf(params));
        return { isFile: info.isFile(), isDirectory: info.isDirectory(), size: info.size };
    }));
    connection.onRequest('adopt/fs/readFile', params => answered(async () => {
        log.push(`readFile ${params.uri}`);
        return { base64: (await readFile(pathOf(params))).toString('base64') };
    }));
    connection.onRequest('adopt/fs/readDirectory', params => answered(async () => {
        log.push(`readDirectory ${params.uri}`);
        const folder = pathOf(params);
        const entries = await readdir(folder, { withFileTypes: true });
        return {
            entries: await Promise.all(entries.map(async entry => {
                const path = join(folder, entry.name);
                // As VS Code's readDirectory: a link is taken for what it leads to.
                const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
                return { uri: pathToFileURL(path).href, isFile: info?.isFile() ?? false, isDirectory: info?.isDirectory() ?? false };
            }))
        };
    }));
    connection.onRequest('adopt/fs/findFiles', params => {
        log.push(`findFiles ${params.uri} ${params.pattern}`);
        if (!finds) return new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method adopt/fs/findFiles');
        return answered(async () => ({ uris: await findFiles(fileURLToPath(params.uri), params.pattern) }));
    });
}

/** Rejects after the hang guard with a message saying what was awaited; the promise itself is what is waited for. */
function guarded(promise, what) {
    let timer;
    const guard = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no ${what} within ${HANG_GUARD_MS / 1000} s`)), HANG_GUARD_MS);
    });
    return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/**
 * One language server seen from its client: initialize, documents, requests, and every
 * diagnostics notification and message it sent, in order.
 */
export class LspSession {
    /** Every `textDocument/publishDiagnostics`, in the order they came. */
    published = [];
    /** Every `window/showMessage`. */
    messages = [];
    /** The file requests the server sent (the worker's only), in order. */
    fileRequests = [];
    #listeners = new Set();
    #ended;

    /**
     * @param {import('vscode-languageserver-protocol').ProtocolConnection} connection @param {string} name @param {Promise<string>} ended
     * @param {{ findFiles?: boolean }} options without `findFiles`, the session answers `adopt/fs/findFiles` as a client that does not know it
     */
    constructor(connection, name, ended, { findFiles = true } = {}) {
        this.connection = connection;
        this.name = name;
        this.#ended = ended;
        connection.onNotification('textDocument/publishDiagnostics', params => {
            this.published.push(params);
            this.#changed();
        });
        connection.onNotification('window/showMessage', params => {
            this.messages.push(params);
            this.#changed();
        });
        connection.onNotification('window/logMessage', () => undefined);
        connection.onNotification('telemetry/event', () => undefined);
        connection.onNotification('$/progress', () => undefined);
        answerFileRequests(connection, this.fileRequests, findFiles);
        // The server's other requests answered as an editor without settings of its own would.
        connection.onRequest('workspace/configuration', params => params.items.map(() => null));
        connection.onRequest((method, params) => (method === 'workspace/workspaceFolders' ? this.folders ?? null : null));
        connection.listen();
    }

    #changed() {
        for (const listener of [...this.#listeners]) listener();
    }

    /** Resolves with `found()`'s first value that is not undefined, checked again on each notification; rejects when the server ends first. */
    waitFor(found, what) {
        const now = found();
        if (now !== undefined) return Promise.resolve(now);
        return guarded(new Promise((resolveWait, reject) => {
            const check = () => {
                const value = found();
                if (value === undefined) return;
                this.#listeners.delete(check);
                resolveWait(value);
            };
            this.#listeners.add(check);
            void this.#ended.then(reason => {
                if (this.#listeners.delete(check)) reject(new Error(`${this.name} ended (${reason}) while waiting for ${what}`));
            });
        }), `${what} from ${this.name}`);
    }

    /** `initialize` and `initialized`, with `folder` (a path) as the one workspace folder if given, and `initializationOptions`. */
    async initialize({ folder, initializationOptions } = {}) {
        this.folders = folder ? [{ uri: pathToFileURL(folder).href, name: basename(folder) }] : null;
        const result = await this.request('initialize', {
            processId: null,
            clientInfo: { name: 'adopt-worker-test' },
            rootUri: this.folders?.[0].uri ?? null,
            workspaceFolders: this.folders,
            initializationOptions,
            capabilities: {
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: false },
                    publishDiagnostics: { versionSupport: true, relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    // The editor features the worker test compares, as VS Code announces them.
                    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true, insertReplaceSupport: true } },
                    rename: { prepareSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    foldingRange: { lineFoldingOnly: true },
                    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
                    codeLens: {},
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
                    formatting: {}
                },
                workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } }
            }
        });
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    /** A request's result; throws the server's error (a `ResponseError`, with its code and message). */
    request(method, params) {
        return guarded(Promise.race([
            this.connection.sendRequest(method, params),
            this.#ended.then(reason => Promise.reject(new Error(`${this.name} ended (${reason}) before answering ${method}`)))
        ]), `answer to ${method} from ${this.name}`);
    }

    /** A request's outcome, an answer or an error alike: `{ result }` or `{ error: { code, message } }`. */
    async outcome(method, params) {
        try {
            return { result: await this.request(method, params) };
        } catch (error) {
            if (typeof error?.code === 'number') return { error: { code: error.code, message: error.message } };
            throw error;
        }
    }

    /** Opens a document and resolves with the diagnostics published for that version (`versionSupport`). */
    async open(uri, text, version = 1) {
        const from = this.published.length;
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version, text } });
        return this.diagnosticsOf(uri, version, from);
    }

    /** The first diagnostics published for `uri` at `version` from the `from`-th notification on. */
    diagnosticsOf(uri, version, from = 0) {
        return this.waitFor(() => {
            for (let index = from; index < this.published.length; index++) {
                const params = this.published[index];
                if (params.uri === uri && params.version === version) return params.diagnostics;
            }
            return undefined;
        }, `diagnostics of ${uri} at version ${version}`);
    }

    /** The last diagnostics published for `uri`, once there are any. */
    latestDiagnosticsOf(uri) {
        return this.waitFor(() => this.published.findLast(params => params.uri === uri)?.diagnostics, `diagnostics of ${uri}`);
    }

    /** Resolves with the first message shown whose text `matches`. */
    messageMatching(matches) {
        return this.waitFor(() => this.messages.find(message => matches(message.message)), 'a message');
    }

    /** `shutdown` and `exit`, then the end of the server (its process's exit, or the worker's termination). */
    async stop() {
        try {
            await this.request('shutdown', null);
            await this.connection.sendNotification('exit');
        } catch {
            // Gone already.
        }
        this.connection.dispose();
    }
}

/** The Node server, `node SERVER --stdio` (out/language-server.cjs unless given), with `env` added to its environment. */
export function startNodeServer({ env = {}, server = NODE_SERVER } = {}) {
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr = (stderr + String(chunk)).slice(-8000)));
    const ended = new Promise(resolveEnd => child.once('exit', (code, signal) => resolveEnd(`exit ${code ?? signal}; stderr: ${stderr.slice(-2000)}`)));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(connection, 'the Node server', ended);
    return {
        session,
        pid: child.pid,
        async stop() {
            await session.stop();
            // The server exits on `exit`; a server that does not is ended by its pid.
            if (child.exitCode === null && child.signalCode === null) {
                const exited = new Promise(resolveExit => child.once('exit', resolveExit));
                const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
                await exited;
                clearTimeout(guard);
            }
        }
    };
}

/**
 * A page that starts workers of the language server's script and bridges their messages. The
 * timings it takes are the page's own (`performance.now()` in the page): a worker's start, and the
 * time from posting a message to the worker until it publishes diagnostics, as the page receives them.
 */
export class WorkerPage {
    #page;
    #generation = 0;
    /** Per worker: the reader's callback, the next message number expected, and those that came early. */
    #workers = new Map();

    /** @param {import('playwright-core').Browser} browser */
    static async open(browser, script = WORKER_SCRIPT) {
        const workerPage = new WorkerPage();
        const page = await browser.newPage();
        workerPage.#page = page;
        await page.exposeFunction('adoptFromWorker', (generation, sequence, message) => workerPage.#received(generation, sequence, message));
        await page.exposeFunction('adoptWorkerFailed', (generation, text) => workerPage.#workers.get(generation)?.fail(text));
        await page.evaluate(installBridge, await readFile(script, 'utf8'));
        return workerPage;
    }

    #received(generation, sequence, message) {
        const worker = this.#workers.get(generation);
        if (!worker) return;
        worker.early.set(sequence, message);
        while (worker.early.has(worker.next)) {
            const next = worker.early.get(worker.next);
            worker.early.delete(worker.next++);
            worker.callback?.(next);
        }
    }

    /**
     * Starts a new worker (ending the last one) and gives its session; `startedAt` is the page's
     * clock when the worker was created. `options` are the session's (`LspSession`).
     */
    async start(options = {}) {
        if (this.#generation > 0) await this.terminate();
        const generation = ++this.#generation;
        let fail;
        const ended = new Promise(resolveEnd => (fail = resolveEnd));
        const worker = { next: 0, early: new Map(), callback: undefined, fail };
        this.#workers.set(generation, worker);
        const page = this.#page;
        class PageReader extends AbstractMessageReader {
            listen(callback) {
                worker.callback = callback;
                return { dispose: () => (worker.callback = undefined) };
            }
        }
        let queue = Promise.resolve();
        class PageWriter extends AbstractMessageWriter {
            write(message) {
                // One after the other, so that the worker gets them in the order they were written.
                queue = queue.then(() => page.evaluate(sent => globalThis.adoptBridge.post(sent), message));
                return queue;
            }
            end() {}
        }
        const writer = new PageWriter();
        const startedAt = await page.evaluate(mine => globalThis.adoptBridge.start(mine), generation);
        const session = new LspSession(createProtocolConnection(new PageReader(), writer), 'the worker', ended, options);
        const flushed = () => queue;
        return {
            session,
            startedAt,
            /** The page's milliseconds from the worker's start to the first diagnostics it published for `uri`. */
            firstDiagnosticsAfterStart: uri => page.evaluate(wanted => globalThis.adoptBridge.firstPublished(wanted), uri),
            /** The page's milliseconds from the worker's start to its first message (the answer to `initialize`). */
            firstMessageAfterStart: () => page.evaluate(() => globalThis.adoptBridge.firstMessage()),
            /**
             * Sends a notification and resolves with the page's milliseconds from posting it to the
             * worker until the worker publishes diagnostics for `uri` at `version`.
             */
            async notifyAndTime(method, params, uri, version) {
                await flushed();
                return page.evaluate(([sent, wanted, wantedVersion]) => globalThis.adoptBridge.postAndTime(sent, wanted, wantedVersion),
                    [{ jsonrpc: '2.0', method, params }, uri, version]);
            }
        };
    }

    /** Ends the current worker (`Worker.terminate()`); its session ends with it. */
    async terminate() {
        await this.#page.evaluate(() => globalThis.adoptBridge.terminate());
        this.#workers.get(this.#generation)?.fail('terminated');
        this.#workers.delete(this.#generation);
    }

    async close() {
        await this.terminate().catch(() => undefined);
        await this.#page.close();
    }
}

/** Runs in the page: the worker's script as a Blob URL, and the bridge (`globalThis.adoptBridge`). */
function installBridge(scriptText) {
    const url = URL.createObjectURL(new Blob([scriptText], { type: 'text/javascript' }));
    let worker;
    let startedAt = 0;
    let firstMessageAt;
    let firstPublished = new Map();
    let timings = [];
    globalThis.adoptBridge = {
        start(generation) {
            let sequence = 0;
            firstPublished = new Map();
            timings = [];
            firstMessageAt = undefined;
            startedAt = performance.now();
            worker = new Worker(url, { name: 'Adopt' });
            worker.onmessage = event => {
                const message = event.data;
                firstMessageAt ??= performance.now();
                if (message?.method === 'textDocument/publishDiagnostics') {
                    const now = performance.now();
                    const { uri, version } = message.params;
                    if (!firstPublished.has(uri)) firstPublished.set(uri, now);
                    timings = timings.filter(timing => {
                        if (timing.uri !== uri || timing.version !== version) return true;
                        timing.resolve(now - timing.start);
                        return false;
                    });
                }
                void globalThis.adoptFromWorker(generation, sequence++, message);
            };
            worker.onerror = event => void globalThis.adoptWorkerFailed(generation, `worker error: ${event.message}`);
            return startedAt;
        },
        post(message) {
            worker.postMessage(message);
        },
        postAndTime(message, uri, version) {
            return new Promise(resolveTiming => {
                timings.push({ uri, version, start: performance.now(), resolve: resolveTiming });
                worker.postMessage(message);
            });
        },
        firstMessage() {
            return firstMessageAt === undefined ? null : firstMessageAt - startedAt;
        },
        firstPublished(uri) {
            return firstPublished.has(uri) ? firstPublished.get(uri) - startedAt : null;
        },
        terminate() {
            worker?.terminate();
            worker = undefined;
        }
    };
}
