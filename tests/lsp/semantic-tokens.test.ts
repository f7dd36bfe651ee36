/**
 * Semantic tokens as an editor receives them: sorted, never two at one place (an editor warns
 * "Overlapping semantic tokens detected" and drops colours), for the whole document and for a
 * range, on every example, the test plans, generated plans and random ones; and the same when an
 * editor asks for a range and the whole document at once, cancels a request half-way, or edits
 * the document while a request is under way. After an edit, the tokens, the outline symbol and the
 * folding ranges of each project whose text is the same are taken from the answer before: every
 * answer still equals a new server's.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { URI, isOperationCancelled, setInterruptionPeriod, type LangiumDocument } from 'langium';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Range, type SemanticTokens } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import type { AdoptSemanticTokenProvider } from '../../src/language/lsp/adopt-semantic-token-provider.js';
import type { AdoptDocumentSymbolProvider } from '../../src/language/lsp/adopt-document-symbol-provider.js';
import type { AdoptFoldingRangeProvider } from '../../src/language/lsp/adopt-folding-range-provider.js';
import type { AdoptFile } from '../../src/language/generated/ast.js';
import { createTestServices, parser } from '../support/helpers.js';
import { mutatedPlan, validPlan } from '../support/plan-arbitraries.js';

const services = createTestServices();
const parse = parser(services);
const provider = services.lsp.SemanticTokenProvider!;
const RUNS = 60;

interface Token {
    readonly line: number;
    readonly char: number;
    readonly length: number;
    readonly type: number;
    readonly modifiers: number;
}

/** The tokens of an answer, from their relative encoding (as an editor decodes them). */
function decode(tokens: Pick<SemanticTokens, 'data'>): Token[] {
    const out: Token[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaChar, length, type, modifiers] = tokens.data.slice(i, i + 5);
        line += deltaLine;
        char = deltaLine === 0 ? char + deltaChar : deltaChar;
        out.push({ line, char, length, type, modifiers });
    }
    return out;
}

/** Where a token starts on or before the end of the one before it: what an editor reports as an overlap. */
function overlaps(tokens: readonly Token[]): string[] {
    const found: string[] = [];
    for (let i = 1; i < tokens.length; i++) {
        const before = tokens[i - 1];
        const token = tokens[i];
        if (token.line < before.line || (token.line === before.line && token.char < before.char + before.length)) {
            found.push(`line ${token.line + 1}, column ${token.char + 1} (after a token at line ${before.line + 1}, column ${before.char + 1})`);
        }
    }
    return found;
}

const params = (document: LangiumDocument) => ({ textDocument: { uri: document.uri.toString() } });
const whole = (document: LangiumDocument) => provider.semanticHighlight(document, params(document));
const inRange = (document: LangiumDocument, range: Range) => provider.semanticHighlightRange(document, { ...params(document), range });

/** The ranges an editor may ask for: its first screen, a window in the middle, the last lines. */
function ranges(document: LangiumDocument): Range[] {
    const lines = document.textDocument.lineCount;
    const middle = Math.floor(lines / 2);
    return [
        { start: { line: 0, character: 0 }, end: { line: Math.min(lines, 60), character: 0 } },
        { start: { line: Math.max(0, middle - 20), character: 0 }, end: { line: middle + 20, character: 0 } },
        { start: { line: Math.max(0, lines - 30), character: 0 }, end: { line: lines, character: 0 } }
    ];
}

/** The whole document's tokens and each range's: none overlap, and a range's are the whole document's within it. */
async function expectNoOverlap(document: LangiumDocument, name: string): Promise<Token[]> {
    const all = decode(await whole(document));
    expect(overlaps(all), name).toEqual([]);
    for (const range of ranges(document)) {
        const part = decode(await inRange(document, range));
        expect(overlaps(part), `${name}, lines ${range.start.line + 1}-${range.end.line}`).toEqual([]);
        const within = all.filter(token => token.line >= range.start.line && token.line < range.end.line);
        expect(part, `${name}, lines ${range.start.line + 1}-${range.end.line}`).toEqual(within);
    }
    return all;
}

const planFiles = [
    ...readdirSync(resolve(__dirname, '../../examples')).filter(file => file.endsWith('.adopt')).map(file => `examples/${file}`),
    ...readdirSync(resolve(__dirname, '../report/plans')).filter(file => file.endsWith('.adopt')).map(file => `tests/report/plans/${file}`),
    'tests/vscode/fixtures/quick-fixes.adopt'
];
const read = (file: string) => readFileSync(resolve(__dirname, '../..', file), 'utf8');

