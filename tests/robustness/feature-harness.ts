/**
 * Runs every language feature on one text, the way the language server would, through the
 * services generically (a provider that is not wired is skipped): build (parse, link, validate),
 * score and the rank result (checked against the shared zod schema), hover, code lens,
 * completion, code actions, formatting. Plus the text utilities the robustness properties need:
 * applying LSP edits, the lexer's tokens of a text, range checks.
 */
import { URI, type LangiumDocument } from 'langium';
import type { CodeAction, Command, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAdoptServices, type AdoptServices } from '../../src/language/adopt-module.js';
import type { AdoptFile } from '../../src/language/generated/ast.js';
import { planOfDocument } from '../../src/language/model/plan-model.js';
import { buildRankResult } from '../../src/language/score/rank-result.js';
import { rankResultSchema } from '../../src/protocol/rank-protocol.js';

export const services: AdoptServices = createAdoptServices().Adopt;
const FORMAT_OPTIONS = { tabSize: 4, insertSpaces: true };

let counter = 0;

/**
 * Builds the text as a fresh document, runs `use` on it, then deletes it the way the server does
 * when an editor closes a file (DocumentBuilder.update), so that its index entries and caches go
 * too: a long fuzzing run then shows leaks in the services, not in this harness.
 */
export async function withDocument<T>(text: string, use: (document: LangiumDocument<AdoptFile>) => Promise<T>): Promise<T> {
    const shared = services.shared;
    const uri = URI.parse(`file:///fuzz/case-${counter++}.adopt`);
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return await use(document);
    } finally {
        await shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/**
 * Builds files together as a workspace (paths relative to a fresh folder), runs `use` on their
 * documents by path, then deletes them all as `withDocument` deletes one.
 */
export async function withWorkspace<T>(files: Readonly<Record<string, string>>, use: (documents: Record<string, LangiumDocument<AdoptFile>>) => Promise<T>): Promise<T> {
    const shared = services.shared;
    const folder = `file:///fuzz/workspace-${counter++}/`;
    const documents = Object.entries(files).map(([path, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse(folder + path));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [path, document] as const;
    });
    try {
        await shared.workspace.DocumentBuilder.build(documents.map(([, document]) => document), { validation: true });
        return await use(Object.fromEntries(documents));
    } finally {
        await shared.workspace.DocumentBuilder.update([], documents.map(([, document]) => document.uri));
    }
}

export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

/** Positions worth probing: the start of the text, its end, and a few spread in between. */
export function probePositions(document: LangiumDocument, count: number): Position[] {
    const text = document.textDocument.getText();
    const offsets = new Set([0, text.length]);
    for (let i = 1; i <= count; i++) offsets.add(Math.floor((text.length * i) / (count + 1)));
    return [...offsets].map(offset => document.textDocument.positionAt(offset));
}

/** What the features answered, for the properties to check. */
export interface FeatureAnswers {
    readonly diagnostics: Diagnostic[];
    readonly actions: CodeAction[];
    readonly formatEdits: TextEdit[] | undefined;
    /** Every range a hover, completion item or code lens answered with, named by its feature. */
    readonly ranges: Array<{ feature: string; range: Range }>;
}

/** Calls every wired feature on the document; throws whatever a feature throws. */
export async function exerciseFeatures(document: LangiumDocument<AdoptFile>, probes = 4): Promise<FeatureAnswers> {
    const textDocument = { uri: document.uri.toString() };
    const lsp = services.lsp;
    const ranges: Array<{ feature: string; range: Range }> = [];
    services.score.QuickWins.analyze(planOfDocument(document));
    // What `adopt rank --json` and adopt/rankQuickWins answer must match the shared schema on any text.
    const rank = rankResultSchema.parse(buildRankResult(document, services));
    for (const project of rank.projects) {
        const sum = Object.values(project.parts).reduce((a, b) => a + b, 0);
        if (!Number.isFinite(project.score) || Math.abs(sum - project.score) > 1e-6) {
            throw new Error(`project '${project.name}': parts add up to ${sum}, not its score ${project.score}`);
        }
    }
    for (const position of probePositions(document, probes)) {
        const hover = await lsp.HoverProvider?.getHoverContent(document, { textDocument, position });
        if (hover?.range) ranges.push({ feature: 'hover', range: hover.range });
        const completion = await lsp.CompletionProvider?.getCompletion(document, { textDocument, position });
        for (const item of completion?.items ?? []) {
            const edit = item.textEdit;
            if (edit && 'range' in edit) ranges.push({ feature: `completion '${item.label}'`, range: edit.range });
            if (edit && 'insert' in edit) ranges.push({ feature: `completion '${item.label}'`, range: edit.insert }, { feature: `completion '${item.label}'`, range: edit.replace });
        }
    }
    const lenses = await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument });
    for (const lens of lenses ?? []) ranges.push({ feature: 'code lens', range: lens.range });
    const diagnostics = document.diagnostics ?? [];
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    const answered = (await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: whole, context: { diagnostics } })) ?? [];
    const formatEdits = await lsp.Formatter?.formatDocument(document, { textDocument, options: FORMAT_OPTIONS });
    return { diagnostics, actions: answered.filter(isCodeAction), formatEdits, ranges };
}

