/**
 * Folding: every block of three or more lines (the plan, the coalition, stages, projects, goals
 * with metrics), block comments of two or more lines, and runs of two or more `//` lines.
 *
 * Editors ask for the folding ranges after every change. Langium's provider walks the syntax tree
 * with a stream per node and the concrete syntax tree twice (237,000 leaves at 10,000 projects);
 * this one walks each tree once with plain loops and answers the same ranges in the same order:
 * the nodes' (in `streamAst` order), then block comments, then runs of line comments.
 */
import type { CstNode, LangiumDocument, LeafCstNode } from 'langium';
import { isCompositeCstNode } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { AdoptCompositeCstNode, lineBreaks } from '../parser/adopt-cst-nodes.js';
import { nodesOf } from '../scoping/reference-walk.js';

export class AdoptFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value;
        if (!root) return;
        // The root is folded too (Langium's walk starts below it), then every node.
        for (const node of nodesOf(root)) this.collectObjectFolding(document, node, acceptor);
        const cst = root.$cstNode;
        if (!cst) return;
        const comments: Comment[] = [];
        collectComments(cst, comments, { tokenSeen: false });
        for (const { leaf: comment } of comments) {
            if (this.commentNames.includes(comment.tokenType.name)) {
                const range = this.toFoldingRange(document, comment, FoldingRangeKind.Comment);
                if (range) acceptor(range);
            }
        }
        this.collectLineCommentRuns(comments, acceptor);
    }

    protected override toFoldingRange(document: LangiumDocument, node: CstNode, kind?: string): FoldingRange | undefined {
        if (kind === FoldingRangeKind.Comment) {
            const { start, end } = node.range;
            return end.line > start.line ? FoldingRange.create(start.line, end.line, start.character, end.character, kind) : undefined;
        }
        // Langium folds nodes of three lines or more: most nodes (traits, names, members) have one;
        // counting line breaks in their text is cheaper than computing their range.
        const offset = node.offset;
        const end = node.end;
        if (end > offset && lineBreaks(node.root.fullText, offset, end, 2) < 2) return undefined;
        return super.toFoldingRange(document, node, kind);
    }

    /** Runs of two or more `//` comments on consecutive lines with no token between them. */
    private collectLineCommentRuns(comments: readonly Comment[], acceptor: FoldingRangeAcceptor): void {
        let run: CstNode[] = [];
        const flush = () => {
            if (run.length > 1) {
                const last = run[run.length - 1];
                acceptor(FoldingRange.create(run[0].range.start.line, last.range.end.line, run[0].range.start.character, last.range.end.character, FoldingRangeKind.Comment));
            }
            run = [];
        };
        for (const { leaf, afterToken } of comments) {
            // Any other leaf (a token, a block comment) ends a run.
            if (afterToken) flush();
            const isLineComment = leaf.text.startsWith('//');
            const previous = run[run.length - 1];
            if (isLineComment && (!previous || previous.range.end.line + 1 === leaf.range.start.line)) {
                run.push(leaf);
            } else {
                flush();
                if (isLineComment) run.push(leaf);
            }
        }
        flush();
    }
}

/** A comment leaf, and whether a token leaf came between it and the comment before it. */
interface Comment {
    readonly leaf: LeafCstNode;
    readonly afterToken: boolean;
}

/**
 * The comments (hidden leaves) below a CST node, in the order of Langium's `flattenCst`; a leaf
 * not made yet (adopt-cst-nodes.ts) is a token, and stays not made.
 */
function collectComments(node: CstNode, into: Comment[], state: { tokenSeen: boolean }): void {
    if (node instanceof AdoptCompositeCstNode) {
        for (const child of node.children) {
            if (typeof child === 'number') state.tokenSeen = true;
            else collectComments(child, into, state);
        }
    } else if (isCompositeCstNode(node)) {
        for (const child of node.content) collectComments(child, into, state);
    } else if (node.hidden) {
        into.push({ leaf: node as LeafCstNode, afterToken: state.tokenSeen });
        state.tokenSeen = false;
    } else {
        state.tokenSeen = true;
    }
}
