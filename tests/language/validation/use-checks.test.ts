/**
 * The `use` lines of a file and the names it sees through them (docs/language.md#plans-in-many-
 * files): use-not-found for every reason a path names no readable file, use-not-shared,
 * use-cycle of any length, unused-use, duplicate-name across files, and the diagnostics of a
 * used declaration placed on the `use` that brings it in. Files not given to the workspace are
 * read from a file system in memory (tests/config/memory-file-system.ts: a folder, a binary file,
 * a file over the size limit).
 */
import { describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { MAX_PLAN_BYTES } from '../../../src/language/parser/plan-limits.js';
import { codesOf, withCode, workspaceParser } from '../../support/helpers.js';
import { HEALTHY_PLAN, textAt } from '../../support/plan-fixtures.js';
import { MemoryFileSystem } from '../../config/memory-file-system.js';

const encoder = new TextEncoder();

/** A shared file: a member, a channel and an initiative. */
const PEOPLE = `shared People "The network's people" {
  coalition { member zed "Zed" role executive trained }
  channel intranet "Intranet" on intranet
  initiative rounds2 "Rounds on the intranet"
}
`;

let disks = 0;

/** Files built together as a workspace, with `disk` beside them: files not in the workspace, read when used (a folder is a file inside it). */
async function build(files: Record<string, string>, disk: Record<string, Uint8Array | 'folder'> = {}) {
    const folder = `/use-checks-${++disks}/`;
    const fileSystem = new MemoryFileSystem();
    for (const [path, content] of Object.entries(disk)) fileSystem.write(folder + (content === 'folder' ? `${path}/inside.adopt` : path), content === 'folder' ? '' : content);
    const { Adopt } = createAdoptServices({ fileSystemProvider: () => fileSystem });
    return workspaceParser(Adopt)(files, `file://${folder}`);
}

function only(document: LangiumDocument<AdoptFile>, code: string): Diagnostic {
    const found = withCode(document, code);
    expect(found, codesOf(document).join(', ')).toHaveLength(1);
    return found[0];
}

/** The healthy plan with a `use` line of each path. */
const plan = (...paths: string[]) => `${paths.map(path => `use "${path}"\n`).join('')}${HEALTHY_PLAN}`;

describe('use-not-found: a path that names no readable .adopt file, and why', () => {
    test.each([
        ['no such file', 'network/peple.adopt', {}, /names no readable \.adopt file: there is no such file\./],
        ['a folder', 'network/old.adopt', { 'network/old.adopt': 'folder' as const }, /names no readable \.adopt file: it is a folder, not a file\./],
        ['a binary file', 'network/logo.adopt', { 'network/logo.adopt': new Uint8Array([0x73, 0x68, 0x00, 0x01]) }, /names no readable \.adopt file: the file is .*NUL/],
        ['a file that is not UTF-8', 'network/latin1.adopt', { 'network/latin1.adopt': new Uint8Array([0x73, 0x68, 0xe9, 0x20]) }, /names no readable \.adopt file: the file is .*UTF-8/],
        ['a file over the size limit', 'network/huge.adopt', { 'network/huge.adopt': encoder.encode(`// ${'x'.repeat(MAX_PLAN_BYTES)}`) }, /names no readable \.adopt file: the file is .*(large|limit)/],
        ['an empty path', '', {}, /names no shared file: the path is empty\./],
        ['a drive or URL', 'c:/network/people.adopt', {}, /names no shared file: it is a URL or a drive, not a path relative to this file\./],
        ['an absolute path', '/network/people.adopt', {}, /names no shared file: it is an absolute path, not a path relative to this file\./],
        ['backslashes', 'network\\\\people.adopt', {}, /names no shared file: folders are separated by '\/', not '\\'\./],
        ['another kind of file', 'network/people.txt', {}, /names no shared file: it does not name a \.adopt file\./]
    ])('%s: an error on the path, saying so', async (_name, path, disk, message) => {
        const { 'plan.adopt': document } = await build({ 'plan.adopt': plan(path), 'network/people.adopt': PEOPLE }, disk);
        const diagnostic = only(document, 'use-not-found');
        expect(diagnostic.severity).toBe(1);
        expect(textAt(document, diagnostic)).toBe(`"${path}"`);
        expect(diagnostic.message).toMatch(message);
        // The rest of the plan is checked as without the line.
        expect(codesOf(document).filter(code => code !== 'use-not-found')).toEqual([]);
    });

    test('a file read from the disk is used like one in the workspace', async () => {
        const { 'plan.adopt': document } = await build(
            { 'plan.adopt': plan('network/disk.adopt').replace('involves ana, ben', 'involves ana, ben, zed') },
            { 'network/disk.adopt': encoder.encode(PEOPLE) });
        expect(codesOf(document)).toEqual([]);
    });
});

describe('use-not-shared: a path to a file that holds no shared block', () => {
    test.each([
        ['a plan', { 'cardiology.adopt': 'plan Cardiology "Cardiology" { }\n' }, 'cardiology.adopt', /"cardiology\.adopt" holds a plan \('Cardiology'\), not a shared block\./],
        ['the file itself', {}, 'plan.adopt', /"plan\.adopt" holds a plan \('Healthy'\), not a shared block/],
        ['an empty file', { 'empty.adopt': '' }, 'empty.adopt', /"empty\.adopt" holds no shared block, not a shared block/]
    ])('%s', async (_name, files, path, message) => {
        const { 'plan.adopt': document } = await build({ 'plan.adopt': plan(path), ...files });
        const diagnostic = only(document, 'use-not-shared');
        expect(textAt(document, diagnostic)).toBe(`"${path}"`);
        expect(diagnostic.message).toMatch(message);
        expect(diagnostic.message).toMatch(/shared NAME "Title" \{ \}/);
    });
});

describe('use-cycle: shared files that lead back to themselves', () => {
    test('a shared file that uses itself', async () => {
        const { 'a.adopt': a } = await build({ 'a.adopt': 'use "a.adopt"\nshared A "A" { }\n' });
        const diagnostic = only(a, 'use-cycle');
        expect(textAt(a, diagnostic)).toBe('"a.adopt"');
        expect(diagnostic.message).toMatch(/closes a cycle of shared files: this file uses itself\./);
    });

    test('three files in a ring: each use of the ring, its message following the ring from there; a plan using one of them is not in it', async () => {
        const files = await build({
            'a.adopt': 'use "b.adopt"\nshared A "A" { }\n',
            'b.adopt': 'use "sub/c.adopt"\nshared B "B" { }\n',
            'sub/c.adopt': 'use "../a.adopt"\nshared C "C" { }\n',
            'plan.adopt': plan('a.adopt')
        });
        for (const [path, written] of [['a.adopt', '"b.adopt"'], ['b.adopt', '"sub/c.adopt"'], ['sub/c.adopt', '"../a.adopt"']]) {
            const diagnostic = only(files[path], 'use-cycle');
            expect(textAt(files[path], diagnostic)).toBe(written);
            expect(diagnostic.message).toMatch(/closes a cycle of shared files/);
        }
        expect(only(files['a.adopt'], 'use-cycle').message).toMatch(/this file uses "b\.adopt", which uses "sub\/c\.adopt", which uses this file\./);
        expect(only(files['sub/c.adopt'], 'use-cycle').message).toMatch(/this file uses "\.\.\/a\.adopt", which uses "b\.adopt", which uses this file\./);
        expect(codesOf(files['plan.adopt'])).not.toContain('use-cycle');
    });

    test('a chain that does not close is no cycle', async () => {
        const files = await build({
            'a.adopt': 'use "b.adopt"\nshared A "A" { }\n',
            'b.adopt': 'use "c.adopt"\nshared B "B" { }\n',
            'c.adopt': 'shared C "C" { }\n'
        });
        for (const document of Object.values(files)) expect(codesOf(document)).not.toContain('use-cycle');
    });
});

describe('unused-use: a used file this file refers to nothing of', () => {
    test('a plan that refers to nothing the file declares: a hint on the path; one name referred to is enough', async () => {
        const unused = await build({ 'plan.adopt': plan('people.adopt'), 'people.adopt': PEOPLE });
        const diagnostic = only(unused['plan.adopt'], 'unused-use');
        expect(diagnostic.severity).toBe(4);
        expect(textAt(unused['plan.adopt'], diagnostic)).toBe('"people.adopt"');
        const used = await build({ 'plan.adopt': plan('people.adopt').replace('uses yt', 'uses yt, intranet'), 'people.adopt': PEOPLE });
        expect(codesOf(used['plan.adopt'])).not.toContain('unused-use');
    });

    test('the second use of one file is unused, whatever the first is', async () => {
        const { 'plan.adopt': document } = await build({
            'plan.adopt': plan('people.adopt', './people.adopt').replace('uses yt', 'uses yt, intranet'), 'people.adopt': PEOPLE
        });
        const diagnostic = only(document, 'unused-use');
        expect(textAt(document, diagnostic)).toBe('"./people.adopt"');
        expect(diagnostic.message).toMatch(/is already used above/);
    });

    test('in a shared file, every use of a shared file', async () => {
        const { 'net.adopt': document } = await build({ 'net.adopt': 'use "people.adopt"\nshared Net "Net" { }\n', 'people.adopt': PEOPLE });
        expect(textAt(document, only(document, 'unused-use'))).toBe('"people.adopt"');
    });

    test('not while a syntax error may hide a reference (tokens left out)', async () => {
        const { 'plan.adopt': document } = await build({ 'plan.adopt': plan('people.adopt').replace('uses yt', 'uses yt "a" "b" "c"'), 'people.adopt': PEOPLE });
        expect(codesOf(document)).toContain('syntax-error');
        expect(codesOf(document)).not.toContain('unused-use');
    });
});

describe('duplicate-name across files', () => {
    test("a plan's own declaration with the name of a used one: on the plan's name", async () => {
        const { 'plan.adopt': document } = await build({
            'plan.adopt': plan('people.adopt').replace('member dee "Dee" role naysayer', 'member dee "Dee" role naysayer\n    member zed "Zed too" role staff'),
            'people.adopt': PEOPLE
        });
        const diagnostic = only(document, 'duplicate-name');
        expect(textAt(document, diagnostic)).toBe('zed');
        expect(diagnostic.message).toBe("There is already a member named 'zed' in \"people.adopt\", which this file uses. Give this one another name, or remove it and use the shared one.");
    });

    test('two used files that declare one name: on the second use, naming both; references go to the first', async () => {
        const { 'plan.adopt': document } = await build({
            'plan.adopt': plan('people.adopt', 'tools.adopt').replace('uses yt', 'uses yt, intranet'),
            'people.adopt': PEOPLE,
            'tools.adopt': 'shared Tools "Tools" { channel intranet "The other intranet" on intranet }\n'
        });
        const diagnostic = only(document, 'duplicate-name');
        expect(textAt(document, diagnostic)).toBe('"tools.adopt"');
        expect(diagnostic.message).toMatch(/"tools\.adopt" and "people\.adopt" both declare a channel named 'intranet'.*references here go to the one of "people\.adopt"/);
    });

    test('one used file that declares a name twice: its own duplicate-name, nothing in the plan', async () => {
        const files = await build({
            'plan.adopt': plan('tools.adopt').replace('uses yt', 'uses yt, blog'),
            'tools.adopt': 'shared Tools "Tools" {\n  channel blog "Blog" on blog\n  channel blog "Blog again" on blog\n}\n'
        });
        expect(codesOf(files['plan.adopt'])).not.toContain('duplicate-name');
        expect(withCode(files['tools.adopt'], 'duplicate-name')).toHaveLength(1);
    });
});

describe("a plan judged with what it uses", () => {
    /** The healthy plan with its coalition and channel moved into a shared file. */
    const network = `shared Network "Network" {
  coalition {
    member ana "Ana" role middle-manager unit "Cardiology" trained
    member ben "Ben" role operational-manager trained
    member dee "Dee" role naysayer
  }
  channel yt "YouTube channel" on youtube
}
`;
    const lean = HEALTHY_PLAN
        .replace(/ {2}coalition \{[^}]*\}\n/, '')
        .replace('  channel yt "YouTube channel" on youtube\n', '');

    test('the shared coalition and channel count as the plan\'s own: the healthy plan stays healthy', async () => {
        expect(lean).not.toContain('coalition');
        const { 'dept/plan.adopt': document } = await build({ 'dept/plan.adopt': `use "../network.adopt"\n${lean}`, 'network.adopt': network });
        expect(codesOf(document)).toEqual([]);
    });

    test("a diagnostic of a used declaration sits on the use, naming the declaration and its file", async () => {
        const { 'dept/plan.adopt': document } = await build({
            'dept/plan.adopt': `use "../network.adopt"\n${lean.replace('    audience dee\n', '')}`, 'network.adopt': network
        });
        const diagnostic = only(document, 'naysayer-unreached');
        expect(textAt(document, diagnostic)).toBe('"../network.adopt"');
        expect(diagnostic.message).toMatch(/ The member 'dee' is declared in "\.\.\/network\.adopt"\.$/);
    });
});

