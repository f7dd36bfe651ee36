/**
 * One parse of the fast parser (fast-parser.ts): a cursor over the tokens that runs the rules the
 * parser compiled from the grammar, building what Langium's parser builds, in its order. In this
 * file, from top to bottom:
 * - Langium's helpers the parse repeats (`assign`, `copyDefaultValue`, `linkCstNode`, ...);
 * - `ParseRun`: the parse itself. It opens and finishes nodes (`entry`, `node`, `datatype`,
 *   `finish`), consumes tokens into leaves (`leaf`, `tokenValue`), assigns children and
 *   references (`addChild`, `reference`), places comments, and lists the nodes and references in
 *   the order it made them. It stops at the first problem (`mismatch`): an incremental update's
 *   parse of one declaration, and the recovery's tries (`reach`), need no more. A text given in
 *   full is parsed by its subclass RecoveringRun (recovery.ts), which recovers from problems
 *   where a person would.
 *
 * The cursor can take a token as present that is not (`assumed`: a keyword missing there) and
 * read a token as another kind (`stand`: a misspelled keyword); the recovery sets them.
 */
import type { IToken } from 'chevrotain';
import type { AstNode, CstNode, GrammarAST, Mutable, Reference, ReferenceInfo } from 'langium';
import type { Expectation, FoundToken, SyntaxProblem } from '../parser/parse-errors.js';
import { FastCstNodeBuilder } from './cst-builder.js';
import type { Alternatives, CompiledRule, FastParser, FoundProblem, Loop, Node, Part, Step, TokenCallKinds } from './fast-parser.js';
import type { Tokens } from './fast-lexer.js';
import type { TokenAlternative } from './grammar-analysis.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, leafCode } from './lazy-cst.js';
import { FastLinker } from './linking.js';

type Element = GrammarAST.AbstractElement;

/**
 * The empty list that every node without items in a list property holds (a frozen array: nothing
 * may add to it). Langium gives each such node an empty array of its own (`copyDefaultValue`):
 * about 40 bytes a list, and a project has seven lists, most of them often empty.
 */
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

/** Langium's `copyDefaultValue`: a fresh copy of a list default (the shared empty list for an empty one), the value itself otherwise. */
function copyDefaultValue(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    return value.length === 0 ? EMPTY_LIST : [...value.map(copyDefaultValue)];
}

/** Langium's `assign` of a value that is not a node: `=`, `?=` (true) or `+=`. */
export function assign(node: Node, feature: string, operator: string, value: unknown): void {
    if (operator === '?=') {
        node[feature] = true;
    } else if (operator === '+=') {
        append(node, feature, node[feature], value);
    } else {
        node[feature] = value;
    }
}

/** Adds an item to a node's list property, `existing` (a list of its own in the place of none or the shared empty one); its index there. */
function append(node: Node, property: string, existing: unknown, item: unknown): number {
    if (Array.isArray(existing) && existing !== EMPTY_LIST) {
        existing.push(item);
        return existing.length - 1;
    }
    node[property] = [item];
    return 0;
}

/** Langium's `linkCstNode`: the node's composite node points back to it. */
function linkCstNode(node: Node): void {
    (node.$cstNode as Mutable<CstNode>).astNode = node;
}

/**
 * What Langium's `linkContentToContainer` sets on a child once the whole tree is parsed, set as
 * soon as the child is finished: the same properties, added in the same order, after all others.
 */
function linkToContainer(child: Node, container: Node, property: string, index: number | undefined): void {
    child.$container = container;
    child.$containerProperty = property;
    if (index !== undefined) child.$containerIndex = index;
}

/** What `mismatch` answers when the cursor's token is now the one wanted (read as it, or a stray one left out): try again. */
export const RETRY = -2;

/** A token taken for another: the token's index and the kind it stands for. */
export interface Stand {
    readonly index: number;
    readonly kind: number;
}

/** How far a try parsed: the index of the token it reached, and whether it parsed to its end. */
export interface Reach {
    readonly index: number;
    readonly complete: boolean;
}

