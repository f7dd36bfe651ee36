/**
 * The editor across the files of a workspace (docs/editor.md), over the wire: definition and
 * references between plans and the shared files they use, rename across files (edits in every
 * file that refers to the name, open or not; refused when the new name clashes in any of them),
 * hover naming the file that declares a used name, `use` paths as links that complete the
 * workspace's shared files, and the quick fixes of the `use` codes and of `unresolved-reference`,
 * each leaving a file that parses. Driven by the suites' LSP client (tests/support/lsp-server.ts)
 * on a workspace folder written for the suite.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, DocumentLink, Diagnostic, Hover, Location, LocationLink, MarkupContent, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parser } from '../support/helpers.js';
import { SERVER_BUNDLE, ServerProcess } from '../support/lsp-server.js';

const FOLDER = mkdtempSync(join(tmpdir(), 'adopt-workspace-editor-'));
const uriOf = (path: string) => pathToFileURL(join(FOLDER, path)).toString();

/** The workspace: two shared files, three plans (one in a subfolder), one plan that uses nothing. */
const FILES: Record<string, string> = {
    'network/people.adopt': `shared NorthfieldPeople "People of the network" {
  coalition {
    member ana "Ana Ortiz" role middle-manager unit "Cardiology" trained
    member ben "Ben Hale" role operational-manager unit "Nursing" trained
  }
  initiative grandRounds "Weekly grand rounds"
}
`,
    'network/channels.adopt': `shared NorthfieldChannels "Channels of the network" {
  channel youtube "YouTube channel" on youtube
  initiative journalClub "Journal club"
}
`,
    'cardiology.adopt': `use "network/people.adopt"
use "network/channels.adopt"

plan Cardiology "Social media in cardiology" {
  coalition {
    member zoe "Zoe Lin" role early-adopter trained
  }
  stage rollout "Roll-out" {
    launch youtube
    project streamRounds "Stream grand rounds" {
      supports grandRounds
      involves ana, zoe
      asynchrony high
      uses youtube
    }
  }
}
`,
    'campus/oncology.adopt': `use "../network/people.adopt"

plan Oncology "Oncology" {
  stage rollout "Roll-out" {
    project tumourBoard "Tumour board online" {
      supports grandRounds
      involves ana, ben
      geography high
    }
  }
}
`,
    'alone.adopt': `plan Alone "A plan of its own" {
  coalition {
    member ana "Another Ana" role staff trained
    member cy "Cy" role staff
  }
  stage s "S" {
    project p "P" {
      involves ana
    }
  }
}
`
};

let server: ServerProcess;

beforeAll(async () => {
    expect(existsSync(SERVER_BUNDLE), 'build the server first: node scripts/build.mjs').toBe(true);
    for (const [path, text] of Object.entries(FILES)) {
        mkdirSync(dirname(join(FOLDER, path)), { recursive: true });
        writeFileSync(join(FOLDER, path), text);
    }
    server = await ServerProcess.start({
        settings: () => ({}),
        workspaceFolders: [{ uri: pathToFileURL(FOLDER).toString(), name: 'network' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: false } },
            textDocument: {
                publishDiagnostics: { versionSupport: true },
                completion: { completionItem: { snippetSupport: true } },
                rename: { prepareSupport: true }
            }
        }
    });
    // The build of the workspace publishes every file once.
    for (const path of Object.keys(FILES)) await server.publicationAfter(uriOf(path), 0);
});

afterAll(async () => {
    await server?.stop();
    rmSync(FOLDER, { recursive: true, force: true });
});

/** The position of the `nth` occurrence (0-based) of `text` in a file, `offset` characters in. */
function at(path: string, text: string, nth = 0, offset = 1): Position {
    const document = TextDocument.create(uriOf(path), 'adopt', 1, FILES[path]);
    let index = -1;
    for (let i = 0; i <= nth; i++) {
        index = FILES[path].indexOf(text, index + 1);
        if (index < 0) throw new Error(`no ${nth + 1}. '${text}' in ${path}`);
    }
    return document.positionAt(index + offset);
}