describe('no two semantic tokens overlap', () => {
    test.each(planFiles)('%s', async file => {
        const tokens = await expectNoOverlap(await parse(read(file)), file);
        expect(tokens.length).toBeGreaterThan(10);
    });

    test('generated plans of 1 to 300 projects', async () => {
        for (const [projects, seed] of [[1, 1], [12, 2], [40, 3], [300, 4]]) {
            await expectNoOverlap(await parse(toAdopt(generatePlan({ projects, seed }))), `${projects} projects, seed ${seed}`);
        }
    });

    test('random valid and broken plans', async () => {
        await fc.assert(fc.asyncProperty(fc.oneof(validPlan, mutatedPlan), async text => {
            await expectNoOverlap(await parse(text), JSON.stringify(text.slice(0, 200)));
        }), { numRuns: RUNS, seed: 20270301 });
    });
});

/**
 * A plan opened as an editor opens it: `edit` replaces the text between two offsets and returns
 * the rebuild (as the editor's didChange starts it), `close` closes it.
 */
async function openInEditor(name: string, text: string) {
    const uri = URI.parse(`file:///semantic-tokens/${name}.adopt`);
    const documents = services.shared.workspace.TextDocuments!;
    let textDocument = TextDocument.create(uri.toString(), 'adopt', 1, text);
    documents.set(textDocument);
    const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document]);
    return {
        document,
        text: () => textDocument.getText(),
        edit(start: number, end: number, newText: string): Promise<void> {
            const range = { start: textDocument.positionAt(start), end: textDocument.positionAt(end) };
            textDocument = TextDocument.update(textDocument, [{ range, text: newText }], textDocument.version + 1);
            documents.set(textDocument);
            return services.shared.workspace.DocumentBuilder.update([uri], []);
        },
        async close(): Promise<void> {
            await services.shared.workspace.DocumentBuilder.update([], [uri]);
            documents.delete(uri.toString());
        }
    };
}

describe('requests at once', () => {
    // Every check for cancellation yields to the event loop, as a busy server's does.
    beforeEach(() => setInterruptionPeriod(0));
    afterEach(() => setInterruptionPeriod(10));

    test('the visible range and the whole document asked together each get their own tokens, as if asked alone', async () => {
        const document = await parse(read('examples/lakeshore-college.adopt'));
        const range = ranges(document)[0];
        const alone = { whole: decode(await whole(document)), range: decode(await inRange(document, range)) };
        const live = () => new CancellationTokenSource().token;
        const [first, part, second] = await Promise.all([
            provider.semanticHighlight(document, params(document), live()),
            provider.semanticHighlightRange(document, { ...params(document), range }, live()),
            provider.semanticHighlight(document, params(document), live())
        ]);
        for (const answer of [first, second]) {
            expect(overlaps(decode(answer))).toEqual([]);
            expect(decode(answer)).toEqual(alone.whole);
        }
        expect(decode(part)).toEqual(alone.range);
        // The plan's name (line 18, column 6) is one token.
        expect(decode(first).filter(token => token.line === 17 && token.char === 5)).toHaveLength(1);
    });

    test('a request cancelled half-way leaves no tokens behind for the next one', async () => {
        const document = await parse(toAdopt(generatePlan({ projects: 300, seed: 5 })));
        const alone = decode(await whole(document));
        const source = new CancellationTokenSource();
        const cancelled = Promise.resolve(provider.semanticHighlight(document, params(document), source.token));
        // The walk has begun (the first check yields); cancel it while it is under way.
        await new Promise(resolve => setImmediate(resolve));
        source.cancel();
        await expect(cancelled.then(() => 'answered', (error: unknown) => (isOperationCancelled(error) ? 'cancelled' : error))).resolves.toBe('cancelled');
        const next = decode(await whole(document));
        expect(overlaps(next)).toEqual([]);
        expect(next).toEqual(alone);
    });

    test('an edit while a request is under way (the tree updated in place): ContentModified, then the new version\'s tokens', async () => {
        const text = toAdopt(generatePlan({ projects: 300, seed: 6 }));
        const editor = await openInEditor('edited', text);
        const document = editor.document;
        // A project renamed near the end: an edit the fast build makes in place.
        const at = text.lastIndexOf('project ') + 'project '.length;
        const edited = `${text.slice(0, at)}renamed${text.slice(at)}`;
        const expected = decode(await whole(await parse(edited)));

        const underWay = Promise.resolve(provider.semanticHighlight(document, params(document), new CancellationTokenSource().token));
        // The walk has begun (the first check yields); the editor sends the edit.
        await new Promise(resolve => setImmediate(resolve));
        const updated = editor.edit(at, at, 'renamed');
        await expect(underWay.then(() => 'answered', (error: unknown) => (error instanceof ResponseError ? error.code : error))).resolves.toBe(LSPErrorCodes.ContentModified);
        await updated;
        expect(document.textDocument.getText()).toBe(edited);
        const next = decode(await whole(document));
        expect(overlaps(next)).toEqual([]);
        expect(next).toEqual(expected);
        await editor.close();
    });
});