/** One parse: a cursor over the tokens, the node builder, and what the parse lists. */
export class ParseRun {
    /** The nodes in the order they were opened (the root first). */
    readonly nodes: AstNode[] = [];
    /** The references in the order they were parsed, with their container, property and index. */
    readonly references: ReferenceInfo[] = [];
    /** False once the parse order is not Langium's walk order (see `FastParse`). */
    inTreeOrder = true;
    /** The problems found (a recovering run) or the first one (a run that does not recover). */
    readonly problems: FoundProblem[] = [];
    /** True from a problem the run could not recover from in place until a loop recovers (or, not recovering, to the end). */
    broken = false;
    /** For each open node (by depth: the root at 0): the property it last added a child to, and a reference to. */
    private readonly lastChild: Array<string | undefined> = [undefined];
    private readonly lastReference: Array<string | undefined> = [undefined];
    private depth = 0;
    /** The names referred to so far, each once (see `shared`). */
    private readonly names = new Map<string, string>();
    index = 0;
    private hiddenIndex = 0;
    /** The kind that stands for the end of the text. */
    protected readonly end: number;
    /** A token taken as present at the cursor though it is not (a missing keyword), or -1. */
    protected assumed = -1;
    /** A token read as another kind (a misspelled keyword). */
    protected stand: Stand | undefined;
    /** The nodes being built with their rules, outermost first (the recovery tells problems within them). */
    protected readonly openNodes: Node[] = [];
    protected readonly openRules: CompiledRule[] = [];
    /** The node last finished, with its rule (the statement a loop just parsed; kept as two fields: no object per node). */
    protected finishedNode: Node | undefined;
    protected finishedRule: CompiledRule | undefined;

    constructor(protected readonly parser: FastParser, protected readonly text: string, protected readonly tokens: Tokens,
        protected readonly builder: FastCstNodeBuilder) {
        this.end = parser.lexer.end;
    }

    // --- the rules: entry, node, data type ------------------------------------------------------------

    /** The entry rule over all the tokens: the root node (its composite node is the root CST node), trailing comments placed. */
    entry(rule: CompiledRule): AstNode {
        const node = this.parser.newNode(rule.type);
        this.nodes.push(node);
        this.openNodes.push(node);
        this.openRules.push(rule);
        this.parseEntry(rule, node);
        this.openNodes.pop();
        this.openRules.pop();
        if (this.index < this.tokens.count && !this.broken) this.tokensAfterEntry(rule, node);
        this.index = this.tokens.count;
        this.finish(node, rule);
        linkCstNode(node);
        this.builder.addHiddenNodes(this.hiddenTokensBefore(Number.POSITIVE_INFINITY));
        return node;
    }

    /** The entry rule's body, from the first token. */
    protected parseEntry(rule: CompiledRule, node: Node): void {
        rule.body(this, node);
    }

    /** Tokens are left after the entry rule ended: the problem, and the run stops. */
    protected tokensAfterEntry(_rule: CompiledRule, _node: Node): void {
        this.stop({ kind: 'after-end', found: this.found(this.index) }, this.index);
    }

    /** One declaration over all the tokens (`FastParser.parseUnit`), linked to its composite node, no container yet; undefined if it does not parse exactly. */
    alone(rule: CompiledRule, call: GrammarAST.RuleCall): AstNode | undefined {
        const node = this.node(rule, call);
        if (!node || this.broken || this.index !== this.tokens.count || this.hiddenIndex !== this.tokens.hiddenStarts.length) return undefined;
        linkCstNode(node);
        return node;
    }

