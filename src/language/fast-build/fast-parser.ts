/**
 * The fast parser: for a text without lexer or syntax errors it builds exactly what Langium's
 * parser builds (the same AST nodes, property values and their order, defaults, references made
 * by the linker, values made by the value converter, and the same concrete syntax tree, made by
 * driving the same CST node builder in the same order), in less than half the time, and leaves
 * most leaves of the concrete syntax tree as numbers (lazy-cst.ts). A text with errors is parsed
 * too, and recovers where a person would (recovery.ts); each problem is told once, described by
 * the grammar (parser/parse-errors.ts; the language's `syntax.ProblemWords` words it).
 *
 * It is not written per rule: each rule of the grammar is compiled once, at start-up, into a
 * function that follows the rule (grammar-analysis.ts decides each choice by one token). A
 * change to src/language/adopt.langium needs no change here. In this file, from top to bottom:
 * - what the rules are compiled into (`Step`, `Part`, `Loop`, `CompiledRule`) and what a parse
 *   gives (`FastParse`);
 * - `FastParser`: `parse` (a whole text: a RecoveringRun, recovery.ts) and `parseUnit` (one
 *   declaration alone, for an incremental update: a ParseRun, parse-run.ts, which does not
 *   recover: what does not parse exactly is parsed again in full); then the compiler of the
 *   grammar's rules into steps; what the recovery asks of the grammar (what may follow an
 *   element, what stands where, in a message's terms); the errors in the shape Langium reads;
 *   the leaves the parse left as numbers, made when asked for (`LeafMaker`).
 */
import type { IToken, TokenType } from 'chevrotain';
import {
    AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstReflection, type GenericAstNode, type LangiumCoreServices, type Linker,
    type Mutable, type ReferenceInfo, type RootCstNode, type ValueConverter
} from 'langium';
import { SyntaxProblemError, type Expectation, type SyntaxProblem, type SyntaxProblemWords } from '../parser/parse-errors.js';
import { lineOf, lineStartsOf } from '../parser/text-lines.js';
import type { FastCstNodeBuilder } from './cst-builder.js';
import { FastLexer, type LexError, type Tokens } from './fast-lexer.js';
import { GrammarAnalysis, type KindSet, type ParseUnit, type RuleRole, type TokenAlternative } from './grammar-analysis.js';
import { LEAF_FEATURES, elementLeaf, leafCode, type LeafMaker } from './lazy-cst.js';
import { ParseRun, assign } from './parse-run.js';
import { RecoveringRun } from './recovery.js';
import { FastValueConverter } from './value-converter.js';

type Element = GrammarAST.AbstractElement;
/** A node being built: an AST node whose properties the parse sets by name (for a data type rule, the `value` it collects). */
export type Node = Mutable<GenericAstNode>;
/** A compiled element: parses it into the node being built. */
export type Step = (run: ParseRun, node: Node) => void;

/** A property with a default value, and that value (Langium's type metadata). */
type PropertyDefault = readonly [name: string, value: unknown];

/** A part of a group: its step, the tokens it starts with, whether it may be left out, and what it reads as in a message. */
export interface Part {
    readonly step: Step;
    readonly first: KindSet;
    readonly optional: boolean;
    /** Whether the part may come several times (`*`, `+`). */
    readonly repeated: boolean;
    readonly expected: readonly Expectation[];
    /** The keyword a part starts with, when it starts with a keyword that is not optional. */
    readonly keyword: number;
    /** The properties the part sets once (`=`, `?=`): given already, the part is written twice. */
    readonly properties: readonly string[];
}

/** A repeated part (`*`, `+`): the items it repeats, and what may come after it. */
export interface Loop {
    readonly first: KindSet;
    readonly follow: KindSet;
    /** The items, each with the keyword it starts with (-1: none) and its step. */
    readonly items: ReadonlyArray<{ readonly keyword: number; readonly first: KindSet; readonly step: Step }>;
    readonly expected: readonly Expectation[];
    /** The closer right after the loop (`}` of a block), or -1 (a list: `(',' b)*`). */
    readonly closer: number;
    /** By token kind, the item it starts (the first that takes it), or -1. */
    readonly itemOf: Int16Array;
}

/** Alternatives (`plan=Plan | shared=Shared`), for a token that starts none of them. */
export interface Alternatives {
    readonly expected: readonly Expectation[];
    /** The kinds that start an alternative. */
    readonly kinds: readonly number[];
    /** By token kind, the alternative it starts, or -1. */
    readonly choice: Int16Array;
    /** Each alternative's keyword it starts with (-1: none), the type of node it makes (if it calls a rule), and its step. */
    readonly items: ReadonlyArray<{ readonly keyword: number; readonly type: string | undefined; readonly step: Step }>;
}

