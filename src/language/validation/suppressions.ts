/**
 * Suppression comments (docs/configuration.md): `// adopt-ignore CODE[, CODE…] [-- reason]` on a line
 * of its own silences those codes on the next line. `suppressionCommentsOf` is the one place
 * that finds them: it takes the comments of the syntax tree (the syntax facts, which read them
 * as the lexer found them), so a `//` inside a title is never taken for a comment.
 */
import type { LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { AdoptServices } from '../adopt-module.js';

export const SUPPRESSION_WORD = 'adopt-ignore';

export interface SuppressedCode {
    /** The code as written (it may not be a known code). */
    readonly code: string;
    /** Where it is written in the comment. */
    readonly range: Range;
}

export interface SuppressionComment {
    /** The line of the comment (0-based); it silences the line after it. */
    readonly line: number;
    /** True when nothing but blanks stands before the comment on its line. */
    readonly ownLine: boolean;
    readonly codes: readonly SuppressedCode[];
    /** The text after ` -- `, if any. */
    readonly reason?: string;
    /** The whole comment. */
    readonly range: Range;
    /** Offsets of the comment in the text, and of the end of its codes (where another code is added). */
    readonly offset: number;
    readonly end: number;
    readonly codesEnd: number;
}

/** `// adopt-ignore`, then the codes, then optionally `-- reason`. */
const SUPPRESSION = /^\/\/\s*adopt-ignore(?![\w-])/;
const REASON = /(^|\s)--(\s|$)/;

/**
 * Every `adopt-ignore` comment of the document, in text order. Lexes the text only when it
 * holds the word at all.
 */
export function suppressionCommentsOf(document: LangiumDocument, services: AdoptServices): SuppressionComment[] {
    const text = document.textDocument.getText();
    if (!text.includes(SUPPRESSION_WORD)) return [];
    const comments: SuppressionComment[] = [];
    for (const comment of services.syntax.Facts.comments(document.parseResult.value)) {
        const head = SUPPRESSION.exec(comment.text);
        if (!head || comment.terminal !== 'SL_COMMENT') continue;
        comments.push(readComment(document, text, comment.offset, comment.text, head[0].length));
    }
    return comments;
}

function readComment(document: LangiumDocument, text: string, offset: number, image: string, headLength: number): SuppressionComment {
    const position = (at: number) => document.textDocument.positionAt(at);
    const body = image.slice(headLength);
    const reasonAt = REASON.exec(body);
    const codesText = reasonAt ? body.slice(0, reasonAt.index) : body;
    const codes: SuppressedCode[] = [];
    for (const match of codesText.matchAll(/[^\s,]+/g)) {
        const start = offset + headLength + match.index;
        codes.push({ code: match[0], range: { start: position(start), end: position(start + match[0].length) } });
    }
    const trimmedCodes = codesText.replace(/[\s,]+$/, '');
    let lineStart = offset;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    const start = position(offset);
    const reason = reasonAt ? body.slice(reasonAt.index + reasonAt[0].length).trim() : undefined;
    return {
        line: start.line,
        ownLine: text.slice(lineStart, offset).trim() === '',
        codes,
        reason: reason || undefined,
        range: { start, end: position(offset + image.length) },
        offset,
        end: offset + image.length,
        codesEnd: offset + headLength + trimmedCodes.length
    };
}
