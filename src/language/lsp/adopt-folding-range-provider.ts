/**
 * Folding: every block of three or more lines (the plan, the coalition, stages, projects, goals
 * with metrics), block comments of two or more lines, and runs of two or more `//` lines.
 */
import type { CstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

export class AdoptFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value;
        if (root) this.collectObjectFolding(document, root, acceptor);
        super.collectFolding(document, acceptor);
        this.collectLineCommentRuns(document, acceptor);
    }

    protected override toFoldingRange(document: LangiumDocument, node: CstNode, kind?: string): FoldingRange | undefined {
        const { start, end } = node.range;
        if (kind === FoldingRangeKind.Comment) {
            return end.line > start.line ? FoldingRange.create(start.line, end.line, start.character, end.character, kind) : undefined;
        }
        return super.toFoldingRange(document, node, kind);
    }

    private collectLineCommentRuns(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return;
        let run: CstNode[] = [];
        const flush = () => {
            if (run.length > 1) {
                const last = run[run.length - 1];
                acceptor(FoldingRange.create(run[0].range.start.line, last.range.end.line, run[0].range.start.character, last.range.end.character, FoldingRangeKind.Comment));
            }
            run = [];
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            const isLineComment = leaf.hidden && leaf.text.startsWith('//');
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
