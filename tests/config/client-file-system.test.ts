/**
 * The file system of the browser build's language server: every read is a request to the client
 * (src/language/workspace/client-file-system.ts). Here the client is a stand-in that answers the
 * `adopt/fs/` requests from a file system in memory, with the error names VS Code's file system
 * gives (`FileNotFound`, `FileIsADirectory`), as the extension does with `vscode.workspace.fs`,
 * and answers `adopt/fs/findFiles` as `vscode.workspace.findFiles` does. What a plan gets, and
 * which plans make the workspace, must not depend on the file system they are read through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import type { AdoptFile } from '../../src/language/generated/ast.js';
import { MAX_PLAN_BYTES } from '../../src/language/parser/plan-limits.js';
import { ClientFileSystemProvider, type FileRequester } from '../../src/language/workspace/client-file-system.js';
import {
    DIRECTORY_READ_REQUEST, FILE_READ_REQUEST, FILE_STAT_REQUEST, FIND_FILES_REQUEST, bytesToBase64, directoryEntriesSchema, fileContentSchema, fileRequestSchema,
    fileStatSchema, findFilesRequestSchema, foundFilesSchema
} from '../../src/protocol/file-system-protocol.js';
import { example, workspaceParser } from '../support/helpers.js';
import { HEALTHY_PLAN } from '../support/plan-fixtures.js';
import { MemoryFileSystem } from './memory-file-system.js';

/** Why a read failed, in VS Code's words, from the memory file system's error. */
function errorName(error: unknown): string {
    return (error as { code?: unknown }).code === 'ENOENT' ? 'FileNotFound' : 'Unknown';
}

/**
 * How the stand-in answers `adopt/fs/findFiles`: with the files found, as an extension that does
 * not know the request (an error `MethodNotFound`), with no files (as VS Code does for a file
 * system without a search provider), or with an error.
 */
type FindFilesAnswer = 'found' | 'method-not-found' | 'none' | 'error';

/** The client's side: answers each request from `disk`, and counts them. Every answer is checked against its schema. */
class StandInClient implements FileRequester {
    readonly asked: string[] = [];
    /** Called with each request as it arrives, before it is answered. */
    onAsk: (request: string) => void = () => undefined;

    constructor(private readonly disk: MemoryFileSystem, private readonly findFiles: FindFilesAnswer = 'found') {}

    sendRequest = (async (method: string, params: unknown): Promise<unknown> => {
        if (method === FIND_FILES_REQUEST) return this.find(params);
        const uri = URI.parse(fileRequestSchema.parse(params).uri);
        this.asked.push(`${method} ${uri.path}`);
        this.onAsk(`${method} ${uri.path}`);
        try {
            if (method === FILE_STAT_REQUEST) {
                const node = this.disk.statSync(uri);
                return fileStatSchema.parse({ isFile: node.isFile, isDirectory: node.isDirectory, size: node.isFile ? this.disk.readBinarySync(uri).length : 0 });
            }
            if (method === FILE_READ_REQUEST) {
                if (this.disk.statSync(uri).isDirectory) return { error: 'FileIsADirectory' };
                return fileContentSchema.parse({ base64: bytesToBase64(this.disk.readBinarySync(uri)) });
            }
            if (method === DIRECTORY_READ_REQUEST) {
                return directoryEntriesSchema.parse({ entries: this.disk.readDirectorySync(uri).map(node => ({ uri: node.uri.toString(), isFile: node.isFile, isDirectory: node.isDirectory })) });
            }
        } catch (error) {
            return { error: errorName(error) };
        }
        throw new Error(`unexpected request ${method}`);
    }) as FileRequester['sendRequest'];

