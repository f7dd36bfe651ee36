/**
 * The editor features of this release through the built language server over stdio, as any LSP
 * client sees them: diagnostics published with the version of the text they are about, rename
 * refusals as JSON-RPC errors with their message, formatting, completion without misplaced
 * snippets, "did you mean" with its fix, a misspelled keyword recovered from (one syntax error,
 * the rest of the plan still checked and ranked, a preferred fix that writes the keyword), and
 * the workspace ranking over every plan of the workspace folder (validated when the server loads
 * them). Driven by the suites' LSP client (tests/support/lsp-server.ts), opened on a workspace
 * folder.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { rankResultSchema, workspaceProjectsSchema, workspaceRankingSchema } from '../../src/protocol/rank-protocol.js';
import { example } from '../support/helpers.js';
import { SERVER_BUNDLE, ServerProcess } from '../support/lsp-server.js';

const FOLDER = mkdtempSync(join(tmpdir(), 'adopt-stdio-workspace-'));
const uriOf = (name: string) => pathToFileURL(join(FOLDER, name)).toString();
const MAIN = uriOf('riverside-health.adopt');

let server: ServerProcess;

beforeAll(async () => {
    expect(existsSync(SERVER_BUNDLE), 'build the server first: node scripts/build.mjs').toBe(true);
    writeFileSync(join(FOLDER, 'riverside-health.adopt'), example('riverside-health.adopt'));
    writeFileSync(join(FOLDER, 'northfield-university.adopt'), example('northfield-university.adopt'));
    writeFileSync(join(FOLDER, 'broken.adopt'), 'plan Broken "B" {\n  stage s "S" {\n    project p "P" { involves ghost }\n  }\n}\n');
    server = await ServerProcess.start({
        settings: () => ({}),
        workspaceFolders: [{ uri: pathToFileURL(FOLDER).toString(), name: 'plans' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true },
            textDocument: {
                publishDiagnostics: { versionSupport: true },
                completion: { completionItem: { snippetSupport: true } },
                rename: { prepareSupport: true }
            }
        }
    });
});

afterAll(async () => {
    await server?.stop();
    rmSync(FOLDER, { recursive: true, force: true });
});

let document = TextDocument.create(MAIN, 'adopt', 7, example('riverside-health.adopt'));

describe('diagnostics carry the document version', () => {
    test('the plans of the workspace folder are validated when the server loads them, without a version (not open)', async () => {
        const broken = await server.publicationAfter(uriOf('broken.adopt'), 0);
        expect(broken.version).toBeUndefined();
        expect(broken.diagnostics.map(d => d.code)).toContain('unresolved-reference');
        // The build of the workspace publishes every plan once; the next test opens one of them
        // after that, so that no publication of the build is still on its way to the client.
        for (const name of ['riverside-health.adopt', 'northfield-university.adopt']) {
            expect((await server.publicationAfter(uriOf(name), 0)).version).toBeUndefined();
        }
    });

    test('didOpen at version 7, then edits at 8, 9, 10 sent at once: each publication names the version of its text, the last is 10', async () => {
        const seen = server.published.length;
        await server.open(MAIN, document.getText(), 7);
        const opened = await server.publicationAfter(MAIN, seen);
        expect(opened.version).toBe(7);
        const texts: Record<number, string> = { 7: document.getText() };
        for (const version of [8, 9, 10]) {
            const text = document.getText().replace('supports grandRounds', `supports grandRounds\n      // edit ${version}`);
            texts[version] = text;
            await server.change(MAIN, version, [{ text }]);
        }
        document = TextDocument.create(MAIN, 'adopt', 10, texts[10]);
        const last = await server.publicationAfter(MAIN, seen, p => p.version === 10);
        expect(last.diagnostics.map(d => d.code).sort()).toEqual(['channel-not-launched', 'freestanding-project', 'low-reach', 'untapped-opportunity']);
        // Every publication's diagnostics sit where the text of its version has the project
        // (the edits put a line before it, so at version 7 it is one line higher).
        for (const publication of server.published.slice(seen).filter(p => p.uri === MAIN)) {
            expect([7, 8, 9, 10]).toContain(publication.version);
            const freestanding = publication.diagnostics.find(d => d.code === 'freestanding-project')!;
            expect(TextDocument.create(MAIN, 'adopt', publication.version!, texts[publication.version!]).getText(freestanding.range)).toBe('hashtagContest');
        }
    });
});

describe('rename over the wire', () => {
    const position = () => document.positionAt(document.getText().indexOf('dee "Dee') + 1);

    test('prepareRename gives the range of a name', async () => {
        const range = await server.result<Range>('textDocument/prepareRename', { textDocument: { uri: MAIN }, position: position() });
        expect(document.getText(range)).toBe('dee');
    });

    test('prepareRename on a keyword answers an error with a message', async () => {
        const at = document.positionAt(document.getText().indexOf('naysayer') + 2);
        expect(await server.request('textDocument/prepareRename', { textDocument: { uri: MAIN }, position: at }))
            .toMatchObject({ kind: 'error', message: expect.stringMatching(/'naysayer' is a word of the Adopt language, not a name/) });
    });

    test.each(['middle-manager', 'two words', '1abc'])('rename to %j answers an error and no edit', async newName => {
        expect(await server.request('textDocument/rename', { textDocument: { uri: MAIN }, position: position(), newName }))
            .toMatchObject({ kind: 'error', code: -32602, message: expect.stringMatching(/is not a name/) });
    });

    test('rename to a good name edits every occurrence', async () => {
        const edit = await server.result<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: MAIN }, position: position(), newName: 'deePark' });
        expect(edit.changes![MAIN]).toHaveLength(3);
    });
});

describe('formatting over the wire', () => {
    test('`project    alpha` and aligned columns get one space; formatting the result changes nothing', async () => {
        const uri = uriOf('messy.adopt');
        const text = 'plan P "P" {\n  stage s "S" {\n    project    alpha "A" {   asynchrony   high }\n  }\n}\n';
        await server.open(uri, text, 1);
        const edits = await server.result<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        const once = TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), edits);
        expect(once).toBe('plan P "P" {\n  stage s "S" {\n    project alpha "A" {\n      asynchrony high\n    }\n  }\n}\n');
        await server.change(uri, 2, [{ text: once }]);
        expect(await server.result('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
    });
});

describe('completion over the wire', () => {
    async function labelsAt(marker: string, shift: number): Promise<CompletionItem[]> {
        const at = document.positionAt(document.getText().indexOf(marker) + shift);
        const answer = await server.result<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: MAIN }, position: at });
        return Array.isArray(answer) ? answer : answer.items;
    }

    test("after involves: members only; in a project's body: no plan, member, stage, goal or project snippet", async () => {
        // cho and ben are already in the list: they are left out.
        expect((await labelsAt('involves ana', 'involves '.length)).map(item => item.label)).toEqual(['ana', 'dee']);
        const body = await labelsAt('      uses youtube', 0);
        expect(body.filter(item => item.kind === 15).map(item => item.label).sort()).toEqual(['action', 'metric']);
        for (const word of ['plan', 'member', 'stage', 'goal', 'project']) expect(body.map(item => item.label)).not.toContain(word);
    });
});

describe('did you mean over the wire', () => {
    test('the message suggests, and the quick fix replaces the name', async () => {
        const uri = uriOf('typo.adopt');
        const text = example('riverside-health.adopt').replace('involves dee', 'involves Dee');
        const seen = server.published.length;
        await server.open(uri, text, 1);
        const publication = await server.publicationAfter(uri, seen);
        const diagnostic = publication.diagnostics.find(d => d.code === 'unresolved-reference')!;
        expect(diagnostic.message).toContain("Did you mean 'dee'?");
        const actions = await server.result<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        const fix = actions.find(action => action.title === "Change 'Dee' to 'dee'")!;
        expect(TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), fix.edit!.changes![uri])).toBe(example('riverside-health.adopt'));
    });
});

describe('a misspelled keyword over the wire: the parser recovers', () => {
    test("`projet hashtagContest`: one syntax error naming 'project', the plan still checked and ranked, and the preferred fix writes the keyword", async () => {
        const uri = uriOf('misspelled.adopt');
        const text = example('riverside-health.adopt').replace('project hashtagContest', 'projet hashtagContest');
        expect(text).not.toBe(example('riverside-health.adopt'));
        let seen = server.published.length;
        await server.open(uri, text, 1);
        const publication = await server.publicationAfter(uri, seen);
        const codes = publication.diagnostics.map(d => d.code);
        const syntaxErrors = publication.diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntaxErrors).toHaveLength(1);
        expect(syntaxErrors[0].message).toContain("'project'");
        expect(codes).not.toContain('road-show-missing');
        expect(codes).not.toContain('naysayer-unreached');
        // hashtagContest is still read as a project: its own checks still run.
        expect(codes).toContain('freestanding-project');

        const ranking = rankResultSchema.parse(await server.result('adopt/rankQuickWins', { uri }));
        expect(ranking.projects.map(project => project.name).sort()).toEqual(['hashtagContest', 'streamRounds']);

        const actions = await server.result<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: syntaxErrors[0].range, context: { diagnostics: syntaxErrors }
        });
        const fix = actions.find(action => action.title === "Change 'projet' to 'project'");
        expect(fix?.isPreferred).toBe(true);
        const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), fix!.edit!.changes![uri]);
        expect(fixed).toBe(example('riverside-health.adopt'));
        seen = server.published.length;
        await server.change(uri, 2, [{ text: fixed }]);
        const next = await server.publicationAfter(uri, seen);
        expect(next.version).toBe(2);
        expect(next.diagnostics.map(d => d.code)).not.toContain('syntax-error');
    });
});

describe('adopt/rankWorkspace', () => {
    test('every plan the server knows, by plan name, each with its uri, ranking and diagnostics', async () => {
        const answer = workspaceRankingSchema.parse(await server.result('adopt/rankWorkspace', {}));
        const byPlan = answer.plans.map(plan => [plan.plan, plan.uri.slice(plan.uri.lastIndexOf('/') + 1)]);
        expect(byPlan).toEqual([...byPlan].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])));
        expect(byPlan).toEqual(expect.arrayContaining([['Broken', 'broken.adopt'], ['RiversideHealth', 'riverside-health.adopt']]));
        const riverside = answer.plans.find(plan => plan.uri === MAIN)!;
        expect(riverside.projects.map(p => [p.rank, p.name, p.score])).toEqual([[1, 'streamRounds', 88], [2, 'hashtagContest', 0]]);
        const broken = answer.plans.find(plan => plan.plan === 'Broken')!;
        expect(broken.diagnostics.map(d => d.code)).toContain('unresolved-reference');
    });

    test('diagnostics: false leaves them out; a bad parameter is refused', async () => {
        const lean = workspaceProjectsSchema.parse(await server.result('adopt/rankWorkspace', { diagnostics: false }));
        expect(lean.plans.every(plan => !('diagnostics' in plan))).toBe(true);
        expect(await server.request('adopt/rankWorkspace', { diagnostics: 'no' })).toMatchObject({ kind: 'error', code: -32602 });
    });
});