/** Where a location (or a link's target) points: `path:line:column text`, lines and columns from 1. */
function place(location: Location | LocationLink): string {
    const uri = 'uri' in location ? location.uri : location.targetUri;
    const range = 'range' in location ? location.range : location.targetSelectionRange;
    const path = Object.keys(FILES).find(p => uriOf(p) === uri) ?? uri;
    const document = TextDocument.create(uri, 'adopt', 1, FILES[path] ?? '');
    return `${path}:${range.start.line + 1}:${range.start.character + 1} ${document.getText(range)}`;
}


const parse = parser();

/** The text a file has after the edits of a workspace edit for it. */
function edited(path: string, edit: WorkspaceEdit, text = FILES[path]): string {
    return TextDocument.applyEdits(TextDocument.create(uriOf(path), 'adopt', 1, text), edit.changes?.[uriOf(path)] ?? []);
}

/** Whether a text parses: no lexer and no parser errors. */
async function parses(text: string): Promise<boolean> {
    const document = await parse(text);
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}

describe('go to definition from a plan into the shared files it uses', () => {
    test.each([
        ['cardiology.adopt', 'ana, zoe', 0, 'network/people.adopt:3:12 ana'],
        ['cardiology.adopt', 'grandRounds', 0, 'network/people.adopt:6:14 grandRounds'],
        ['cardiology.adopt', 'youtube', 0, 'network/channels.adopt:2:11 youtube'],
        ['campus/oncology.adopt', 'ben', 0, 'network/people.adopt:4:12 ben'],
        ['cardiology.adopt', 'zoe', 1, 'cardiology.adopt:6:12 zoe'],
        ['alone.adopt', 'ana', 1, 'alone.adopt:3:12 ana']
    ])('%s, %j (occurrence %i) leads to %s', async (path, text, nth, expected) => {
        const links = await server.result<LocationLink[]>('textDocument/definition', { textDocument: { uri: uriOf(path) }, position: at(path, text, nth) });
        expect(links.map(place)).toEqual([expected]);
    });

    test('the path of a use leads to the shared block of the file', async () => {
        const links = await server.result<LocationLink[]>('textDocument/definition', { textDocument: { uri: uriOf('campus/oncology.adopt') }, position: at('campus/oncology.adopt', 'network', 0, 2) });
        expect(links.map(place)).toEqual(['network/people.adopt:1:8 NorthfieldPeople']);
    });
});

describe('find references from a shared declaration back into every plan that uses it', () => {
    const references = (path: string, position: Position, includeDeclaration: boolean) =>
        server.result<Location[]>('textDocument/references', { textDocument: { uri: uriOf(path) }, position, context: { includeDeclaration } });

    test("a shared member: its declaration and its uses in both plans, not the other plan's own 'ana'", async () => {
        const found = await references('network/people.adopt', at('network/people.adopt', 'ana "'), true);
        expect(found.map(place).sort()).toEqual(['campus/oncology.adopt:7:16 ana', 'cardiology.adopt:12:16 ana', 'network/people.adopt:3:12 ana']);
    });

    test('asked from a plan, on a used name: the same uses, in every plan', async () => {
        const found = await references('campus/oncology.adopt', at('campus/oncology.adopt', 'ana, ben'), false);
        expect(found.map(place).sort()).toEqual(['campus/oncology.adopt:7:16 ana', 'cardiology.adopt:12:16 ana']);
    });

    test('a shared channel: the launch and the project that uses it', async () => {
        const found = await references('network/channels.adopt', at('network/channels.adopt', 'youtube "'), false);
        expect(found.map(place).sort()).toEqual(['cardiology.adopt:14:12 youtube', 'cardiology.adopt:9:12 youtube']);
    });

    test('the plan\'s own member with the same name is referred to in its plan only', async () => {
        const found = await references('alone.adopt', at('alone.adopt', 'ana "'), true);
        expect(found.map(place).sort()).toEqual(['alone.adopt:3:12 ana', 'alone.adopt:8:16 ana']);
    });
});

