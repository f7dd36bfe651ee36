/**
 * The Node build's connection (language-server/node-connection.ts): over stdio its messages are
 * written by an encoder of its own, the console goes to the client's log, and the process ends
 * when stdin ends, as the library's own stdio connection does.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, test, vi } from 'vitest';
import { createProtocolConnection, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver-protocol/node';
import { jsonEncoder, lastPublication, publishDiagnosticsBytes, routeConsoleTo } from '../../language-server/node-connection.js';
import { SERVER_BUNDLE } from '../support/lsp-server.js';

const options = { charset: 'utf-8' as const };

describe('the stdio encoder', () => {
    test('writes the bytes of JSON.stringify as UTF-8, characters of every width included', async () => {
        const message = {
            jsonrpc: '2.0', method: 'textDocument/publishDiagnostics',
            params: { uri: 'file:///plans/caf%C3%A9.adopt', diagnostics: [{ message: 'Équipe « Café » 😀 — 看板', range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } } }] }
        } as Message;
        const bytes = await jsonEncoder.encode(message, options);
        expect(Buffer.from(bytes).equals(Buffer.from(JSON.stringify(message), 'utf8'))).toBe(true);
        expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual(message);
    });

    test('a message of megabytes (a large plan\'s diagnostics) comes out whole', async () => {
        const diagnostics = Array.from({ length: 20_000 }, (_, i) => ({ message: `Project 'p${i}' involves 2 of the 124 willing members.`, code: 'low-reach', range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } } }));
        const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///plan.adopt', diagnostics } } as Message;
        const bytes = await jsonEncoder.encode(message, options);
        expect(bytes.byteLength).toBeGreaterThan(1_000_000);
        expect(Buffer.from(bytes).equals(Buffer.from(JSON.stringify(message), 'utf8'))).toBe(true);
    });

    test('what JSON cannot write is a rejected promise, not a throw', async () => {
        const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
        cyclic.params = cyclic;
        await expect(jsonEncoder.encode(cyclic as Message, options)).rejects.toThrow(/circular/i);
    });
});

describe('diagnostics published again', () => {
    const diagnostic = (i: number, message = `Project 'p${i}' leaves untapped: geography.`) => ({
        message, range: { start: { line: i, character: 12 }, end: { line: i, character: 17 } }, severity: 3, code: 'untapped-opportunity', data: { missingTraits: ['geography'] }, source: 'adopt'
    });
    // As the server sends it: Langium's uri and diagnostics, the version added after them.
    const publication = (diagnostics: unknown[], version?: number, uri = 'file:///plan.adopt') =>
        ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === undefined ? { uri, diagnostics } : { uri, diagnostics, version } }) as Message;
    const expectJsonBytes = async (message: Message) => {
        const bytes = Buffer.from(await jsonEncoder.encode(message, options));
        const json = JSON.stringify(message);
        expect(bytes.toString('utf8')).toBe(json);
        expect(bytes.equals(Buffer.from(json, 'utf8'))).toBe(true);
    };
    const counts = () => ({ ...lastPublication });

    test('are the bytes of JSON.stringify: none, one, many, characters of every width; published once, then again', async () => {
        for (const diagnostics of [[], [diagnostic(0)], Array.from({ length: 500 }, (_, i) => diagnostic(i)), [diagnostic(3, 'Équipe « Café » 😀 — 看板')]]) {
            for (const version of [2, 3, 4]) await expectJsonBytes(publication(diagnostics, version, 'file:///once-then-again.adopt'));
        }
    });

    test('the message\'s keys in any order are the bytes of JSON.stringify: the server adds the version after the list', async () => {
        const kept = [diagnostic(0), diagnostic(1)];
        const messages = [
            { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///keys.adopt', diagnostics: kept, version: 3 } },
            { method: 'textDocument/publishDiagnostics', params: { version: 3, uri: 'file:///keys.adopt', diagnostics: kept }, jsonrpc: '2.0' },
            { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///"diagnostics":[]/keys.adopt', diagnostics: kept } }
        ];
        for (const message of messages) {
            for (let time = 0; time < 3; time++) await expectJsonBytes(message as Message);
        }
        // The empty list's JSON twice in the message: written whole by the encoder.
        const twice = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///keys.adopt', diagnostics: kept, related: { diagnostics: [] } } } as Message;
        expect(publishDiagnosticsBytes(twice)).toBeUndefined();
        await expectJsonBytes(twice);
        await expectJsonBytes(publication([diagnostic(1), 'a note'], 1, 'file:///keys.adopt'));
    });

    test('a document\'s publications one after the other are the bytes of JSON.stringify, whatever changed between them', async () => {
        for (const wide of [false, true]) {
            const uri = `file:///sequence-${wide}.adopt`;
            const made = (i: number) => diagnostic(i, wide && i % 7 === 3 ? `Équipe « Café » ${i} 😀 — 看板` : `Project 'p${i}' leaves untapped: geography.`);
            // More than a piece of new diagnostics (64).
            const kept = Array.from({ length: 150 }, (_, i) => made(i));
            const fresh = (from: number, count: number) => Array.from({ length: count }, (_, i) => made(1000 + from + i));
            const lists = [
                kept, kept, kept.slice(),
                [...kept.slice(0, 70), ...fresh(0, 1), ...kept.slice(71)],
                [...fresh(1, 1), ...kept.slice(1)],
                [...kept.slice(0, 149), ...fresh(2, 1)],
                [...kept.slice(0, 149), ...fresh(3, 1)],
                [...kept.slice(0, 15), ...fresh(4, 2), ...kept.slice(15)],
                [...kept.slice(0, 15), ...kept.slice(18)],
                kept.slice(3), kept.slice(0, 130), kept,
                [...kept.slice(0, 10), ...kept.slice(80, 100), ...kept.slice(10, 80), ...kept.slice(100)],
                kept.slice().reverse(),
                [kept[5], ...fresh(5, 3), kept[5], ...kept],
                [...kept.slice(0, 40), ...fresh(10, 100), ...kept.slice(40, 60), ...fresh(110, 70)],
                fresh(200, 150), kept, fresh(400, 1), [], kept, kept
            ];
            let version = 1;
            for (const diagnostics of lists) {
                await expectJsonBytes(publication(diagnostics, version++, uri));
                // Another document between, and a publication without a version.
                await expectJsonBytes(publication(diagnostics.slice(0, 5), undefined, `${uri}.other`));
            }
        }
    });

    test('seeded random sequences of publications (diagnostics new, dropped, moved, repeated) are the bytes of JSON.stringify', async () => {
        let seed = 7;
        const random = (below: number) => {
            seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
            return seed % below;
        };
        for (let sequence = 0; sequence < 20; sequence++) {
            const uri = `file:///random-${sequence}.adopt`;
            let made = 0;
            const fresh = () => diagnostic(made++, random(5) === 0 ? `Équipe ${made} « 看板 » 😀` : random(9) === 0 ? `Braces },{ ${made}` : `Project 'p${made}'`);
            let list = Array.from({ length: random(300) }, fresh);
            for (let version = 1; version <= 15; version++) {
                await expectJsonBytes(publication(list, version, uri));
                const next = list.slice();
                for (let change = random(6); change > 0; change--) {
                    const at = random(next.length + 1);
                    const count = 1 + random(random(4) === 0 ? 80 : 5);
                    switch (random(4)) {
                        case 0: next.splice(at, count, ...Array.from({ length: count }, fresh)); break;
                        case 1: next.splice(at, 0, ...Array.from({ length: count }, fresh)); break;
                        case 2: next.splice(at, count); break;
                        default: next.splice(random(next.length + 1), 0, ...next.splice(at, count));
                    }
                }
                list = random(10) === 0 ? [] : next;
            }
        }
    });

    test('published again, each stretch of diagnostics is copied in one block, and only the new are written to JSON, in pieces', () => {
        const uri = 'file:///counted.adopt';
        const kept = Array.from({ length: 50 }, (_, i) => diagnostic(i));
        const stringify = vi.spyOn(JSON, 'stringify');
        const written = () => {
            const calls = stringify.mock.calls.map(call => call[0]);
            stringify.mockClear();
            return calls;
        };
        const frame = expect.objectContaining({ method: 'textDocument/publishDiagnostics' });
        try {
            publishDiagnosticsBytes(publication(kept, 2, uri));
            expect(counts()).toEqual({ copied: 0, runs: 0, written: 50, pieces: 1 });
            expect(written()).toEqual([frame, kept]);
            publishDiagnosticsBytes(publication(kept.slice(), 3, uri));
            expect(counts()).toEqual({ copied: 50, runs: 1, written: 0, pieces: 0 });
            expect(written()).toEqual([frame]);
            const fresh = diagnostic(60, 'A plan-wide rule, checked again.');
            publishDiagnosticsBytes(publication([...kept.slice(0, 25), fresh, ...kept.slice(26)], 4, uri));
            expect(counts()).toEqual({ copied: 49, runs: 2, written: 1, pieces: 1 });
            expect(written()).toEqual([frame, [fresh]]);
            // Compared with the publication just before: the new one is kept now.
            publishDiagnosticsBytes(publication([...kept.slice(0, 25), fresh, ...kept.slice(26, 40), diagnostic(70), ...kept.slice(40)], 5, uri));
            expect(counts()).toEqual({ copied: 50, runs: 2, written: 1, pieces: 1 });
            // Another document's publication between changes nothing; kept[25] was not in the
            // publication just before: written again.
            publishDiagnosticsBytes(publication(kept.slice(0, 3), 1, 'file:///other.adopt'));
            publishDiagnosticsBytes(publication(kept, 6, uri));
            expect(counts()).toEqual({ copied: 49, runs: 3, written: 1, pieces: 1 });
            // Moved: copied from where they were.
            publishDiagnosticsBytes(publication([...kept.slice(25), ...kept.slice(0, 25)], 7, uri));
            expect(counts()).toEqual({ copied: 50, runs: 2, written: 0, pieces: 0 });
            // Mostly new: the kept ones are copied all the same, the new written 64 in a piece.
            const renewed = Array.from({ length: 200 }, (_, i) => diagnostic(i));
            written();
            publishDiagnosticsBytes(publication([...kept.slice(25, 45), ...renewed], 8, uri));
            expect(counts()).toEqual({ copied: 20, runs: 1, written: 200, pieces: 4 });
            expect(written()).toEqual([frame, renewed.slice(0, 64), renewed.slice(64, 128), renewed.slice(128, 192), renewed.slice(192)]);
        } finally {
            stringify.mockRestore();
        }
    });

    test('a document\'s message is written in the memory of its publication before the last (written out by then), never in the last one\'s (its source)', () => {
        const uri = 'file:///memory.adopt';
        const kept = Array.from({ length: 200 }, (_, i) => diagnostic(i));
        const messages: Buffer[] = [];
        for (let version = 1; version <= 5; version++) {
            // One diagnostic new each time, in the middle: the rest copied from the message before.
            const diagnostics = [...kept.slice(0, 100), diagnostic(1000 + version), ...kept.slice(100)];
            const message = publication(diagnostics, version, uri);
            const bytes = publishDiagnosticsBytes(message)!;
            expect(Buffer.from(bytes).toString('utf8')).toBe(JSON.stringify(message));
            messages.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        }
        expect(messages[2].buffer).toBe(messages[0].buffer);
        expect(messages[3].buffer).toBe(messages[1].buffer);
        expect(messages[4].buffer).toBe(messages[2].buffer);
        expect(messages[3].buffer).not.toBe(messages[4].buffer);
        // A larger message than the memory holds gets new memory.
        const larger = publication(Array.from({ length: 400 }, (_, i) => diagnostic(i)), 6, uri);
        const bytes = publishDiagnosticsBytes(larger)!;
        expect(bytes.buffer).not.toBe(messages[3].buffer);
        expect(Buffer.from(bytes).toString('utf8')).toBe(JSON.stringify(larger));
    });

    test('a document published empty (closed) keeps nothing: its next publication is written anew', () => {
        const uri = 'file:///closed.adopt';
        const kept = Array.from({ length: 10 }, (_, i) => diagnostic(i));
        publishDiagnosticsBytes(publication(kept, 1, uri));
        publishDiagnosticsBytes(publication(kept, 2, uri));
        expect(counts()).toMatchObject({ copied: 10, written: 0 });
        expect(publishDiagnosticsBytes(publication([], 3, uri))).toBeUndefined();
        publishDiagnosticsBytes(publication(kept, 4, uri));
        expect(counts()).toMatchObject({ copied: 0, written: 10 });
    });

    test('diagnostics whose JSON holds "},{" are found where they start all the same: copied, they are the bytes of JSON.stringify', async () => {
        for (const wide of ['', ' « 看板 »']) {
            const uri = `file:///braces${wide.length}.adopt`;
            const kept: object[] = Array.from({ length: 40 }, (_, i) => diagnostic(i, i % 10 === 1 ? `Braces },{ in a message${wide}` : `Project 'p${i}'${wide}`));
            kept[3] = { ...kept[3], data: { parts: [{ a: 1 }, { b: 2 }] } };
            await expectJsonBytes(publication(kept, 1, uri));
            expect(counts()).toEqual({ copied: 0, runs: 0, written: 40, pieces: 1 });
            await expectJsonBytes(publication([...kept.slice(0, 2), ...kept.slice(3, 19), ...kept.slice(20)], 2, uri));
            expect(counts()).toEqual({ copied: 38, runs: 3, written: 0, pieces: 0 });
            // Moved: the stretches that hold one of every 16 diagnostics of the publication before
            // are copied; kept[1] and kept[20] (alone, apart from those stretches) and kept[2] and
            // kept[19] (not published just before) are written.
            await expectJsonBytes(publication([...kept.slice(21), ...kept.slice(1, 21)], 3, uri));
            expect(counts()).toEqual({ copied: 35, runs: 2, written: 4, pieces: 2 });
        }
    });

    test('any other message, or a list that holds something else than objects, is written whole', () => {
        expect(publishDiagnosticsBytes({ jsonrpc: '2.0', id: 1, result: { diagnostics: [] } } as Message)).toBeUndefined();
        expect(publishDiagnosticsBytes(publication([diagnostic(1), null]))).toBeUndefined();
        expect(publishDiagnosticsBytes({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: null } as unknown as Message)).toBeUndefined();
    });
});

describe('the console over stdio', () => {
    test('each printing method goes to the client\'s log, formatted as the console formats it; restoring gives the methods back', () => {
        const sent: string[] = [];
        const log = {
            error: (text: string) => sent.push(`error ${text}`), warn: (text: string) => sent.push(`warn ${text}`),
            info: (text: string) => sent.push(`info ${text}`), log: (text: string) => sent.push(`log ${text}`), debug: (text: string) => sent.push(`debug ${text}`)
        };
        const printed: unknown[][] = [];
        const print = (...args: unknown[]) => void printed.push(args);
        const target = { error: print, warn: print, info: print, log: print, debug: print, trace: print } as unknown as Console;
        const restore = routeConsoleTo(log, target);
        target.error('failed: %s', 'why', { at: 3 });
        target.warn('careful');
        target.info('note', 42);
        target.log({ plan: 'riverside' });
        target.debug('detail');
        target.trace('here');
        expect(sent.slice(0, 5)).toEqual(['error failed: why { at: 3 }', 'warn careful', 'info note 42', "log { plan: 'riverside' }", 'debug detail']);
        expect(sent[5]).toMatch(/^log Trace: here\n/);
        expect(printed).toEqual([]);
        restore();
        target.log('back');
        expect(printed).toEqual([['back']]);
    });
});

/** The built server over stdio, as an editor starts it; its exit code once stdin ends. */
async function exitCodeWhenStdinEnds(shutDownFirst: boolean): Promise<number | null> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = once(child, 'exit');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    expect(result.capabilities.hoverProvider).toBe(true);
    if (shutDownFirst) await connection.sendRequest(ShutdownRequest.type);
    connection.dispose();
    child.stdin!.end();
    const [code] = await exited;
    return code as number | null;
}

describe('the server over stdio ends with its stdin', () => {
    test('after a shutdown request: exit code 0', async () => {
        expect(await exitCodeWhenStdinEnds(true)).toBe(0);
    });

    test('without one (the client went away): exit code 1', async () => {
        expect(await exitCodeWhenStdinEnds(false)).toBe(1);
    });
});
