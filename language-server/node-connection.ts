/**
 * The Node build's connection to its client, on the transport the command line names, as
 * vscode-languageserver picks it (`--node-ipc` for the VS Code client, `--socket=N`, `--pipe=NAME`),
 * with one difference over `--stdio`, the transport of every other editor: each message is
 * written as UTF-8 by `jsonEncoder` below, the library's encoding done for less.
 * - Every message is written into a buffer of its exact size instead of by `Buffer.from(json)`,
 *   which for a large message copies the text in a slow path: the diagnostics of a
 *   10,000-project plan (7.8 MB of JSON) took about 24 ms that way and 2 ms so.
 * - The diagnostics a document's publication repeats from the one before are not written to
 *   JSON again: they are copied from the message before, a stretch at a time
 *   (`publishDiagnosticsBytes`).
 * The bytes mean the same JSON (tests/lsp/node-connection.test.ts).
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
 * What the last publication of a document wrote: its diagnostics (a copy of the list, in order),
 * the message, and where each diagnostic's JSON starts in it. After an edit the server publishes
 * every diagnostic of the document again, and most are the very objects it published before, in
 * the same order: the diagnostics of the declarations the edit cannot have changed are kept from
 * one version to the next (src/language/fast-build/kept-diagnostics.ts), and those of the edited
 * declaration are new, together. A diagnostic is never changed once made, so its JSON is the
 * same in every message: the next publication copies each stretch of the diagnostics it shares
 * with this one from these bytes in one block, and writes to JSON only the others. At 10,000
 * projects that is 21,000 diagnostics, 7.8 MB of JSON written anew on every edit otherwise (the
 * largest part of an edit's time on the server, BENCHMARKS.md).
 *
 * One record a document, the size of its message; a document whose diagnostics are published
 * empty (closed, or deleted) has none.
 */
interface Publication {
    readonly diagnostics: readonly object[];
    /** The message: the start of `store`. */
    readonly bytes: Uint8Array;
    /** The memory the message is written in, and the memory of the publication before it, free to be written over. */
    readonly store: Buffer;
    readonly spare: Buffer | undefined;
    /**
     * The offset in `bytes` of each diagnostic's JSON, and one more: one past the list's closing
     * bracket. Diagnostic i is the bytes from `starts[i]` to `starts[i + 1] - 1` (a comma or the
     * bracket follows it), and diagnostics i to k - 1, with the commas between them, the bytes
     * from `starts[i]` to `starts[k] - 1`.
     */
    readonly starts: Uint32Array;
}

const publications = new Map<string, Publication>();

/**
 * How the last publication was written (tests read them): `copied` diagnostics copied from the
 * publication before in `runs` blocks, `written` diagnostics written to JSON in `pieces`.
 */
export const lastPublication = { copied: 0, runs: 0, written: 0, pieces: 0 };

/**
 * New diagnostics are written to JSON this many in a piece. One piece for the whole list (the
 * library's way) makes a string the size of the message, and a string that large is allocated
 * apart from the others, in memory the process gets anew each time: on the virtual machines the
 * benchmarks run on, 2,000 page faults for the 10,000-project plan's diagnostics, which took
 * about 40 ms in one piece and 20 ms in pieces. One piece a diagnostic makes 21,000 calls. 64
 * diagnostics of about 400 bytes are a string of the ordinary kind, even with characters outside
 * Latin-1 (two bytes each in a string).
 */
const PIECE = 64;

const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
/** The list in the message written with an empty list; nowhere else (inside a JSON string a quote is escaped). */
const EMPTY_LIST = '"diagnostics":[]';

/**
 * A publishDiagnostics notification as the bytes of `JSON.stringify(message)`, the diagnostics
 * the document's publication before also had copied from it; undefined for any other message, and
 * for a publication without diagnostics.
 */
export function publishDiagnosticsBytes(message: Message): Uint8Array | undefined {
    if (!('method' in message) || message.method !== 'textDocument/publishDiagnostics') return undefined;
    const params = (message as { params?: unknown }).params;
    if (typeof params !== 'object' || params === null || !Object.hasOwn(params, 'diagnostics')) return undefined;
    const { uri, diagnostics } = params as { uri?: unknown; diagnostics?: unknown };
    if (typeof uri !== 'string' || !Array.isArray(diagnostics)) return undefined;
    const frame = diagnostics.length > 0 && diagnostics.every(isObject) ? frameOf(message, params) : undefined;
    if (frame === undefined) {
        publications.delete(uri);
        return undefined;
    }
    const publication = written(diagnostics, frame, publications.get(uri));
    publications.set(uri, publication);
    return publication.bytes;
}