function isCodeAction(item: Command | CodeAction): item is CodeAction {
    return typeof (item as CodeAction).title === 'string' && typeof (item as Command).command !== 'string';
}

/** True when the range lies inside the text (positions exist, start before end). */
export function rangeInside(range: Range, text: string): boolean {
    const document = TextDocument.create('file:///check', 'adopt', 0, text);
    const lines = text.split(/\r\n|\r|\n/);
    const valid = (p: Position) =>
        Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < lines.length && p.character <= lines[p.line].length;
    return valid(range.start) && valid(range.end) && document.offsetAt(range.start) <= document.offsetAt(range.end);
}

/** The edits of a code action for the given document, or undefined if it edits another document. */
export function editsFor(action: CodeAction, uri: string): TextEdit[] {
    const changes = action.edit?.changes ?? {};
    const other = Object.keys(changes).filter(key => key !== uri);
    if (other.length > 0 || action.edit?.documentChanges) throw new Error(`fix '${action.title}' edits another document: ${other.join(', ')}`);
    return changes[uri] ?? [];
}

/** Applies LSP text edits (all relative to the original text); overlapping edits are an error. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const document = TextDocument.create('file:///apply', 'adopt', 0, text);
    const sorted = edits
        .map(edit => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
        .sort((a, b) => a.start - b.start || a.end - b.end);
    let result = '';
    let cursor = 0;
    for (const edit of sorted) {
        if (edit.start < cursor) throw new Error('overlapping edits');
        result += text.slice(cursor, edit.start) + edit.newText;
        cursor = edit.end;
    }
    return result + text.slice(cursor);
}

/**
 * The text as the lexer reads it: every token, comment and unreadable stretch, in order, by its
 * text. Two texts with the same lexemes differ only in whitespace between tokens.
 */
export function lexemes(text: string): string[] {
    const result = services.parser.Lexer.tokenize(text);
    const pieces: Array<{ offset: number; text: string }> = [
        ...result.tokens.map(token => ({ offset: token.startOffset, text: token.image })),
        ...result.hidden.map(token => ({ offset: token.startOffset, text: token.image })),
        ...result.errors.map(error => ({ offset: error.offset, text: text.slice(error.offset, error.offset + error.length) }))
    ];
    return pieces.sort((a, b) => a.offset - b.offset).map(piece => normalizeCommentIndent(piece.text));
}

/** A comment's continuation lines may be re-indented by the formatter: compare them without their indentation. */
function normalizeCommentIndent(lexeme: string): string {
    return lexeme.startsWith('/*') ? lexeme.replace(/\n[ \t]*/g, '\n') : lexeme;
}

/**
 * What a fix took away from the user's text: the lexemes of `before` that `after` has fewer of.
 * Where `before` has a lexing error (an unclosed quote, say), text inserted next to it may be read
 * together with it: there, count non-whitespace characters instead.
 */
export function lostText(before: string, after: string): string[] {
    const lexable = services.parser.Lexer.tokenize(before).errors.length === 0;
    const pieces = (text: string) => (lexable ? lexemes(text) : [...text.replace(/\s+/g, '')]);
    const have = new Map<string, number>();
    for (const piece of pieces(after)) have.set(piece, (have.get(piece) ?? 0) + 1);
    const lost: string[] = [];
    for (const piece of pieces(before)) {
        const count = have.get(piece) ?? 0;
        if (count === 0) lost.push(piece);
        else have.set(piece, count - 1);
    }
    return lost;
}