describe('a project\'s tokens, outline symbol and folding ranges kept from the request before while its text stays the same', () => {
    /** Edits of a plan of 200 projects, each at a seeded place: inside a project, around projects, outside them, one that does not parse. */
    const EDITS: Array<(text: string, pick: number) => { start: number; end: number; text: string } | undefined> = [
        // A trait level, a project's name, a line added inside a project.
        (text, pick) => nth(text, /^ +asynchrony (low|medium|high)$/gm, pick, level => (level === 'low' ? 'high' : 'low')),
        (text, pick) => nth(text, /^ +project (\S+) "/gm, pick, name => `${name}x`),
        (text, pick) => nth(text, /^( +geography (?:low|medium|high))$/gm, pick, line => `${line}\n      // a note`),
        // A clause of a project parsed again alone (the project's node is kept, its text is not): members involved, a metric's name.
        (text, pick) => nth(text, /^ +involves ([^\n]*)$/gm, pick, list => `${list}, m1`),
        (text, pick) => nth(text, /^ +metric (\S+) "/gm, pick, name => `${name}Q`),
        // A project moved right (its first line's character changes), a project removed, a line before a stage.
        (text, pick) => nth(text, /^( +)project /gm, pick, spaces => `${spaces}  `),
        (text, pick) => nth(text, /^( +project \S+ "[^"]*" \{[^}]*\}\n)/gm, pick, () => ''),
        (text, pick) => nth(text, /^( +stage )/gm, pick, keyword => `\n${keyword}`),
        // Text that does not parse, and one token cut.
        (text, pick) => nth(text, /^ +project \S+ "[^"]*" (\{)/gm, pick, () => '{ {'),
        (text, pick) => nth(text, /^ +(crowdsourcing) /gm, pick, () => 'crowdsourc')
    ];

    /** The `pick`-th match of `pattern` (modulo their number): its group 1 replaced by `to(group 1)`. */
    function nth(text: string, pattern: RegExp, pick: number, to: (found: string) => string) {
        const matches = [...text.matchAll(pattern)];
        if (matches.length === 0) return undefined;
        const match = matches[pick % matches.length];
        const start = match.index + match[0].lastIndexOf(match[1]);
        return { start, end: start + match[1].length, text: to(match[1]) };
    }

    const freshServices = createTestServices();
    const freshParse = parser(freshServices);
    const freshProvider = freshServices.lsp.SemanticTokenProvider!;

    const outline = services.lsp.DocumentSymbolProvider as AdoptDocumentSymbolProvider;
    const freshOutline = freshServices.lsp.DocumentSymbolProvider!;
    const folding = services.lsp.FoldingRangeProvider as AdoptFoldingRangeProvider;
    const freshFolding = freshServices.lsp.FoldingRangeProvider!;

    test('random edit sequences (seeded): every answer, whole and delta, every outline and every folding equals a new server\'s; the projects an edit left alone are kept', async () => {
        const plan = toAdopt(generatePlan({ projects: 200, seed: 8 }));
        const counts = (provider as AdoptSemanticTokenProvider).counts;
        const sequences = fc.sample(fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat(1000)), { minLength: 10, maxLength: 10 }), { numRuns: 4, seed: 20261208 });
        let keptAfterOneEdit = 0;
        let outlineKeptAfterOneEdit = 0;
        let foldingKeptAfterOneEdit = 0;
        let deltas = 0;
        for (const steps of sequences) {
            const editor = await openInEditor('kept', plan);
            const document = editor.document;
            let valid = plan;
            const first = await whole(document);
            await outline.getSymbols(document, params(document));
            await folding.getFoldingRanges(document, params(document));
            let resultId = first.resultId;
            let previous = decode(first);
            try {
                for (const [index, [kind, pick]] of steps.entries()) {
                    const edit = EDITS[kind](editor.text(), pick);
                    if (!edit) continue;
                    await editor.edit(edit.start, edit.end, edit.text);
                    const fresh = await freshParse(editor.text());
                    const expected = decode(await freshProvider.semanticHighlight(fresh, params(fresh)));
                    const before = { ...counts };
                    // Every other edit is answered as a delta on the answer before, as VS Code asks.
                    if (index % 2 === 0) {
                        const delta = await provider.semanticHighlightDelta(document, { ...params(document), previousResultId: resultId! });
                        if ('edits' in delta) deltas++;
                        const data = 'data' in delta ? delta.data : applyEdits(encode(previous), delta.edits);
                        expect(decode({ data }), `after edit ${index} (${kind})`).toEqual(expected);
                        resultId = delta.resultId;
                    } else {
                        const answer = await whole(document);
                        expect(decode(answer), `after edit ${index} (${kind})`).toEqual(expected);
                        resultId = answer.resultId;
                    }
                    const outlineBefore = outline.counts.kept;
                    const foldingBefore = folding.counts.kept;
                    expect(await outline.getSymbols(document, params(document)), `the outline after edit ${index} (${kind})`).toEqual(await freshOutline.getSymbols(fresh, params(fresh)));
                    expect(await folding.getFoldingRanges(document, params(document)), `the folding after edit ${index} (${kind})`).toEqual(await freshFolding.getFoldingRanges(fresh, params(fresh)));
                    if (kind === 0) foldingKeptAfterOneEdit = Math.max(foldingKeptAfterOneEdit, folding.counts.kept - foldingBefore);
                    if (kind === 0) keptAfterOneEdit = Math.max(keptAfterOneEdit, counts.kept - before.kept);
                    if (kind === 0) outlineKeptAfterOneEdit = Math.max(outlineKeptAfterOneEdit, outline.counts.kept - outlineBefore);
                    previous = expected;
                    if (fresh.parseResult.parserErrors.length + fresh.parseResult.lexerErrors.length === 0) {
                        valid = editor.text();
                    } else {
                        // Undone: the next edit starts from the last text that parsed (a broken text is parsed in full, and so is the next).
                        await editor.edit(0, editor.text().length, valid);
                        const answer = await whole(document);
                        resultId = answer.resultId;
                        previous = decode(answer);
                    }
                }
            } finally {
                await editor.close();
            }
        }
        // A trait level changed: the other 199 projects' tokens are taken as they were.
        expect(keptAfterOneEdit).toBe(199);
        expect(outlineKeptAfterOneEdit).toBe(199);
        expect(foldingKeptAfterOneEdit).toBe(199);
        expect(deltas).toBeGreaterThan(8);
    });
});

describe('a kept project moved along its line', () => {
    test('is highlighted and outlined anew: its tokens and its symbol are where it now is', async () => {
        const plan = 'plan P "P" {\n  coalition {\n    member m "M" role staff\n  }\n  stage s "S" {\n    project a "A" { asynchrony low } project b "B" { involves m geography high }\n  }\n}\n';
        const editor = await openInEditor('moved', plan);
        const document = editor.document;
        try {
            await whole(document);
            await services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document));
            const at = plan.indexOf('low');
            const b = (document.parseResult.value as AdoptFile).plan!.stages[0].projects[1];
            await editor.edit(at, at + 3, 'medium');
            // b is the same node, three characters to the right.
            expect((document.parseResult.value as AdoptFile).plan!.stages[0].projects[1]).toBe(b);
            const answer = decode(await whole(document));
            expect(answer).toEqual(decode(await whole(await parse(editor.text()))));
            const line = editor.text().split('\n')[5];
            expect(answer.filter(token => token.line === 5).map(token => line.slice(token.char, token.char + token.length))).toEqual(['a', 'medium', 'b', 'm', 'high']);
            // And its outline symbol (b's name three characters to the right) and folding.
            const fresh = await parse(editor.text());
            expect(await services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document))).toEqual(await services.lsp.DocumentSymbolProvider!.getSymbols(fresh, params(fresh)));
            expect(await services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document))).toEqual(await services.lsp.FoldingRangeProvider!.getFoldingRanges(fresh, params(fresh)));
        } finally {
            await editor.close();
        }
    });
});

/** Tokens encoded as an editor receives them (relative lines and characters). */
function encode(tokens: readonly Token[]): number[] {
    const data: number[] = [];
    let line = 0;
    let char = 0;
    for (const token of tokens) {
        data.push(token.line - line, token.line === line ? token.char - char : token.char, token.length, token.type, token.modifiers);
        line = token.line;
        char = token.char;
    }
    return data;
}

/** An answer's edits applied to the data before, as an editor applies a delta. */
function applyEdits(data: number[], edits: ReadonlyArray<{ start: number; deleteCount: number; data?: number[] }>): number[] {
    const result = [...data];
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    return result;
}
