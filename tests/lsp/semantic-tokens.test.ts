/**
 * Semantic tokens as an editor receives them: sorted, never two at one place (an editor warns
 * "Overlapping semantic tokens detected" and drops colours), for the whole document and for a
 * range, on every example, the test plans, generated plans and random ones; and the same when an
 * editor asks for a range and the whole document at once, cancels a request half-way, or edits
 * the document while a request is under way.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { URI, isOperationCancelled, setInterruptionPeriod, type LangiumDocument } from 'langium';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Range, type SemanticTokens } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
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
}

/** The tokens of an answer, from their relative encoding (as an editor decodes them). */
function decode(tokens: SemanticTokens): Token[] {
    const out: Token[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaChar, length, type] = tokens.data.slice(i, i + 4);
        line += deltaLine;
        char = deltaLine === 0 ? char + deltaChar : deltaChar;
        out.push({ line, char, length, type });
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
        const uri = URI.parse('file:///semantic-tokens/edited.adopt');
        const documents = services.shared.workspace.TextDocuments!;
        let textDocument = TextDocument.create(uri.toString(), 'adopt', 1, text);
        documents.set(textDocument);
        const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document]);
        // A project renamed near the end: an edit the fast build makes in place.
        const at = text.lastIndexOf('project ') + 'project '.length;
        const edited = `${text.slice(0, at)}renamed${text.slice(at)}`;
        const expected = decode(await whole(await parse(edited)));

        const underWay = Promise.resolve(provider.semanticHighlight(document, params(document), new CancellationTokenSource().token));
        // The walk has begun (the first check yields); the editor sends the edit.
        await new Promise(resolve => setImmediate(resolve));
        textDocument = TextDocument.update(textDocument, [{ range: { start: textDocument.positionAt(at), end: textDocument.positionAt(at) }, text: 'renamed' }], 2);
        documents.set(textDocument);
        const updated = services.shared.workspace.DocumentBuilder.update([uri], []);
        await expect(underWay.then(() => 'answered', (error: unknown) => (error instanceof ResponseError ? error.code : error))).resolves.toBe(LSPErrorCodes.ContentModified);
        await updated;
        expect(document.textDocument.getText()).toBe(edited);
        const next = decode(await whole(document));
        expect(overlaps(next)).toEqual([]);
        expect(next).toEqual(expected);
        await services.shared.workspace.DocumentBuilder.update([], [uri]);
        documents.delete(uri.toString());
    });
});
