/**
 * What an answer to an editor's request made for each project, kept for the next answer to the
 * same request while the project is what it was. Editors ask for the semantic tokens, the outline
 * and the folding ranges of the whole document after every change, and after an edit most
 * projects of a large plan are what they were: the same node (the incremental parse keeps it)
 * with the same text, starting at the same character of its line. What was made for such a
 * project is its answer again, moved by the lines the project moved.
 *
 * The text is compared, not only the node: an edit of one clause (members involved, a metric)
 * parses that clause again and keeps the project's node.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';

interface Kept<T> {
    /** The project's text. */
    readonly text: string;
    /** Where it started: its first line, and the character of that line. */
    readonly line: number;
    readonly character: number;
    readonly value: T;
}

/** One answer: what the answer before kept, and what this one keeps for the next. */
export class ProjectAnswer<T> {
    private readonly made = new Map<AstNode, Kept<T>>();
    /** Projects whose value was taken from the answer before, and those made anew. */
    kept = 0;
    madeAnew = 0;

    constructor(private readonly document: LangiumDocument, private readonly text: string, private readonly before: ReadonlyMap<AstNode, Kept<T>> | undefined) {}

    /**
     * The project's value from the answer before, and the lines it moved by since, if the
     * project's text is the same and it starts at the same character; else undefined, and the
     * caller makes the value anew and gives it to `keep`.
     */
    taken(project: AstNode): { readonly value: T; readonly lines: number; readonly start: Position } | undefined {
        const cst = project.$cstNode;
        if (!cst) return undefined;
        const old = this.before?.get(project);
        if (!old) return undefined;
        const text = this.text.slice(cst.offset, cst.end);
        const start = this.document.textDocument.positionAt(cst.offset);
        if (old.text !== text || old.character !== start.character) return undefined;
        this.kept++;
        return { value: old.value, lines: start.line - old.line, start };
    }

    /** Keeps the value made anew for the project, for the next answer. */
    keep(project: AstNode, value: T): void {
        const cst = project.$cstNode;
        if (!cst) return;
        this.madeAnew++;
        this.keepAt(project, value, this.document.textDocument.positionAt(cst.offset));
    }

    /** Keeps a value `taken` gave (moved to where the project is, or the same), for the next answer. */
    keepAt(project: AstNode, value: T, start: Position): void {
        const cst = project.$cstNode;
        if (cst) this.made.set(project, { text: this.text.slice(cst.offset, cst.end), line: start.line, character: start.character, value });
    }

    /** What this answer keeps, for the kept values' owner. */
    get keptForNext(): ReadonlyMap<AstNode, Kept<T>> {
        return this.made;
    }
}

/** The values kept per project of each document, from its last answer (weakly: a closed document's go with it). */
export class KeptPerProject<T> {
    private readonly byDocument = new WeakMap<LangiumDocument, ReadonlyMap<AstNode, Kept<T>>>();
    /** Over every answer: projects taken from the answer before, and projects made anew (for tests). */
    readonly counts = { kept: 0, made: 0 };

    /** A new answer for the document, which takes from its last one. */
    begin(document: LangiumDocument): ProjectAnswer<T> {
        return new ProjectAnswer<T>(document, document.textDocument.getText(), this.byDocument.get(document));
    }

    /** The answer is complete: what it keeps is what the document's next answer takes from. */
    finish(document: LangiumDocument, answer: ProjectAnswer<T>): void {
        this.byDocument.set(document, answer.keptForNext);
        this.counts.kept += answer.kept;
        this.counts.made += answer.madeAnew;
    }
}

/** How many nodes the node at `index` holds, itself included: those after it in a list in the order of `streamAst` that it contains. */
export function subtreeSize(nodes: readonly AstNode[], index: number): number {
    const node = nodes[index];
    let end = index + 1;
    while (end < nodes.length && holds(node, nodes[end])) end++;
    return end - index;
}

function holds(ancestor: AstNode, node: AstNode): boolean {
    for (let current = node.$container; current; current = current.$container) if (current === ancestor) return true;
    return false;
}
