/**
 * Config files and suppressions in the built language server (out/language-server.cjs) over
 * stdio, with plans and `adopt.config.json` files on disk: the nearest config file sets the
 * severities; a bad one gets one diagnostic on the file itself while its plans keep the
 * defaults; a changed config file (the client's file watcher, or the text of a config file the
 * client opens with the server) re-checks the open plans; the file wins over the
 * `adopt.diagnostics.severity` setting; the "Ignore CODE on this line" fix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeLensRefreshRequest, ConfigurationRequest, createProtocolConnection, PublishDiagnosticsNotification, RegistrationRequest,
    SemanticTokensRefreshRequest, ShowMessageNotification, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
    type ProtocolConnection, type PublishDiagnosticsParams, type RegistrationParams
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { rankResultWithSettingsSchema } from '../../src/protocol/rank-protocol.js';
import { example } from '../support/helpers.js';

const SERVER = resolve(__dirname, '../../out/language-server.cjs');
const RIVERSIDE = example('riverside-health.adopt');
/** The SPEC example's diagnostics under the default rules: hashtagContest's three, and its facebook channel that no launch opens. */
const RIVERSIDE_DEFAULTS = ['channel-not-launched warning', 'freestanding-project information', 'low-reach information', 'untapped-opportunity information'];
const FILE_CHANGED = 2;
const FILE_CREATED = 1;
const FILE_DELETED = 3;

let server: ChildProcess;
let connection: ProtocolConnection;
let folder: string;
let settings: unknown = {};
const published: PublishDiagnosticsParams[] = [];
const registrations: RegistrationParams[] = [];
const warnings: string[] = [];

const uriOf = (path: string) => pathToFileURL(path).toString();

/** Waits for a publication for `uri` after the first `seen` ones that satisfies `accept`. */
async function publishedAfter(seen: number, uri: string, accept: (list: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
        const found = published.slice(seen).find(p => p.uri === uri && accept(p.diagnostics));
        if (found) return found.diagnostics;
        await new Promise(resolvePoll => setTimeout(resolvePoll, 20));
    }
    throw new Error(`no diagnostics for ${uri}; last: ${JSON.stringify(published.filter(p => p.uri === uri).at(-1))}`);
}

const codes = (list: readonly Diagnostic[]) => list.map(d => `${d.code} ${['', 'error', 'warning', 'information', 'hint'][d.severity ?? 1]}`).sort();

/** Writes a file in the temporary workspace (folders made as needed) and returns its path. */
function write(relative: string, text: string): string {
    const path = join(folder, relative);
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
}

async function open(relative: string, text = RIVERSIDE): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(write(relative, text));
    const seen = published.length;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
    return { uri, diagnostics: await publishedAfter(seen, uri) };
}

