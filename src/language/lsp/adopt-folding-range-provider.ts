/**
 * Folding: every block of three or more lines (the plan, the coalition, stages, projects, goals
 * with metrics), block comments of two or more lines, and runs of two or more `//` lines; each
 * range once.
 *
 * Editors ask for the folding ranges after every change. Langium's provider walks the syntax tree
 * with a stream per node and the concrete syntax tree twice; this one reads the nodes and the
 * comments from the syntax facts (parser/syntax-facts.ts) and answers the same ranges in the same
 * order: the nodes' (in `streamAst` order), then block comments, then runs of line comments; but
 * the file's root, when it spans what its plan spans, only once. After an edit, a project whose
 * text is the same keeps its ranges from the document's last answer, moved by the lines it moved.
 */
import type { CstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import type { Comment, SyntaxFacts } from '../parser/syntax-facts.js';
import { lineBreaks } from '../parser/text-lines.js';
import { blockOfFile } from '../model/plan-model.js';
import { isProject } from '../generated/ast.js';
import { KeptPerProject, subtreeSize } from './kept-per-project.js';

export class AdoptFoldingRangeProvider extends DefaultFoldingRangeProvider {
    private readonly facts: SyntaxFacts;
    /** Each document's projects' ranges (a project's and those of all it holds), from its last answer. */
    private readonly projectFoldings = new KeptPerProject<{ readonly size: number; readonly ranges: readonly FoldingRange[] }>();

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
        // Each project's ranges come from the answer before when it is what it was (kept-per-project.ts).
        const answer = this.projectFoldings.begin(document);
        const nodes = this.facts.nodes(root);
        for (let i = 0; i < nodes.length; i++) {
            const node = nodes[i];
            if (!isProject(node)) {
                if (node !== root || !sameAsBlock) this.collectObjectFolding(document, node, acceptor);
                continue;
            }
            const taken = answer.taken(node);
            if (taken) {
                const { size, ranges } = taken.value;
                const moved = taken.lines === 0 ? ranges : ranges.map(range => ({ ...range, startLine: range.startLine + taken.lines, endLine: range.endLine + taken.lines }));
                for (const range of moved) acceptor(range);
                answer.keepAt(node, moved === ranges ? taken.value : { size, ranges: moved }, taken.start);
                i += size - 1;
                continue;
            }
            const ranges: FoldingRange[] = [];
            const end = i + subtreeSize(nodes, i);
            for (let j = i; j < end; j++) this.collectObjectFolding(document, nodes[j], range => ranges.push(range));
            for (const range of ranges) acceptor(range);
            answer.keep(node, { size: end - i, ranges });
            i = end - 1;
        }
        this.projectFoldings.finish(document, answer);
        const comments = this.facts.comments(root);
        for (const comment of comments) {
            if (this.commentNames.includes(comment.terminal) && comment.range.end.line > comment.range.start.line) {
                const { start, end } = comment.range;
                acceptor(FoldingRange.create(start.line, end.line, start.character, end.character, FoldingRangeKind.Comment));
            }
        }
        this.collectLineCommentRuns(comments, acceptor);
    }

    /** Projects whose ranges were taken from the answer before, and those made anew (for tests). */
    get counts(): { readonly kept: number; readonly made: number } {
        return this.projectFoldings.counts;
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