    /** `subrule` of a node rule: a composite node for the call, the rule's new node, `construct` when it ends; undefined if it took no token. */
    node(rule: CompiledRule, call: Element): Node | undefined {
        const cst = this.builder.buildCompositeNode(call);
        const node = this.parser.newNode(rule.type);
        this.nodes.push(node);
        const depth = ++this.depth;
        this.lastChild[depth] = undefined;
        this.lastReference[depth] = undefined;
        this.openNodes.push(node);
        this.openRules.push(rule);
        rule.body(this, node);
        this.openNodes.pop();
        this.openRules.pop();
        this.depth--;
        this.finish(node, rule);
        // A rule that took no token (the problem was at its first) leaves no node, as in Langium.
        if (cst instanceof AdoptCompositeCstNode && cst.childCount === 0) {
            this.nodes.splice(this.nodes.lastIndexOf(node), 1);
            return undefined;
        }
        this.finishedNode = node;
        this.finishedRule = rule;
        return node;
    }

    /** `construct`: the node gets its composite node, then the defaults of the properties it lacks; its lists their exact length. */
    protected finish(node: Node, rule: CompiledRule): Node {
        this.builder.close(node);
        for (const [name, value] of rule.defaults) {
            if (node[name] === undefined) node[name] = copyDefaultValue(value);
        }
        // A list that grew by `push` keeps room for more items (about 130 bytes); Langium's parser
        // keeps that room, the lists are the same otherwise. Nothing else holds the lists yet.
        for (const property of rule.lists) {
            const list = node[property];
            if (Array.isArray(list) && list.length > 1) node[property] = list.slice();
        }
        return node;
    }

    /** `subrule` of a data type rule: its composite node, the text it collects converted by the value converter. */
    datatype(rule: CompiledRule, call: Element): unknown {
        const cst = this.builder.buildCompositeNode(call);
        // What the rule collects (no node: its type is left empty).
        const value: Node = { $type: '', value: '' };
        rule.body(this, value);
        this.builder.close(value);
        if (cst instanceof AdoptCompositeCstNode && cst.childCount === 0) return undefined;
        return this.parser.converter.convert(value.value as string, cst);
    }

    // --- children and references ----------------------------------------------------------------------

    /** Langium's `assign` of a node made by a subrule: its composite node linked to it, the child linked to its container. */
    addChild(node: Node, property: string, operator: string, child: Node): void {
        linkCstNode(child);
        const depth = this.depth;
        const existing = node[property];
        // A property that already has children got another after another property's: not the walk's order.
        if (existing !== undefined && this.lastChild[depth] !== property) this.inTreeOrder = false;
        this.lastChild[depth] = property;
        if (operator === '+=') {
            linkToContainer(child, node, property, append(node, property, existing, child));
        } else {
            node[property] = operator === '?=' ? true : child;
            linkToContainer(child, node, property, undefined);
        }
    }

    /**
     * A cross-reference whose token (or data type rule call) was just consumed, its text given:
     * the linker's reference, assigned, and listed with its place.
     */
    reference(node: Node, property: string, list: boolean, refText: string): void {
        const text = this.shared(refText);
        const home = this.builder.currentNode;
        const linker = this.parser.linker;
        // The reference's token is the last child of its container's composite node (being built).
        const reference: Reference = home instanceof AdoptCompositeCstNode && linker instanceof FastLinker && linker.buildsReferencesAt
            ? linker.buildReferenceAt(node, property, home.childCount - 1, text)
            : linker.buildReference(node, property, home.content[home.content.length - 1], text);
        const depth = this.depth;
        const existing = node[property];
        // References come before children in the walk, and by property.
        if (this.lastChild[depth] !== undefined || (existing !== undefined && this.lastReference[depth] !== property)) this.inTreeOrder = false;
        this.lastReference[depth] = property;
        if (list) {
            this.references.push({ reference, container: node, property, index: append(node, property, existing, reference) });
        } else {
            node[property] = reference;
            this.references.push({ reference, container: node, property });
        }
    }

    /**
     * One string per distinct name referred to: a plan of 10,000 projects refers to its few
     * hundred members 40,000 times, and each `$refText` would otherwise be a string of its own.
     */
    private shared(name: string): string {
        const known = this.names.get(name);
        if (known !== undefined) return known;
        this.names.set(name, name);
        return name;
    }

