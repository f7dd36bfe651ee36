/**
 * Edit flood against the built language server process (out/language-server.cjs over stdio):
 * the SPEC example typed character by character at the end and in the middle (mid-word states),
 * then full-text replacements and random incremental edits, all sent at full speed, with hover,
 * code action and adopt/rankQuickWins requests interleaved. The server must stay alive, answer
 * every request (a result or a proper LSP error, within a bound), open no socket besides its
 * stdio, and end with the diagnostics a fresh server gives on the final text.
 * Prints the server's memory (VmRSS) before and after the flood.
 */
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { example } from '../support/helpers.js';
import { comparable, ServerProcess, type Answer } from '../support/lsp-server.js';

const EXAMPLE = example('riverside-health.adopt');
const URI_FLOOD = 'file:///flood/typed.adopt';
const URI_OTHER = 'file:///flood/other.adopt';

/** Mirrors the server's copy of a document: every change is applied here too. */
class Mirror {
    private document: TextDocument;

    constructor(readonly uri: string, text: string) {
        this.document = TextDocument.create(uri, 'adopt', 1, text);
    }

    get version(): number {
        return this.document.version;
    }

    get text(): string {
        return this.document.getText();
    }

    positionAt(offset: number): Position {
        return this.document.positionAt(offset);
    }

    apply(changes: TextDocumentContentChangeEvent[]): number {
        this.document = TextDocument.update(this.document, changes, this.document.version + 1);
        return this.document.version;
    }
}

const servers: ServerProcess[] = [];

async function startServer(): Promise<ServerProcess> {
    const server = await ServerProcess.start();
    servers.push(server);
    return server;
}

afterAll(async () => {
    for (const server of servers) await server.stop();
});