/** A one-token call's kinds: each kind's feature index and the value its token gives (indexed by token kind). */
export interface TokenCallKinds {
    readonly featureIndexes: number[];
    readonly values: Array<(image: string) => unknown>;
}

/** A compiled parser rule. */
export interface CompiledRule {
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
    /** The parts of the rule's own group (its attributes), for the recovery of parts written out of order. */
    parts: readonly Part[];
}

/** A syntax problem the parser found, where it is: on the token at `token` (-1: at the end), or just after the one before it. */
export interface FoundProblem {
    readonly problem: SyntaxProblem;
    readonly token: number;
    /** True to place the problem right after the previous token (something missing there). */
    readonly afterPrevious: boolean;
    /** For a word read as another: the keyword that replaces it. */
    readonly replacement?: string;
}

/**
 * A parsed plan, its nodes linked to their containers as Langium's `linkContentToContainer`
 * links them, and its nodes and references in the order they were parsed: the order of
 * Langium's walk (`streamAst`, then `streamReferences` per node) when `inTreeOrder`, that is when
 * no node's children or references of one property come after another property's and then
 * resume (`stage s { project a ... goal g ... project b ... }` lists `a, b, g` in Langium's order).
 * With errors: the lexer's and the parser's, in Chevrotain's and Langium's shapes.
 */
export interface FastParse {
    readonly root: AstNode;
    readonly nodes: AstNode[];
    readonly references: ReferenceInfo[];
    readonly inTreeOrder: boolean;
    readonly lexerErrors: ReadonlyArray<{ offset: number; length: number; line: number; column: number; message: string }>;
    readonly parserErrors: SyntaxProblemError[];
}

/** Words for a problem when the language has none of its own (a grammar built for a test). */
const PLAIN_WORDS: SyntaxProblemWords = { messageFor: problem => `Syntax error: ${problem.kind}.` };

export class FastParser implements LeafMaker {
    readonly lexer: FastLexer;
    readonly analysis: GrammarAnalysis;
    /** The grammar elements that leaves not made yet point to, by index (a leaf's number holds the index). */
    private readonly features: Element[] = [];
    private readonly featureIndexes = new Map<Element, number>();
    /** For the index of a call of a data type rule of one token: the rule's alternatives by token kind. */
    private readonly tokenCalls: Array<ReadonlyMap<number, TokenAlternative> | undefined> = [];
    private readonly compiled = new Map<GrammarAST.ParserRule, CompiledRule>();
    /** The parts of each group compiled, as its step holds them (a rule's `parts` are its body's). */
    private readonly groupParts = new Map<GrammarAST.Group, Part[]>();
    /** One constructor per node type (see `newNode`). */
    private readonly constructors = new Map<string, new () => Node>();
    /** The declarations an edit can re-parse alone (grammar-analysis.ts). */
    readonly units: readonly ParseUnit[];
    /** FOLLOW of the elements the recovery asked about. */
    private readonly follows = new Map<Element, KindSet>();
    /** The pairs of brackets among the keywords: opener kind to closer kind. */
    readonly brackets: ReadonlyMap<number, number>;
    readonly closers: ReadonlySet<number>;

    private constructor(analysis: GrammarAnalysis, private readonly reflection: AstReflection, readonly linker: Linker, readonly converter: ValueConverter,
        readonly words: SyntaxProblemWords) {
        this.analysis = analysis;
        this.lexer = analysis.lexer;
        this.units = analysis.units;
        const kindOf = (keyword: string) => this.lexer.types.findIndex(type => type.name === keyword);
        this.brackets = new Map([['{', '}'], ['(', ')'], ['[', ']']].map(([open, close]) => [kindOf(open), kindOf(close)] as const)
            .filter(([open, close]) => open >= 0 && close >= 0));
        this.closers = new Set(this.brackets.values());
        for (const rule of analysis.rules) {
            const role = analysis.roleOf(rule);
            const type = role === 'node' ? GrammarUtils.getTypeName(rule) : '';
            this.compiled.set(rule, {
                rule, role, type,
                defaults: role === 'node' ? this.defaultsOf(type) : [],
                lists: [...new Set(AstUtils.streamAst(rule.definition).filter(GrammarAST.isAssignment).filter(a => a.operator === '+=').map(a => a.feature))],
                tokens: analysis.tokenAlternativesOf(rule),
                body: () => { throw new Error(`rule ${rule.name} is not compiled`); },
                parts: []
            });
        }
        for (const compiled of this.compiled.values()) {
            compiled.body = this.compile(compiled.rule.definition, compiled);
            const definition = compiled.rule.definition;
            // The parts compiled with the body (compileElement).
            if (GrammarAST.isGroup(definition) && !definition.cardinality) compiled.parts = this.groupParts.get(definition)!;
        }
    }

