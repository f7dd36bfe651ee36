/**
 * The Node build's connection to its client, on the transport the command line names, as
 * vscode-languageserver picks it (`--node-ipc` for the VS Code client, `--socket=N`, `--pipe=NAME`),
 * with one difference over `--stdio`, the transport of every other editor: each message is
 * written as UTF-8 by `jsonEncoder` below instead of the library's `Buffer.from(json)`. For a
 * large message that call copies the text in a slow path: the diagnostics of a 10,000-project plan
 * (7.8 MB of JSON) took about 24 ms that way and 2 ms written into a buffer of the right size
 * (BENCHMARKS.md, the edit of the 10,000-project plan). The bytes are the same.
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
            const json = JSON.stringify(message);
            const bytes = Buffer.allocUnsafe(Buffer.byteLength(json, 'utf8'));
            bytes.write(json, 0, 'utf8');
            return Promise.resolve(bytes);
        } catch (error) {
            return Promise.reject(error);
        }
    }
};

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
