/**
 * The quick fixes of suppressions (docs/configuration.md): "Ignore CODE on this line" for every
 * diagnostic that is not an error, which writes `// adopt-ignore CODE` above the diagnostic's
 * line with that line's indentation (or adds the code to the adopt-ignore already there); and,
 * for `unused-suppression`, removing the code that silences nothing.
 */
import { DiagnosticSeverity, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { IssueCodes, isIssueCode } from '../../validation/issue-codes.js';
import { SUPPRESSION_WORD, suppressionCommentsOf, type SuppressionComment } from '../../validation/suppressions.js';
import { quickFix, type QuickFixContext } from './quickfix.js';
import { eol, indentationAt, lineEnd } from './text-edits.js';

/** "Ignore CODE on this line": offered for every diagnostic with an Adopt code that is not an error. */
export function ignoreOnThisLine(context: QuickFixContext): CodeAction[] {
    const { diagnostic, document } = context;
    const code = diagnostic.code;
    if (!isIssueCode(code) || code === IssueCodes.SyntaxError || diagnostic.severity === DiagnosticSeverity.Error) return [];
    const text = document.textDocument.getText();
    const line = diagnostic.range.start.line;
    const lineOffset = document.textDocument.offsetAt({ line, character: 0 });
    if (insideBlockComment(context, lineOffset)) return [];
    const title = `Ignore ${code} on this line`;
    const above = line > 0 ? suppressionsOf(context).find(comment => comment.ownLine && comment.line === line - 1) : undefined;
    if (above) {
        if (above.codes.some(entry => entry.code === code)) return [];
        const separator = above.codes.length > 0 ? ', ' : ' ';
        return quickFix(context, title, [insertAt(context, above.codesEnd, separator + code)]);
    }
    const indent = indentationAt(text, lineOffset);
    return quickFix(context, title, [insertAt(context, lineOffset, `${indent}// ${SUPPRESSION_WORD} ${code}${eol(document)}`)]);
}

/** For `unused-suppression`: remove the code that silences nothing, or the whole comment when it is its only code. */
export function removeUnusedSuppression(context: QuickFixContext): CodeAction[] {
    const { diagnostic, document } = context;
    const data = diagnostic.data as { line?: unknown; ignoredCode?: unknown } | undefined;
    const comment = suppressionsOf(context).find(candidate => candidate.line === (typeof data?.line === 'number' ? data.line : diagnostic.range.start.line));
    if (!comment) return [];
    const text = document.textDocument.getText();
    const code = typeof data?.ignoredCode === 'string' ? data.ignoredCode : undefined;
    const index = code === undefined ? -1 : comment.codes.findIndex(entry => entry.code === code);
    if (index >= 0 && comment.codes.length > 1) {
        // Remove the code with the separator before it (after it, for the first code).
        const entries = comment.codes.map(entry => ({ start: document.textDocument.offsetAt(entry.range.start), end: document.textDocument.offsetAt(entry.range.end) }));
        const range = index === 0 ? { start: entries[0].start, end: entries[1].start } : { start: entries[index - 1].end, end: entries[index].end };
        return quickFix(context, `Remove '${code}' from this adopt-ignore`, [replace(context, range.start, range.end, '')], true);
    }
    const lineStart = comment.offset - (document.textDocument.positionAt(comment.offset).character);
    const end = lineEnd(text, comment.end);
    if (comment.ownLine && text.slice(comment.end, end).trim() === '') {
        const next = text.startsWith('\r\n', end) ? end + 2 : Math.min(text.length, end + 1);
        return quickFix(context, 'Remove this adopt-ignore', [replace(context, lineStart, next, '')], true);
    }
    const start = text[comment.offset - 1] === ' ' ? comment.offset - 1 : comment.offset;
    return quickFix(context, 'Remove this adopt-ignore', [replace(context, start, comment.end, '')], true);
}

interface LexedComments {
    readonly version: number;
    suppressions?: SuppressionComment[];
    /** Start and end offsets of the block comments. */
    blocks?: Array<readonly [number, number]>;
}

/** What was found in each document version's comments: a request lists several diagnostics of one version. */
const lexed = new WeakMap<object, LexedComments>();

function commentsOf(context: QuickFixContext): LexedComments {
    const textDocument = context.document.textDocument;
    let entry = lexed.get(textDocument);
    if (!entry || entry.version !== textDocument.version) {
        entry = { version: textDocument.version };
        lexed.set(textDocument, entry);
    }
    return entry;
}

function suppressionsOf(context: QuickFixContext): SuppressionComment[] {
    const entry = commentsOf(context);
    entry.suppressions ??= suppressionCommentsOf(context.document, context.services);
    return entry.suppressions;
}

/** True when `offset` lies inside a `/* … *\/` comment (a line comment inserted there would not be one). */
function insideBlockComment(context: QuickFixContext, offset: number): boolean {
    const text = context.document.textDocument.getText();
    if (!text.includes('/*')) return false;
    const entry = commentsOf(context);
    entry.blocks ??= context.services.parser.Lexer.tokenize(text).hidden
        .filter(token => token.tokenType.name === 'ML_COMMENT')
        .map(token => [token.startOffset, token.startOffset + token.image.length] as const);
    return entry.blocks.some(([start, end]) => start < offset && offset < end);
}

function insertAt(context: QuickFixContext, offset: number, newText: string): TextEdit {
    return replace(context, offset, offset, newText);
}

function replace(context: QuickFixContext, start: number, end: number, newText: string): TextEdit {
    const document = context.document.textDocument;
    return { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText };
}