beforeAll(async () => {
    expect(existsSync(SERVER), 'build the server first: node scripts/build.mjs').toBe(true);
    folder = mkdtempSync(join(tmpdir(), 'adopt-config-server-'));
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', chunk => process.stderr.write(`[server] ${chunk}`));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => settings));
    connection.onRequest(RegistrationRequest.type, params => { registrations.push(params); });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(CodeLensRefreshRequest.type, () => undefined);
    connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, params => { published.push(params); });
    connection.onNotification(ShowMessageNotification.type, params => { warnings.push(params.message); });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }, publishDiagnostics: {} }
        }
    });
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    if (connection) {
        await Promise.race([connection.sendRequest('shutdown'), new Promise(resolveWait => setTimeout(resolveWait, 2000))]).catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
    }
    if (server?.pid && server.exitCode === null) process.kill(server.pid);
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('config files in the language server', () => {
    test('asks the client to watch files, config files included', async () => {
        const watchers = () => registrations.flatMap(r => r.registrations).filter(r => r.method === 'workspace/didChangeWatchedFiles')
            .flatMap(r => (r.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map(w => w.globPattern));
        const deadline = Date.now() + 10_000;
        while (watchers().length === 0 && Date.now() < deadline) await new Promise(resolveWait => setTimeout(resolveWait, 20));
        expect(watchers().some(glob => glob === '**/*' || glob.includes('adopt.config.json'))).toBe(true);
    });

    test('the nearest config file above the plan sets the severities', async () => {
        write('team/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off', 'freestanding-project': 'warning' } }));
        const { diagnostics } = await open('team/plans/plan.adopt');
        expect(codes(diagnostics)).toEqual(['channel-not-launched warning', 'freestanding-project warning', 'untapped-opportunity information']);
    });

    test('a bad config file gets one error on itself, naming the field; its plans keep the defaults', async () => {
        const config = write('bad/adopt.config.json', '{\n  "severity": { "low-reach": "quiet" }\n}\n');
        const seen = published.length;
        const { diagnostics } = await open('bad/plan.adopt');
        expect(codes(diagnostics)).toEqual(RIVERSIDE_DEFAULTS);
        const [problem, ...others] = await publishedAfter(seen, uriOf(config), list => list.length > 0);
        expect(others).toEqual([]);
        expect(problem.severity).toBe(1);
        expect(problem.code).toBe('invalid-config');
        expect(problem.message).toBe('severity.low-reach must be one of error, warning, information, hint or off, not the text "quiet". '
            + "Until this is corrected, the plans under this folder use the default rules (and the editor's settings).");
        expect(problem.range).toEqual({ start: { line: 1, character: 29 }, end: { line: 1, character: 36 } });
    });

    test('correcting the config file (a watched file change) clears its error and re-checks the open plans', async () => {
        const config = write('bad/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'hint' } }));
        const plan = uriOf(join(folder, 'bad/plan.adopt'));
        const seen = published.length;
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: FILE_CHANGED }] });
        expect(await publishedAfter(seen, uriOf(config))).toEqual([]);
        const list = await publishedAfter(seen, plan, l => codes(l).includes('low-reach hint'));
        expect(codes(list)).toEqual(['channel-not-launched warning', 'freestanding-project information', 'low-reach hint', 'untapped-opportunity information']);
    });

    test('a config file created or deleted above open plans applies or stops applying', async () => {
        const { uri } = await open('fresh/deep/plan.adopt');
        let seen = published.length;
        const config = write('fresh/adopt.config.json', JSON.stringify({ severity: { 'untapped-opportunity': 'error' } }));
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: FILE_CREATED }] });
        expect(codes(await publishedAfter(seen, uri, l => codes(l).includes('untapped-opportunity error')))).toContain('untapped-opportunity error');
        seen = published.length;
        unlinkSync(config);
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: FILE_DELETED }] });
        expect(codes(await publishedAfter(seen, uri, l => codes(l).includes('untapped-opportunity information')))).toContain('untapped-opportunity information');
    });

    test('the config file wins over the adopt.diagnostics.severity setting; the setting holds elsewhere', async () => {
        settings = { diagnostics: { severity: { 'low-reach': 'warning', 'untapped-opportunity': 'off' } } };
        const team = uriOf(join(folder, 'team/plans/plan.adopt'));
        const loose = await open('loose/plan.adopt');
        const seen = published.length;
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        expect(codes(await publishedAfter(seen, loose.uri, l => codes(l).includes('low-reach warning')))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'low-reach warning']);
        // team/adopt.config.json turns low-reach off and makes freestanding-project a warning.
        expect(codes(await publishedAfter(seen, team, l => !codes(l).some(c => c.startsWith('untapped'))))).toEqual(['channel-not-launched warning', 'freestanding-project warning']);
        settings = { diagnostics: { severity: { 'low-reach': 'loud' } } };
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        const deadline = Date.now() + 10_000;
        while (!warnings.some(w => w.includes('adopt.diagnostics.severity.low-reach')) && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
        expect(warnings.find(w => w.includes('adopt.diagnostics.severity.low-reach'))).toMatch(/must be one of error, warning, information, hint or off, not the text "loud"/);
        expect(codes(await publishedAfter(seen, loose.uri, l => codes(l).length === 4))).toEqual(RIVERSIDE_DEFAULTS);
        settings = {};
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { adopt: settings } });
    });

    test('adopt/rankQuickWins with settings: true answers the weights and threshold in force for the plan', async () => {
        write('weighted/adopt.config.json', JSON.stringify({ weights: { crowdsourcing: 40 }, threshold: 60 }));
        const { uri } = await open('weighted/plan.adopt');
        const answer = rankResultWithSettingsSchema.parse(await connection.sendRequest('adopt/rankQuickWins', { uri, settings: true }));
        expect(answer.settings).toEqual({ weights: { reach: 30, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 40 }, threshold: 60 });
        expect(answer.projects[0].score).toBe(25 + 25 + 12 + 12 + 26.7);
        const plain = await connection.sendRequest('adopt/rankQuickWins', { uri });
        expect(Object.keys(plain as object)).toEqual(['plan', 'projects', 'diagnostics']);
    });

    test('a client that opens the config file with the server: its text is read as it is typed, the disk\'s again once closed', async () => {
        const config = uriOf(write('opened/adopt.config.json', '{ "severity": { "low-reach": "off" } }'));
        const { uri: plan, diagnostics } = await open('opened/plan.adopt');
        expect(codes(diagnostics)).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
        let seen = published.length;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: config, languageId: 'json', version: 1, text: '{ "severity": { "low-reach": "loud" } }' } });
        expect((await publishedAfter(seen, config, list => list.length > 0))[0].message).toMatch(/^severity\.low-reach must be one of/);
        expect(codes(await publishedAfter(seen, plan, l => codes(l).includes('low-reach information')))).toContain('low-reach information');
        seen = published.length;
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: '{ "severity": { "low-reach": "hint" } }' }] });
        expect(await publishedAfter(seen, config)).toEqual([]);
        expect(codes(await publishedAfter(seen, plan, l => codes(l).includes('low-reach hint')))).toContain('low-reach hint');
        seen = published.length;
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: config } });
        expect(codes(await publishedAfter(seen, plan, l => !codes(l).some(c => c.startsWith('low-reach'))))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
        expect(server.exitCode).toBeNull();
    });

    test('"Ignore CODE on this line" over the wire: the edit silences the diagnostic', async () => {
        const text = RIVERSIDE;
        const { uri, diagnostics } = await open('ignore/plan.adopt', text);
        const lowReach = diagnostics.find(d => d.code === 'low-reach')!;
        const actions = await connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri }, range: lowReach.range, context: { diagnostics: [lowReach] }
        }) as CodeAction[];
        const fix = actions.find(action => action.title === 'Ignore low-reach on this line');
        expect(fix?.kind).toBe('quickfix');
        const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), fix!.edit!.changes![uri]);
        expect(fixed).toContain('    // adopt-ignore low-reach\n    project hashtagContest');
        const seen = published.length;
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
        expect(codes(await publishedAfter(seen, uri))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
    });
});