    /** Every file at any depth below the folder whose name ends in `.adopt`: the server asks for nothing else. */
    private find(params: unknown): unknown {
        const { uri, pattern } = findFilesRequestSchema.parse(params);
        const folder = URI.parse(uri).path;
        this.asked.push(`${FIND_FILES_REQUEST} ${folder} ${pattern}`);
        if (this.findFiles === 'method-not-found') throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${FIND_FILES_REQUEST}`);
        if (this.findFiles === 'error') return foundFilesSchema.parse({ error: 'Unavailable' });
        expect(pattern).toBe('**/*.adopt');
        const found = this.findFiles === 'none' ? [] : this.disk.paths().filter(path => path.startsWith(`${folder}/`) && path.endsWith('.adopt'));
        return foundFilesSchema.parse({ uris: found.map(path => URI.file(path).toString()) });
    }
}

/** Services on the disk as it is, and services that read the same disk through the client. */
function bothWays(disk: MemoryFileSystem) {
    const client = new StandInClient(disk);
    const throughClient = new ClientFileSystemProvider(client);
    return {
        client,
        direct: createAdoptServices({ fileSystemProvider: () => disk }).Adopt,
        browser: createAdoptServices({ fileSystemProvider: () => throughClient }).Adopt
    };
}

/** `code message` of each diagnostic, in order. */
function described(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => `${d.code} ${d.message}`);
}

const PEOPLE = `shared People "The network's people" {
  coalition { member zed "Zed" role executive trained }
}
`;
const encoder = new TextEncoder();

describe('a used file read through the client', () => {
    test.each([
        ['a readable shared file', {}, 'network/people.adopt', /^$/],
        ['no such file', {}, 'network/nobody.adopt', /there is no such file/],
        ['a folder', { '/w/network/old.adopt/inside.adopt': '' }, 'network/old.adopt', /it is a folder, not a file/],
        ['a binary file', { '/w/network/logo.adopt': new Uint8Array([0x73, 0x00, 0x01]) }, 'network/logo.adopt', /NUL byte/],
        ['a file that is not UTF-8', { '/w/network/latin1.adopt': new Uint8Array([0x73, 0xe9, 0x20]) }, 'network/latin1.adopt', /not valid UTF-8/],
        ['a file over the size limit', { '/w/network/huge.adopt': encoder.encode(`// ${'x'.repeat(MAX_PLAN_BYTES)}`) }, 'network/huge.adopt', /too large/]
    ])('%s: the same diagnostics as from the disk', async (_name, files: Record<string, string | Uint8Array>, path, message) => {
        const disk = new MemoryFileSystem();
        disk.write('/w/network/people.adopt', PEOPLE);
        for (const [file, content] of Object.entries(files)) disk.write(file, content);
        const text = `use "${path}"\n${HEALTHY_PLAN}`;
        const { client, direct, browser } = bothWays(disk);
        const { 'plan.adopt': fromDisk } = await workspaceParser(direct)({ 'plan.adopt': text }, 'file:///w/');
        const { 'plan.adopt': fromClient } = await workspaceParser(browser)({ 'plan.adopt': text }, 'file:///w/');
        expect(described(fromClient)).toEqual(described(fromDisk));
        expect(described(fromClient).filter(line => line.startsWith('use-not-found')).join('\n')).toMatch(message);
        // The used file was asked for, through the client.
        expect(client.asked.some(line => line.endsWith(`/w/${path}`))).toBe(true);
    });
});

