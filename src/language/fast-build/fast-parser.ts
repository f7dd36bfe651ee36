/**
 * The fast parser: for a text without lexer or syntax errors it builds exactly what Langium's
 * parser builds (the same AST nodes, property values and their order, defaults, references made
 * by the linker, values made by the value converter, and the same concrete syntax tree, made by
 * driving the same CST node builder in the same order), in less than half the time, and leaves
 * most leaves of the concrete syntax tree as numbers (lazy-cst.ts).
 *
 * It is not written per rule: each rule of the grammar is compiled once, at start-up, into a
 * function that follows the rule (grammar-analysis.ts decides each choice by one token). A
 * change to src/language/adopt.langium needs no change here.
 *
 * On anything else (a lexer error, a token the grammar does not allow where it stands, text
 * after the plan) it gives up and answers undefined: the caller then parses with Langium's
 * parser, so a plan with errors gets Langium's error recovery and messages.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
    AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type CstNodeBuilder,
    type LangiumCoreServices, type Linker, type Reference, type ReferenceInfo, type RootCstNode, type ValueConverter
} from 'langium';
import { FastLexer, type Tokens } from './fast-lexer.js';
import { GrammarAnalysis, type ParseUnit, type RuleRole, type TokenAlternative } from './grammar-analysis.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, LEAF_FEATURES, leafCode, type LeafMaker } from './lazy-cst.js';
import { FastLinker } from './linking.js';

type Element = GrammarAST.AbstractElement;
type Node = Record<string, unknown> & { $type: string; $cstNode?: CstNode };
/** A compiled element: parses it into the node being built (for a data type rule, a `{ value }` being built). */
type Step = (run: ParseRun, node: Node) => void;

/** Thrown (never escapes) when the text is not one the fast parser builds exactly. */
const GIVE_UP = Symbol('give up');

/** A property with a default value, and that value (Langium's type metadata). */
type PropertyDefault = readonly [name: string, value: unknown];

/** What the node builder's `construct` takes (it sets `$cstNode`). */
type Constructed = Parameters<CstNodeBuilder['construct']>[0];

/** A compiled parser rule. */
interface CompiledRule {
    readonly rule: GrammarAST.ParserRule;
    readonly role: RuleRole;
    /** The node type a node rule makes. */
    readonly type: string;
    /** The node type's properties with defaults, in Langium's order. */
    readonly defaults: readonly PropertyDefault[];
    /** The list properties the rule adds to (`+=`): given their exact length when it ends. */
    readonly lists: readonly string[];
    /** For a data type rule of one token (Level, Role, Name): its alternatives by token kind. */
    readonly tokens: ReadonlyMap<number, TokenAlternative> | undefined;
    body: Step;
}

/**
 * A parsed plan, its nodes linked to their containers as Langium's `linkContentToContainer`
 * links them, and its nodes and references in the order they were parsed: the order of
 * Langium's walk (`streamAst`, then `streamReferences` per node) when `inTreeOrder`, that is when
 * no node's children or references of one property come after another property's and then
 * resume (`stage s { project a ... goal g ... project b ... }` lists `a, b, g` in Langium's order).
 */
export interface FastParse {
    readonly root: AstNode;
    readonly nodes: AstNode[];
    readonly references: ReferenceInfo[];
    readonly inTreeOrder: boolean;
}

export class FastParser implements LeafMaker {
    readonly lexer: FastLexer;
    readonly analysis: GrammarAnalysis;
    /** The grammar elements that leaves not made yet point to, by index (a leaf's number holds the index). */
    private readonly features: Element[] = [];
    private readonly featureIndexes = new Map<Element, number>();
    /** For the index of a call of a data type rule of one token: the rule's alternatives by token kind. */
    private readonly tokenCalls: Array<ReadonlyMap<number, TokenAlternative> | undefined> = [];
    private readonly compiled = new Map<GrammarAST.ParserRule, CompiledRule>();
    /** One constructor per node type (see `newNode`). */
    private readonly constructors = new Map<string, new () => Node>();
    /** The declarations an edit can re-parse alone (grammar-analysis.ts). */
    readonly units: readonly ParseUnit[];

