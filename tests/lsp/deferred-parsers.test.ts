/**
 * What a new language server leaves for later. Chevrotain's rules of Langium's parser (every text
 * goes to the fast parser), those of the completion parser (only completion uses it) and
 * Chevrotain's lexer (the fast lexer lexes every text it can) are made when first needed; the fast
 * parser, whose compiling of the grammar is most of the rest, once the client has said it is
 * initialized, while it answers and opens its plans. Making them all was most of the answer to
 * `initialize`, in the Web Worker above all. A server started as both builds start it
 * (language-server/adopt-server.ts), in this process, over a pair of streams: the fast parser is
 * made after `initialized`; after a plan's first diagnostics none of the others is made;
 * completion then makes the completion parser's rules and answers as before; a parse of a rule
 * other than the entry rule makes Langium's parser's rules, and a text the fast lexer does not
 * lex makes Chevrotain's lexer.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createConnection } from 'vscode-languageserver/node';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type CompletionItem, type CompletionList, type ProtocolConnection,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { startAdoptServer } from '../../language-server/adopt-server.js';
import type { AdoptServices } from '../../src/language/adopt-module.js';
import type { FastBuildLexer, FastBuildParser } from '../../src/language/fast-build/fast-build-parser.js';
import type { AdoptCompletionParser } from '../../src/language/parser/adopt-parser.js';
import { example } from '../support/helpers.js';

const URI = 'file:///deferred/riverside-health.adopt';
const EXAMPLE = example('riverside-health.adopt');

interface Started {
    readonly client: ProtocolConnection;
    readonly Adopt: AdoptServices;
    /** Resolves once the server has asked for the client's settings (as it does on `initialized`). */
    readonly settingsAsked: Promise<void>;
    /** Resolves with the first diagnostics of `uri`. */
    diagnosticsOf(uri: string): Promise<PublishDiagnosticsParams>;
    /** Shuts the server down (it answers what it was asked first) and ends the client's connection. */
    stop(): Promise<void>;
}

let started: Started | undefined;

afterEach(async () => {
    await started?.stop();
    started = undefined;
});

/** The server on one pair of streams, a client on the other, initialized (and told so, unless `initialized` is false). */
async function startServer({ initialized = true } = {}): Promise<Started> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const { Adopt } = startAdoptServer(serverConnection, () => EmptyFileSystem.fileSystemProvider());
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const published: PublishDiagnosticsParams[] = [];
    const waiting: Array<() => void> = [];
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.push(params);
        for (const wake of waiting.splice(0)) wake();
    });
    let settingsAsked!: () => void;
    const asked = new Promise<void>(resolveAsked => (settingsAsked = resolveAsked));
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
        settingsAsked();
        return params.items.map(() => null);
    });
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    await client.sendRequest('initialize', {
        processId: null, rootUri: null, workspaceFolders: null,
        capabilities: { textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } } }, workspace: { configuration: true } }
    });
    if (initialized) await client.sendNotification('initialized', {});
    const diagnosticsOf = async (uri: string): Promise<PublishDiagnosticsParams> => {
        for (;;) {
            const found = published.find(params => params.uri === uri);
            if (found) return found;
            await new Promise<void>(wake => waiting.push(wake));
        }
    };
    return {
        client, Adopt, diagnosticsOf, settingsAsked: asked,
        stop: async () => {
            // Without `exit`, which would end this process: the server's connection is left to the garbage collector.
            await client.sendRequest('shutdown');
            client.dispose();
        }
    };
}

/** What of the parsers and lexer the server has made. */
function made(Adopt: AdoptServices): { langiumRules: boolean; completionRules: boolean; chevrotainLexer: boolean } {
    return {
        langiumRules: (Adopt.parser.LangiumParser as FastBuildParser).rulesMade,
        completionRules: (Adopt.parser.CompletionParser as AdoptCompletionParser).rulesMade,
        chevrotainLexer: (Adopt.parser.Lexer as FastBuildLexer).chevrotainLexerMade
    };
}

/** The line and character where `before` ends in `text` (its first occurrence). */
function positionAfter(text: string, before: string): { line: number; character: number } {
    const offset = text.indexOf(before) + before.length;
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** A new server with the example plan open, once its first diagnostics are published. */
async function withExampleOpen(): Promise<Started> {
    const server = await startServer();
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'adopt', version: 1, text: EXAMPLE } });
    await server.diagnosticsOf(URI);
    return server;
}

describe('a new language server', () => {
    test('makes the fast parser once the client has said it is initialized, not before the answer to initialize', async () => {
        // The server makes it in a task of its own (a timer of no delay), run here by hand.
        vi.useFakeTimers({ toFake: ['setTimeout'] });
        try {
            started = await startServer({ initialized: false });
            const parser = started.Adopt.parser.LangiumParser as FastBuildParser;
            expect(parser.prepared).toBe(false);
            const askedForSettings = started.settingsAsked;
            await started.client.sendNotification('initialized', {});
            // Asked for once the server has taken in `initialized`.
            await askedForSettings;
            vi.runOnlyPendingTimers();
            expect(parser.prepared).toBe(true);
        } finally {
            vi.useRealTimers();
        }
    });

    test("has made neither parser's rules nor Chevrotain's lexer once it has answered initialize and published a plan's diagnostics", async () => {
        started = await withExampleOpen();
        const { diagnostics } = await started.diagnosticsOf(URI);
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(made(started.Adopt)).toEqual({ langiumRules: false, completionRules: false, chevrotainLexer: false });
    });

    test("makes the completion parser's rules at the first completion, which proposes what it always did", async () => {
        started = await withExampleOpen();
        const answer = await started.client.sendRequest('textDocument/completion', {
            textDocument: { uri: URI }, position: positionAfter(EXAMPLE, 'involves ana, ')
        }) as CompletionList | CompletionItem[];
        // The members not listed yet, and cho, the word at the cursor.
        expect((Array.isArray(answer) ? answer : answer.items).map(item => item.label)).toEqual(['cho', 'dee']);
        expect(made(started.Adopt)).toEqual({ langiumRules: false, completionRules: true, chevrotainLexer: false });
    });

    test("makes Langium's parser's rules for a rule other than the entry rule, and Chevrotain's lexer for a text the fast lexer does not lex", async () => {
        started = await withExampleOpen();
        const parser = started.Adopt.parser.LangiumParser as FastBuildParser;
        const { value, parserErrors } = parser.parse('member a "A" role middle-manager', { rule: 'Member' });
        expect([value.$type, parserErrors]).toEqual(['Member', []]);
        expect(parser.rulesMade).toBe(true);
        expect(parser.internals).toMatchObject({ builder: true, linearComments: true, problems: [] });
        // A character no token starts with: Chevrotain lexes the text, and tells where.
        const { errors } = started.Adopt.parser.Lexer.tokenize('plan P "P" { § }');
        expect(errors.map(error => error.offset)).toEqual([13]);
        expect(made(started.Adopt)).toEqual({ langiumRules: true, completionRules: false, chevrotainLexer: true });
    });
});
