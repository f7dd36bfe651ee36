/**
 * The quick fixes of suppressions (SPEC section 9): "Ignore CODE on this line" on every
 * diagnostic that is not an error, inserting `// adopt-ignore CODE` with the line's indentation
 * (the diagnostic then goes away and the file still parses), and the removal of a suppression
 * that silences nothing.
 */
import { describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import type { Plan } from '../../src/language/generated/ast.js';
import { MemoryFileSystem } from '../config/memory-file-system.js';
import { example } from '../support/helpers.js';

const RIVERSIDE = example('riverside-health.adopt');

function setUp() {
    const files = new MemoryFileSystem();
    const services = createAdoptServices({ fileSystemProvider: () => files }).Adopt;
    const parse = parseHelper<Plan>(services);
    let count = 0;
    const build = (text: string, folder = '/p') => parse(text, { documentUri: URI.file(`${folder}/plan${++count}.adopt`).toString(), validation: true });
    /** The code actions offered for the diagnostics with `code` (one request per diagnostic). */
    const actionsFor = async (document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> =>
        ((await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        })) ?? []) as CodeAction[];
    return { files, services, build, actionsFor };
}

function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => d.code === code);
}

function applied(document: LangiumDocument, action: CodeAction): string {
    return TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, document.textDocument.getText()), action.edit!.changes![document.textDocument.uri]);
}

function ignoreFix(actions: readonly CodeAction[], code: string): CodeAction | undefined {
    return actions.find(action => action.title === `Ignore ${code} on this line`);
}