    /**
     * A fast parser for the language's grammar and lexer, or the reason there can be none; with
     * the fast lexer of the lexer's definition (or why there is none) when it is made already.
     */
    static create(services: LangiumCoreServices, fastLexer?: FastLexer | string): FastParser | string {
        const words = (services as { readonly syntax?: { readonly ProblemWords?: SyntaxProblemWords } }).syntax?.ProblemWords;
        const lexer = fastLexer ?? FastLexer.create(services.parser.Lexer.definition as Record<string, TokenType>);
        if (typeof lexer === 'string') return lexer;
        const analysis = GrammarAnalysis.of(services.Grammar, lexer);
        if (typeof analysis === 'string') return analysis;
        try {
            return new FastParser(analysis, services.shared.AstReflection, services.references.Linker, services.parser.ValueConverter,
                words ?? PLAIN_WORDS);
        } catch (error) {
            return error instanceof TooManyFeatures ? error.message : `the grammar could not be compiled: ${String(error)}`;
        }
    }

    /**
     * Parses a text with the node builder (after `buildRootNode`, which this calls). A text with
     * errors gets a tree too, with the errors found as it recovered.
     */
    parse(text: string, builder: FastCstNodeBuilder): FastParse {
        const lexErrors: LexError[] = [];
        const tokens = this.lexer.lex(text, 0, text.length, lexErrors)!;
        builder.buildRootNode(text);
        const run = new RecoveringRun(this, text, tokens, builder);
        const root = run.entry(this.compiled.get(this.analysis.entry)!);
        const lines = lexErrors.length > 0 || run.problems.length > 0 ? lineStartsOf(text) : undefined;
        return {
            root, nodes: run.nodes, references: run.references,
            inTreeOrder: run.inTreeOrder && run.problems.length === 0,
            lexerErrors: lexErrors.map(error => lexerError(text, error, lines!)),
            parserErrors: run.problems.map(found => this.recognitionException(found, text, tokens, lines!))
        };
    }

    /**
     * Parses one declaration alone, for an incremental update (incremental-parse.ts): the tokens
     * of `text[start, end)`, which must be exactly one `unit` from its keyword to its last token.
     * Starts a new tree of the whole text with the node builder (`buildRootNode(text)`); the
     * declaration's composite node is the root's one child. Undefined when those tokens are not
     * exactly one such declaration, without errors.
     */
    parseUnit(unit: ParseUnit, text: string, start: number, end: number, builder: FastCstNodeBuilder): { root: RootCstNode; node: AstNode } | undefined {
        const tokens = this.lexer.lex(text, start, end);
        if (!tokens) return undefined;
        const root = builder.buildRootNode(text);
        const run = new ParseRun(this, text, tokens, builder);
        const node = run.alone(this.compiled.get(unit.rule)!, unit.call);
        return node ? { root, node } : undefined;
    }

    // --- compiling the grammar --------------------------------------------------------------------

    private compile(element: Element, rule: CompiledRule): Step {
        const step = this.compileElement(element, rule);
        const first = this.analysis.first(element);
        switch (element.cardinality) {
            case '?': return (run, node) => {
                if (first[run.peek()]) step(run, node);
            };
            case '*':
            case '+': {
                const loop = this.loop(element, step, rule);
                const atLeastOne = element.cardinality === '+';
                return (run, node) => run.repeat(loop, node, atLeastOne);
            }
            default: return step;
        }
    }

