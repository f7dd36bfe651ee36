/**
 * Every use of a part of Langium that is not its public API, in one place, each with a probe that
 * says whether it still fits (tests/language/fast-build/langium-internals.test.ts fails with the
 * probe's words when one no longer does; the fast build then does without it). In this file:
 *
 * 1. Langium 4.4's `LangiumParser` keeps two private parts the fast build changes
 *    (`useFastBuildInternals`):
 *    - its CST node builder (`nodeBuilder`), replaced by the fast build's (cst-builder.ts), so
 *      that the trees Langium's parser builds (a rule other than the entry rule; every text of a
 *      grammar the fast parser does not take) have the same kind of nodes and state as the fast
 *      parser's;
 *    - how it takes the comments before each token (`extractHiddenTokens`, reading
 *      `lexerResult.hidden`, within `doParse`): Langium removes them from the front of one array
 *      (`splice(0, n)`), quadratic in the number of comments (50,000 commented declarations:
 *      14 s); here a cursor reads them, and the ones read are removed once, when the parse ends.
 *    Each change is made, then checked by parsing a small text with a comment before the entry
 *    rule's first keyword: if the tree does not come out as expected (a Langium upgrade renamed
 *    or changed what is used here), the change is undone and Langium's own code runs, as it would
 *    without the fast build. `InternalsUse.problems` says what no longer fits.
 * 2. Langium's `CstNodeBuilder` types the nodes it builds as its own classes
 *    (`CompositeCstNodeImpl`, `LeafCstNodeImpl`), which have private members; the fast build's
 *    builder gives its own nodes (lazy-cst.ts), which implement the same interfaces
 *    (`asLangiumCompositeNode`, `asLangiumLeafNode`). Langium's parser uses them through those
 *    interfaces only: the probe of 1 parses with them, and the builder is undone if it fails.
 * 3. Langium's references are of a class it does not export (`DefaultReferenceImpl`), which its
 *    linker links by writing their `_ref` and `_nodeDescription` (`DefaultReference`). The fast
 *    build's FastReference (linking.ts) is that class with every field set at once; FastLinker
 *    resets those two fields when it unlinks. `referenceProblems` compares the members of
 *    Langium's reference with the ones FastReference has; FastLinker makes Langium's references
 *    when they differ.
 */
import type { IToken } from 'chevrotain';
import {
    CstNodeBuilder, isCompositeCstNode, isLeafCstNode, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode, type LangiumParser,
    type LeafCstNode, type LeafCstNodeImpl, type Reference
} from 'langium';
import type { FastCstNodeBuilder } from './cst-builder.js';

// --- 1. the parser's node builder and comments -----------------------------------------------------

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
    else if (isCompositeCstNode(node)) for (const child of node.content) leavesOf(child, into);
    return into;
}

// --- 2. the builder's nodes as Langium's classes -----------------------------------------------------

/** A composite node of the fast build's builder as the type Langium's builder gives its own (`CstNodeBuilder.current`). */
export function asLangiumCompositeNode(node: CompositeCstNode): CompositeCstNodeImpl {
    return node as unknown as CompositeCstNodeImpl;
}

/** A leaf of the fast build's builder as the type Langium's builder gives its own (`CstNodeBuilder.createLeafNode`). */
export function asLangiumLeafNode(leaf: LeafCstNode): LeafCstNodeImpl {
    return leaf as unknown as LeafCstNodeImpl;
}

// --- 3. references ---------------------------------------------------------------------------------------

/**
 * The members of Langium 4.4's references (`DefaultReferenceImpl`: its fields, then its
 * prototype's getters), which FastReference has too: `resolver` on its prototype, `$refNode` a
 * getter over its field `refNode`, and `_nodeDescription` set from the start.
 */
const REFERENCE_MEMBERS = ['resolver', 'node', 'property', '_ref', '$refNode', '$refText', 'ref', '$nodeDescription', 'error'];

/**
 * What no longer fits between a reference that Langium's linker made (`DefaultLinker.buildReference`)
 * and FastReference: members Langium's has that are not known here, or known members it no
 * longer has (empty when everything fits).
 */
export function referenceProblems(langiumReference: Reference): string[] {
    const prototype = Object.getPrototypeOf(langiumReference) as object;
    const members = [...Object.keys(langiumReference), ...Object.getOwnPropertyNames(prototype).filter(name => name !== 'constructor')];
    const added = members.filter(name => !REFERENCE_MEMBERS.includes(name));
    const gone = REFERENCE_MEMBERS.filter(name => !members.includes(name));
    return [
        ...(added.length > 0 ? [`Langium's references have members FastReference lacks: ${added.join(', ')}`] : []),
        ...(gone.length > 0 ? [`Langium's references no longer have: ${gone.join(', ')}`] : [])
    ];
}
