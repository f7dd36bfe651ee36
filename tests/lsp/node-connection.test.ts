/**
 * The Node build's connection (language-server/node-connection.ts): over stdio its messages are
 * written by an encoder of its own, the console goes to the client's log, and the process ends
 * when stdin ends, as the library's own stdio connection does.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, test, vi } from 'vitest';
import { createProtocolConnection, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver-protocol/node';
import { jsonEncoder, publishDiagnosticsBytes, routeConsoleTo } from '../../language-server/node-connection.js';
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
    const publication = (diagnostics: unknown[], version = 2) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///plan.adopt', diagnostics, version } }) as Message;
    const expectJsonBytes = async (message: Message) => {
        const bytes = Buffer.from(await jsonEncoder.encode(message, options));
        const json = JSON.stringify(message);
        expect(bytes.toString('utf8')).toBe(json);
        expect(bytes.equals(Buffer.from(json, 'utf8'))).toBe(true);
    };

    test('are the bytes of JSON.stringify: none, one, many, characters of every width; published once, then again', async () => {
        for (const diagnostics of [[], [diagnostic(0)], Array.from({ length: 500 }, (_, i) => diagnostic(i)), [diagnostic(3, 'Équipe « Café » 😀 — 看板')]]) {
            for (const version of [2, 3, 4]) await expectJsonBytes(publication(diagnostics, version));
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
    });

    test('diagnostics mostly new are written in one message; published again, each alone, once; again, not at all; a new one among them, alone', () => {
        const kept = Array.from({ length: 50 }, (_, i) => diagnostic(i));
        const stringify = vi.spyOn(JSON, 'stringify');
        try {
            // New: the message is left to be written whole.
            expect(publishDiagnosticsBytes(publication(kept, 2))).toBeUndefined();
            expect(stringify).not.toHaveBeenCalled();
            // Seen before: each is written alone, and kept.
            publishDiagnosticsBytes(publication(kept, 3));
            expect(stringify.mock.calls.map(call => call[0])).toEqual([...kept, expect.objectContaining({ method: 'textDocument/publishDiagnostics' })]);
            stringify.mockClear();
            const fresh = diagnostic(60, 'A plan-wide rule, checked again.');
            const bytes = publishDiagnosticsBytes(publication([...kept, fresh], 4))!;
            // The new diagnostic, and the message without its list.
            expect(stringify.mock.calls.map(call => call[0])).toEqual([fresh, expect.objectContaining({ method: 'textDocument/publishDiagnostics' })]);
            stringify.mockRestore();
            expect(JSON.parse(Buffer.from(bytes).toString('utf8')).params).toEqual({ uri: 'file:///plan.adopt', version: 4, diagnostics: JSON.parse(JSON.stringify([...kept, fresh])) });
        } finally {
            stringify.mockRestore();
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
