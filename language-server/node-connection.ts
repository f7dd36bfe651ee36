/**
 * The Node build's connection to its client, on the transport the command line names, as
 * vscode-languageserver picks it (`--node-ipc` for the VS Code client, `--socket=N`, `--pipe=NAME`),
 * with one difference over `--stdio`, the transport of every other editor: each message is
 * written as UTF-8 by `jsonEncoder` below, the library's encoding done for less.
 * - Every message is written into a buffer of its exact size instead of by `Buffer.from(json)`,
 *   which for a large message copies the text in a slow path: the diagnostics of a
 *   10,000-project plan (7.8 MB of JSON) took about 24 ms that way and 2 ms so.
 * - The diagnostics a document's publication repeats from the one before are not written to
 *   JSON again (`publishDiagnosticsBytes`).
 * The bytes are those of `JSON.stringify(message)` (tests/lsp/node-connection.test.ts).
 *
 * Over stdio the library also sends what the server writes to the console to the client as log
 * messages (stdout carries the protocol), and ends the process when stdin ends; with a message
 * writer of its own the server asks for the first itself, and passes stdin to the library as a
 * stream, which gives the second.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type Message, type MessageReader, type MessageWriterOptions } from 'vscode-languageserver/node';

type ContentTypeEncoder = NonNullable<Extract<MessageWriterOptions, object>['contentTypeEncoder']>;

/** JSON as UTF-8 bytes: the library's encoding, written into a buffer of the exact size. */
export const jsonEncoder: ContentTypeEncoder = {
    name: 'application/json',
    encode(message: Message): Promise<Uint8Array> {
        try {
            const diagnostics = publishDiagnosticsBytes(message);
            if (diagnostics) return Promise.resolve(diagnostics);
            const json = JSON.stringify(message);
            const bytes = Buffer.allocUnsafe(Buffer.byteLength(json, 'utf8'));
            bytes.write(json, 0, 'utf8');
            return Promise.resolve(bytes);
        } catch (error) {
            return Promise.reject(error);
        }
    }
};

/**
 * The JSON of each diagnostic published, as UTF-8 bytes, by the diagnostic object. After an edit
 * the server publishes every diagnostic of the document again, and most are the very objects it
 * published before: the diagnostics of the declarations the edit cannot have changed are kept
 * from one version to the next (src/language/fast-build/kept-diagnostics.ts). A diagnostic is
 * never changed once made, so its JSON is written once, and each publication copies the bytes.
 * At 10,000 projects that is 21,000 diagnostics, 7.8 MB of JSON written anew on every edit
 * otherwise (the largest part of an edit's time on the server, BENCHMARKS.md). The bytes live
 * as long as their diagnostics: about the size of the message.
 *
 * Written one by one, diagnostics take longer than in one message, so a publication whose
 * diagnostics are mostly new (the first of a document, or after an edit that changed what every
 * project reads) is written whole, its diagnostics only marked as seen (`SEEN`); the next
 * publication that repeats them writes them one by one, once.
 */
const diagnosticBytes = new WeakMap<object, Uint8Array>();

/** A diagnostic published once, not yet written alone. */
const SEEN = new Uint8Array(0);

const COMMA = 0x2c;

/**
 * A publishDiagnostics notification as JSON bytes, each diagnostic's JSON written once;
 * undefined for any other message, and for one whose diagnostics are mostly new (then marked as
 * seen, to be written alone when published again).
 */
export function publishDiagnosticsBytes(message: Message): Uint8Array | undefined {
    if (!('method' in message) || message.method !== 'textDocument/publishDiagnostics') return undefined;
    const params = (message as { params?: unknown }).params;
    if (typeof params !== 'object' || params === null || !Object.hasOwn(params, 'diagnostics') || !Array.isArray((params as { diagnostics?: unknown }).diagnostics)) return undefined;
    const { diagnostics } = params as { diagnostics: unknown[] };
    let known = 0;
    for (const diagnostic of diagnostics) {
        if (typeof diagnostic !== 'object' || diagnostic === null) return undefined;
        if (diagnosticBytes.has(diagnostic)) known++;
    }
    if (known * 2 < diagnostics.length) {
        for (const diagnostic of diagnostics as object[]) if (!diagnosticBytes.has(diagnostic)) diagnosticBytes.set(diagnostic, SEEN);
        return undefined;
    }
    const parts = new Array<Uint8Array>(diagnostics.length);
    let size = Math.max(0, diagnostics.length - 1);
    for (let i = 0; i < diagnostics.length; i++) {
        const diagnostic = diagnostics[i] as object;
        let bytes = diagnosticBytes.get(diagnostic);
        if (bytes === undefined || bytes === SEEN) {
            bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8');
            diagnosticBytes.set(diagnostic, bytes);
        }
        parts[i] = bytes;
        size += bytes.length;
    }
    const frame = frameOf(message, params);
    if (frame === undefined) return undefined;
    const result = Buffer.allocUnsafe(frame.head.length + size + frame.tail.length);
    frame.head.copy(result, 0);
    let at = frame.head.length;
    for (let i = 0; i < parts.length; i++) {
        if (i > 0) result[at++] = COMMA;
        result.set(parts[i], at);
        at += parts[i].length;
    }
    frame.tail.copy(result, at);
    return result;
}

/** The list in the message written with an empty list; nowhere else (inside a JSON string a quote is escaped). */
const EMPTY_LIST = '"diagnostics":[]';

/**
 * The message's bytes before and after the diagnostics in its list, its keys in their order (the
 * server adds the version after the list); undefined if the message's JSON could be other than
 * the diagnostics put between them.
 */
function frameOf(message: Message, params: object): { head: Buffer; tail: Buffer } | undefined {
    if ('toJSON' in message || 'toJSON' in params) return undefined;
    const json = JSON.stringify({ ...message, params: { ...params, diagnostics: [] } });
    const at = json.indexOf(EMPTY_LIST);
    if (at < 0 || json.includes(EMPTY_LIST, at + 1)) return undefined;
    const list = at + EMPTY_LIST.length - 1;
    return { head: Buffer.from(json.slice(0, list), 'utf8'), tail: Buffer.from(json.slice(list), 'utf8') };
}

/** The console's methods that print, each sent to the client's log instead (what the library does over stdio). */
export interface ConsoleLog {
    error(message: string): void;
    warn(message: string): void;
    info(message: string): void;
    log(message: string): void;
    debug(message: string): void;
}

/** Routes `console`'s printing methods to `log`, formatted as the console formats them; returns the function that restores them. */
export function routeConsoleTo(log: ConsoleLog, target: Console = console): () => void {
    const saved = { error: target.error, warn: target.warn, info: target.info, log: target.log, debug: target.debug, trace: target.trace };
    target.error = (...args: unknown[]) => log.error(format(...args));
    target.warn = (...args: unknown[]) => log.warn(format(...args));
    target.info = (...args: unknown[]) => log.info(format(...args));
    target.log = (...args: unknown[]) => log.log(format(...args));
    target.debug = (...args: unknown[]) => log.debug(format(...args));
    target.trace = (...args: unknown[]) => log.log(`Trace: ${format(...args)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`);
    return () => Object.assign(target, saved);
}

/** The connection of the Node build, on the transport of the command line. */
export function createNodeConnection(argv: readonly string[] = process.argv): Connection {
    if (!argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
    const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
    // The library takes stdin as a stream (it tells streams from readers at run time, and ends the
    // process when the stream ends, with the exit code its shutdown handling decides) beside a
    // writer of the server's own; its overloads only type two streams or two endpoints.
    const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer);
    routeConsoleTo(connection.console);
    return connection;
}