describe('Ignore CODE on this line', () => {
    test('inserts // adopt-ignore CODE above the line, indented like it; the diagnostic goes away and the plan parses', async () => {
        const { build, actionsFor } = setUp();
        const document = await build(RIVERSIDE);
        const [lowReach] = withCode(document, 'low-reach');
        const fix = ignoreFix(await actionsFor(document, lowReach), 'low-reach');
        expect(fix?.kind).toBe('quickfix');
        expect(fix?.diagnostics).toEqual([lowReach]);
        const after = applied(document, fix!);
        expect(after).toBe(RIVERSIDE.replace('    project hashtagContest', '    // adopt-ignore low-reach\n    project hashtagContest'));
        const fixed = await build(after);
        expect(fixed.parseResult.parserErrors).toEqual([]);
        expect(withCode(fixed, 'low-reach')).toEqual([]);
        expect(withCode(fixed, 'unused-suppression')).toEqual([]);
        expect(withCode(fixed, 'untapped-opportunity')).toHaveLength(1);
    });

    test('offered for warnings, information and hints alike, next to the code\'s own fixes', async () => {
        const { build, actionsFor } = setUp();
        const document = await build('plan P "P" {\n\tcoalition {\n\t\tmember a "A" role staff\n\t}\n\tstage s "S" {\n\t\tgoal g "G"\n\t}\n}\n');
        for (const code of ['few-managers', 'goal-without-metric', 'mantra-missing']) {
            const [diagnostic] = withCode(document, code);
            const actions = await actionsFor(document, diagnostic);
            const fix = ignoreFix(actions, code);
            expect(fix, code).toBeDefined();
            const after = applied(document, fix!);
            const line = after.split('\n')[diagnostic.range.start.line];
            const original = document.textDocument.getText().split('\n')[diagnostic.range.start.line];
            expect(line).toBe(`${/^\s*/.exec(original)![0]}// adopt-ignore ${code}`);
            expect(withCode(await build(after), code)).toEqual([]);
        }
        const goal = withCode(document, 'goal-without-metric')[0];
        expect((await actionsFor(document, goal)).map(action => action.title)).toEqual(["Add a metric to goal 'g'", 'Ignore goal-without-metric on this line']);
    });

    test('adds the code to an adopt-ignore already on the line above, keeping its reason', async () => {
        const { build, actionsFor } = setUp();
        const document = await build(RIVERSIDE.replace('    project hashtagContest', '    // adopt-ignore low-reach -- a small pilot\n    project hashtagContest'));
        const [untapped] = withCode(document, 'untapped-opportunity');
        const after = applied(document, ignoreFix(await actionsFor(document, untapped), 'untapped-opportunity')!);
        expect(after).toContain('    // adopt-ignore low-reach, untapped-opportunity -- a small pilot\n    project hashtagContest');
        const fixed = await build(after);
        // channel-not-launched sits on `uses facebook`, two lines further down: not silenced.
        expect((fixed.diagnostics ?? []).map(d => d.code).sort()).toEqual(['channel-not-launched', 'freestanding-project']);
    });

    test('keeps CRLF line breaks', async () => {
        const { build, actionsFor } = setUp();
        const document = await build(RIVERSIDE.replaceAll('\n', '\r\n'));
        const [lowReach] = withCode(document, 'low-reach');
        expect(applied(document, ignoreFix(await actionsFor(document, lowReach), 'low-reach')!)).toContain('\r\n    // adopt-ignore low-reach\r\n    project hashtagContest');
    });

    test('not offered for errors, nor for a code that the config makes an error', async () => {
        const { files, build, actionsFor } = setUp();
        const broken = RIVERSIDE.replace('involves dee', 'involves ghost');
        const document = await build(broken);
        const [unresolved] = withCode(document, 'unresolved-reference');
        expect(ignoreFix(await actionsFor(document, unresolved), 'unresolved-reference')).toBeUndefined();
        files.write('/strict/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'error', 'unresolved-reference': 'warning' } }));
        const strict = await build(broken, '/strict');
        expect(ignoreFix(await actionsFor(strict, withCode(strict, 'low-reach')[0]), 'low-reach')).toBeUndefined();
        const demoted = withCode(strict, 'unresolved-reference')[0];
        expect(ignoreFix(await actionsFor(strict, demoted), 'unresolved-reference')).toBeDefined();
    });

    test('not offered where the line starts inside a block comment', async () => {
        const { build, actionsFor } = setUp();
        const document = await build(RIVERSIDE.replace('    project hashtagContest', '    /* a contest\n    */ project hashtagContest'));
        const [lowReach] = withCode(document, 'low-reach');
        expect(ignoreFix(await actionsFor(document, lowReach), 'low-reach')).toBeUndefined();
    });
});

describe('unused-suppression: remove what silences nothing', () => {
    test('the whole line when the comment has one code', async () => {
        const { build, actionsFor } = setUp();
        const text = RIVERSIDE.replace('    project streamRounds', '    // adopt-ignore low-reach\n    project streamRounds');
        const document = await build(text);
        const [unused] = withCode(document, 'unused-suppression');
        const actions = await actionsFor(document, unused);
        expect(actions.map(action => action.title)).toEqual(['Remove this adopt-ignore', 'Ignore unused-suppression on this line']);
        expect(actions[0].isPreferred).toBe(true);
        expect(applied(document, actions[0])).toBe(RIVERSIDE);
    });

    test('only the unused code when the comment has others', async () => {
        const { build, actionsFor } = setUp();
        const document = await build(RIVERSIDE.replace('    project hashtagContest', '    // adopt-ignore mantra-missing, low-reach -- later\n    project hashtagContest'));
        const [unused] = withCode(document, 'unused-suppression');
        const [remove] = await actionsFor(document, unused);
        expect(remove.title).toBe("Remove 'mantra-missing' from this adopt-ignore");
        const after = applied(document, remove);
        expect(after).toContain('    // adopt-ignore low-reach -- later\n    project hashtagContest');
        expect(withCode(await build(after), 'unused-suppression')).toEqual([]);
    });

    test('a comment after code on its line: the comment goes, the code stays', async () => {
        const { build, actionsFor } = setUp();
        const line = '    project hashtagContest "Hashtag contest" {';
        const document = await build(RIVERSIDE.replace(line, `${line} // adopt-ignore low-reach`));
        const [remove] = await actionsFor(document, withCode(document, 'unused-suppression')[0]);
        expect(applied(document, remove)).toBe(RIVERSIDE);
    });
});