describe('rename across files', () => {
    const rename = (path: string, position: Position, newName: string) =>
        server.request('textDocument/rename', { textDocument: { uri: uriOf(path) }, position, newName });

    test('a shared member renamed from a plan that is open: the declaration and both plans are edited, open or not', async () => {
        const seen = server.published.length;
        await server.open(uriOf('cardiology.adopt'), FILES['cardiology.adopt'], 1);
        await server.publicationAfter(uriOf('cardiology.adopt'), seen, publication => publication.version === 1);
        const answer = await rename('cardiology.adopt', at('cardiology.adopt', 'ana, zoe'), 'anaOrtiz');
        expect(answer.kind).toBe('result');
        const edit = (answer as { value: WorkspaceEdit }).value;
        expect(Object.keys(edit.changes ?? {}).sort()).toEqual(['campus/oncology.adopt', 'cardiology.adopt', 'network/people.adopt'].map(uriOf).sort());
        expect(edited('network/people.adopt', edit)).toContain('    member anaOrtiz "Ana Ortiz" role middle-manager');
        expect(edited('cardiology.adopt', edit)).toContain('      involves anaOrtiz, zoe\n');
        expect(edited('campus/oncology.adopt', edit)).toContain('      involves anaOrtiz, ben\n');
        for (const path of ['network/people.adopt', 'cardiology.adopt', 'campus/oncology.adopt']) {
            expect(await parses(edited(path, edit))).toBe(true);
        }
        await server.close(uriOf('cardiology.adopt'));
    });

    test('a name a plan that does not use the shared file declares is free: only the files that refer to the member change', async () => {
        const answer = await rename('network/people.adopt', at('network/people.adopt', 'ben "'), 'cy');
        const edit = (answer as { value: WorkspaceEdit }).value;
        expect(Object.keys(edit.changes ?? {}).sort()).toEqual(['campus/oncology.adopt', 'network/people.adopt'].map(uriOf).sort());
        expect(edited('campus/oncology.adopt', edit)).toContain('      involves ana, cy\n');
    });

    test.each([
        ['network/people.adopt', 'ana "', 'zoe', `There is already a member named 'zoe' in "../cardiology.adopt", which uses this file. Choose another name.`],
        ['cardiology.adopt', 'ana, zoe', 'zoe', `There is already a member named 'zoe' in this file, which uses "network/people.adopt". Choose another name.`],
        ['cardiology.adopt', 'zoe "', 'ben', `There is already a member named 'ben' in "network/people.adopt", which this file uses. Choose another name.`],
        ['network/people.adopt', 'grandRounds "', 'journalClub', `There is already an initiative named 'journalClub' in "channels.adopt", which "../cardiology.adopt" uses too. Choose another name.`],
        ['campus/oncology.adopt', 'grandRounds', 'journalClub', `There is already an initiative named 'journalClub' in "../network/channels.adopt", which "../cardiology.adopt" uses too. Choose another name.`],
        ['network/people.adopt', 'ana "', 'ben', `There is already a member named 'ben' in this shared block. Choose another name.`],
        ['cardiology.adopt', 'ana, zoe', 'ben', `There is already a member named 'ben' in "network/people.adopt". Choose another name.`]
    ])('in %s, %j renamed to %j is refused: %s', async (path, text, newName, message) => {
        expect(await rename(path, at(path, text), newName)).toEqual({ kind: 'error', code: -32602, message });
    });
});

describe('rename of what a use names', () => {
    test("a shared block's name is renamed in its file only: the use lines name the file by its path", async () => {
        const answer = await server.request('textDocument/rename', { textDocument: { uri: uriOf('network/people.adopt') }, position: at('network/people.adopt', 'NorthfieldPeople'), newName: 'Staff' });
        expect(answer).toEqual({ kind: 'result', value: { changes: { [uriOf('network/people.adopt')]: [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 23 } }, newText: 'Staff' }] } } });
    });

    test('the path of a use is not a name: prepareRename and rename refuse it with a message', async () => {
        const params = { textDocument: { uri: uriOf('cardiology.adopt') }, position: at('cardiology.adopt', 'network/people', 0, 3) };
        const message = 'The path of a use is not a name: edit it between the quotes. To rename the shared block, rename it at its name in its file.';
        expect(await server.request('textDocument/prepareRename', params)).toMatchObject({ kind: 'error', message });
        expect(await server.request('textDocument/rename', { ...params, newName: 'Staff' })).toEqual({ kind: 'error', code: -32602, message });
    });
});