describe('a graph of 1,000 shared files', () => {
    test('a ring of 1,000: every use closes the cycle; a chain of 1,000: none, and a plan at its head sees only the first', async () => {
        const ring: Record<string, string> = {};
        const chain: Record<string, string> = {};
        for (let i = 0; i < 1000; i++) {
            ring[`s${i}.adopt`] = `use "s${(i + 1) % 1000}.adopt"\nshared S${i} "S${i}" { channel c${i} "C" on blog }\n`;
            chain[`s${i}.adopt`] = `${i < 999 ? `use "s${i + 1}.adopt"\n` : ''}shared S${i} "S${i}" { channel c${i} "C" on blog }\n`;
        }
        const rung = await build(ring);
        expect(Object.values(rung).filter(document => withCode(document, 'use-cycle').length === 1)).toHaveLength(1000);
        const chained = await build({ ...chain, 'plan.adopt': plan('s0.adopt').replace('uses yt', 'uses yt, c0, c1') });
        expect(Object.values(chained).flatMap(document => withCode(document, 'use-cycle'))).toEqual([]);
        // `use` is not transitive: c1 is declared in a file that s0.adopt uses, not in s0.adopt.
        const unresolved = withCode(chained['plan.adopt'], 'unresolved-reference');
        expect(unresolved.map(diagnostic => textAt(chained['plan.adopt'], diagnostic))).toEqual(['c1']);
    });
});

describe('a shared file on its own', () => {
    test('gets none of the rules about plans (a naysayer nobody reaches, no manager, a channel never launched), only its own names', async () => {
        const { 'people.adopt': document } = await build({
            'people.adopt': 'shared S "S" {\n  coalition { member nay "N" role naysayer }\n  channel c "C" on blog\n  channel c "C again" on blog\n  initiative i "I"\n}\n'
        });
        expect(codesOf(document)).toEqual(['duplicate-name']);
    });
});