    private constructor(analysis: GrammarAnalysis, private readonly reflection: AstReflection, readonly linker: Linker, readonly converter: ValueConverter) {
        this.analysis = analysis;
        this.lexer = analysis.lexer;
        this.units = analysis.units;
        for (const rule of analysis.rules) {
            const role = analysis.roleOf(rule);
            const type = role === 'node' ? GrammarUtils.getTypeName(rule) : '';
            this.compiled.set(rule, {
                rule, role, type,
                defaults: role === 'node' ? this.defaultsOf(type) : [],
                lists: [...new Set(AstUtils.streamAst(rule.definition).filter(GrammarAST.isAssignment).filter(a => a.operator === '+=').map(a => a.feature))],
                tokens: analysis.tokenAlternativesOf(rule),
                body: () => { throw new Error(`rule ${rule.name} is not compiled`); }
            });
        }
        for (const compiled of this.compiled.values()) compiled.body = this.compile(compiled.rule.definition, compiled);
    }

    /** A fast parser for the language's grammar and lexer, or the reason there can be none. */
    static create(services: LangiumCoreServices): FastParser | string {
        const lexer = FastLexer.create(services.parser.Lexer.definition as Record<string, TokenType>);
        if (typeof lexer === 'string') return lexer;
        const analysis = GrammarAnalysis.of(services.Grammar, lexer);
        if (typeof analysis === 'string') return analysis;
        try {
            return new FastParser(analysis, services.shared.AstReflection, services.references.Linker, services.parser.ValueConverter);
        } catch (error) {
            return error instanceof TooManyFeatures ? error.message : `the grammar could not be compiled: ${String(error)}`;
        }
    }

    /**
     * Parses a text with the node builder (after `buildRootNode`, which this calls); undefined if
     * it has a lexer or syntax error (the builder then holds a partial tree: start again).
     */
    parse(text: string, builder: CstNodeBuilder): FastParse | undefined {
        const tokens = this.lexer.lex(text);
        if (!tokens) return undefined;
        builder.buildRootNode(text);
        const run = new ParseRun(this, text, tokens, builder);
        try {
            const root = run.entry(this.compiled.get(this.analysis.entry)!);
            return { root, nodes: run.nodes, references: run.references, inTreeOrder: run.inTreeOrder };
        } catch (error) {
            if (error === GIVE_UP) return undefined;
            throw error;
        }
    }

    /**
     * Parses one declaration alone, for an incremental update (incremental-parse.ts): the tokens
     * of `text[start, end)`, which must be exactly one `unit` from its keyword to its last token.
     * Starts a new tree of the whole text with the node builder (`buildRootNode(text)`); the
     * declaration's composite node is the root's one child. Undefined when those tokens are not
     * exactly one such declaration.
     */
    parseUnit(unit: ParseUnit, text: string, start: number, end: number, builder: CstNodeBuilder): { root: RootCstNode; node: AstNode } | undefined {
        const tokens = this.lexer.lex(text, start, end);
        if (!tokens) return undefined;
        const root = builder.buildRootNode(text);
        const run = new ParseRun(this, text, tokens, builder);
        try {
            const node = run.alone(this.compiled.get(unit.rule)!, unit.call);
            return { root, node };
        } catch (error) {
            if (error === GIVE_UP) return undefined;
            throw error;
        }
    }

    // --- compiling the grammar --------------------------------------------------------------------

    private compile(element: Element, rule: CompiledRule): Step {
        const step = this.compileElement(element, rule);
        const first = this.analysis.first(element);
        switch (element.cardinality) {
            case '?': return (run, node) => {
                if (first[run.peek()]) step(run, node);
            };
            case '*': return (run, node) => {
                while (first[run.peek()]) step(run, node);
            };
            case '+': return (run, node) => {
                do step(run, node); while (first[run.peek()]);
            };
            default: return step;
        }
    }