describe('edit flood against the server process', () => {
    let server: ServerProcess;
    const answers: Array<Promise<Answer>> = [];
    const sockets: string[] = [];
    let rssBefore = 0;

    beforeAll(async () => {
        server = await startServer();
    });

    /** Sends a hover, a code action or a rank request for the mirror's current text, not awaited. */
    function interleaveRequest(mirror: Mirror, step: number): void {
        const textDocument = { uri: mirror.uri };
        const offset = (step * 7919) % (mirror.text.length + 1);
        const position = mirror.positionAt(offset);
        switch (step % 3) {
            case 0:
                answers.push(server.request('textDocument/hover', { textDocument, position }));
                break;
            case 1:
                answers.push(server.request('textDocument/codeAction', {
                    textDocument,
                    range: { start: mirror.positionAt(0), end: position },
                    // Possibly stale diagnostics, as an editor sends them while the server catches up.
                    context: { diagnostics: server.diagnostics.get(mirror.uri) ?? [] }
                }));
                break;
            default:
                answers.push(server.request('adopt/rankQuickWins', { uri: mirror.uri }));
        }
    }

    async function send(mirror: Mirror, changes: TextDocumentContentChangeEvent[], step: number): Promise<void> {
        const version = mirror.apply(changes);
        await server.change(mirror.uri, version, changes);
        if (step % 25 === 0) interleaveRequest(mirror, step / 25);
        if (step % 500 === 0) sockets.push(...server.extraSockets(), ...server.internetSocketInodes());
    }

    test('thousands of changes with requests interleaved: alive, every request answered, final diagnostics as fresh', async () => {
        const mirror = new Mirror(URI_FLOOD, '');
        await server.open(URI_FLOOD, '', 1);
        await server.diagnosticsOf(URI_FLOOD);
        rssBefore = server.rssKiB();
        let step = 0;

        // 1. Type the example at the end, one character per change.
        for (const ch of EXAMPLE) {
            const end = mirror.positionAt(mirror.text.length);
            await send(mirror, [{ range: { start: end, end }, text: ch }], ++step);
        }
        // 2. Type it again in the middle of the plan (after the first line), mid-word all along.
        const middle = EXAMPLE.indexOf('\n') + 1;
        for (let i = 0; i < EXAMPLE.length; i++) {
            const at = mirror.positionAt(middle + i);
            await send(mirror, [{ range: { start: at, end: at }, text: EXAMPLE[i] }], ++step);
        }
        // 3. Full-text replacements: the example cut at random points, as after undo/paste.
        const cuts = fc.sample(fc.tuple(fc.nat({ max: EXAMPLE.length }), fc.nat({ max: EXAMPLE.length })), { numRuns: 400, seed: 42 });
        for (const [a, b] of cuts) {
            await send(mirror, [{ text: EXAMPLE.slice(0, Math.min(a, b)) + EXAMPLE.slice(Math.max(a, b)) }], ++step);
        }
        // 4. Random incremental edits: deletions, stray braces and quotes, several changes per notification.
        const edits = fc.sample(
            fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 12 }), fc.constantFrom('', '{', '}', '"', 'x', ' ', '\n', 'plan ', '/*', '\u0000')), { minLength: 1, maxLength: 3 }),
            { numRuns: 800, seed: 7 }
        );
        for (const group of edits) {
            const changes: TextDocumentContentChangeEvent[] = [];
            let text = mirror.text;
            for (const [f, length, insert] of group) {
                // Each change applies to the text left by the previous one, as LSP specifies.
                const doc = TextDocument.create('file:///t', 'adopt', 0, text);
                const start = Math.floor(f * text.length);
                const end = Math.min(text.length, start + length);
                changes.push({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert });
                text = text.slice(0, start) + insert + text.slice(end);
            }
            await send(mirror, changes, ++step);
        }
        // 5. End on a real plan, so the final comparison covers every kind of diagnostic.
        await send(mirror, [{ text: EXAMPLE.replace('launch youtube', 'launch youtube, twitter') }], ++step);
        expect(step).toBeGreaterThan(3000);

        const settled = await Promise.all(answers);
        const timeouts = settled.filter(answer => answer.kind === 'timeout').length;
        const internalErrors = settled.filter(answer => answer.kind === 'error' && answer.code === -32603);
        const kinds = { result: 0, error: 0, timeout: 0 };
        for (const answer of settled) kinds[answer.kind]++;
        console.log(`flood: ${step} changes, ${settled.length} requests interleaved: ${JSON.stringify(kinds)}`);
        expect(server.alive, server.errorOutput).toBe(true);
        expect(timeouts).toBe(0);
        expect(internalErrors, JSON.stringify(internalErrors.slice(0, 3))).toEqual([]);

        // The final diagnostics equal a fresh server's on the final text (waiting for the flood to settle).
        const fresh = await startServer();
        await fresh.open(URI_FLOOD, mirror.text, 1);
        const expected = comparable(await fresh.diagnosticsOf(URI_FLOOD));
        await server.waitFor(() => JSON.stringify(comparable(server.diagnostics.get(URI_FLOOD) ?? [])) === JSON.stringify(expected));
        expect(comparable(server.diagnostics.get(URI_FLOOD) ?? [])).toEqual(expected);
        expect(expected.some(line => line.includes('unresolved-reference'))).toBe(true);

        const rssAfter = server.rssKiB();
        console.log(`flood: server memory (VmRSS) before ${(rssBefore / 1024).toFixed(1)} MiB, after ${(rssAfter / 1024).toFixed(1)} MiB`);
        expect(rssAfter).toBeLessThan(1024 * 1024);
        expect(sockets).toEqual([]);
    });

    test('after the flood the server still serves another document', async () => {
        await server.open(URI_OTHER, EXAMPLE, 1);
        const diagnostics = await server.diagnosticsOf(URI_OTHER);
        expect(diagnostics.map(d => d.code)).toContain('freestanding-project');
        const rank = await server.request('adopt/rankQuickWins', { uri: URI_OTHER });
        expect(rank.kind).toBe('result');
        expect((rank as { value: { projects: Array<{ name: string }> } }).value.projects[0].name).toBe('streamRounds');
    });
});
