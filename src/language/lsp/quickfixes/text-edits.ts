/**
 * Text edits that quick fixes share: insert a statement as a new line inside a block or after a
 * statement, delete a statement's line, extend a comma-separated list. Inserted lines are indented
 * like their neighbours; nothing the user wrote (comments included) is removed or split.
 */
import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';

/** The document's indentation step: how much the plan's first statement is indented, else 2 spaces. */
export function indentUnit(document: LangiumDocument): string {
    const root = document.parseResult.value;
    if (!root?.$cstNode) return '  ';
    const block = blockOf(root);
    const text = document.textDocument.getText();
    const ownerIndent = indentationAt(text, root.$cstNode.offset);
    const first = block && firstStatementIndent(text, block);
    return first !== undefined && first.length > ownerIndent.length && first.startsWith(ownerIndent) ? first.slice(ownerIndent.length) : '  ';
}

/** The indentation of the first thing inside a block, when it starts a line of its own. */
function firstStatementIndent(text: string, block: Block): string | undefined {
    let i = block.open.end;
    while (i < block.close.offset && /\s/.test(text[i])) i++;
    if (i >= block.close.offset || !/[\r\n]/.test(text.slice(block.open.end, i))) return undefined;
    return indentationAt(text, i);
}

/** The leading whitespace of the line that contains `offset`. */
export function indentationAt(text: string, offset: number): string {
    const start = lineStart(text, offset);
    return /^[ \t]*/.exec(text.slice(start))![0];
}

export function lineStart(text: string, offset: number): number {
    let start = offset;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    return start;
}

/** Offset of the line break that ends the line containing `offset` (or the text's length). */
export function lineEnd(text: string, offset: number): number {
    let end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return end;
}

function nextLineStart(text: string, offset: number): number {
    const end = lineEnd(text, offset);
    if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
    return Math.min(text.length, end + 1);
}

/** The document's line break (keeps CRLF files CRLF). */
export function eol(document: LangiumDocument): string {
    return document.textDocument.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** True when `offset` lies strictly inside a block comment. */
function insideBlockComment(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    if (!root) return false;
    return CstUtils.streamCst(root).some(node => node.hidden && node.text.startsWith('/*') && node.offset < offset && offset < node.end);
}

/**
 * Where a new line can follow the text at `offset`: the end of that line when the rest of the
 * line is blank or a `//` comment (so the comment stays where it was), else `offset` itself.
 */
function newLineAnchor(document: LangiumDocument, offset: number): number {
    const text = document.textDocument.getText();
    const end = lineEnd(text, offset);
    const rest = text.slice(offset, end).trim();
    if ((rest === '' || rest.startsWith('//')) && !insideBlockComment(document, end)) {
        return end;
    }
    return offset;
}

function insertAt(document: LangiumDocument, offset: number, newText: string): TextEdit {
    const position = document.textDocument.positionAt(offset);
    return { range: { start: position, end: position }, newText };
}

/** Inserts `line` as a new line after the statement `node`, indented like the statement's line. */
export function insertLineAfter(document: LangiumDocument, node: AstNode, line: string): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const indent = indentationAt(text, cst.offset);
    return insertAt(document, newLineAnchor(document, cst.end), eol(document) + indent + line);
}

interface Block {
    open: CstNode;
    close: CstNode;
}

/** The `{` and `}` of a node's own block, when both were parsed. */
export function blockOf(node: AstNode): Block | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const closes = GrammarUtils.findNodesForKeyword(node.$cstNode, '}');
    const close = closes[closes.length - 1];
    if (!open || !close || close.offset < open.end) return undefined;
    return { open, close };
}

/** The indentation of a block's statements: like its first statement on a line of its own, else one step in. */
function childIndent(document: LangiumDocument, owner: AstNode, block: Block): string {
    const text = document.textDocument.getText();
    const ownerIndent = indentationAt(text, owner.$cstNode!.offset);
    const first = firstStatementIndent(text, block);
    return first !== undefined && first.length > ownerIndent.length ? first : ownerIndent + indentUnit(document);
}

