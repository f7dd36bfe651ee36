/**
 * Plans in many files in the built language server (out/language-server.cjs) over stdio, with a
 * workspace folder on disk (docs/language.md#plans-in-many-files): a shared file created,
 * changed, renamed or deleted on disk (the client's file watcher, `workspace/didChangeWatchedFiles`)
 * re-checks the plans that use it, and an edit to a shared file open in the client re-checks
 * every plan that uses it, open or not (a closed plan's diagnostics are published again). Every
 * wait is for a diagnostics notification, never for a span of time.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { workspaceRankingSchema } from '../../src/protocol/rank-protocol.js';
import { ServerProcess } from '../support/lsp-server.js';
import { departmentPlan, NETWORK_PEOPLE } from '../support/network-plans.js';

const FILE_CREATED = 1;
const FILE_CHANGED = 2;
const FILE_DELETED = 3;

const PEOPLE = NETWORK_PEOPLE;
const plan = (name: string, usePath?: string) => departmentPlan({ name, usePath });

let server: ServerProcess;
let folder: string;
const uriOf = (relative: string) => pathToFileURL(join(folder, relative)).toString();

function write(relative: string, text: string): string {
    const path = join(folder, relative);
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return uriOf(relative);
}

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const codesOf = (list: readonly Diagnostic[]) => list.map(d => String(d.code));
const has = (code: string) => (list: Diagnostic[]) => codesOf(list).includes(code);
const lacks = (code: string) => (list: Diagnostic[]) => !codesOf(list).includes(code);
/** A reference to a name the plan no longer sees (Langium's linking error, put in words). */
const unresolved = (name: string) => (list: Diagnostic[]) => list.some(d => d.code === 'unresolved-reference' && messageOf(d).includes(`'${name}'`));

let cardiology: string;
let nursing: string;
let people: string;

beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'adopt-watched-files-'));
    people = write('network/people.adopt', PEOPLE);
    cardiology = write('cardiology.adopt', plan('Cardiology'));
    nursing = write('wards/nursing.adopt', plan('Nursing', '../network/people.adopt'));
    server = await ServerProcess.start({
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'network' }],
        capabilities: {
            workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { publishDiagnostics: { versionSupport: true } }
        }
    });
    // The workspace's plans, read from disk and never opened, are checked with what they use.
    for (const uri of [cardiology, nursing]) {
        await server.diagnosticsAfter(uri, 0, list => lacks('unresolved-reference')(list) && lacks('use-not-found')(list));
    }
});

afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the workspace ranking', () => {
    test('lists the plans, not the shared file, each with the shared file it uses by the path its use writes', async () => {
        const ranking = workspaceRankingSchema.parse(await server.result('adopt/rankWorkspace', {}));
        expect(ranking.plans.map(plan => [plan.plan, plan.uri])).toEqual([['Cardiology', cardiology], ['Nursing', nursing]]);
        const shared = {
            name: 'NorthfieldPeople',
            title: 'People and channels of the Northfield network',
            members: [{ name: 'ana', title: 'Ana Ortiz' }, { name: 'ben', title: 'Ben Hale' }, { name: 'dee', title: 'Dee Park' }],
            channels: [{ name: 'youtube', title: 'YouTube channel' }],
            initiatives: [{ name: 'grandRounds', title: 'Weekly grand rounds' }]
        };
        expect(ranking.plans.map(plan => plan.used)).toEqual([[{ file: 'network/people.adopt', ...shared }], [{ file: '../network/people.adopt', ...shared }]]);
        const projects = await server.result<{ plans: Array<{ used: unknown[] }> }>('adopt/rankWorkspace', { diagnostics: false });
        expect(projects.plans.map(plan => plan.used.length)).toEqual([1, 1]);
    });
});

