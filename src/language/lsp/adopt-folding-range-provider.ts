/**
 * Folding: every block of three or more lines (the plan, the coalition, stages, projects, goals
 * with metrics), block comments of two or more lines, and runs of two or more `//` lines; each
 * range once.
 *
 * Editors ask for the folding ranges after every change. Langium's provider walks the syntax tree
 * with a stream per node and the concrete syntax tree twice; this one reads the nodes and the
 * comments from the syntax facts (parser/syntax-facts.ts) and answers the same ranges in the same
 * order: the nodes' (in `streamAst` order), then block comments, then runs of line comments; but
 * the file's root, when it spans what its plan spans, only once.
 */
import type { CstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import type { Comment, SyntaxFacts } from '../parser/syntax-facts.js';
import { lineBreaks } from '../parser/text-lines.js';
import { blockOfFile } from '../model/plan-model.js';

export class AdoptFoldingRangeProvider extends DefaultFoldingRangeProvider {
    private readonly facts: SyntaxFacts;

    constructor(services: AdoptServices) {
        super(services);
        this.facts = services.syntax.Facts;
    }

    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value;
        if (!root) return;
        // The root is folded too (Langium's walk starts below it), then every node; not the root
        // when it spans just what its plan or shared block spans (Langium's would fold it twice).
        const block = blockOfFile(root)?.$cstNode;
        const sameAsBlock = block !== undefined && root.$cstNode?.offset === block.offset && root.$cstNode.end === block.end;
        for (const node of this.facts.nodes(root)) {
            if (node !== root || !sameAsBlock) this.collectObjectFolding(document, node, acceptor);
        }
        const comments = this.facts.comments(root);
        for (const comment of comments) {
            if (this.commentNames.includes(comment.terminal) && comment.range.end.line > comment.range.start.line) {
                const { start, end } = comment.range;
                acceptor(FoldingRange.create(start.line, end.line, start.character, end.character, FoldingRangeKind.Comment));
            }
        }
        this.collectLineCommentRuns(comments, acceptor);
    }

    protected override toFoldingRange(document: LangiumDocument, node: CstNode, kind?: string): FoldingRange | undefined {
        // Langium folds nodes of three lines or more: most nodes (traits, names, members) have one;
        // counting line breaks in their text is cheaper than computing their range.
        const offset = node.offset;
        const end = node.end;
        if (end > offset && lineBreaks(node.root.fullText, offset, end, 2) < 2) return undefined;
        return super.toFoldingRange(document, node, kind);
    }

    /** Runs of two or more `//` comments on consecutive lines with no token between them. */
    private collectLineCommentRuns(comments: readonly Comment[], acceptor: FoldingRangeAcceptor): void {
        let run: Comment[] = [];
        const flush = () => {
            if (run.length > 1) {
                const first = run[0].range.start;
                const last = run[run.length - 1].range.end;
                acceptor(FoldingRange.create(first.line, last.line, first.character, last.character, FoldingRangeKind.Comment));
            }
            run = [];
        };
        for (const comment of comments) {
            // Any other leaf (a token, a block comment) ends a run.
            if (comment.afterToken) flush();
            const isLineComment = comment.text.startsWith('//');
            const previous = run[run.length - 1];
            if (isLineComment && (!previous || previous.range.end.line + 1 === comment.range.start.line)) {
                run.push(comment);
            } else {
                flush();
                if (isLineComment) run.push(comment);
            }
        }
        flush();
    }
}
