/**
 * Every use of a part of Langium that is not its public API, in one place. The fast build needs
 * two such parts of Langium 4.4's `LangiumParser`, both private:
 * - its CST node builder (`nodeBuilder`), replaced by the fast build's (cst-builder.ts), so that
 *   the trees Langium's parser builds (a rule other than the entry rule; every text of a grammar
 *   the fast parser does not take) have the same kind of nodes and state as the fast parser's;
 * - how it takes the comments before each token (`extractHiddenTokens`, reading
 *   `lexerResult.hidden`, within `doParse`): Langium removes them from the front of one array
 *   (`splice(0, n)`), quadratic in the number of comments (50,000 commented declarations: 14 s);
 *   here a cursor reads them, and the ones read are removed once, when the parse ends.
 *
 * Each change is made, then checked by parsing a small text with a comment before the entry
 * rule's first keyword: if the tree does not come out as expected (a Langium upgrade renamed or
 * changed what is used here), the change is undone and Langium's own code runs, as it would
 * without the fast build. `checkLangiumInternals` says what no longer fits
 * (tests/language/fast-build/langium-internals.test.ts fails with its message).
 */
import type { IToken } from 'chevrotain';
import { CstNodeBuilder, isLeafCstNode, type CstNode, type LangiumParser } from 'langium';
import type { FastCstNodeBuilder } from './cst-builder.js';

/** The private parts of Langium's parser used here, as Langium 4.4 has them. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

/** What the fast build changed in one parser, and what it could not. */
export interface InternalsUse {
    /** The fast build's CST node builder is the parser's. */
    readonly builder: boolean;
    /** The parser takes comments with a cursor. */
    readonly linearComments: boolean;
    /** What did not fit, in words (empty when everything did). */
    readonly problems: readonly string[];
}

/**
 * Makes a finalized Langium parser use `builder` and take comments in linear time, checks both
 * with `probe` (a text: a comment, then the first keyword of the entry rule), and undoes what
 * does not work.
 */
export function useFastBuildInternals(parser: LangiumParser, builder: FastCstNodeBuilder, probe: string): InternalsUse {
    const internals = parser as unknown as Partial<ParserInternals>;
    const problems: string[] = [];
    const originalBuilder = internals.nodeBuilder;
    const extract = internals.extractHiddenTokens;
    const doParse = internals.doParse;
    const canUseBuilder = originalBuilder instanceof CstNodeBuilder;
    if (canUseBuilder) internals.nodeBuilder = builder;
    else problems.push('LangiumParser has no nodeBuilder');
    const canTakeComments = extract !== undefined && doParse !== undefined && typeof extract === 'function' && typeof doParse === 'function';
    if (canTakeComments) takeCommentsWithACursor(internals, doParse);
    else problems.push('LangiumParser has no extractHiddenTokens or doParse');
    // One parse of the probe checks both changes.
    const root = rootOfProbe(parser, probe);
    const usesBuilder = canUseBuilder && root !== undefined && root === builder.builtRoot;
    if (canUseBuilder && !usesBuilder) {
        internals.nodeBuilder = originalBuilder;
        problems.push('LangiumParser.nodeBuilder is no longer the CST node builder its parse uses');
    }
    // The probe's one comment comes before its first token: it must be in the tree once, first.
    const leaves = root ? leavesOf(root) : [];
    const linearComments = canTakeComments && leaves.filter(leaf => leaf.hidden).length === 1 && leaves[0]?.hidden === true;
    if (canTakeComments && !linearComments) {
        internals.extractHiddenTokens = extract;
        internals.doParse = doParse;
        problems.push('with a cursor over LangiumParser.lexerResult.hidden, the comment before the first token was not placed before it, once');
    }
    return { builder: usesBuilder, linearComments, problems };
}

/** The root CST node of Langium's parse of the probe (undefined if the parse throws). */
function rootOfProbe(parser: LangiumParser, probe: string): CstNode | undefined {
    try {
        return parser.parse(probe).value.$cstNode?.root;
    } catch {
        return undefined;
    }
}

/** Langium's `extractHiddenTokens`, reading the comments with a cursor; the ones read removed when the parse ends. */
function takeCommentsWithACursor(internals: Partial<ParserInternals>, doParse: ParserInternals['doParse']): void {
    let hidden: IToken[] | undefined;
    let taken = 0;
    internals.extractHiddenTokens = (token: IToken): IToken[] => {
        const all = internals.lexerResult?.hidden ?? [];
        if (all !== hidden) {
            hidden = all;
            taken = 0;
        }
        const start = taken;
        let end = start;
        while (end < all.length && all[end].startOffset <= token.startOffset) end++;
        taken = end;
        return end === start ? [] : all.slice(start, end);
    };
    internals.doParse = function (this: unknown, rule: unknown): unknown {
        try {
            return doParse.call(this, rule);
        } finally {
            // Langium adds the comments left in the list after the parse: only those after the last token.
            if (hidden && taken > 0) hidden.splice(0, taken);
            hidden = undefined;
            taken = 0;
        }
    };
}

/** The leaves of a tree, in text order. */
function leavesOf(node: CstNode, into: CstNode[] = []): CstNode[] {
    if (isLeafCstNode(node)) into.push(node);
    else for (const child of (node as unknown as { content: CstNode[] }).content) leavesOf(child, into);
    return into;
}
