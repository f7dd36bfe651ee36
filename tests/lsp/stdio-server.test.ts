/**
 * The built language server (out/language-server.cjs, made by `node scripts/build.mjs`, which
 * `npm test` runs first) as a separate process over stdio, driven by the suites' LSP client
 * (tests/support/lsp-server.ts):
 * initialize, diagnostics with codes, hover, code lens, a quick fix applied and the diagnostics
 * updated, the rank request, settings from the client (a bad one warns naming the field), shutdown.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Hover, MarkupContent } from 'vscode-languageserver-types';
import { rankResultSchema, rankedProjectsSchema } from '../../src/protocol/rank-protocol.js';
import { example } from '../support/helpers.js';
import { ServerProcess } from '../support/lsp-server.js';

const ROOT = resolve(__dirname, '../..');
const URI = pathToFileURL(resolve(ROOT, 'examples/stdio-test.adopt')).toString();

let server: ServerProcess;
let settings: unknown = {};
let document = TextDocument.create(URI, 'adopt', 1, example('riverside-health.adopt'));

beforeAll(async () => {
    server = await ServerProcess.start({
        settings: () => settings,
        capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
            textDocument: {
                hover: { contentFormat: ['markdown', 'plaintext'] },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
                publishDiagnostics: { versionSupport: true }
            }
        }
    });
    expect(server.initializeResult?.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: expect.anything(), codeLensProvider: expect.anything() });
    await server.open(URI, document.getText(), document.version);
});

afterAll(async () => {
    await server?.stop();
});

describe('the language server over stdio', () => {
    test('publishes the diagnostics of the example with their codes', async () => {
        const list = await server.diagnosticsAfter(URI, 0);
        // hashtagContest's three, and the facebook channel it uses that no launch opens (SPEC section 7).
        expect(list.map(d => d.code).sort()).toEqual(['channel-not-launched', 'freestanding-project', 'low-reach', 'untapped-opportunity']);
    });

    test('hover on a project shows its score and rank', async () => {
        const hover = await server.result('textDocument/hover', {
            textDocument: { uri: URI }, position: document.positionAt(document.getText().indexOf('streamRounds "'))
        }) as Hover;
        expect((hover.contents as MarkupContent).value).toMatch(/^score 88 · rank 1 of 2 · quick win/);
    });

    test('code lenses carry the score line', async () => {
        const lenses = await server.result<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
        expect(lenses.map(lens => lens.command?.title)).toEqual(['score 88 · rank 1 of 2 · quick win', 'score 0 · rank 2 of 2 · not a quick win']);
    });

    test('a quick fix applies and the diagnostics follow the change', async () => {
        const lowReach = (await server.diagnosticsAfter(URI, 0)).find(d => d.code === 'low-reach')!;
        const actions = await server.result('textDocument/codeAction', {
            textDocument: { uri: URI }, range: lowReach.range, context: { diagnostics: [lowReach] }
        }) as CodeAction[];
        const fix = actions.find(action => action.title === "Involve the trained members 'ana', 'cho'");
        expect(fix?.kind).toBe('quickfix');
        expect(fix?.diagnostics).toEqual([lowReach]);
        const text = TextDocument.applyEdits(document, fix!.edit!.changes![URI]);
        expect(text).toContain('involves dee, ana, cho');
        document = TextDocument.update(document, [{ text }], 2);
        const seen = server.published.length;
        await server.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
        const list = await server.diagnosticsAfter(URI, seen);
        expect(list.map(d => d.code)).not.toContain('low-reach');
        expect(list.map(d => d.code)).toContain('freestanding-project');
    });

    test('adopt/rankQuickWins answers data valid against the shared schema', async () => {
        const result = rankResultSchema.parse(await server.result('adopt/rankQuickWins', { uri: URI }));
        expect(result.plan).toBe('RiversideHealth');
        expect(result.projects.map(p => [p.rank, p.name, p.score, p.quickWin])).toEqual([[1, 'streamRounds', 88, true], [2, 'hashtagContest', 20, false]]);
    });

    test('adopt/rankQuickWins with diagnostics: false answers the same projects without the diagnostics', async () => {
        const full = rankResultSchema.parse(await server.result('adopt/rankQuickWins', { uri: URI }));
        const lean = await server.result('adopt/rankQuickWins', { uri: URI, diagnostics: false });
        expect(full.diagnostics.length).toBeGreaterThan(0);
        expect(rankedProjectsSchema.parse(lean)).toEqual({ plan: full.plan, status: full.status, projects: full.projects });
        expect(Object.keys(lean as object)).toEqual(['plan', 'status', 'projects']);
        expect(rankResultSchema.parse(await server.result('adopt/rankQuickWins', { uri: URI, diagnostics: true }))).toEqual(full);
        expect(await server.request('adopt/rankQuickWins', { uri: URI, diagnostics: 'no' })).toMatchObject({ kind: 'error', code: -32602 });
    });

    test('adopt/rankQuickWins right after didOpen waits for the document instead of failing', async () => {
        const uri = pathToFileURL(resolve(ROOT, 'examples/just-opened.adopt')).toString();
        const text = example('riverside-health.adopt');
        await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
        const result = rankResultSchema.parse(await server.result('adopt/rankQuickWins', { uri }));
        expect(result.projects.map(p => [p.name, p.score])).toEqual([['streamRounds', 88], ['hashtagContest', 0]]);
        await server.notify('textDocument/didClose', { textDocument: { uri } });
    });

    test('a settings change is applied, revalidates and refreshes the lenses; a bad weight warns naming the field', async () => {
        settings = { quickWins: { threshold: 95 } };
        let seen = server.published.length;
        await server.notify('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        await server.diagnosticsAfter(URI, seen, list => list.some(d => d.code === 'no-quick-wins'));
        expect(await server.waitFor(() => server.codeLensRefreshes > 0)).toBe(true);
        const lenses = await server.result<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
        expect(lenses[0].command?.title).toBe('score 88 · rank 1 of 2 · not a quick win');
        settings = { quickWins: { weights: { reach: -1 } } };
        seen = server.published.length;
        await server.notify('workspace/didChangeConfiguration', { settings: { adopt: settings } });
        await server.diagnosticsAfter(URI, seen, list => !list.some(d => d.code === 'no-quick-wins'));
        expect(await server.waitFor(() => server.messages.length > 0)).toBe(true);
        expect(server.messages[0].type).toBe(2); // warning
        expect(server.messages[0].message).toMatch(/adopt\.quickWins\.weights\.reach must be at least 0/);
    });
});

describe('today in the language server: ADOPT_TODAY (SPEC section 7)', () => {
    const PLAN = `plan P "P" {
  coalition {
    member ana "Ana" role middle-manager trained
    member ben "Ben" role operational-manager trained
  }
  stage s "S" {
    mantra "The status quo must go!"
    action call "Call" owner ana due 2027-02-28
  }
}
`;
    const uri = pathToFileURL(resolve(ROOT, 'examples/today-test.adopt')).toString();

    async function overdueOn(env: Record<string, string>): Promise<{ codes: string[]; messages: string[] }> {
        const started = await ServerProcess.start({ env });
        try {
            await started.open(uri, PLAN);
            const list = await started.diagnosticsAfter(uri, 0);
            await started.waitFor(() => started.messages.length > 0, 500);
            return { codes: list.map(d => String(d.code)), messages: started.messages.map(m => `${m.type} ${m.message}`) };
        } finally {
            await started.stop();
        }
    }

    test('due dates are judged against ADOPT_TODAY', async () => {
        expect((await overdueOn({ ADOPT_TODAY: '2027-03-01' })).codes).toEqual(['overdue-action']);
        expect((await overdueOn({ ADOPT_TODAY: '2027-02-28' })).codes).toEqual([]);
    });

    test('an ADOPT_TODAY that is no date: a warning that says why, and the local date holds', async () => {
        const { messages } = await overdueOn({ ADOPT_TODAY: '2027-02-30' });
        expect(messages).toEqual(["2 Adopt: ADOPT_TODAY: 2027-02-30 is not a date: February 2027 has 28 days. Overdue actions are judged against today's local date."]);
    });
});