    private loop(element: Element, step: Step, rule: CompiledRule): Loop {
        const inner = GrammarAST.isAssignment(element) ? element.terminal : element;
        const alternatives = GrammarAST.isAlternatives(inner) ? inner.elements : [inner];
        const items = alternatives.map(alternative => {
            const first = this.analysis.first(alternative);
            const start = startOf(alternative);
            const only = alternatives.length === 1;
            return {
                keyword: start && GrammarAST.isKeyword(start) ? this.analysis.kindOf(start) : -1,
                first,
                // One alternative: the loop's own step; else the alternative's, compiled anew (its cardinality is the loop's).
                step: only ? step : this.compileElement(alternative, rule)
            };
        });
        const first = this.analysis.first(element);
        // The loop's own closer: the keyword right after it in its group, when it closes a bracket.
        const group = element.$container;
        const next = GrammarAST.isGroup(group) ? group.elements[group.elements.indexOf(element) + 1] : undefined;
        const closer = next && GrammarAST.isKeyword(next) && !next.cardinality && this.closers.has(this.analysis.kindOf(next)) ? this.analysis.kindOf(next) : -1;
        // What may stand here, in the grammar's order (`'supports', 'involves', a trait (asynchrony, …)`).
        const expected = alternatives.map(alternative => this.expectationOf(alternative));
        const itemOf = new Int16Array(this.analysis.kindCount).fill(-1);
        items.forEach((item, index) => {
            for (let kind = 0; kind < item.first.length; kind++) if (item.first[kind] && itemOf[kind] < 0) itemOf[kind] = index;
        });
        return { first, follow: this.analysis.follow(element), items, expected, closer, itemOf };
    }

    private part(element: Element, rule: CompiledRule): Part {
        const first = this.analysis.first(element);
        const start = startOf(element);
        return {
            step: this.compile(element, rule),
            first,
            optional: element.cardinality === '?' || element.cardinality === '*',
            repeated: element.cardinality === '*' || element.cardinality === '+',
            expected: [this.expectationOf(element)],
            keyword: start && GrammarAST.isKeyword(start) && !start.cardinality ? this.analysis.kindOf(start) : -1,
            properties: [GrammarAST.isAssignment(element) ? element : undefined, ...AstUtils.streamAllContents(element)]
                .filter((inner): inner is GrammarAST.Assignment => GrammarAST.isAssignment(inner) && inner.operator !== '+=')
                .map(assignment => assignment.feature)
        };
    }