function isObject(value: unknown): value is object {
    return typeof value === 'object' && value !== null;
}

/**
 * The message's bytes before and after its list of diagnostics (its key order kept: the server
 * adds the version after the list); undefined if the message's JSON could be other than the list
 * put between them.
 */
function frameOf(message: Message, params: object): { head: Buffer; tail: Buffer } | undefined {
    if ('toJSON' in message || 'toJSON' in params) return undefined;
    const json = JSON.stringify({ ...message, params: { ...params, diagnostics: [] } });
    const at = json.indexOf(EMPTY_LIST);
    if (at < 0 || json.includes(EMPTY_LIST, at + 1)) return undefined;
    const list = at + EMPTY_LIST.length - 2;
    return { head: Buffer.from(json.slice(0, list), 'utf8'), tail: Buffer.from(json.slice(list + 2), 'utf8') };
}

/**
 * Diagnostics of the publication before are found every this many of its list (a stretch of kept
 * diagnostics shorter than that, between new ones, is written again).
 */
const ANCHOR = 16;

/**
 * The list in parts, in order: where each part begins in the list, and where it begins in the
 * publication before (a stretch of diagnostics that follow each other there too) or -1 (new
 * diagnostics, or diagnostics not found there). The lists are compared from the end while they
 * hold the same objects, and from the start in step; where the objects differ, the next kept
 * diagnostic is found among every ANCHOR-th of the publication before, and the lists compared
 * back from it. In a plan's publication after an edit that is: the plan-wide rules' diagnostics
 * at the start and at the end (new), and between them the projects' (kept), but for the edited
 * declaration's (new).
 */
function partsOf(diagnostics: readonly object[], before: readonly object[] | undefined): { begins: number[]; sources: number[] } {
    const n = diagnostics.length;
    const begins: number[] = [];
    const sources: number[] = [];
    const m = before === undefined ? 0 : before.length;
    let end = 0;
    while (end < n && end < m && diagnostics[n - 1 - end] === before![m - 1 - end]) end++;
    const last = n - end;
    let anchors: Map<object, number> | undefined;
    let i = 0;
    let j = 0;
    while (i < last) {
        if (j < m && diagnostics[i] === before![j]) {
            begins.push(i);
            sources.push(j);
            do {
                i++;
                j++;
            } while (i < last && j < m && diagnostics[i] === before![j]);
            continue;
        }
        const begin = i;
        let found = -1;
        if (before !== undefined) {
            anchors ??= anchorsOf(before);
            while (i < last && (found = anchors.get(diagnostics[i]) ?? -1) < 0) i++;
            while (found > 0 && i > begin && diagnostics[i - 1] === before[found - 1]) {
                i--;
                found--;
            }
        } else {
            i = last;
        }
        if (i > begin) {
            begins.push(begin);
            sources.push(-1);
        }
        j = found;
    }
    // The common end (the stretch before it does not continue into it: it would be longer).
    if (end > 0) {
        begins.push(last);
        sources.push(m - end);
    }
    begins.push(n);
    return { begins, sources };
}

function anchorsOf(diagnostics: readonly object[]): Map<object, number> {
    const anchors = new Map<object, number>();
    for (let j = 0; j < diagnostics.length; j += ANCHOR) anchors.set(diagnostics[j], j);
    return anchors;
}

/**
 * The message: each stretch of diagnostics that follow each other in the publication before
 * copied from its bytes in one block, the others written to JSON in pieces; and where each
 * diagnostic starts.
 */