describe('shared files changed on disk', () => {
    test('a deleted shared file gives use-not-found in every plan that uses it; created again, it clears', async () => {
        let seen = server.published.length;
        unlinkSync(join(folder, 'network/people.adopt'));
        await server.filesChanged([{ uri: people, type: FILE_DELETED }]);
        for (const uri of [cardiology, nursing]) {
            const list = await server.diagnosticsAfter(uri, seen, has('use-not-found'));
            const notFound = list.find(d => d.code === 'use-not-found')!;
            expect(messageOf(notFound)).toContain('there is no such file');
            expect(notFound.range.start.line).toBe(0);
        }

        seen = server.published.length;
        write('network/people.adopt', PEOPLE);
        await server.filesChanged([{ uri: people, type: FILE_CREATED }]);
        for (const uri of [cardiology, nursing]) {
            const list = await server.diagnosticsAfter(uri, seen, lacks('use-not-found'));
            expect(codesOf(list)).not.toContain('unresolved-reference');
        }
    });

    test('a shared file changed on disk re-checks the plans: a member taken out is unresolved where it is named, put back it resolves', async () => {
        let seen = server.published.length;
        write('network/people.adopt', PEOPLE.replace(/ *member ana .*\n/, ''));
        await server.filesChanged([{ uri: people, type: FILE_CHANGED }]);
        for (const uri of [cardiology, nursing]) {
            const list = await server.diagnosticsAfter(uri, seen, unresolved('ana'));
            const reference = list.find(d => d.code === 'unresolved-reference')!;
            // On `ana` in `involves ana, zoe` (line 10 from 0).
            expect(reference.range.start.line).toBe(10);
        }

        seen = server.published.length;
        write('network/people.adopt', PEOPLE);
        await server.filesChanged([{ uri: people, type: FILE_CHANGED }]);
        for (const uri of [cardiology, nursing]) {
            await server.diagnosticsAfter(uri, seen, lacks('unresolved-reference'));
        }
    });

    test('a shared file renamed on disk: its plans lose it (use-not-found), a plan that follows the new path finds it', async () => {
        let seen = server.published.length;
        renameSync(join(folder, 'network/people.adopt'), join(folder, 'network/staff.adopt'));
        const staff = uriOf('network/staff.adopt');
        await server.filesChanged([{ uri: people, type: FILE_DELETED }, { uri: staff, type: FILE_CREATED }]);
        for (const uri of [cardiology, nursing]) await server.diagnosticsAfter(uri, seen, has('use-not-found'));

        seen = server.published.length;
        write('cardiology.adopt', plan('Cardiology', 'network/staff.adopt'));
        await server.filesChanged([{ uri: cardiology, type: FILE_CHANGED }]);
        const list = await server.diagnosticsAfter(cardiology, seen, lacks('use-not-found'));
        expect(codesOf(list)).not.toContain('unresolved-reference');

        // Back as it was, for the tests that follow.
        seen = server.published.length;
        renameSync(join(folder, 'network/staff.adopt'), join(folder, 'network/people.adopt'));
        write('cardiology.adopt', plan('Cardiology'));
        await server.filesChanged([{ uri: staff, type: FILE_DELETED }, { uri: people, type: FILE_CREATED }, { uri: cardiology, type: FILE_CHANGED }]);
        for (const uri of [cardiology, nursing]) await server.diagnosticsAfter(uri, seen, list => lacks('use-not-found')(list) && lacks('unresolved-reference')(list));
    });
});

describe('an edit to an open shared file', () => {
    test('re-checks every plan that uses it, the open one and the closed one, and again when the edit is undone', async () => {
        let seen = server.published.length;
        await server.open(nursing, plan('Nursing', '../network/people.adopt'), 1);
        await server.publicationAfter(nursing, seen, params => params.version === 1);
        await server.open(people, PEOPLE, 1);

        // Ana renamed in the shared file's editor (not saved): both plans name an `ana` no longer declared.
        seen = server.published.length;
        const line = PEOPLE.split('\n').findIndex(text => text.includes('member ana'));
        const column = PEOPLE.split('\n')[line].indexOf('ana');
        await server.change(people, 2, [{ range: { start: { line, character: column }, end: { line, character: column + 3 } }, text: 'anna' }]);
        const open = await server.publicationAfter(nursing, seen, params => unresolved('ana')(params.diagnostics));
        expect(open.version).toBe(1);
        const closed = await server.publicationAfter(cardiology, seen, params => unresolved('ana')(params.diagnostics));
        expect(closed.version).toBeUndefined();

        // Undone: both plans are clean of it again.
        seen = server.published.length;
        await server.change(people, 3, [{ range: { start: { line, character: column }, end: { line, character: column + 4 } }, text: 'ana' }]);
        for (const uri of [nursing, cardiology]) await server.diagnosticsAfter(uri, seen, lacks('unresolved-reference'));
    });

    test('a rule judged over both files follows the shared edit: the shared naysayer made willing clears what the plan lacked', async () => {
        // dee, the shared naysayer, hears no story of the plans' road shows: naysayer-unreached, on the plan's `use`.
        const naysayer = (list: Diagnostic[]) => list.some(d => d.code === 'naysayer-unreached' && messageOf(d).includes("'dee'"));
        const before = server.diagnostics.get(cardiology) ?? [];
        expect(naysayer(before), JSON.stringify(before)).toBe(true);
        const seen = server.published.length;
        const line = PEOPLE.split('\n').findIndex(text => text.includes('member dee'));
        const text = PEOPLE.split('\n')[line];
        const column = text.indexOf('naysayer');
        await server.change(people, 4, [{ range: { start: { line, character: column }, end: { line, character: column + 'naysayer'.length } }, text: 'early-adopter' }]);
        for (const uri of [nursing, cardiology]) await server.diagnosticsAfter(uri, seen, list => !naysayer(list));
    });

    test('closed without saving, the shared file is read from disk again: the plans see the saved text', async () => {
        // The edit above (dee made an early adopter) was never saved: on disk dee is still a naysayer.
        const naysayer = (list: Diagnostic[]) => list.some(d => d.code === 'naysayer-unreached' && messageOf(d).includes("'dee'"));
        const seen = server.published.length;
        await server.close(people);
        for (const uri of [nursing, cardiology]) await server.diagnosticsAfter(uri, seen, naysayer);
    });

    test('deleted on disk while open, then closed: the plans get use-not-found; created again, it clears', async () => {
        await server.open(people, PEOPLE, 1);
        let seen = server.published.length;
        unlinkSync(join(folder, 'network/people.adopt'));
        await server.filesChanged([{ uri: people, type: FILE_DELETED }]);
        await server.close(people);
        for (const uri of [nursing, cardiology]) await server.diagnosticsAfter(uri, seen, has('use-not-found'));

        seen = server.published.length;
        write('network/people.adopt', PEOPLE);
        await server.filesChanged([{ uri: people, type: FILE_CREATED }]);
        for (const uri of [nursing, cardiology]) await server.diagnosticsAfter(uri, seen, lacks('use-not-found'));
    });
});