    private compileElement(element: Element, rule: CompiledRule): Step {
        if (GrammarAST.isGroup(element)) {
            const steps = element.elements.map(part => this.compile(part, rule));
            return (run, node) => {
                for (let i = 0; i < steps.length; i++) steps[i](run, node);
            };
        }
        if (GrammarAST.isAlternatives(element)) {
            const alternatives = element.elements.map(alternative => this.compile(alternative, rule));
            const choice = new Int16Array(this.analysis.kindCount).fill(-1);
            element.elements.forEach((alternative, index) => {
                const first = this.analysis.first(alternative);
                for (let kind = 0; kind < first.length; kind++) if (first[kind]) choice[kind] = index;
            });
            return (run, node) => {
                const index = choice[run.peek()];
                if (index < 0) throw GIVE_UP;
                alternatives[index](run, node);
            };
        }
        if (GrammarAST.isAssignment(element)) return this.compile(element.terminal, rule);
        const assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment);
        const feature = assignment?.feature ?? '';
        const operator = assignment?.operator ?? '=';
        if (GrammarAST.isKeyword(element) || (GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref))) {
            const kind = this.analysis.kindOf(element);
            const index = this.featureIndex(element);
            const isKeyword = GrammarAST.isKeyword(element);
            if (assignment) {
                return (run, node) => {
                    const token = run.leaf(kind, index, element);
                    assign(node, feature, operator, isKeyword ? (element as GrammarAST.Keyword).value : run.converted(token, element));
                };
            }
            if (rule.role === 'datatype') {
                return (run, node) => {
                    const token = run.leaf(kind, index, element);
                    node.value += isKeyword ? (element as GrammarAST.Keyword).value : String(run.converted(token, element));
                };
            }
            return run => {
                run.leaf(kind, index, element);
            };
        }
        if (GrammarAST.isCrossReference(element)) {
            const list = operator === '+=';
            const rule = this.analysis.crossReferenceRule(element);
            if (rule) {
                // Written with a data type rule (`[Member:Name]`): its value is the reference's text.
                const value = this.tokenCall(element, this.compiled.get(rule)!.tokens!);
                return (run, node) => run.reference(node, feature, list, value(run) as string);
            }
            const kind = this.analysis.kindOf(element);
            const index = this.featureIndex(element);
            return (run, node) => run.reference(node, feature, list, run.converted(run.leaf(kind, index, element), element) as string);
        }
        if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) {
            const called = this.compiled.get(element.rule.ref)!;
            if (called.role === 'fragment') return (run, node) => called.body(run, node);
            if (called.role === 'node') return (run, node) => run.addChild(node, feature, operator, run.node(called, element));
            const value = called.tokens
                ? this.tokenCall(element, called.tokens)
                : (run: ParseRun) => run.datatype(called, element);
            if (assignment) return (run, node) => assign(node, feature, operator, value(run));
            if (rule.role === 'datatype') return (run, node) => { node.value += String(value(run)); };
            return run => { value(run); };
        }
        throw new Error(`unexpected ${element.$type}`);
    }

    /**
     * A call of a data type rule of one token (Role, Level, Name), or a cross-reference written with
     * one: one number in its parent, made a node when asked for (lazy-cst.ts).
     */
    private tokenCall(call: GrammarAST.RuleCall | GrammarAST.CrossReference, alternatives: ReadonlyMap<number, TokenAlternative>): (run: ParseRun) => unknown {
        const index = this.featureIndex(call);
        this.tokenCalls[index] = alternatives;
        const alternativeIndexes = new Map([...alternatives].map(([kind, alternative]) => [kind, this.featureIndex(alternative)]));
        return run => run.tokenValue(call, index, alternatives, alternativeIndexes);
    }

    private featureIndex(feature: Element): number {
        let index = this.featureIndexes.get(feature);
        if (index === undefined) {
            index = this.features.length;
            if (index >= LEAF_FEATURES) throw new TooManyFeatures(`the grammar has more than ${LEAF_FEATURES} elements that make leaves`);
            this.features.push(feature);
            this.featureIndexes.set(feature, index);
        }
        return index;
    }

    private defaultsOf(type: string): readonly PropertyDefault[] {
        return Object.values(this.reflection.getTypeMetaData(type).properties)
            .filter(property => property.defaultValue !== undefined)
            .map(property => [property.name, property.defaultValue] as const);
    }

    /**
     * A new node of a type: `{ $type: type }`, made by a constructor of its own per type. A literal
     * `{ $type }` has room inside for one property and puts the others (names, lists, `$cstNode`,
     * `$container`...) in an array of their own; a constructor's objects get room inside for the
     * properties its type uses once a few were made. The properties keep the literal's order.
     */
    newNode(type: string): Node {
        let make = this.constructors.get(type);
        if (!make) {
            make = function (this: Node) {
                this.$type = type;
            } as unknown as new () => Node;
            this.constructors.set(type, make);
        }
        return new make();
    }

    // --- LeafMaker: the leaves the parser left as numbers ------------------------------------------

    featureAt(index: number): Element {
        return this.features[index];
    }

    innerLeafCode(index: number, text: string, offset: number): number | undefined {
        const alternatives = this.tokenCalls[index];
        if (!alternatives) return undefined;
        this.lexer.tokenAt(text, offset);
        const alternative = alternatives.get(this.lexer.lastKind);
        if (!alternative) throw new Error(`No token of the rule starts at offset ${offset}.`);
        return leafCode(offset, this.featureIndex(alternative));
    }

    tokenEnd(text: string, offset: number): number {
        return this.lexer.tokenAt(text, offset);
    }

    tokenType(text: string, offset: number): TokenType {
        this.lexer.tokenAt(text, offset);
        return this.lexer.types[this.lexer.lastKind];
    }
}