describe('hover on a used name says which file declares it', () => {
    const hover = async (path: string, position: Position) =>
        ((await server.result<Hover>('textDocument/hover', { textDocument: { uri: uriOf(path) }, position })).contents as MarkupContent).value;

    test('a shared member in a plan: described with this plan\'s projects, and its file by its path from the plan', async () => {
        const text = await hover('cardiology.adopt', at('cardiology.adopt', 'ana, zoe'));
        expect(text).toContain('(member `ana`)');
        expect(text).toContain('- projects: `streamRounds` (score 57)');
        expect(text.endsWith('\n\nDeclared in `network/people.adopt`.')).toBe(true);
    });

    test('from a plan in a subfolder, the path goes up', async () => {
        const text = await hover('campus/oncology.adopt', at('campus/oncology.adopt', 'ben'));
        expect(text).toContain('- projects: `tumourBoard` (score 67)');
        expect(text.endsWith('\n\nDeclared in `../network/people.adopt`.')).toBe(true);
    });

    test('a shared channel and initiative: launched and used by this plan', async () => {
        const channel = await hover('cardiology.adopt', at('cardiology.adopt', 'youtube', 1));
        expect(channel).toContain('- launched in: `rollout`\n- used by: `streamRounds`');
        expect(channel.endsWith('\n\nDeclared in `network/channels.adopt`.')).toBe(true);
        const initiative = await hover('campus/oncology.adopt', at('campus/oncology.adopt', 'grandRounds'));
        expect(initiative).toContain('Supported by: `tumourBoard`');
        expect(initiative.endsWith('\n\nDeclared in `../network/people.adopt`.')).toBe(true);
    });

    test('in its shared file, a declaration is described as every plan that uses the file sees it, each item with its plan\'s path', async () => {
        const member = await hover('network/people.adopt', at('network/people.adopt', 'ana "'));
        expect(member).toContain('- projects: `tumourBoard` (score 67) in `../campus/oncology.adopt`, `streamRounds` (score 57) in `../cardiology.adopt`');
        expect(member).not.toContain('Declared in');
        const channel = await hover('network/channels.adopt', at('network/channels.adopt', 'youtube "'));
        expect(channel).toContain('- launched in: `rollout` in `../cardiology.adopt`\n- used by: `streamRounds` in `../cardiology.adopt`');
        const initiative = await hover('network/people.adopt', at('network/people.adopt', 'grandRounds "'));
        expect(initiative).toContain('Supported by: `tumourBoard` in `../campus/oncology.adopt`, `streamRounds` in `../cardiology.adopt`');
        // No plan uses the channels' initiative.
        expect(await hover('network/channels.adopt', at('network/channels.adopt', 'journalClub "'))).toContain('Supported by: no project yet');
    });

    test('a name declared in the file itself names no file', async () => {
        expect(await hover('alone.adopt', at('alone.adopt', 'ana', 1))).not.toContain('Declared in');
        expect(await hover('cardiology.adopt', at('cardiology.adopt', 'zoe', 1))).not.toContain('Declared in');
    });
});