describe('adopt.config.json read through the client, whose file system has no synchronous reads', () => {
    const RIVERSIDE = example('riverside-health.adopt');

    async function riversideAt(disk: MemoryFileSystem, folder: string) {
        const { client, direct, browser } = bothWays(disk);
        const { 'plan.adopt': fromDisk } = await workspaceParser(direct)({ 'plan.adopt': RIVERSIDE }, `file://${folder}/`);
        const { 'plan.adopt': fromClient } = await workspaceParser(browser)({ 'plan.adopt': RIVERSIDE }, `file://${folder}/`);
        return { client, browser, fromDisk, fromClient };
    }

    test('the nearest config file above the plan sets its severities', async () => {
        const disk = new MemoryFileSystem();
        disk.write('/work/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off', 'untapped-opportunity': 'error' } }));
        const { client, fromDisk, fromClient } = await riversideAt(disk, '/work/plans/team');
        const codes = (fromClient.diagnostics ?? []).map(d => `${d.code} ${d.severity}`);
        expect(codes).not.toContain('low-reach 3');
        expect(codes).toContain('untapped-opportunity 1');
        expect(described(fromClient)).toEqual(described(fromDisk));
        // The client was asked about the folders up from the plan, and read the config file found.
        expect(client.asked).toEqual(expect.arrayContaining([`${FILE_STAT_REQUEST} /work/plans/team/adopt.config.json`, `${FILE_READ_REQUEST} /work/adopt.config.json`]));
    });

    test('a config file with a problem: announced with its place, and the plan gets the defaults', async () => {
        const disk = new MemoryFileSystem();
        disk.write('/work/adopt.config.json', '{ "severity": { "low-reach": "loud" } }');
        const { browser, fromClient } = await riversideAt(disk, '/work/plans');
        const { fromClient: withoutConfig } = await riversideAt(new MemoryFileSystem(), '/work/plans');
        expect(described(fromClient)).toEqual(described(withoutConfig));
        const found = browser.config.Files.lookup(URI.file('/work/plans/plan.adopt'));
        expect(found?.problem?.message).toMatch(/severity\.low-reach/);
        // On the value "loud", the 30th character.
        expect(found?.problem?.range.start).toEqual({ line: 0, character: 29 });
    });

    test('every folder up from the plan is asked about at once, not each after the answer about the one below', async () => {
        const { client, browser } = bothWays(new MemoryFileSystem());
        // Each answer comes a turn after its question; meanwhile the client counts the questions waiting for theirs.
        const answer = client.sendRequest;
        let waiting = 0;
        let most = 0;
        client.sendRequest = (async (method: string, params: unknown) => {
            most = Math.max(most, ++waiting);
            await Promise.resolve();
            waiting--;
            return answer(method, params);
        }) as FileRequester['sendRequest'];
        const plan = URI.file('/work/plans/team/plan.adopt');
        await browser.config.Files.load([plan]);
        const folders = ['/work/plans/team', '/work/plans', '/work', ''];
        expect(client.asked).toEqual(folders.map(folder => `${FILE_STAT_REQUEST} ${folder}/adopt.config.json`));
        expect(most).toBe(folders.length);
        expect(browser.config.Files.lookup(plan)).toBeUndefined();
    });

    test("a plan's config files are asked about before the plan is read and parsed, so that the answers come meanwhile", async () => {
        const disk = new MemoryFileSystem();
        disk.write('/work/plans/plan.adopt', RIVERSIDE);
        const { client, browser } = bothWays(disk);
        // As the language server builds a plan just opened: Langium's builder makes it, unparsed, and builds it.
        await browser.shared.workspace.DocumentBuilder.update([URI.file('/work/plans/plan.adopt')], []);
        const read = client.asked.indexOf(`${FILE_READ_REQUEST} /work/plans/plan.adopt`);
        const configs = ['/work/plans', '/work', ''].map(folder => client.asked.indexOf(`${FILE_STAT_REQUEST} ${folder}/adopt.config.json`));
        expect(configs.every(index => index >= 0 && index < read)).toBe(true);
        expect(browser.shared.workspace.LangiumDocuments.getDocument(URI.file('/work/plans/plan.adopt'))?.diagnostics?.length).toBeGreaterThan(0);
    });

    test('a synchronous read is refused (Unavailable), never answered from nothing', () => {
        const provider = new ClientFileSystemProvider(new StandInClient(new MemoryFileSystem()));
        expect(() => provider.readFileSync(URI.file('/work/adopt.config.json'))).toThrow(expect.objectContaining({ code: 'Unavailable' }));
        expect(() => provider.statSync(URI.file('/work'))).toThrow(expect.objectContaining({ code: 'Unavailable' }));
    });

    test('a config file deleted while a load reads it is not kept', async () => {
        const disk = new MemoryFileSystem();
        disk.write('/work/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        const { client, browser } = bothWays(disk);
        const files = browser.config.Files;
        const plan = URI.file('/work/plans/plan.adopt');
        // The watcher's event (the file deleted) makes what was read stale while the file's text is on its way.
        client.onAsk = request => {
            if (request === `${FILE_READ_REQUEST} /work/adopt.config.json`) files.invalidate();
        };
        await files.load([plan]);
        client.onAsk = () => undefined;
        disk.remove('/work/adopt.config.json');
        await files.load([plan]);
        expect(files.lookup(plan)).toBeUndefined();
    });
});

/** The plans of examples/northfield-network/ (a shared file, `use` lines, subfolders) and riverside-health.adopt, below `/ws`. */
function exampleWorkspace(): MemoryFileSystem {
    const disk = new MemoryFileSystem();
    const network = resolve(__dirname, '../../examples/northfield-network');
    for (const entry of readdirSync(network, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) disk.write(`/ws/network/${relative(network, join(entry.parentPath, entry.name))}`, readFileSync(join(entry.parentPath, entry.name)));
    }
    disk.write('/ws/riverside/riverside-health.adopt', example('riverside-health.adopt'));
    disk.write('/ws/notes.txt', 'not a plan');
    return disk;
}