/** A block whose braces are on one line, with nothing but blanks between them: `{}` or `{ }`. */
function isEmptyOneLineBlock(text: string, block: Block): boolean {
    const interior = text.slice(block.open.end, block.close.offset);
    return interior.trim() === '' && !/[\r\n]/.test(interior);
}

/** Inserts statements as the first lines of a block. */
export function insertAtBlockStart(document: LangiumDocument, owner: AstNode, lines: readonly string[]): TextEdit | undefined {
    const block = blockOf(owner);
    if (!block) return undefined;
    return insertIntoBlock(document, owner, block, lines, 'start');
}

/** Inserts statements as the last lines of a block. */
export function insertAtBlockEnd(document: LangiumDocument, owner: AstNode, lines: readonly string[]): TextEdit | undefined {
    const block = blockOf(owner);
    if (!block) return undefined;
    return insertIntoBlock(document, owner, block, lines, 'end');
}

function insertIntoBlock(document: LangiumDocument, owner: AstNode, block: Block, lines: readonly string[], where: 'start' | 'end'): TextEdit {
    const text = document.textDocument.getText();
    const nl = eol(document);
    const ownerIndent = indentationAt(text, owner.$cstNode!.offset);
    const indent = childIndent(document, owner, block);
    const body = lines.map(line => (line === '' ? '' : indent + line)).join(nl);
    if (isEmptyOneLineBlock(text, block)) {
        const start = document.textDocument.positionAt(block.open.end);
        const end = document.textDocument.positionAt(block.close.offset);
        return { range: { start, end }, newText: nl + body + nl + ownerIndent };
    }
    if (where === 'start') {
        return insertAt(document, newLineAnchor(document, block.open.end), nl + body);
    }
    const closeLine = lineStart(text, block.close.offset);
    if (text.slice(closeLine, block.close.offset).trim() === '') {
        return insertAt(document, closeLine, body + nl);
    }
    // `}` follows other text on its line: break the line before it.
    return insertAt(document, block.close.offset, nl + body + nl + ownerIndent);
}

/**
 * Deletes a statement. When it stands alone on its lines, the whole lines go; otherwise only its
 * text (and one space before it, or the spaces after it when it starts its line), so that other
 * statements and comments on the line stay.
 */
export function deleteStatement(document: LangiumDocument, node: AstNode): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const start = lineStart(text, cst.offset);
    const end = lineEnd(text, cst.end);
    let from = cst.offset;
    let to = cst.end;
    const startsLine = text.slice(start, cst.offset).trim() === '';
    if (startsLine && text.slice(cst.end, end).trim() === '') {
        from = start;
        to = nextLineStart(text, cst.end);
    } else if (startsLine) {
        // What follows moves to where the statement began: `use "a.adopt" // note` leaves `// note`.
        while (text[to] === ' ' || text[to] === '\t') to++;
    } else if (text[from - 1] === ' ') {
        from--;
    }
    return {
        range: { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) },
        newText: ''
    };
}

/** Appends `, a, b` after the last item of a comma-separated list (the CST node of its last item). */
export function extendList(document: LangiumDocument, lastItem: CstNode, names: readonly string[]): TextEdit {
    return insertAt(document, lastItem.end, names.map(name => ', ' + name).join(''));
}

/** Inserts text right after a node's text (on the same line). */
export function insertAfterNode(document: LangiumDocument, node: CstNode, newText: string): TextEdit {
    return insertAt(document, node.end, newText);
}

/** A name not yet in `taken`: `base`, else `base2`, `base3` ... */
export function freshName(base: string, taken: Iterable<string>): string {
    const names = new Set(taken);
    if (!names.has(base)) return base;
    let n = 2;
    while (names.has(`${base}${n}`)) n++;
    return `${base}${n}`;
}

/** Replaces a node's text. */
export function replaceNode(document: LangiumDocument, node: CstNode, newText: string): TextEdit {
    return { range: { start: document.textDocument.positionAt(node.offset), end: document.textDocument.positionAt(node.end) }, newText };
}