describe('use paths are links', () => {
    const links = (uri: string) => server.result<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const range = (path: string, text: string): Range => {
        const document = TextDocument.create(uriOf(path), 'adopt', 1, FILES[path]);
        const start = FILES[path].indexOf(text);
        return { start: document.positionAt(start), end: document.positionAt(start + text.length) };
    };

    test('each path, between its quotes, links to the file it names', async () => {
        expect((await links(uriOf('cardiology.adopt'))).map(link => ({ range: link.range, target: link.target }))).toEqual([
            { range: range('cardiology.adopt', 'network/people.adopt'), target: uriOf('network/people.adopt') },
            { range: range('cardiology.adopt', 'network/channels.adopt'), target: uriOf('network/channels.adopt') }
        ]);
        expect((await links(uriOf('campus/oncology.adopt'))).map(link => link.target)).toEqual([uriOf('network/people.adopt')]);
    });

    test('a path that leads to no file is no link; a file without use lines has none', async () => {
        const uri = uriOf('nowhere.adopt');
        const seen = server.published.length;
        await server.open(uri, 'use "network/missing.adopt"\nuse "network/people.adopt"\n\nplan N "N" {\n  stage s "S" {\n    project p "P" { involves ana }\n  }\n}\n');
        await server.publicationAfter(uri, seen);
        expect((await links(uri)).map(link => link.target)).toEqual([uriOf('network/people.adopt')]);
        await server.close(uri);
        expect(await links(uriOf('alone.adopt'))).toEqual([]);
    });
});

describe('completion of use paths', () => {
    const complete = async (path: string, text: string, marker: string) => {
        const uri = uriOf(path);
        const offset = text.indexOf(marker);
        const source = text.replace(marker, '');
        const seen = server.published.length;
        await server.open(uri, source);
        // Asked once the server has built the opened text.
        await server.publicationAfter(uri, seen, params => params.version === 1);
        const document = TextDocument.create(uri, 'adopt', 1, source);
        const answer = await server.result<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: document.positionAt(offset) });
        await server.close(uri);
        const items = Array.isArray(answer) ? answer : answer.items;
        return { items, document, apply: (item: CompletionItem) => TextDocument.applyEdits(document, [item.textEdit as TextEdit]) };
    };
    const PLAN = '\n\nplan S "S" {\n}\n';

    test('between the quotes, from a subfolder: the shared files of the workspace by their paths, no plan', async () => {
        const { items, apply } = await complete('campus/surgery.adopt', `use "|"${PLAN}`, '|');
        expect(items.map(item => item.label)).toEqual(['../network/channels.adopt', '../network/people.adopt']);
        expect(items[1].detail).toBe('shared NorthfieldPeople: People of the network');
        expect(apply(items[1])).toBe(`use "../network/people.adopt"${PLAN}`);
    });

    test('what is typed is replaced, up to the closing quote; a file already used is not offered again', async () => {
        const { items, apply } = await complete('surgery.adopt', `use "network/channels.adopt"\nuse "net|wo"${PLAN}`, '|');
        expect(items.map(item => item.label)).toEqual(['network/people.adopt']);
        expect(items[0].filterText).toBe('network/people.adopt');
        expect(apply(items[0])).toBe(`use "network/channels.adopt"\nuse "network/people.adopt"${PLAN}`);
    });

    test('right after use: the paths in quotes', async () => {
        const { items, apply } = await complete('surgery.adopt', `use |${PLAN}`, '|');
        expect(items.map(item => item.label)).toEqual(['network/channels.adopt', 'network/people.adopt']);
        expect(apply(items[0])).toBe(`use "network/channels.adopt"${PLAN}`);
    });

    test('in a shared file: the other shared files of its folder, never itself', async () => {
        const { items } = await complete('network/people.adopt', `use "|"\n${FILES['network/people.adopt']}`, '|');
        expect(items.map(item => item.label)).toEqual(['channels.adopt']);
    });

    test("a name: the plan's own first, then those of the used file, marked with its path", async () => {
        const text = 'use "../network/people.adopt"\n\nplan M "M" {\n  coalition {\n    member cho "Cho" role staff trained\n  }\n  stage s "S" {\n    project p "P" {\n      involves |\n    }\n  }\n}\n';
        const { items } = await complete('campus/mixed.adopt', text, '|');
        const names = items.filter(item => ['cho', 'ana', 'ben', 'zoe'].includes(item.label)).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
        expect(names.map(item => [item.label, item.labelDetails?.description])).toEqual([
            ['cho', undefined], ['ana', '../network/people.adopt'], ['ben', '../network/people.adopt']
        ]);
    });

    test('elsewhere, no path is offered', async () => {
        const { items } = await complete('surgery.adopt', 'plan S "S" {\n  |\n}\n', '|');
        expect(items.map(item => item.label)).not.toContain('network/people.adopt');
        expect(items.map(item => item.label)).toContain('coalition');
    });
});