    private compileElement(element: Element, rule: CompiledRule): Step {
        if (GrammarAST.isGroup(element)) {
            const parts = element.elements.map(part => this.part(part, rule));
            this.groupParts.set(element, parts);
            const steps = parts.map(part => part.step);
            return (run, node) => {
                for (let i = 0; i < steps.length; i++) {
                    const start = run.index;
                    steps[i](run, node);
                    // A part that failed at its first token: another part written there, out of order, or a stray token.
                    if (run.broken && run.index === start) {
                        const resume = run.recoverPart(parts, i, node, rule);
                        if (resume >= 0) i = resume - 1;
                    }
                    if (run.broken) return;
                }
            };
        }
        if (GrammarAST.isAlternatives(element)) {
            const alternatives = element.elements.map(alternative => this.compile(alternative, rule));
            const choice = new Int16Array(this.analysis.kindCount).fill(-1);
            element.elements.forEach((alternative, index) => {
                const first = this.analysis.first(alternative);
                for (let kind = 0; kind < first.length; kind++) if (first[kind]) choice[kind] = index;
            });
            const first = this.analysis.first(element);
            const choices: Alternatives = {
                expected: this.expectationsOf(first),
                kinds: [...first.keys()].filter(kind => first[kind]),
                choice,
                items: element.elements.map((alternative, index) => {
                    const start = startOf(alternative);
                    const call = GrammarAST.isAssignment(alternative) ? alternative.terminal : alternative;
                    const called = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
                    return {
                        keyword: start && GrammarAST.isKeyword(start) && !start.cardinality ? this.analysis.kindOf(start) : -1,
                        type: GrammarAST.isParserRule(called) ? GrammarUtils.getRuleTypeName(called) : undefined,
                        step: alternatives[index]
                    };
                })
            };
            return (run, node) => {
                const index = choice[run.peek()];
                const chosen = index >= 0 ? index : run.noAlternative(choices, element, node);
                if (chosen >= 0) alternatives[chosen](run, node);
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
            const convert = this.conversionFor(element);
            if (assignment) {
                return (run, node) => {
                    const token = run.leaf(kind, index, element);
                    if (token >= 0) assign(node, feature, operator, isKeyword ? (element as GrammarAST.Keyword).value : convert(run.image(token)));
                };
            }
            if (rule.role === 'datatype') {
                return (run, node) => {
                    const token = run.leaf(kind, index, element);
                    if (token >= 0) node.value += isKeyword ? (element as GrammarAST.Keyword).value : String(convert(run.image(token)));
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
                return (run, node) => {
                    const text = value(run);
                    if (text !== undefined) run.reference(node, feature, list, text as string);
                };
            }
            const kind = this.analysis.kindOf(element);
            const index = this.featureIndex(element);
            const convert = this.conversionFor(element);
            return (run, node) => {
                const token = run.leaf(kind, index, element);
                if (token >= 0) run.reference(node, feature, list, convert(run.image(token)) as string);
            };
        }
        if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) {
            const called = this.compiled.get(element.rule.ref)!;
            if (called.role === 'fragment') return (run, node) => called.body(run, node);
            if (called.role === 'node') {
                return (run, node) => {
                    const child = run.node(called, element);
                    if (child) run.addChild(node, feature, operator, child);
                };
            }
            const value = called.tokens
                ? this.tokenCall(element, called.tokens)
                : (run: ParseRun) => run.datatype(called, element);
            if (assignment) {
                return (run, node) => {
                    const text = value(run);
                    if (text !== undefined) assign(node, feature, operator, text);
                };
            }
            if (rule.role === 'datatype') {
                return (run, node) => {
                    const text = value(run);
                    if (text !== undefined) node.value += String(text);
                };
            }
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
        // By token kind: the alternative's feature index, and the value a token of it gives (the
        // alternative's conversion, then the call's), made once.
        const token: TokenCallKinds = { featureIndexes: [], values: [] };
        const ofCall = this.conversionFor(call);
        for (const [kind, alternative] of alternatives) {
            token.featureIndexes[kind] = this.featureIndex(alternative);
            if (GrammarAST.isKeyword(alternative)) {
                // A keyword's value is the same each time (made anew when it is an object: a date).
                const text = alternative.value;
                const value = ofCall(text);
                token.values[kind] = typeof value === 'object' && value !== null ? () => ofCall(text) : () => value;
            } else {
                const ofAlternative = this.conversionFor(alternative);
                token.values[kind] = image => ofCall(String(ofAlternative(image)));
            }
        }
        return run => run.tokenValue(call, index, alternatives, token);
    }

    /** What the value converter makes of a token's text of a grammar element, as one function (the converter asked once, when it is the fast build's). */
    private conversionFor(element: Element): (image: string) => unknown {
        const converter = this.converter;
        if (converter instanceof FastValueConverter) return converter.converterFor(element);
        const node = elementLeaf(element);
        return image => converter.convert(image, node);
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
     * A new node of a type: `{ $type: type }`, made by a class of its own per type. A literal
     * `{ $type }` has room inside for one property and puts the others (names, lists, `$cstNode`,
     * `$container`...) in an array of their own; a class's objects get room inside for the
     * properties its type uses once a few were made. The properties keep the literal's order.
     */
    newNode(type: string): Node {
        let make = this.constructors.get(type);
        if (!make) {
            // `declare`: no class field (a field's initializer would run on every node made, slowly).
            make = class {
                declare $type: string;
                constructor() {
                    this.$type = type;
                }
            } as new () => Node;
            this.constructors.set(type, make);
        }
        return new make();
    }

    // --- what the recovery asks of the grammar -------------------------------------------------------------

    /** The tokens that can follow an element in a valid text. */
    followOf(element: Element): KindSet {
        let follow = this.follows.get(element);
        if (!follow) {
            follow = this.analysis.follow(element);
            this.follows.set(element, follow);
        }
        return follow;
    }

    /** What may stand where an element is expected, for a message. */
    expectationOf(element: Element): Expectation {
        const inner = GrammarAST.isAssignment(element) ? element.terminal : element;
        if (GrammarAST.isKeyword(inner)) return { keyword: inner.value };
        if (GrammarAST.isCrossReference(inner)) {
            const rule = this.analysis.crossReferenceRule(inner);
            return rule ? { rule: rule.name } : { terminal: GrammarUtils.getCrossReferenceTerminal(inner) && GrammarAST.isRuleCall(GrammarUtils.getCrossReferenceTerminal(inner)) ? (GrammarUtils.getCrossReferenceTerminal(inner) as GrammarAST.RuleCall).rule.ref!.name : 'ID' };
        }
        if (GrammarAST.isRuleCall(inner)) {
            const called = inner.rule.ref!;
            if (GrammarAST.isTerminalRule(called)) return { terminal: called.name };
            // A rule that makes a node: what it starts with (`traits+=Trait`: a trait, with its words).
            if (GrammarAST.isParserRule(called) && !GrammarUtils.isDataTypeRule(called)) {
                const start = startOf(called.definition);
                if (start) return this.expectationOf(start);
            }
            const tokens = this.compiled.get(called as GrammarAST.ParserRule)?.tokens;
            const keywords = tokens && [...tokens.values()].every(GrammarAST.isKeyword) ? [...tokens.values()].map(keyword => (keyword as GrammarAST.Keyword).value) : undefined;
            return { rule: called.name, keywords };
        }
        const start = startOf(inner);
        return start ? this.expectationOf(start) : { terminal: '?' };
    }

    /** Whether a rule declares something by name (assigns `name`): a declaration, not a clause. */
    declares(rule: CompiledRule): boolean {
        return AstUtils.streamAllContents(rule.rule.definition).some(element => GrammarAST.isAssignment(element) && element.feature === 'name');
    }

    /** What may stand where any token of a set may: keywords and terminals by name. */
    expectationsOf(kinds: KindSet): Expectation[] {
        const expected: Expectation[] = [];
        for (let kind = 0; kind < this.lexer.end; kind++) {
            if (!kinds[kind]) continue;
            const type = this.lexer.types[kind];
            expected.push(typeof type.PATTERN === 'string' ? { keyword: type.PATTERN } : { terminal: type.name });
        }
        return expected;
    }

    /** Whether a kind is a keyword's (its pattern is its text). */
    keywordText(kind: number): string | undefined {
        const pattern = this.lexer.types[kind]?.PATTERN;
        return typeof pattern === 'string' ? pattern : undefined;
    }

    private recognitionException(found: FoundProblem, text: string, tokens: Tokens, lines: Uint32Array): SyntaxProblemError {
        const at = (offset: number) => {
            const line = lineOf(lines, offset);
            return { line: line + 1, column: offset - lines[line] + 1 };
        };
        const tokenAt = (index: number): IToken => {
            const start = tokens.starts[index];
            const end = tokens.ends[index];
            const [first, last] = [at(start), at(Math.max(start, end - 1))];
            return {
                image: text.substring(start, end), startOffset: start, endOffset: end - 1, startLine: first.line, startColumn: first.column,
                endLine: last.line, endColumn: last.column, tokenTypeIdx: this.lexer.types[tokens.kinds[index]].tokenTypeIdx!, tokenType: this.lexer.types[tokens.kinds[index]]
            };
        };
        // Something missing goes right after the token before it (Langium places such an error at `previousToken`'s end).
        const invalid = { image: '', startOffset: NaN, endOffset: NaN, startLine: NaN, startColumn: NaN, endLine: NaN, endColumn: NaN, tokenTypeIdx: -1, tokenType: this.lexer.types[0] } as IToken;
        const token = found.afterPrevious || found.token < 0 || found.token >= tokens.count ? invalid : tokenAt(found.token);
        const previousIndex = (found.token < 0 || found.token >= tokens.count ? tokens.count : found.token) - 1;
        const previousToken = previousIndex >= 0 ? tokenAt(previousIndex) : invalid;
        return new SyntaxProblemError(this.words.messageFor(found.problem), found.problem, token, previousToken, found.replacement);
    }

    // --- LeafMaker: the leaves the parse left as numbers ------------------------------------------

    featureAt(index: number): Element {
        return this.features[index];
    }

    innerLeafCode(index: number, text: string, offset: number): number | undefined {
        const alternatives = this.tokenCalls[index];
        if (!alternatives) return undefined;
        this.lexer.tokenAt(text, offset);
        const alternative = alternatives.get(this.lexer.lastKind) ?? [...alternatives.values()][0];
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

/** The first element a part starts with (through groups and assignments), if it has one. */
function startOf(element: Element): Element | undefined {
    if (GrammarAST.isGroup(element)) return element.elements[0] ? startOf(element.elements[0]) : undefined;
    if (GrammarAST.isAssignment(element)) return startOf(element.terminal);
    if (GrammarAST.isAlternatives(element)) return undefined;
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && !GrammarUtils.isDataTypeRule(element.rule.ref)) {
        return startOf(element.rule.ref.definition);
    }
    return element;
}

/** A lexer error in Chevrotain's shape (Langium reads line, column, length and message). */
function lexerError(text: string, error: LexError, lines: Uint32Array) {
    const line = lineOf(lines, error.offset);
    const skipped = text.substring(error.offset, error.offset + error.length);
    return {
        offset: error.offset, length: error.length, line: line + 1, column: error.offset - lines[line] + 1,
        message: `unexpected character: ->${skipped.charAt(0)}<- at offset: ${error.offset}, skipped ${error.length} characters.`
    };
}