    // --- tokens -----------------------------------------------------------------------------------------

    /** The kind of the token at the cursor (as taken or read by the recovery), or the end's. */
    peek(): number {
        if (this.assumed >= 0) return this.assumed;
        const stand = this.stand;
        if (stand && stand.index === this.index) return stand.kind;
        return this.index < this.tokens.count ? this.tokens.kinds[this.index] : this.end;
    }

    /**
     * `consume`: the comments before the token, then the token's leaf in the current composite
     * node: a leaf not made yet (a number) in an AdoptCompositeCstNode, a leaf in the root.
     * Returns the token's index; -1 when the token is missing (taken as present, or a problem).
     */
    leaf(kind: number, featureIndex: number, feature: Element): number {
        const index = this.index;
        const tokens = this.tokens;
        if (this.assumed >= 0) {
            if (this.assumed !== kind) return this.mismatch([this.parser.expectationOf(feature)], feature, [kind]);
            this.assumed = -1;
            return -1;
        }
        const actual = index < tokens.count ? tokens.kinds[index] : this.end;
        if (actual !== kind && !(this.stand?.index === index && this.stand.kind === kind)) {
            return this.mismatch([this.parser.expectationOf(feature)], feature, [kind]) === RETRY ? this.leaf(kind, featureIndex, feature) : -1;
        }
        if (this.stand?.index === index) this.stand = undefined;
        const start = tokens.starts[index];
        if (this.hiddenIndex < tokens.hiddenStarts.length && tokens.hiddenStarts[this.hiddenIndex] <= start) {
            this.builder.addHiddenNodes(this.hiddenTokensBefore(start));
        }
        const parent = this.builder.currentNode;
        if (parent instanceof AdoptCompositeCstNode) {
            parent.appendLeaf(leafCode(start, featureIndex));
        } else {
            const leaf = new AdoptLeafCstNode(start, tokens.ends[index] - start, this.parser.lexer.types[actual], false);
            leaf.grammarSource = feature;
            this.builder.appendChild(parent, leaf);
        }
        this.index = index + 1;
        return index;
    }

    /**
     * A call of a data type rule of one token: its composite node with the token's leaf, the
     * rule's value (a keyword's text, a terminal's converted value) converted. In an
     * AdoptCompositeCstNode, with no comment before the token, the two are one number and made
     * when asked for (lazy-cst.ts). Undefined when the token is missing.
     */
    tokenValue(call: GrammarAST.RuleCall | GrammarAST.CrossReference, callIndex: number, alternatives: ReadonlyMap<number, TokenAlternative>, token: TokenCallKinds): unknown {
        let kind = this.peek();
        let value = token.values[kind];
        if (value === undefined || this.assumed >= 0) {
            if (this.mismatch([this.parser.expectationOf(call)], call, [...alternatives.keys()]) !== RETRY) return undefined;
            kind = this.peek();
            value = token.values[kind];
            if (value === undefined) return undefined;
        }
        const index = this.index;
        const parent = this.builder.currentNode;
        const start = this.tokens.starts[index];
        const commentBefore = this.hiddenIndex < this.tokens.hiddenStarts.length && this.tokens.hiddenStarts[this.hiddenIndex] <= start;
        if (parent instanceof AdoptCompositeCstNode && !commentBefore) {
            parent.appendLeaf(leafCode(start, callIndex));
            if (this.stand?.index === index) this.stand = undefined;
            this.index++;
        } else {
            this.builder.buildCompositeNode(call);
            this.leaf(kind, token.featureIndexes[kind], alternatives.get(kind)!);
            this.builder.close({});
        }
        return value(this.text.substring(start, this.tokens.ends[index]));
    }

    /** The text of a token. */
    image(token: number): string {
        return this.text.substring(this.tokens.starts[token], this.tokens.ends[token]);
    }

