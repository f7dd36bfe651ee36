/**
 * What validation, the score, the editor's features and the CLI ask of a plan's syntax tree, in
 * one small API (the `syntax.Facts` service):
 * - `nodes(root)`: every node of the tree, in the order of Langium's `streamAst`;
 * - `propertyRange`, `propertyRanges`, `keywordRange`: where a node's property or keyword is
 *   written (Langium's `findNodeForProperty`, `findNodesForProperty`, `findNodeForKeyword`);
 * - `diagnosticRange`: where a diagnostic goes (Langium's `getDiagnosticRange`);
 * - `start(node)`: where a node's text starts;
 * - `comments(root)`: the comments of the tree, in text order;
 * - `builtBy(root)`: which parser built the tree.
 *
 * This class answers with Langium's own utilities. The fast build (src/language/fast-build/)
 * answers the same for every tree, without making the leaves of the concrete syntax tree that its
 * parser leaves unmade (tests/language/fast-build/ compare the two on every tree they parse).
 */
import { AstUtils, CstUtils, GrammarUtils, isLeafCstNode, type AstNode, type DiagnosticInfo, type LeafCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

/** A comment of a plan. */
export interface Comment {
    /** Where it is, and its text, delimiters included. */
    readonly range: Range;
    readonly offset: number;
    readonly end: number;
    readonly text: string;
    /** The name of its terminal (`ML_COMMENT`, `SL_COMMENT`). */
    readonly terminal: string;
    /** Whether a token (not a comment) comes between it and the comment before it (or the start of the text). */
    readonly afterToken: boolean;
}

/** Which parser built a tree: the fast build's (fast-build/fast-parser.ts) or Langium's. */
export type ParserName = 'fast' | 'langium';

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class SyntaxFacts {
    nodes(root: AstNode): readonly AstNode[] {
        return AstUtils.streamAst(root).toArray();
    }

    /** The range of the `index`-th value of a property (clamped to those there are; the first without an index). */
    propertyRange(node: AstNode, property: string, index?: number): Range | undefined {
        return GrammarUtils.findNodeForProperty(node.$cstNode, property, index)?.range;
    }

    /** The ranges of every value of a property, in text order. */
    propertyRanges(node: AstNode, property: string): Range[] {
        return GrammarUtils.findNodesForProperty(node.$cstNode, property).map(cst => cst.range);
    }

    /** The range of the `index`-th occurrence of a keyword among the node's own tokens (clamped; the first without an index). */
    keywordRange(node: AstNode, keyword: string, index?: number): Range | undefined {
        return GrammarUtils.findNodeForKeyword(node.$cstNode, keyword, index)?.range;
    }

    /** Where a diagnostic goes: its range, else its property's or keyword's, else its node's. */
    diagnosticRange<N extends AstNode>(info: DiagnosticInfo<N>): Range {
        if (info.range) return info.range;
        let found: Range | undefined;
        if (typeof info.property === 'string') found = this.propertyRange(info.node, info.property, info.index);
        else if (typeof info.keyword === 'string') found = this.keywordRange(info.node, info.keyword, info.index);
        return found ?? info.node.$cstNode?.range ?? NOWHERE;
    }

    /** Where the node's text starts (its first token). */
    start(node: AstNode): Position {
        return node.$cstNode?.range.start ?? NOWHERE.start;
    }

    comments(root: AstNode): Comment[] {
        const comments: Comment[] = [];
        const cst = root.$cstNode;
        if (!cst) return comments;
        let afterToken = false;
        for (const node of CstUtils.streamCst(cst)) {
            if (!isLeafCstNode(node)) continue;
            if (node.hidden) {
                comments.push(commentOf(node, afterToken));
                afterToken = false;
            } else {
                afterToken = true;
            }
        }
        return comments;
    }

    builtBy(_root: AstNode): ParserName {
        return 'langium';
    }
}

export function commentOf(leaf: LeafCstNode, afterToken: boolean): Comment {
    return { range: leaf.range, offset: leaf.offset, end: leaf.end, text: leaf.text, terminal: leaf.tokenType.name, afterToken };
}
