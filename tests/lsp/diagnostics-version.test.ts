/**
 * The version of each diagnostics publication (src/language/lsp/adopt-diagnostics-version.ts),
 * event by event, with the builder's and the client's events played in the orders a busy server
 * meets them: the text a tree was parsed from decides the version, and diagnostics of a plan read
 * from disk never reach a client that has opened it since.
 */
import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { publishDiagnosticsWithVersion } from '../../src/language/lsp/adopt-diagnostics-version.js';

const URI = 'file:///plans/main.adopt';

/** A builder, a client's open documents and a connection, as far as the publication reads them. */
function setUp() {
    const parsed: Array<(document: LangiumDocument) => void> = [];
    const updated: Array<(changed: unknown[], deleted: Array<{ toString(): string }>) => void> = [];
    const open = new Map<string, { version: number }>();
    const sent: PublishDiagnosticsParams[] = [];
    const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => void sent.push(params) } as unknown as Connection;
    const shared = {
        workspace: {
            DocumentBuilder: {
                onDocumentPhase: (state: DocumentState, listener: (document: LangiumDocument) => void) => {
                    if (state === DocumentState.Parsed) parsed.push(listener);
                },
                onUpdate: (listener: (typeof updated)[number]) => updated.push(listener)
            },
            TextDocuments: { get: (uri: string) => open.get(uri) }
        }
    } as unknown as LangiumSharedCoreServices;
    publishDiagnosticsWithVersion(connection, shared);
    const document = (version: number) => ({ uri: { toString: () => URI }, textDocument: { version } }) as unknown as LangiumDocument;
    return {
        sent,
        /** The builder has parsed the document from the text it holds at `version` (0: from disk). */
        parse: (version = 0) => parsed.forEach(listener => listener(document(version))),
        /** The client opens the document at `version`. */
        open: (version: number) => open.set(URI, { version }),
        close: () => open.delete(URI),
        /** The builder validated the document and publishes its diagnostics. */
        publish: () => connection.sendDiagnostics({ uri: URI, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' }] })
    };
}

describe('diagnostics and the version of their text', () => {
    test('a document open in the client: the version its tree was parsed from, even when a change has come since', async () => {
        const server = setUp();
        server.open(7);
        server.parse(7);
        server.open(8);
        await server.publish();
        expect(server.sent.map(params => params.version)).toEqual([7]);
    });

    test('a plan of the workspace the client has not opened: no version', async () => {
        const server = setUp();
        server.parse();
        await server.publish();
        expect(server.sent.map(params => params.version)).toEqual([undefined]);
    });

    test('read from disk, then opened by the client before its diagnostics go out: they are not sent; the build of the opened text publishes with its version', async () => {
        const server = setUp();
        server.parse();
        server.open(7);
        await server.publish();
        expect(server.sent).toEqual([]);
        server.parse(7);
        await server.publish();
        expect(server.sent.map(params => params.version)).toEqual([7]);
    });

    test('a document the builder does not parse (an open adopt.config.json): its diagnostics go out as they are', async () => {
        const server = setUp();
        server.open(2);
        await server.publish();
        expect(server.sent.map(params => params.version)).toEqual([undefined]);
    });

    test('closed again and read from disk: without a version once more', async () => {
        const server = setUp();
        server.open(3);
        server.parse(3);
        server.close();
        server.parse();
        await server.publish();
        expect(server.sent.map(params => params.version)).toEqual([undefined]);
    });
});