function written(diagnostics: readonly object[], frame: { head: Buffer; tail: Buffer }, before: Publication | undefined): Publication {
    const n = diagnostics.length;
    const parts = partsOf(diagnostics, before?.diagnostics);
    // The parts, each new one cut in pieces: where each begins in the list, where it begins in the
    // publication before (-1: a piece), the JSON of a piece, and each one's size in bytes without brackets.
    const begins: number[] = [];
    const sources: number[] = [];
    const texts: string[] = [];
    const sizes: number[] = [];
    // The head, the opening bracket, and each part after a bracket or a comma; the closing bracket and the tail.
    let size = frame.head.length + 1 + frame.tail.length;
    for (let part = 0; part < parts.sources.length; part++) {
        const source = parts.sources[part];
        const begin = parts.begins[part];
        const end = parts.begins[part + 1];
        if (source >= 0) {
            begins.push(begin);
            sources.push(source);
            texts.push('');
            sizes.push(before!.starts[source + end - begin] - 1 - before!.starts[source]);
            size += 1 + sizes[sizes.length - 1];
            continue;
        }
        for (let i = begin; i < end; i += PIECE) {
            const text = JSON.stringify(diagnostics.slice(i, Math.min(end, i + PIECE)));
            begins.push(i);
            sources.push(-1);
            texts.push(text);
            sizes.push(Buffer.byteLength(text, 'utf8') - 2);
            size += 1 + sizes[sizes.length - 1];
        }
    }
    begins.push(n);
    const store = memoryFor(size, before?.spare);
    const bytes = store.subarray(0, size);
    const starts = new Uint32Array(n + 1);
    frame.head.copy(bytes, 0);
    const counts = { copied: 0, runs: 0, written: 0, pieces: 0 };
    // Each part after the bracket or comma at `at`.
    let at = frame.head.length;
    for (let part = 0; part < sources.length; part++) {
        const source = sources[part];
        const count = begins[part + 1] - begins[part];
        if (source >= 0) {
            const old = before!.starts;
            bytes[at] = part === 0 ? OPEN : COMMA;
            bytes.set(before!.bytes.subarray(old[source], old[source + count] - 1), at + 1);
            const shift = at + 1 - old[source];
            for (let k = 0; k < count; k++) starts[begins[part] + k] = old[source + k] + shift;
            counts.copied += count;
            counts.runs++;
        } else {
            // The piece's brackets at `at` and where the next part's comma goes.
            bytes.write(texts[part], at, 'utf8');
            if (part > 0) bytes[at] = COMMA;
            startsInPiece(diagnostics, begins[part], count, texts[part], bytes.subarray(at, at + sizes[part] + 2), at, starts);
            counts.written += count;
            counts.pieces++;
        }
        at += 1 + sizes[part];
    }
    bytes[at] = CLOSE;
    starts[n] = at + 1;
    frame.tail.copy(bytes, at + 1);
    Object.assign(lastPublication, counts);
    return { diagnostics: diagnostics.slice(), bytes, store, spare: before?.store, starts };
}

/**
 * The memory to write a message of `size` bytes in: the spare memory of the document's
 * publications if it is large enough, else new memory with room for a message somewhat larger.
 * A message of megabytes in new memory costs the process the memory's pages anew each time (on
 * the virtual machines the benchmarks run on, 2,000 page faults and about 20 ms at 10,000
 * projects); the publication before the last one is written out by now (the library's writer
 * writes one message at a time and encodes the next once the stream has taken the last), so
 * its memory is free. The one before is not: the new message is copied from it.
 */
function memoryFor(size: number, spare: Buffer | undefined): Buffer {
    if (spare !== undefined && spare.length >= size) return spare;
    return Buffer.allocUnsafeSlow(size + (size >> 3));
}

/**
 * Where each of the `count` diagnostics of a piece, from the list's `first` on, starts: after the
 * piece's bracket, and after each `},{` (each diagnostic is an object), found in the piece's
 * text when it is all ASCII (a character's index is then its byte's), in its bytes otherwise. A
 * piece with more of those than diagnostics (one's JSON holds `},{`) is measured one diagnostic
 * at a time.
 */
function startsInPiece(diagnostics: readonly object[], first: number, count: number, text: string, piece: Buffer, at: number, starts: Uint32Array): void {
    const last = first + count - 1;
    let k = first;
    starts[k] = at + 1;
    const ascii = piece.length === text.length;
    for (let i = ascii ? text.indexOf('},{') : piece.indexOf('},{', 0, 'latin1'); i >= 0 && k < last; i = ascii ? text.indexOf('},{', i + 2) : piece.indexOf('},{', i + 2, 'latin1')) {
        starts[++k] = at + i + 2;
    }
    if (k === last && (ascii ? text.indexOf('},{', starts[k] - at) : piece.indexOf('},{', starts[k] - at, 'latin1')) < 0) return;
    let start = at + 1;
    for (k = first; k <= last; k++) {
        starts[k] = start;
        start += Buffer.byteLength(JSON.stringify(diagnostics[k]), 'utf8') + 1;
    }
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