describe('quick fixes of the use lines, and use "PATH" for an unresolved name', () => {
    /** Opens a file, waits for its diagnostic of `code`, and asks for the code actions of that diagnostic. */
    const fixesOf = async (path: string, text: string, code: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[]; all: CodeAction[] }> => {
        const uri = uriOf(path);
        const seen = server.published.length;
        await server.open(uri, text);
        // The diagnostics of this text (a file closed before may still be republished, without a version).
        const { diagnostics } = await server.publicationAfter(uri, seen, params => params.version === 1);
        const diagnostic = diagnostics.find(d => d.code === code);
        if (!diagnostic) throw new Error(`no ${code} in ${JSON.stringify(diagnostics)}`);
        const actions = await server.result<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        await server.close(uri);
        return { diagnostic, actions: (actions ?? []).filter(action => !action.title.startsWith('Ignore')), all: actions ?? [] };
    };
    const fixed = (path: string, text: string, action: CodeAction) => edited(path, action.edit!, text);

    test('unused-use in a plan: remove the line', async () => {
        const text = 'use "network/channels.adopt"\nuse "network/people.adopt"\n\nplan U "U" {\n  stage s "S" {\n    project p "P" { involves ana }\n  }\n}\n';
        const { actions, all } = await fixesOf('unused.adopt', text, 'unused-use');
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([['Remove use "network/channels.adopt"', true]]);
        // A hint: it can be ignored on its line too.
        expect(all.map(action => action.title)).toContain('Ignore unused-use on this line');
        const result = fixed('unused.adopt', text, actions[0]);
        expect(result).toBe('use "network/people.adopt"\n\nplan U "U" {\n  stage s "S" {\n    project p "P" { involves ana }\n  }\n}\n');
        expect(await parses(result)).toBe(true);
    });

    test('unused-use in a shared file: remove the line', async () => {
        const shared = 'shared More "More" {\n  initiative journal "Journal"\n}\n';
        const text = `use "channels.adopt"\n${shared}`;
        const { actions } = await fixesOf('network/more.adopt', text, 'unused-use');
        expect(actions.map(action => action.title)).toEqual(['Remove use "channels.adopt"']);
        const result = fixed('network/more.adopt', text, actions[0]);
        expect(result).toBe(shared);
        expect(await parses(result)).toBe(true);
    });

    test('unused-use followed by a comment on its line: the comment stays, at the start of the line', async () => {
        const text = 'use "network/channels.adopt" // the channels\n\nplan U "U" {\n}\n';
        const { actions } = await fixesOf('unused.adopt', text, 'unused-use');
        const result = fixed('unused.adopt', text, actions[0]);
        expect(result).toBe('// the channels\n\nplan U "U" {\n}\n');
        expect(await parses(result)).toBe(true);
    });

    test('use-not-found: the path of the shared file of that name, from this file', async () => {
        const text = 'use "people.adopt"\n\nplan T "T" {\n  stage s "S" {\n    project p "P" { involves ana }\n  }\n}\n';
        const { actions } = await fixesOf('campus/typo.adopt', text, 'use-not-found');
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([['Change the path to "../network/people.adopt"', true]]);
        const result = fixed('campus/typo.adopt', text, actions[0]);
        expect(result).toBe(text.replace('"people.adopt"', '"../network/people.adopt"'));
        expect(await parses(result)).toBe(true);
    });

    test('use-not-found written with backslashes or as an absolute path: the file name still finds the shared file', async () => {
        for (const written of ['network\\\\people.adopt', '/somewhere/else/people.adopt']) {
            const text = `use "${written}"\n\nplan T "T" {\n}\n`;
            const { actions } = await fixesOf('typo.adopt', text, 'use-not-found');
            expect(actions.map(action => action.title)).toEqual(['Change the path to "network/people.adopt"']);
            expect(fixed('typo.adopt', text, actions[0])).toBe('use "network/people.adopt"\n\nplan T "T" {\n}\n');
        }
    });

    test('use-not-found with a file name no shared file has, or only a plan has: no fix', async () => {
        const { actions } = await fixesOf('typo.adopt', 'use "network/persons.adopt"\n\nplan T "T" {\n}\n', 'use-not-found');
        expect(actions).toEqual([]);
        const plan = await fixesOf('typo.adopt', 'use "plans/alone.adopt"\n\nplan T "T" {\n}\n', 'use-not-found');
        expect(plan.actions).toEqual([]);
    });

    test('use-not-shared and use-cycle have no fix of their own (and, being errors, no ignore)', async () => {
        const notShared = await fixesOf('typo.adopt', 'use "alone.adopt"\n\nplan T "T" {\n}\n', 'use-not-shared');
        expect(notShared.all).toEqual([]);
        const cycle = await fixesOf('network/loop.adopt', 'use "loop.adopt"\n\nshared Loop "Loop" {\n}\n', 'use-cycle');
        expect(cycle.all).toEqual([]);
    });

    test('unresolved-reference in a file without use lines: use "PATH" at the top, preferred; the name then resolves', async () => {
        const text = 'plan N "N" {\n  stage s "S" {\n    project p "P" { involves ana }\n  }\n}\n';
        const { actions } = await fixesOf('campus/new.adopt', text, 'unresolved-reference');
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([["Add use \"../network/people.adopt\" (it declares the member 'ana')", true]]);
        const result = fixed('campus/new.adopt', text, actions[0]);
        expect(result).toBe(`use "../network/people.adopt"\n\n${text}`);
        expect(await parses(result)).toBe(true);
        const uri = uriOf('campus/new.adopt');
        const seen = server.published.length;
        await server.open(uri, result);
        expect((await server.publicationAfter(uri, seen, params => params.version === 1)).diagnostics.map(d => d.code)).not.toContain('unresolved-reference');
        await server.close(uri);
    });

    test('unresolved-reference in a file with use lines: the new use goes after the last one', async () => {
        const text = 'use "network/channels.adopt"\n\nplan N "N" {\n  stage s "S" {\n    launch youtube\n    project p "P" { supports grandRounds }\n  }\n}\n';
        const { actions } = await fixesOf('new.adopt', text, 'unresolved-reference');
        expect(actions.map(action => action.title)).toEqual(["Add use \"network/people.adopt\" (it declares the initiative 'grandRounds')"]);
        const result = fixed('new.adopt', text, actions[0]);
        expect(result).toBe('use "network/channels.adopt"\nuse "network/people.adopt"\n\nplan N "N" {\n  stage s "S" {\n    launch youtube\n    project p "P" { supports grandRounds }\n  }\n}\n');
        expect(await parses(result)).toBe(true);
    });

    test('unresolved-reference with a close name: "did you mean" and the use, the use preferred', async () => {
        const text = 'plan N "N" {\n  coalition {\n    member bena "Bena" role staff\n  }\n  stage s "S" {\n    project p "P" { involves ben }\n  }\n}\n';
        const { actions } = await fixesOf('new.adopt', text, 'unresolved-reference');
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([
            ["Add use \"network/people.adopt\" (it declares the member 'ben')", true],
            ["Change 'ben' to 'bena'", false]
        ]);
    });

    test("unresolved-reference of a name only a plan declares (alone.adopt's 'cy'), or of another kind: no use is offered", async () => {
        const member = await fixesOf('new.adopt', 'plan N "N" {\n  stage s "S" {\n    project p "P" { involves cy }\n  }\n}\n', 'unresolved-reference');
        expect(member.actions).toEqual([]);
        // 'ana' is a member of the shared file, not a channel.
        const channel = await fixesOf('new.adopt', 'plan N "N" {\n  stage s "S" {\n    launch ana\n  }\n}\n', 'unresolved-reference');
        expect(channel.actions).toEqual([]);
    });
});