/** The workspace `/ws` loaded as the server loads it at start-up; each document's path, diagnostics and, for a plan, its rank. */
async function loadWorkspace(services: ReturnType<typeof bothWays>['direct']) {
    const shared = services.shared;
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
    return shared.workspace.LangiumDocuments.all.toArray()
        .map(document => ({
            path: document.uri.path,
            diagnostics: described(document),
            rank: (document as LangiumDocument<AdoptFile>).parseResult.value.plan ? services.score.RankResults.of(document as LangiumDocument<AdoptFile>) : undefined
        }))
        .sort((a, b) => a.path.localeCompare(b.path));
}

describe('the workspace read through the client', () => {
    test("the workspace's plans and shared files, in subfolders too, are found with one findFiles request, without reading a folder", async () => {
        const disk = new MemoryFileSystem();
        disk.write('/ws/network/people.adopt', PEOPLE);
        disk.write('/ws/campus/north/plan.adopt', `use "../../network/people.adopt"\n${HEALTHY_PLAN.replace('involves ana, ben', 'involves ana, ben, zed')}`);
        disk.write('/ws/notes.txt', 'not a plan');
        const { browser, client } = bothWays(disk);
        const shared = browser.shared;
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
        const paths = shared.workspace.LangiumDocuments.all.map(document => document.uri.path).toArray().sort();
        expect(paths).toEqual(['/ws/campus/north/plan.adopt', '/ws/network/people.adopt']);
        expect(client.asked.filter(line => line.startsWith(FIND_FILES_REQUEST) || line.startsWith(DIRECTORY_READ_REQUEST))).toEqual([`${FIND_FILES_REQUEST} /ws **/*.adopt`]);
        const plan = shared.workspace.LangiumDocuments.getDocument(URI.file('/ws/campus/north/plan.adopt')) as LangiumDocument<AdoptFile>;
        await shared.workspace.DocumentBuilder.build([plan], { validation: true });
        expect(described(plan)).toEqual([]);
    });

    test('the plans, their diagnostics and their ranks are those the server finds on the disk', async () => {
        const disk = exampleWorkspace();
        const { browser, client, direct } = bothWays(disk);
        const fromClient = await loadWorkspace(browser);
        const fromDisk = await loadWorkspace(direct);
        expect(fromClient).toEqual(fromDisk);
        expect(fromClient.map(document => document.path)).toEqual(disk.paths().filter(path => path.endsWith('.adopt')).sort((a, b) => a.localeCompare(b)));
        expect(fromClient.filter(document => document.rank).length).toBeGreaterThanOrEqual(3);
        expect(fromClient.some(document => document.diagnostics.length > 0)).toBe(true);
        expect(client.asked.filter(line => line.startsWith(DIRECTORY_READ_REQUEST))).toEqual([]);
    });

    test('what reading the folders would pass over is left out of what the search finds: hidden names, node_modules and out folders', async () => {
        const disk = new MemoryFileSystem();
        disk.write('/ws/plans/people.adopt', PEOPLE);
        for (const path of ['/ws/.git/people.adopt', '/ws/plans/.draft.adopt', '/ws/node_modules/pkg/people.adopt', '/ws/plans/out/people.adopt', '/ws/a/b/.c/people.adopt']) disk.write(path, PEOPLE);
        const { browser, direct } = bothWays(disk);
        const fromClient = await loadWorkspace(browser);
        expect(fromClient.map(document => document.path)).toEqual(['/ws/plans/people.adopt']);
        expect(fromClient).toEqual(await loadWorkspace(direct));
    });

    test.each([
        ['a client that does not know findFiles (MethodNotFound)', 'method-not-found', 1],
        ['a search that finds nothing (a file system without a search provider)', 'none', 2],
        ['a search that fails', 'error', 2]
    ] as const)('%s: the folders are read one by one, with the same plans', async (_name, answer, searches) => {
        const disk = exampleWorkspace();
        const client = new StandInClient(disk, answer);
        const browser = createAdoptServices({ fileSystemProvider: () => new ClientFileSystemProvider(client) }).Adopt;
        const { direct } = bothWays(disk);
        expect(await loadWorkspace(browser)).toEqual(await loadWorkspace(direct));
        expect(client.asked).toEqual(expect.arrayContaining([`${DIRECTORY_READ_REQUEST} /ws`, `${DIRECTORY_READ_REQUEST} /ws/network/campuses`]));
        // A folder found later is searched again, but for a client that said it cannot search.
        await browser.shared.workspace.WorkspaceManager.searchFolder(URI.file('/ws/riverside'));
        expect(client.asked.filter(line => line.startsWith(FIND_FILES_REQUEST))).toHaveLength(searches);
    });
});
