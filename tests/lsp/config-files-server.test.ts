/**
 * Config files and suppressions in the built language server (out/language-server.cjs) over
 * stdio, with plans and `adopt.config.json` files on disk: the nearest config file sets the
 * severities; a bad one gets one diagnostic on the file itself while its plans keep the
 * defaults; a changed config file (the client's file watcher, or the text of a config file the
 * client opens with the server) re-checks the open plans; the file wins over the
 * `adopt.diagnostics.severity` setting; the "Ignore CODE on this line" fix. Driven by the suites'
 * LSP client (tests/support/lsp-server.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { rankResultWithSettingsSchema } from '../../src/protocol/rank-protocol.js';
import { example } from '../support/helpers.js';
import { SERVER_BUNDLE, ServerProcess } from '../support/lsp-server.js';

const RIVERSIDE = example('riverside-health.adopt');
/** The SPEC example's diagnostics under the default rules: hashtagContest's three, and its facebook channel that no launch opens. */
const RIVERSIDE_DEFAULTS = ['channel-not-launched warning', 'freestanding-project information', 'low-reach information', 'untapped-opportunity information'];
const FILE_CHANGED = 2;
const FILE_CREATED = 1;
const FILE_DELETED = 3;

let server: ServerProcess;
let folder: string;
let settings: unknown = {};

const uriOf = (path: string) => pathToFileURL(path).toString();

/** Waits for a publication for `uri` after the first `seen` ones that satisfies `accept`. */
function publishedAfter(seen: number, uri: string, accept: (list: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return server.diagnosticsAfter(uri, seen, accept);
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
    const seen = server.published.length;
    await server.open(uri, text, 1);
    return { uri, diagnostics: await publishedAfter(seen, uri) };
}

beforeAll(async () => {
    expect(existsSync(SERVER_BUNDLE), 'build the server first: node scripts/build.mjs').toBe(true);
    folder = mkdtempSync(join(tmpdir(), 'adopt-config-server-'));
    server = await ServerProcess.start({
        settings: () => settings,
        capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }, publishDiagnostics: {} }
        }
    });
});

afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('config files in the language server', () => {
    test('asks the client to watch files, config files included', async () => {
        const watchers = () => server.registrations.flatMap(r => r.registrations).filter(r => r.method === 'workspace/didChangeWatchedFiles')
            .flatMap(r => (r.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map(w => w.globPattern));
        await server.waitFor(() => watchers().length > 0);
        expect(watchers().some(glob => glob === '**/*' || glob.includes('adopt.config.json'))).toBe(true);
    });

    test('the nearest config file above the plan sets the severities', async () => {
        write('team/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off', 'freestanding-project': 'warning' } }));
        const { diagnostics } = await open('team/plans/plan.adopt');
        expect(codes(diagnostics)).toEqual(['channel-not-launched warning', 'freestanding-project warning', 'untapped-opportunity information']);
    });

    test('a bad config file gets one error on itself, naming the field; its plans keep the defaults', async () => {
        const config = write('bad/adopt.config.json', '{\n  "severity": { "low-reach": "quiet" }\n}\n');
        const seen = server.published.length;
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
        const seen = server.published.length;
        await server.filesChanged([{ uri: uriOf(config), type: FILE_CHANGED }]);
        expect(await publishedAfter(seen, uriOf(config))).toEqual([]);
        const list = await publishedAfter(seen, plan, l => codes(l).includes('low-reach hint'));
        expect(codes(list)).toEqual(['channel-not-launched warning', 'freestanding-project information', 'low-reach hint', 'untapped-opportunity information']);
    });

    test('a config file created or deleted above open plans applies or stops applying', async () => {
        const { uri } = await open('fresh/deep/plan.adopt');
        let seen = server.published.length;
        const config = write('fresh/adopt.config.json', JSON.stringify({ severity: { 'untapped-opportunity': 'error' } }));
        await server.filesChanged([{ uri: uriOf(config), type: FILE_CREATED }]);
        expect(codes(await publishedAfter(seen, uri, l => codes(l).includes('untapped-opportunity error')))).toContain('untapped-opportunity error');
        seen = server.published.length;
        unlinkSync(config);
        await server.filesChanged([{ uri: uriOf(config), type: FILE_DELETED }]);
        expect(codes(await publishedAfter(seen, uri, l => codes(l).includes('untapped-opportunity information')))).toContain('untapped-opportunity information');
    });

    test('the config file wins over the adopt.diagnostics.severity setting; the setting holds elsewhere', async () => {
        settings = { diagnostics: { severity: { 'low-reach': 'warning', 'untapped-opportunity': 'off' } } };
        const team = uriOf(join(folder, 'team/plans/plan.adopt'));
        const loose = await open('loose/plan.adopt');
        const seen = server.published.length;
        await server.notify('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        expect(codes(await publishedAfter(seen, loose.uri, l => codes(l).includes('low-reach warning')))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'low-reach warning']);
        // team/adopt.config.json turns low-reach off and makes freestanding-project a warning.
        expect(codes(await publishedAfter(seen, team, l => !codes(l).some(c => c.startsWith('untapped'))))).toEqual(['channel-not-launched warning', 'freestanding-project warning']);
        settings = { diagnostics: { severity: { 'low-reach': 'loud' } } };
        await server.notify('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        const warnings = () => server.messages.map(m => m.message);
        await server.waitFor(() => warnings().some(w => w.includes('adopt.diagnostics.severity.low-reach')));
        expect(warnings().find(w => w.includes('adopt.diagnostics.severity.low-reach'))).toMatch(/must be one of error, warning, information, hint or off, not the text "loud"/);
        expect(codes(await publishedAfter(seen, loose.uri, l => codes(l).length === 4))).toEqual(RIVERSIDE_DEFAULTS);
        settings = {};
        await server.notify('workspace/didChangeConfiguration', { settings: { adopt: settings } });
    });

    test('adopt/rankQuickWins with settings: true answers the weights and threshold in force for the plan', async () => {
        write('weighted/adopt.config.json', JSON.stringify({ weights: { crowdsourcing: 40 }, threshold: 60 }));
        const { uri } = await open('weighted/plan.adopt');
        const answer = rankResultWithSettingsSchema.parse(await server.result('adopt/rankQuickWins', { uri, settings: true }));
        expect(answer.settings).toEqual({ weights: { reach: 30, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 40 }, threshold: 60 });
        expect(answer.projects[0].score).toBe(25 + 25 + 12 + 12 + 26.7);
        const plain = await server.result('adopt/rankQuickWins', { uri });
        expect(Object.keys(plain as object)).toEqual(['plan', 'status', 'projects', 'diagnostics']);
    });

    test('a client that opens the config file with the server: its text is read as it is typed, the disk\'s again once closed', async () => {
        const config = uriOf(write('opened/adopt.config.json', '{ "severity": { "low-reach": "off" } }'));
        const { uri: plan, diagnostics } = await open('opened/plan.adopt');
        expect(codes(diagnostics)).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
        let seen = server.published.length;
        await server.open(config, '{ "severity": { "low-reach": "loud" } }', 1, 'json');
        expect((await publishedAfter(seen, config, list => list.length > 0))[0].message).toMatch(/^severity\.low-reach must be one of/);
        expect(codes(await publishedAfter(seen, plan, l => codes(l).includes('low-reach information')))).toContain('low-reach information');
        seen = server.published.length;
        await server.change(config, 2, [{ text: '{ "severity": { "low-reach": "hint" } }' }]);
        expect(await publishedAfter(seen, config)).toEqual([]);
        expect(codes(await publishedAfter(seen, plan, l => codes(l).includes('low-reach hint')))).toContain('low-reach hint');
        seen = server.published.length;
        await server.close(config);
        expect(codes(await publishedAfter(seen, plan, l => !codes(l).some(c => c.startsWith('low-reach'))))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
        expect(server.alive).toBe(true);
    });

    test('"Ignore CODE on this line" over the wire: the edit silences the diagnostic', async () => {
        const text = RIVERSIDE;
        const { uri, diagnostics } = await open('ignore/plan.adopt', text);
        const lowReach = diagnostics.find(d => d.code === 'low-reach')!;
        const actions = await server.result<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: lowReach.range, context: { diagnostics: [lowReach] }
        });
        const fix = actions.find(action => action.title === 'Ignore low-reach on this line');
        expect(fix?.kind).toBe('quickfix');
        const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), fix!.edit!.changes![uri]);
        expect(fixed).toContain('    // adopt-ignore low-reach\n    project hashtagContest');
        const seen = server.published.length;
        await server.change(uri, 2, [{ text: fixed }]);
        expect(codes(await publishedAfter(seen, uri))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
    });
});
