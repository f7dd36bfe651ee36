/**
 * The editor features of this release through the built language server over stdio, as any LSP
 * client sees them: diagnostics published with the version of the text they are about, rename
 * refusals as JSON-RPC errors with their message, formatting, completion without misplaced
 * snippets, "did you mean" with its fix, and the workspace ranking over every plan of the
 * workspace folder (validated when the server loads them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    ConfigurationRequest, createProtocolConnection, PublishDiagnosticsNotification, RegistrationRequest, StreamMessageReader, StreamMessageWriter,
    WorkDoneProgressCreateRequest, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { workspaceProjectsSchema, workspaceRankingSchema } from '../../src/protocol/rank-protocol.js';
import { example } from '../support/helpers.js';

const ROOT = resolve(__dirname, '../..');
const SERVER = resolve(ROOT, 'out/language-server.cjs');
const FOLDER = mkdtempSync(join(tmpdir(), 'adopt-stdio-workspace-'));
const uriOf = (name: string) => pathToFileURL(join(FOLDER, name)).toString();
const MAIN = uriOf('riverside-health.adopt');

let server: ChildProcess;
let connection: ProtocolConnection;
const published: PublishDiagnosticsParams[] = [];

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
    for (;;) {
        const value = probe();
        if (value !== undefined) return value;
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}

beforeAll(async () => {
    expect(existsSync(SERVER), 'build the server first: node scripts/build.mjs').toBe(true);
    writeFileSync(join(FOLDER, 'riverside-health.adopt'), example('riverside-health.adopt'));
    writeFileSync(join(FOLDER, 'northfield-university.adopt'), example('northfield-university.adopt'));
    writeFileSync(join(FOLDER, 'broken.adopt'), 'plan Broken "B" {\n  stage s "S" {\n    project p "P" { involves ghost }\n  }\n}\n');
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => ({})));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, params => { published.push(params); });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(FOLDER).toString(),
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
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    if (connection) {
        await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]).catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
    }
    if (server?.pid && server.exitCode === null) process.kill(server.pid);
    rmSync(FOLDER, { recursive: true, force: true });
});

let document = TextDocument.create(MAIN, 'adopt', 7, example('riverside-health.adopt'));

describe('diagnostics carry the document version', () => {
    test('the plans of the workspace folder are validated when the server loads them, without a version (not open)', async () => {
        const broken = await waitFor(() => published.find(p => p.uri === uriOf('broken.adopt')));
        expect(broken.version).toBeUndefined();
        expect(broken.diagnostics.map(d => d.code)).toContain('unresolved-reference');
    });

    test('didOpen at version 7, then edits at 8, 9, 10 sent at once: each publication names the version of its text, the last is 10', async () => {
        const seen = published.length;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: MAIN, languageId: 'adopt', version: 7, text: document.getText() } });
        const opened = await waitFor(() => published.slice(seen).find(p => p.uri === MAIN));
        expect(opened.version).toBe(7);
        const texts: Record<number, string> = { 7: document.getText() };
        for (const version of [8, 9, 10]) {
            const text = document.getText().replace('supports grandRounds', `supports grandRounds\n      // edit ${version}`);
            texts[version] = text;
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri: MAIN, version }, contentChanges: [{ text }] });
        }
        document = TextDocument.create(MAIN, 'adopt', 10, texts[10]);
        const last = await waitFor(() => published.slice(seen).find(p => p.uri === MAIN && p.version === 10));
        expect(last.diagnostics.map(d => d.code).sort()).toEqual(['channel-not-launched', 'freestanding-project', 'low-reach', 'untapped-opportunity']);
        // Every publication's diagnostics sit where the text of its version has the project
        // (the edits put a line before it, so at version 7 it is one line higher).
        for (const publication of published.slice(seen).filter(p => p.uri === MAIN)) {
            expect([7, 8, 9, 10]).toContain(publication.version);
            const freestanding = publication.diagnostics.find(d => d.code === 'freestanding-project')!;
            expect(TextDocument.create(MAIN, 'adopt', publication.version!, texts[publication.version!]).getText(freestanding.range)).toBe('hashtagContest');
        }
    });
});

describe('rename over the wire', () => {
    const position = () => document.positionAt(document.getText().indexOf('dee "Dee') + 1);

    test('prepareRename gives the range of a name', async () => {
        const range = await connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: MAIN }, position: position() }) as Range;
        expect(document.getText(range)).toBe('dee');
    });

    test('prepareRename on a keyword answers an error with a message', async () => {
        const at = document.positionAt(document.getText().indexOf('naysayer') + 2);
        await expect(connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: MAIN }, position: at }))
            .rejects.toMatchObject({ message: expect.stringMatching(/'naysayer' is a word of the Adopt language, not a name/) });
    });

    test.each(['staff', 'two words', '1abc'])('rename to %j answers an error and no edit', async newName => {
        await expect(connection.sendRequest('textDocument/rename', { textDocument: { uri: MAIN }, position: position(), newName }))
            .rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/cannot be a name|is not a name/) });
    });

    test('rename to a good name edits every occurrence', async () => {
        const edit = await connection.sendRequest('textDocument/rename', { textDocument: { uri: MAIN }, position: position(), newName: 'deePark' }) as WorkspaceEdit;
        expect(edit.changes![MAIN]).toHaveLength(3);
    });
});

describe('formatting over the wire', () => {
    test('`project    alpha` and aligned columns get one space; formatting the result changes nothing', async () => {
        const uri = uriOf('messy.adopt');
        const text = 'plan P "P" {\n  stage s "S" {\n    project    alpha "A" {   asynchrony   high }\n  }\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
        const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }) as TextEdit[];
        const once = TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), edits);
        expect(once).toBe('plan P "P" {\n  stage s "S" {\n    project alpha "A" {\n      asynchrony high\n    }\n  }\n}\n');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: once }] });
        expect(await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
    });
});

describe('completion over the wire', () => {
    async function labelsAt(marker: string, shift: number): Promise<CompletionItem[]> {
        const at = document.positionAt(document.getText().indexOf(marker) + shift);
        const answer = await connection.sendRequest('textDocument/completion', { textDocument: { uri: MAIN }, position: at }) as CompletionList | CompletionItem[];
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
        const seen = published.length;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
        const publication = await waitFor(() => published.slice(seen).find(p => p.uri === uri));
        const diagnostic = publication.diagnostics.find(d => d.code === 'unresolved-reference')!;
        expect(diagnostic.message).toContain("Did you mean 'dee'?");
        const actions = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
        const fix = actions.find(action => action.title === "Change 'Dee' to 'dee'")!;
        expect(TextDocument.applyEdits(TextDocument.create(uri, 'adopt', 1, text), fix.edit!.changes![uri])).toBe(example('riverside-health.adopt'));
    });
});

describe('adopt/rankWorkspace', () => {
    test('every plan the server knows, by plan name, each with its uri, ranking and diagnostics', async () => {
        const answer = workspaceRankingSchema.parse(await connection.sendRequest('adopt/rankWorkspace', {}));
        const byPlan = answer.plans.map(plan => [plan.plan, plan.uri.slice(plan.uri.lastIndexOf('/') + 1)]);
        expect(byPlan).toEqual([...byPlan].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])));
        expect(byPlan).toEqual(expect.arrayContaining([['Broken', 'broken.adopt'], ['RiversideHealth', 'riverside-health.adopt']]));
        const riverside = answer.plans.find(plan => plan.uri === MAIN)!;
        expect(riverside.projects.map(p => [p.rank, p.name, p.score])).toEqual([[1, 'streamRounds', 88], [2, 'hashtagContest', 0]]);
        const broken = answer.plans.find(plan => plan.plan === 'Broken')!;
        expect(broken.diagnostics.map(d => d.code)).toContain('unresolved-reference');
    });

    test('diagnostics: false leaves them out; a bad parameter is refused', async () => {
        const lean = workspaceProjectsSchema.parse(await connection.sendRequest('adopt/rankWorkspace', { diagnostics: false }));
        expect(lean.plans.every(plan => !('diagnostics' in plan))).toBe(true);
        await expect(connection.sendRequest('adopt/rankWorkspace', { diagnostics: 'no' })).rejects.toMatchObject({ code: -32602 });
    });
});