    /** The comments not placed yet that start at or before an offset, as Chevrotain tokens (what the node builder reads). */
    private hiddenTokensBefore(offset: number): IToken[] {
        const { hiddenStarts, hiddenEnds, hiddenKinds } = this.tokens;
        const found: IToken[] = [];
        while (this.hiddenIndex < hiddenStarts.length && hiddenStarts[this.hiddenIndex] <= offset) {
            const start = hiddenStarts[this.hiddenIndex];
            const end = hiddenEnds[this.hiddenIndex];
            found.push({
                image: this.text.substring(start, end), startOffset: start, endOffset: end - 1,
                tokenType: this.parser.lexer.types[hiddenKinds[this.hiddenIndex]]
            } as IToken);
            this.hiddenIndex++;
        }
        return found;
    }

    // --- loops ------------------------------------------------------------------------------------------

    /** `(item)*` or `(item)+`: the items while a token starts one. */
    repeat(loop: Loop, node: Node, atLeastOne: boolean): void {
        if (atLeastOne) {
            this.item(loop, node);
            if (this.broken) return;
        }
        while (loop.first[this.peek()] && !this.broken) this.item(loop, node);
    }

    /** Parses the item the cursor's token starts. */
    protected item(loop: Loop, node: Node): void {
        const chosen = loop.itemOf[this.peek()];
        this.finishedNode = undefined;
        this.finishedRule = undefined;
        loop.items[chosen >= 0 ? chosen : 0].step(this, node);
    }

    // --- problems -----------------------------------------------------------------------------------------

    /**
     * The token at the cursor is not what `expected` wants: the run stops (a recovering run deals
     * with it: recovery.ts). Returns -1 (no token consumed for the element), or `RETRY` when the
     * cursor's token is now the one wanted.
     */
    /**
     * No alternative starts at the cursor: the one to parse (a recovering run reads a word close
     * to an alternative's keyword as it, or takes the keyword as missing), else -1.
     */
    noAlternative(alternatives: Alternatives, element: Element, _node: Node): number {
        return this.mismatch(alternatives.expected, element, alternatives.kinds) === RETRY ? alternatives.choice[this.peek()] : -1;
    }

    mismatch(expected: readonly Expectation[], _element: Element, _kinds: readonly number[] = []): number {
        if (this.broken) return -1;
        this.stop({ kind: 'expected', expected, found: this.found(this.index) }, this.index);
        return -1;
    }

    /**
     * A part of a group failed at its first token: where the group goes on (a recovering run
     * finds a part written out of order or a stray token; recovery.ts). -1: it does not.
     */
    recoverPart(_parts: readonly Part[], _failed: number, _node: Node, _rule: CompiledRule): number {
        return -1;
    }

    /** Stops the run at a problem (the first a run that does not recover keeps). */
    protected stop(problem: SyntaxProblem, token: number): void {
        this.broken = true;
        this.problems.push({ problem, token, afterPrevious: false });
    }

    /** The token at an index as a problem tells it. */
    protected found(index: number): FoundToken {
        if (index >= this.tokens.count) return { image: '', end: true };
        const kind = this.tokens.kinds[index];
        const image = this.text.substring(this.tokens.starts[index], this.tokens.ends[index]);
        return this.parser.keywordText(kind) !== undefined ? { image } : { image, terminal: this.parser.lexer.types[kind].name };
    }

    /**
     * How far a step parses from the cursor without recovering (nothing built, nothing kept): the
     * index it reaches, and whether it parsed to its end. `stand` reads a token as another kind;
     * `assumed` takes a token as present before the cursor. The recovery tries its guesses so.
     */
    protected reach(step: Step, node: Node, stand?: Stand, assumed = -1): Reach {
        const builder = new FastCstNodeBuilder(undefined);
        builder.buildRootNode(this.text);
        const run = new ParseRun(this.parser, this.text, this.tokens, builder);
        run.index = this.index;
        run.hiddenIndex = this.hiddenIndex;
        run.stand = stand;
        run.assumed = assumed;
        const scratch = this.parser.newNode(node.$type);
        step(run, scratch);
        return { index: run.index, complete: !run.broken };
    }
}