class TooManyFeatures extends Error { }

/** Langium's `assign` of a value that is not a node: `=`, `?=` (true) or `+=`. */
function assign(node: Node, feature: string, operator: string, value: unknown): void {
    if (operator === '?=') {
        node[feature] = true;
    } else if (operator === '+=') {
        const list = node[feature];
        if (Array.isArray(list)) list.push(value);
        else node[feature] = [value];
    } else {
        node[feature] = value;
    }
}

/** Langium's `linkCstNode`: the node's composite node points back to it. */
function linkCstNode(node: Node): void {
    (node.$cstNode as { astNode: AstNode }).astNode = node as unknown as AstNode;
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

/** One parse: a cursor over the tokens, the node builder, and what the parse lists. */
class ParseRun {
    /** The nodes in the order they were opened (the root first). */
    readonly nodes: AstNode[] = [];
    /** The references in the order they were parsed, with their container, property and index. */
    readonly references: ReferenceInfo[] = [];
    /** False once the parse order is not Langium's walk order (see `FastParse`). */
    inTreeOrder = true;
    /** For each open node (by depth: the root at 0): the property it last added a child to, and a reference to. */
    private readonly lastChild: Array<string | undefined> = [undefined];
    private readonly lastReference: Array<string | undefined> = [undefined];
    private depth = 0;
    /** The names referred to so far, each once (see `shared`). */
    private readonly names = new Map<string, string>();
    private index = 0;
    private hiddenIndex = 0;
    private readonly end: number;
    /** What the value converter is given for a token (see `converted`). */
    private readonly converterNode: { grammarSource: Element | undefined } = { grammarSource: undefined };

    constructor(private readonly parser: FastParser, private readonly text: string, private readonly tokens: Tokens, private readonly builder: CstNodeBuilder) {
        this.end = parser.lexer.end;
    }

    /** The entry rule over all the tokens: the root node (its composite node is the root CST node), trailing comments placed. */
    entry(rule: CompiledRule): AstNode {
        const node = this.parser.newNode(rule.type);
        this.nodes.push(node as unknown as AstNode);
        rule.body(this, node);
        if (this.index !== this.tokens.count) throw GIVE_UP;
        this.finish(node, rule);
        linkCstNode(node);
        this.builder.addHiddenNodes(this.hiddenTokensBefore(Number.POSITIVE_INFINITY));
        return node as unknown as AstNode;
    }

    /** One declaration over all the tokens (`FastParser.parseUnit`), linked to its composite node, no container yet. */
    alone(rule: CompiledRule, call: GrammarAST.RuleCall): AstNode {
        const node = this.node(rule, call);
        if (this.index !== this.tokens.count || this.hiddenIndex !== this.tokens.hiddenStarts.length) throw GIVE_UP;
        linkCstNode(node);
        return node as unknown as AstNode;
    }

    peek(): number {
        return this.index < this.tokens.count ? this.tokens.kinds[this.index] : this.end;
    }

    /** `subrule` of a node rule: a composite node for the call, the rule's new node, `construct` when it ends. */
    node(rule: CompiledRule, call: Element): Node {
        this.builder.buildCompositeNode(call);
        const node = this.parser.newNode(rule.type);
        this.nodes.push(node as unknown as AstNode);
        const depth = ++this.depth;
        this.lastChild[depth] = undefined;
        this.lastReference[depth] = undefined;
        rule.body(this, node);
        this.depth--;
        return this.finish(node, rule);
    }

    /** `construct`: the node gets its composite node, then the defaults of the properties it lacks; its lists their exact length. */
    private finish(node: Node, rule: CompiledRule): Node {
        this.builder.construct(node as unknown as Constructed);
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
        const value = { value: '' } as unknown as Node;
        rule.body(this, value);
        this.builder.construct(value as unknown as Constructed);
        return this.parser.converter.convert(value.value as string, cst);
    }

    /** Langium's `assign` of a node made by a subrule: its composite node linked to it, the child linked to its container. */
    addChild(node: Node, property: string, operator: string, child: Node): void {
        linkCstNode(child);
        const depth = this.depth;
        const existing = node[property];
        // A property that already has children got another after another property's: not the walk's order.
        if (existing !== undefined && this.lastChild[depth] !== property) this.inTreeOrder = false;
        this.lastChild[depth] = property;
        if (operator === '+=') {
            let index = 0;
            if (Array.isArray(existing)) {
                index = existing.length;
                existing.push(child);
            } else {
                node[property] = [child];
            }
            linkToContainer(child, node, property, index);
        } else {
            node[property] = operator === '?=' ? true : child;
            linkToContainer(child, node, property, undefined);
        }
    }

    /**
     * `consume`: the comments before the token, then the token's leaf in the current composite
     * node: a leaf not made yet (a number) in an AdoptCompositeCstNode, a leaf in the root.
     * Returns the token's index.
     */
    leaf(kind: number, featureIndex: number, feature: Element): number {
        const index = this.index;
        const tokens = this.tokens;
        if (index >= tokens.count || tokens.kinds[index] !== kind) throw GIVE_UP;
        const start = tokens.starts[index];
        if (this.hiddenIndex < tokens.hiddenStarts.length && tokens.hiddenStarts[this.hiddenIndex] <= start) {
            this.builder.addHiddenNodes(this.hiddenTokensBefore(start));
        }
        const parent = this.builder.current as CompositeCstNode;
        if (parent instanceof AdoptCompositeCstNode) {
            parent.appendLeaf(leafCode(start, featureIndex));
        } else {
            const leaf = new AdoptLeafCstNode(start, tokens.ends[index] - start, this.parser.lexer.types[kind], false);
            leaf.grammarSource = feature;
            leaf.container = parent;
            (parent.content as CstNode[]).push(leaf);
        }
        this.index = index + 1;
        return index;
    }

    /**
     * The value converter's value of a token: the converter reads the grammar element of the node
     * it is given, so it gets a stand-in with that element, not a leaf.
     */
    converted(token: number, feature: Element): unknown {
        const image = this.text.substring(this.tokens.starts[token], this.tokens.ends[token]);
        this.converterNode.grammarSource = feature;
        return this.parser.converter.convert(image, this.converterNode as unknown as CstNode);
    }

    /**
     * A cross-reference whose token (or data type rule call) was just consumed, its text given:
     * the linker's reference, assigned, and listed with its place.
     */
    reference(node: Node, property: string, list: boolean, refText: string): void {
        const text = this.shared(refText);
        const container = node as unknown as AstNode;
        const home = this.builder.current as CompositeCstNode;
        const linker = this.parser.linker;
        // The reference's token is the last child of its container's composite node (being built).
        const reference: Reference = home instanceof AdoptCompositeCstNode && linker instanceof FastLinker
            ? linker.buildReferenceAt(container, property, home.childCount - 1, text)
            : linker.buildReference(container, property, home.content[home.content.length - 1], text);
        const depth = this.depth;
        const existing = node[property];
        // References come before children in the walk, and by property.
        if (this.lastChild[depth] !== undefined || (existing !== undefined && this.lastReference[depth] !== property)) this.inTreeOrder = false;
        this.lastReference[depth] = property;
        if (list) {
            let index = 0;
            if (Array.isArray(existing)) {
                index = existing.length;
                existing.push(reference);
            } else {
                node[property] = [reference];
            }
            this.references.push({ reference, container, property, index });
        } else {
            node[property] = reference;
            this.references.push({ reference, container, property });
        }
    }

    /**
     * A call of a data type rule of one token: its composite node with the token's leaf, the
     * rule's value (a keyword's text, a terminal's converted value) converted. In an
     * AdoptCompositeCstNode, with no comment before the token, the two are one number and made
     * when asked for (lazy-cst.ts).
     */
    tokenValue(call: GrammarAST.RuleCall | GrammarAST.CrossReference, callIndex: number, alternatives: ReadonlyMap<number, TokenAlternative>,
        alternativeIndexes: ReadonlyMap<number, number>): unknown {
        const kind = this.peek();
        const alternative = alternatives.get(kind);
        if (!alternative) throw GIVE_UP;
        const index = this.index;
        const parent = this.builder.current as CompositeCstNode;
        const start = this.tokens.starts[index];
        const commentBefore = this.hiddenIndex < this.tokens.hiddenStarts.length && this.tokens.hiddenStarts[this.hiddenIndex] <= start;
        if (parent instanceof AdoptCompositeCstNode && !commentBefore) {
            parent.appendLeaf(leafCode(start, callIndex));
            this.index++;
        } else {
            this.builder.buildCompositeNode(call);
            this.leaf(kind, alternativeIndexes.get(kind)!, alternative);
            this.builder.construct({ value: undefined } as unknown as Constructed);
        }
        const text = GrammarAST.isKeyword(alternative) ? alternative.value : String(this.converted(index, alternative));
        this.converterNode.grammarSource = call;
        return this.parser.converter.convert(text, this.converterNode as unknown as CstNode);
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
}
