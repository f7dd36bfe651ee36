/**
 * The built language server (out/language-server.cjs, made by `node scripts/build.mjs`, which
 * `npm test` runs first) as a separate process over stdio, driven by a plain LSP client:
 * initialize, diagnostics with codes, hover, code lens, a quick fix applied and the diagnostics
 * updated, the rank request, settings from the client (a bad one warns naming the field), shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeLensRefreshRequest, ConfigurationRequest, createProtocolConnection, PublishDiagnosticsNotification, RegistrationRequest,
    SemanticTokensRefreshRequest, ShowMessageNotification, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
    type ProtocolConnection, type PublishDiagnosticsParams, type ShowMessageParams
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { rankResultSchema, rankedProjectsSchema } from '../../src/protocol/rank-protocol.js';
import { example } from '../support/helpers.js';

const ROOT = resolve(__dirname, '../..');
const SERVER = resolve(ROOT, 'out/language-server.cjs');
const URI = pathToFileURL(resolve(ROOT, 'examples/stdio-test.adopt')).toString();

let server: ChildProcess;
let connection: ProtocolConnection;
let settings: unknown = {};
let codeLensRefreshes = 0;
const diagnostics: PublishDiagnosticsParams[] = [];
const messages: ShowMessageParams[] = [];
let document = TextDocument.create(URI, 'adopt', 1, example('riverside-health.adopt'));

/** Waits for diagnostics published after the first `seen` publications that satisfy `condition`. */
async function diagnosticsAfter(seen: number, condition: (list: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    for (;;) {
        const found = diagnostics.slice(seen).find(p => p.uri === URI && condition(p.diagnostics));
        if (found) return found.diagnostics;
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}

beforeAll(async () => {
    expect(existsSync(SERVER), 'build the server first: node scripts/build.mjs').toBe(true);
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', chunk => process.stderr.write(`[server] ${chunk}`));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(CodeLensRefreshRequest.type, () => { codeLensRefreshes++; });
    connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, params => { diagnostics.push(params); });
    connection.onNotification(ShowMessageNotification.type, params => { messages.push(params); });
    connection.listen();
    const result = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
            textDocument: {
                hover: { contentFormat: ['markdown', 'plaintext'] },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
                publishDiagnostics: { versionSupport: true }
            }
        }
    }) as { capabilities: Record<string, unknown> };
    expect(result.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: expect.anything(), codeLensProvider: expect.anything() });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'adopt', version: document.version, text: document.getText() }
    });
});

afterAll(async () => {
    if (connection) {
        await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]).catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
    }
    if (server?.pid && server.exitCode === null) {
        process.kill(server.pid);
    }
});

describe('the language server over stdio', () => {
    test('publishes the diagnostics of the example with their codes', async () => {
        const list = await diagnosticsAfter(0);
        expect(list.map(d => d.code).sort()).toEqual(['freestanding-project', 'low-reach', 'untapped-opportunity']);
    });

    test('hover on a project shows its score and rank', async () => {
        const hover = await connection.sendRequest('textDocument/hover', {
            textDocument: { uri: URI }, position: document.positionAt(document.getText().indexOf('streamRounds "'))
        }) as Hover;
        expect((hover.contents as MarkupContent).value).toMatch(/^score 88 · rank 1 of 2 · quick win/);
    });

    test('code lenses carry the score line', async () => {
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } }) as CodeLens[];
        expect(lenses.map(lens => lens.command?.title)).toEqual(['score 88 · rank 1 of 2 · quick win', 'score 0 · rank 2 of 2 · not a quick win']);
    });

    test('a quick fix applies and the diagnostics follow the change', async () => {
        const lowReach = (await diagnosticsAfter(0)).find(d => d.code === 'low-reach')!;
        const actions = await connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: URI }, range: lowReach.range, context: { diagnostics: [lowReach] }
        }) as CodeAction[];
        const fix = actions.find(action => action.title === "Involve the trained members 'ana', 'cho'");
        expect(fix?.kind).toBe('quickfix');
        expect(fix?.diagnostics).toEqual([lowReach]);
        const text = TextDocument.applyEdits(document, fix!.edit!.changes![URI]);
        expect(text).toContain('involves dee, ana, cho');
        document = TextDocument.update(document, [{ text }], 2);
        const seen = diagnostics.length;
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
        const list = await diagnosticsAfter(seen);
        expect(list.map(d => d.code)).not.toContain('low-reach');
        expect(list.map(d => d.code)).toContain('freestanding-project');
    });

    test('adopt/rankQuickWins answers data valid against the shared schema', async () => {
        const result = rankResultSchema.parse(await connection.sendRequest('adopt/rankQuickWins', { uri: URI }));
        expect(result.plan).toBe('RiversideHealth');
        expect(result.projects.map(p => [p.rank, p.name, p.score, p.quickWin])).toEqual([[1, 'streamRounds', 88, true], [2, 'hashtagContest', 20, false]]);
    });

    test('adopt/rankQuickWins with diagnostics: false answers the same projects without the diagnostics', async () => {
        const full = rankResultSchema.parse(await connection.sendRequest('adopt/rankQuickWins', { uri: URI }));
        const lean = await connection.sendRequest('adopt/rankQuickWins', { uri: URI, diagnostics: false });
        expect(full.diagnostics.length).toBeGreaterThan(0);
        expect(rankedProjectsSchema.parse(lean)).toEqual({ plan: full.plan, projects: full.projects });
        expect(Object.keys(lean as object)).toEqual(['plan', 'projects']);
        expect(rankResultSchema.parse(await connection.sendRequest('adopt/rankQuickWins', { uri: URI, diagnostics: true }))).toEqual(full);
        await expect(connection.sendRequest('adopt/rankQuickWins', { uri: URI, diagnostics: 'no' })).rejects.toMatchObject({ code: -32602 });
    });

    test('adopt/rankQuickWins right after didOpen waits for the document instead of failing', async () => {
        const uri = pathToFileURL(resolve(ROOT, 'examples/just-opened.adopt')).toString();
        const text = example('riverside-health.adopt');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
        const result = rankResultSchema.parse(await connection.sendRequest('adopt/rankQuickWins', { uri }));
        expect(result.projects.map(p => [p.name, p.score])).toEqual([['streamRounds', 88], ['hashtagContest', 0]]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    test('a settings change is applied, revalidates and refreshes the lenses; a bad weight warns naming the field', async () => {
        settings = { quickWins: { threshold: 95 } };
        let seen = diagnostics.length;
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        await diagnosticsAfter(seen, list => list.some(d => d.code === 'no-quick-wins'));
        while (codeLensRefreshes === 0) await new Promise(resolve => setTimeout(resolve, 20));
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } }) as CodeLens[];
        expect(lenses[0].command?.title).toBe('score 88 · rank 1 of 2 · not a quick win');
        settings = { quickWins: { weights: { reach: -1 } } };
        seen = diagnostics.length;
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        await diagnosticsAfter(seen, list => !list.some(d => d.code === 'no-quick-wins'));
        while (messages.length === 0) await new Promise(resolve => setTimeout(resolve, 20));
        expect(messages[0].type).toBe(2); // warning
        expect(messages[0].message).toMatch(/adopt\.quickWins\.weights\.reach must be at least 0/);
    });
});
