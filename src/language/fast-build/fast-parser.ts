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
 * A text with errors is parsed too, and recovers where a person would (the recovery is in
 * `ParseRun`, below): a token missing where the next one shows what was meant is taken as there
 * (a keyword, a name, a closing brace before the next statement of an outer block); a word one or
 * two letters off a keyword that fits is read as that keyword; a keyword where a name stands, and
 * what follows fits a name, is read as a name; a part of a declaration written out of its order
 * is taken all the same, one written twice is left out; a stray token is left out, and a
 * statement that does not fit up to the next statement that does, braces kept in balance. Each
 * problem is told once, described by the grammar (syntax-problem.ts; the language's
 * `syntax.ProblemWords` words it), and every declaration after it keeps all its features.
 * Declarations re-parsed alone for an incremental update (`parseUnit`) never recover: what does
 * not parse exactly is parsed again in full.
 */
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import { distance } from 'fastest-levenshtein';
import {
    AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type CstNodeBuilder,
    type LangiumCoreServices, type Linker, type Reference, type ReferenceInfo, type RootCstNode, type ValueConverter
} from 'langium';
import type { Expectation, FoundToken, SyntaxProblem, SyntaxProblemWords, Within } from './syntax-problem.js';
import { lineOf, lineStartsOf } from '../parser/text-lines.js';
import { FastCstNodeBuilder } from './cst-builder.js';
import { FastLexer, type LexError, type Tokens } from './fast-lexer.js';
import { GrammarAnalysis, type KindSet, type ParseUnit, type RuleRole, type TokenAlternative } from './grammar-analysis.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, LEAF_FEATURES, leafCode, type LeafMaker } from './lazy-cst.js';
import { FastLinker } from './linking.js';
import { FastValueConverter } from './value-converter.js';

type Element = GrammarAST.AbstractElement;
type Node = Record<string, unknown> & { $type: string; $cstNode?: CstNode };
/** A compiled element: parses it into the node being built (for a data type rule, a `{ value }` being built). */
type Step = (run: ParseRun, node: Node) => void;

/** A property with a default value, and that value (Langium's type metadata). */
type PropertyDefault = readonly [name: string, value: unknown];

/** What the node builder's `construct` takes (it sets `$cstNode`). */
type Constructed = Parameters<CstNodeBuilder['construct']>[0];

/** A part of a group: its step, the tokens it starts with, whether it may be left out, and what it reads as in a message. */
interface Part {
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
interface Loop {
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

/** A one-token call's kinds: each kind's feature index and the value its token gives (indexed by token kind). */
interface TokenCallKinds {
    readonly featureIndexes: number[];
    readonly values: Array<(image: string) => unknown>;
}

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
    readonly parserErrors: IRecognitionException[];
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
            if (GrammarAST.isGroup(definition) && !definition.cardinality) compiled.parts = definition.elements.map(part => this.part(part, compiled));
        }
    }

    /** A fast parser for the language's grammar and lexer, or the reason there can be none. */
    static create(services: LangiumCoreServices): FastParser | string {
        const words = (services as { readonly syntax?: { readonly ProblemWords?: SyntaxProblemWords } }).syntax?.ProblemWords;
        const lexer = FastLexer.create(services.parser.Lexer.definition as Record<string, TokenType>);
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
    parse(text: string, builder: CstNodeBuilder): FastParse {
        const lexErrors: LexError[] = [];
        const tokens = this.lexer.lex(text, 0, text.length, lexErrors)!;
        builder.buildRootNode(text);
        const run = new ParseRun(this, text, tokens, builder, true);
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
    parseUnit(unit: ParseUnit, text: string, start: number, end: number, builder: CstNodeBuilder): { root: RootCstNode; node: AstNode } | undefined {
        const tokens = this.lexer.lex(text, start, end);
        if (!tokens) return undefined;
        const root = builder.buildRootNode(text);
        const run = new ParseRun(this, text, tokens, builder, false);
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
            const expected = this.expectationsOf(this.analysis.first(element));
            return (run, node) => {
                const index = choice[run.peek()];
                if (index >= 0) alternatives[index](run, node);
                else run.mismatch(expected, element);
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
        const node = { grammarSource: element } as unknown as CstNode;
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

    // --- what the recovery knows and says ------------------------------------------------------------

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

    private recognitionException(found: FoundProblem, text: string, tokens: Tokens, lines: Uint32Array): IRecognitionException {
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
        return Object.assign(new Error(this.words.messageFor(found.problem)), {
            name: 'SyntaxProblem', token, previousToken, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] },
            problem: found.problem, replacement: found.replacement
        }) as unknown as IRecognitionException;
    }

    // --- LeafMaker: the leaves the parser left as numbers ------------------------------------------

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
function assign(node: Node, feature: string, operator: string, value: unknown): void {
    if (operator === '?=') {
        node[feature] = true;
    } else if (operator === '+=') {
        const list = node[feature];
        if (Array.isArray(list) && list !== EMPTY_LIST) list.push(value);
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

/** Whether `word` is probably a misspelling of `keyword`: another case, a letter or two off, or its start. */
export function closeTo(word: string, keyword: string): boolean {
    if (word === keyword || word.length < 2 || !/^[a-z]/i.test(keyword)) return false;
    const lower = word.toLowerCase();
    if (lower === keyword) return true;
    const off = distance(lower, keyword);
    return off <= 1 || swapped(lower, keyword) || (off <= 2 && keyword.length >= 6) || (lower.length >= 2 && keyword.startsWith(lower));
}

/** Whether two words differ by two neighbouring letters swapped (`hihg`, `high`). */
function swapped(word: string, keyword: string): boolean {
    if (word.length !== keyword.length) return false;
    const at = [...word].findIndex((letter, i) => letter !== keyword[i]);
    return at >= 0 && at + 1 < word.length && word[at] === keyword[at + 1] && word[at + 1] === keyword[at] && word.slice(at + 2) === keyword.slice(at + 2);
}

/** What `mismatch` answers when the cursor's token is now the one wanted (read as it, or a stray one left out): try again. */
const RETRY = -2;

/** A token taken for another: the token's index and the kind it stands for. */
interface Stand {
    readonly index: number;
    readonly kind: number;
}

/** One parse: a cursor over the tokens, the node builder, and what the parse lists. */
class ParseRun {
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
    private readonly end: number;
    /** What the value converter is given for a token (see `converted`). */
    /** A token taken as present at the cursor though it is not (a missing keyword), or -1. */
    private assumed = -1;
    /** A token read as another kind (a misspelled keyword). */
    private stand: Stand | undefined;
    /** The loops being parsed, outermost first. */
    private readonly loops: Loop[] = [];
    /** The nodes being built with their rules, outermost first (for `within`). */
    private readonly openNodes: Node[] = [];
    private readonly openRules: CompiledRule[] = [];
    /** The node last finished, with its rule (the statement a loop just parsed). */
    private finishedNode: Node | undefined;
    private finishedRule: CompiledRule | undefined;

    /** The node last finished with its rule, for the recovery (kept as two fields: no object per node). */
    private get finished(): { readonly node: Node; readonly rule: CompiledRule } | undefined {
        return this.finishedNode && this.finishedRule ? { node: this.finishedNode, rule: this.finishedRule } : undefined;
    }

    private set finished(finished: { readonly node: Node; readonly rule: CompiledRule } | undefined) {
        this.finishedNode = finished?.node;
        this.finishedRule = finished?.rule;
    }

    constructor(private readonly parser: FastParser, private readonly text: string, private readonly tokens: Tokens, private readonly builder: CstNodeBuilder,
        /** Whether this run recovers from problems (else it stops at the first). */
        private readonly recovering: boolean) {
        this.end = parser.lexer.end;
    }

    /** The entry rule over all the tokens: the root node (its composite node is the root CST node), trailing comments placed. */
    entry(rule: CompiledRule): AstNode {
        const node = this.parser.newNode(rule.type);
        this.nodes.push(node as unknown as AstNode);
        this.openNodes.push(node);
        this.openRules.push(rule);
        if (this.tokens.count === 0 && this.recovering) {
            // Nothing but blanks and comments: one problem says what the text needs, not each part it lacks.
            this.report({ kind: 'empty', expected: this.parser.expectationsOf(this.parser.analysis.first(rule.rule.definition)) }, 0);
            this.broken = true;
        } else {
            rule.body(this, node);
        }
        this.openNodes.pop();
        this.openRules.pop();
        if (this.index < this.tokens.count && !this.broken && !this.closedEarly(rule, node)) {
            this.report({ kind: 'after-end', found: this.found(this.index) }, this.index);
        }
        this.index = this.tokens.count;
        this.finish(node, rule);
        linkCstNode(node);
        this.builder.addHiddenNodes(this.hiddenTokensBefore(Number.POSITIVE_INFINITY));
        return node as unknown as AstNode;
    }

    /**
     * The entry rule's block closed, and what follows starts a statement of it (`goal g "G" } }`
     * where the goal's `{` is missing: its `}` closed the stage, the stage's the plan): the closer
     * was one too many. Told on it; the statements after it are parsed into the block, which the
     * next closer closes. Whether it applied.
     */
    private closedEarly(rule: CompiledRule, node: Node): boolean {
        const closer = rule.parts[rule.parts.length - 1];
        const next = this.tokens.kinds[this.index];
        const loop = rule.parts.find(part => part.repeated && part.first[next]);
        if (!this.recovering || !loop || !closer || closer.keyword < 0 || !this.parser.closers.has(closer.keyword) || this.tokens.kinds[this.index - 1] !== closer.keyword) {
            return false;
        }
        this.report({ kind: 'closed-early', found: this.found(this.index - 1), within: { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined } }, this.index - 1);
        this.openNodes.push(node);
        this.openRules.push(rule);
        loop.step(this, node);
        closer.step(this, node);
        this.openNodes.pop();
        this.openRules.pop();
        return true;
    }

    /** One declaration over all the tokens (`FastParser.parseUnit`), linked to its composite node, no container yet; undefined if it does not parse exactly. */
    alone(rule: CompiledRule, call: GrammarAST.RuleCall): AstNode | undefined {
        const node = this.node(rule, call);
        if (!node || this.broken || this.index !== this.tokens.count || this.hiddenIndex !== this.tokens.hiddenStarts.length) return undefined;
        linkCstNode(node);
        return node as unknown as AstNode;
    }

    peek(): number {
        if (this.assumed >= 0) return this.assumed;
        const stand = this.stand;
        if (stand && stand.index === this.index) return stand.kind;
        return this.index < this.tokens.count ? this.tokens.kinds[this.index] : this.end;
    }

    /** `subrule` of a node rule: a composite node for the call, the rule's new node, `construct` when it ends; undefined if it took no token. */
    node(rule: CompiledRule, call: Element): Node | undefined {
        const cst = this.builder.buildCompositeNode(call);
        const node = this.parser.newNode(rule.type);
        this.nodes.push(node as unknown as AstNode);
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
            this.nodes.splice(this.nodes.lastIndexOf(node as unknown as AstNode), 1);
            return undefined;
        }
        this.finishedNode = node;
        this.finishedRule = rule;
        return node;
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
        if (cst instanceof AdoptCompositeCstNode && cst.childCount === 0) return undefined;
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
            if (Array.isArray(existing) && existing !== EMPTY_LIST) {
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
        const parent = this.builder.current as CompositeCstNode;
        if (parent instanceof AdoptCompositeCstNode) {
            parent.appendLeaf(leafCode(start, featureIndex));
        } else {
            const leaf = new AdoptLeafCstNode(start, tokens.ends[index] - start, this.parser.lexer.types[actual], false);
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
    /** The text of a token. */
    image(token: number): string {
        return this.text.substring(this.tokens.starts[token], this.tokens.ends[token]);
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
            if (Array.isArray(existing) && existing !== EMPTY_LIST) {
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
        const parent = this.builder.current as CompositeCstNode;
        const start = this.tokens.starts[index];
        const commentBefore = this.hiddenIndex < this.tokens.hiddenStarts.length && this.tokens.hiddenStarts[this.hiddenIndex] <= start;
        if (parent instanceof AdoptCompositeCstNode && !commentBefore) {
            parent.appendLeaf(leafCode(start, callIndex));
            if (this.stand?.index === index) this.stand = undefined;
            this.index++;
        } else {
            this.builder.buildCompositeNode(call);
            this.leaf(kind, token.featureIndexes[kind], alternatives.get(kind)!);
            this.builder.construct({ value: undefined } as unknown as Constructed);
        }
        return value(this.text.substring(start, this.tokens.ends[index]));
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

    // --- recovery -----------------------------------------------------------------------------------

    /** The token at an index as a problem tells it. */
    private found(index: number): FoundToken {
        if (index >= this.tokens.count) return { image: '', end: true };
        const kind = this.tokens.kinds[index];
        const image = this.text.substring(this.tokens.starts[index], this.tokens.ends[index]);
        return this.parser.keywordText(kind) !== undefined ? { image } : { image, terminal: this.parser.lexer.types[kind].name };
    }

    /**
     * The declaration being built (or the one whose block a loop is in), for `within`; with
     * `block`, the innermost one that opens a block (the one a missing closer belongs to, not a
     * clause such as `involves a, b` inside it).
     */
    private within(block = false): Within | undefined {
        let innermost: Within | undefined;
        for (let i = this.openNodes.length - 1; i >= 0; i--) {
            const node = this.openNodes[i];
            const rule = this.openRules[i];
            if (rule.role !== 'node') continue;
            if (block && !rule.parts.some(part => part.keyword >= 0 && this.parser.brackets.has(part.keyword))) continue;
            const within = { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined };
            // A clause without a name of its own (`involves a`, `target 5`) is told by the declaration it is in.
            if (within.name !== undefined || this.parser.declares(rule)) return within;
            innermost ??= within;
        }
        return innermost;
    }

    private report(problem: SyntaxProblem, token: number, afterPrevious = false, replacement?: string): void {
        this.inTreeOrder = false;
        // One problem per place: a recovery that fails again where one was told tells nothing more.
        const last = this.problems[this.problems.length - 1];
        if (last && last.token === token && !afterPrevious) return;
        // The end of the text: one problem says it (what is missing there, and that every { needs its }).
        const atEnd = token >= this.tokens.count;
        if (atEnd && last && last.token < 0) return;
        this.problems.push({ problem, token: token >= this.tokens.count ? -1 : token, afterPrevious, replacement });
    }

    /**
     * The token at the cursor is not what `expected` wants. Recovering: a token missing there (the
     * one at the cursor can follow what was expected) is taken as present; a stray token before
     * the expected one is left out; a word close to the one keyword expected is read as it; else
     * the problem is told and the run breaks until a loop recovers. Not recovering: the run breaks.
     * Returns -1 (no token consumed for the element) or the index of the token consumed.
     */
    mismatch(expected: readonly Expectation[], element: Element, kinds: readonly number[] = []): number {
        if (this.broken) return -1;
        const index = this.index;
        const actual = this.peek();
        if (!this.recovering || this.assumed >= 0) {
            this.broken = true;
            if (!this.recovering) this.problems.push({ problem: { kind: 'expected', expected, found: this.found(index) }, token: index, afterPrevious: false });
            return -1;
        }
        const found = this.found(index);
        // A word a letter or two off a keyword that fits here (the closest).
        if (index < this.tokens.count && /^[a-z]/i.test(found.image)) {
            const close = kinds.filter(kind => this.parser.keywordText(kind) !== undefined && closeTo(found.image, this.parser.keywordText(kind)!))
                .sort((a, b) => distance(found.image.toLowerCase(), this.parser.keywordText(a)!) - distance(found.image.toLowerCase(), this.parser.keywordText(b)!));
            if (close.length > 0) {
                const keyword = this.parser.keywordText(close[0])!;
                const among = expected.length === 1 && 'rule' in expected[0] ? expected[0] : undefined;
                this.report({ kind: 'misspelled', found, keyword, within: this.within(), among }, index, false, keyword);
                this.stand = { index, kind: close[0] };
                return RETRY;
            }
        }
        // A keyword where a name (a terminal it would lex as) is expected, followed by what may
        // follow there: the keyword is meant as a name. Told, and read as one.
        if (index < this.tokens.count && this.parser.keywordText(actual) !== undefined) {
            const terminal = kinds.find(kind => this.parser.keywordText(kind) === undefined && this.parser.lexer.matchesWhole(kind, found.image));
            const next = index + 1 < this.tokens.count ? this.tokens.kinds[index + 1] : this.end;
            if (terminal !== undefined && this.parser.followOf(element)[next]) {
                this.report({ kind: 'reserved', found, expected, within: this.within() }, index);
                this.stand = { index, kind: terminal };
                return RETRY;
            }
        }
        // Missing: what comes next fits after the expected element (at the end of the text, anything is missing);
        // a keyword that would be read as the name after it is first tried as the keyword (`story s "S" audience m from p`: out of order).
        const asName = this.parser.analysis.nameWords[actual] === 1 && this.parser.analysis.nameFollows(element);
        if (actual === this.end || (this.parser.followOf(element)[actual] && !asName)) {
            const after = index > 0 ? this.found(index - 1) : undefined;
            this.report({ kind: 'missing', expected: expected[0], found, after, within: this.within() }, index, true);
            return -1;
        }
        this.report({ kind: 'expected', expected, found, within: this.within() }, index);
        this.broken = true;
        return -1;
    }

    /** Whether a token starts a statement of a loop around the innermost one. */
    private startsOuterStatement(kind: number): boolean {
        for (let i = this.loops.length - 2; i >= 0; i--) {
            if (this.loops[i].first[kind]) return true;
        }
        return false;
    }

    /**
     * A part of a group failed at its first token. If that token starts another part of the same
     * declaration that may be left out (written out of its order), that part is parsed now and the
     * problem told as one of order; if the token after it is where the failed part starts, it is a
     * stray token, left out. Returns the part to go on from (the failed one again, or the one
     * after a part that comes before it), or -1 when it did not recover.
     */
    recoverPart(parts: readonly Part[], failed: number, node: Node, rule: CompiledRule): number {
        if (!this.recovering || rule.role !== 'node') return -1;
        const kind = this.peek();
        const index = this.index;
        const other = parts.findIndex((part, i) => i !== failed && part.optional && part.first[kind]);
        if (other >= 0 && this.given(parts[other], node)) {
            this.problems.pop();
            this.broken = false;
            this.skipTwice(parts[other], node, rule);
            return this.index > index ? failed : -1;
        }
        if (other >= 0) {
            this.problems.pop();
            this.broken = false;
            this.report({ kind: 'order', found: this.found(index), within: this.within() ?? { type: rule.type }, order: this.orderOf(rule) }, index);
            parts[other].step(this, node);
            return this.resumeAfter(other, failed, index);
        }
        // A word close to the keyword of a part that may be left out (`fter` for `after`): read as it.
        const misspelled = index < this.tokens.count ? this.misspelledPart(parts.filter((part, i) => i !== failed && part.optional), node, index, this.found(index)) : undefined;
        if (misspelled) {
            this.problems.pop();
            this.broken = false;
            this.report({ kind: 'misspelled', found: this.found(index), keyword: misspelled.text, within: this.within(), among: misspelled.part.expected[0] }, index, false, misspelled.text);
            this.stand = { index, kind: misspelled.keyword };
            misspelled.part.step(this, node);
            return this.resumeAfter(parts.indexOf(misspelled.part), failed, index);
        }
        // A part that may be left out, its keyword missing (`stage s "S" t {` for `after t`): it reads
        // to its end as if the keyword were there, and what follows fits the parts after it.
        for (let i = 0; i < parts.length && index < this.tokens.count; i++) {
            const part = parts[i];
            if (i === failed || !part.optional || part.keyword < 0 || this.given(part, node)) continue;
            const reach = this.dryRun(part.step, node, undefined, part.keyword);
            if (!reach.complete || reach.index <= index || !this.fitsAfterPart(parts, i, reach.index)) continue;
            this.problems.pop();
            this.broken = false;
            this.report({ kind: 'missing', expected: { keyword: this.parser.keywordText(part.keyword)! }, found: this.found(index), within: this.within() }, index);
            this.assumed = part.keyword;
            part.step(this, node);
            this.assumed = -1;
            return this.resumeAfter(i, failed, index);
        }
        const next = index + 1 < this.tokens.count ? this.tokens.kinds[index + 1] : this.end;
        if (parts[failed].first[next] && !this.startsAnyStatement(kind)) {
            const last = this.problems.pop()!;
            this.broken = false;
            const expected = last.problem.kind === 'expected' ? last.problem.expected : parts[failed].expected;
            this.report({ kind: 'unexpected', found: this.found(index), expected, within: this.within(), skipped: 1 }, index);
            this.index++;
            return failed;
        }
        return -1;
    }

    /** Whether the token at an index may start one of the parts after part `after` of a group (up to the first that may not be left out). */
    private fitsAfterPart(parts: readonly Part[], after: number, at: number): boolean {
        const kind = at < this.tokens.count ? this.tokens.kinds[at] : this.end;
        for (let i = after + 1; i < parts.length; i++) {
            if (parts[i].first[kind]) return true;
            if (!parts[i].optional) return false;
        }
        return false;
    }

    /** Where a group goes on after its part `parsed` was read in the place of part `failed`: the failed part again, or the part after one that comes before it. */
    private resumeAfter(parsed: number, failed: number, index: number): number {
        if (this.broken || this.index === index) return -1;
        return parsed < failed ? parsed + 1 : failed;
    }

    /**
     * Whether the token at an index is a word followed by a token of its own kind (`owns x`): a
     * statement whose keyword is unknown, not a name whose keyword is missing.
     */
    private unknownKeyword(index: number): boolean {
        const kind = this.tokens.kinds[index];
        return index + 1 < this.tokens.count && this.tokens.kinds[index + 1] === kind && this.parser.keywordText(kind) === undefined
            && /^[a-z]/i.test(this.text.substring(this.tokens.starts[index], this.tokens.ends[index]));
    }

    /** Whether a token starts a statement of any loop being parsed. */
    private startsAnyStatement(kind: number): boolean {
        return this.loops.some(loop => loop.first[kind]);
    }

    /**
     * The parts of a declaration as an order message lists them: after its keyword, up to its
     * block, the parts that may be left out and those that start with a keyword of their own
     * (`role`, `unit`, `trained`; `after`, `from`, `to`).
     */
    private orderOf(rule: CompiledRule): Expectation[] {
        const order: Expectation[] = [];
        for (const part of rule.parts.slice(1)) {
            if (part.keyword >= 0 && this.parser.brackets.has(part.keyword)) break;
            if (part.keyword >= 0 || (part.optional && !part.repeated)) order.push(...part.expected);
        }
        return order;
    }

    /**
     * `(item)*` or `(item)+`: the items while a token starts one. Recovering, a token that neither
     * starts an item nor may follow the loop is dealt with (`recoverInLoop`), and a broken item is
     * left behind from the next token that fits.
     */
    repeat(loop: Loop, node: Node, atLeastOne: boolean): void {
        const first = loop.first;
        if (atLeastOne) {
            const start = this.index;
            this.item(loop, node);
            if (this.broken && this.recovering) this.resync(loop, start);
            if (this.broken) return;
        }
        if (!this.recovering) {
            while (first[this.peek()] && !this.broken) this.item(loop, node);
            return;
        }
        this.loops.push(loop);
        try {
            for (;;) {
                const kind = this.peek();
                if (first[kind]) {
                    const start = this.index;
                    this.item(loop, node);
                    if (this.broken) this.resync(loop, start);
                    continue;
                }
                if (loop.follow[kind] || kind === this.end || this.assumed >= 0) break;
                if (!this.recoverInLoop(loop, node)) break;
            }
        } finally {
            this.loops.pop();
        }
    }

    /** Parses the item the cursor's token starts. */
    private item(loop: Loop, node: Node): void {
        const chosen = loop.itemOf[this.peek()];
        this.finishedNode = undefined;
        this.finishedRule = undefined;
        loop.items[chosen >= 0 ? chosen : 0].step(this, node);
    }

    /**
     * After a broken item: the tokens up to the next that starts an item, may follow the loop or
     * starts a statement of an outer loop are left out (braces kept in balance: a block is skipped
     * whole); at least one token, if the item took none.
     */
    private resync(loop: Loop, start: number): void {
        this.broken = false;
        this.assumed = -1;
        this.stand = undefined;
        if (this.index === start && this.index < this.tokens.count) this.index++;
        this.skipToFit(loop);
    }

    private skipToFit(loop: Loop): number {
        let depth = 0;
        let skipped = 0;
        while (this.index < this.tokens.count) {
            const kind = this.tokens.kinds[this.index];
            if (depth === 0 && (loop.first[kind] || loop.follow[kind] || this.startsOuterStatement(kind))) break;
            if (this.parser.brackets.has(kind)) depth++;
            else if (this.parser.closers.has(kind)) {
                if (depth === 0) break;
                depth--;
            }
            this.index++;
            skipped++;
        }
        return skipped;
    }

    /**
     * A token that neither starts an item of the loop nor may follow it: the block is not closed
     * (the token starts a statement of an outer block); a word close to a keyword that starts an
     * item; an item whose keyword is missing; a part of the statement just parsed written after
     * it; else what does not fit is left out. Returns false when the loop ends here.
     */
    private recoverInLoop(loop: Loop, node: Node): boolean {
        const index = this.index;
        const kind = this.tokens.kinds[index];
        const found = this.found(index);
        const word = /^[a-z]/i.test(found.image);
        // A word close to one that may come after the loop: what comes after deals with it (a
        // misspelled statement after a list of names is not a name missing its comma).
        if (word && this.keywordsOf(loop.follow).some(keyword => closeTo(found.image, this.parser.keywordText(keyword)!))) return false;
        const closer = loop.closer;
        if (closer >= 0 && this.startsOuterStatement(kind)) {
            this.report({ kind: 'unclosed', found, within: this.within(true), closer: this.parser.keywordText(closer)! }, index, true);
            this.assumed = closer;
            return false;
        }
        const previous = this.finished;
        // A statement of the block just closed: its closer was one too many (a block in it lacks its opener).
        if (previous && previous.node.$cstNode && this.reopenClosedBlock(previous, index)) return true;
        // A word a letter or two off a keyword that starts an item.
        if (word) {
            const lower = found.image.toLowerCase();
            const candidates = loop.items.flatMap(item => this.keywordsOf(item.first).map(keyword => ({ item, keyword, text: this.parser.keywordText(keyword)! })))
                .filter(candidate => closeTo(found.image, candidate.text))
                .sort((a, b) => distance(lower, a.text) - distance(lower, b.text));
            for (const { item, keyword, text } of candidates) {
                if (!this.readsOn(this.dryRun(item.step, node, { index, kind: keyword }), index)) continue;
                this.report({ kind: 'misspelled', found, keyword: text, within: this.within() }, index, false, text);
                this.stand = { index, kind: keyword };
                this.finished = undefined;
                item.step(this, node);
                if (this.broken) this.resync(loop, index);
                return true;
            }
        }
        // A part of the statement just parsed, written after it (out of order, misspelled, or its keyword missing).
        if (previous && previous.node.$cstNode && this.continueStatement(previous, index, found, loop)) return true;
        // An item whose keyword is missing: the one that reads furthest as if it were there.
        // One that parses to its end goes before one that breaks off as far.
        // In a list without a closer of its own (`, b, c`), only an item that reads to its end and
        // is followed by what may come next: else the token is for what encloses the list.
        const list = loop.closer < 0;
        const unknownWord = this.unknownKeyword(index);
        let best: { item: Loop['items'][number]; reach: number } | undefined;
        for (const item of loop.items) {
            if (item.keyword < 0 || (unknownWord && /^[a-z]/i.test(this.parser.keywordText(item.keyword)!))) continue;
            const reach = this.dryRun(item.step, node, undefined, item.keyword);
            if (list && !(reach.complete && this.fitsAfterItem(loop, reach.index))) continue;
            const score = reach.index * 2 + (reach.complete ? 1 : 0);
            if (this.readsOn(reach, index - 1) && (!best || score > best.reach)) best = { item, reach: score };
        }
        if (best) {
            this.report({ kind: 'missing', expected: { keyword: this.parser.keywordText(best.item.keyword)! }, found, within: this.within() }, index);
            this.assumed = best.item.keyword;
            this.finished = undefined;
            best.item.step(this, node);
            this.assumed = -1;
            if (this.broken) this.resync(loop, index);
            return true;
        }
        if (list && this.loops.length > 1) return false;
        const skipped = this.skipToFit(loop);
        this.report({ kind: 'unexpected', found, expected: [...this.tailOf(previous), ...loop.expected], within: this.within(), skipped }, index);
        if (skipped === 0) this.index++;
        return true;
    }

    /** Whether the token at an index may stand after an item of a loop: another item, what follows the loop, or the end. */
    private fitsAfterItem(loop: Loop, at: number): boolean {
        if (at >= this.tokens.count) return true;
        const kind = this.tokens.kinds[at];
        return Boolean(loop.first[kind] || loop.follow[kind]);
    }

    /** What may still come in the statement just parsed (its parts that may be left out), for a message. */
    private tailOf(previous: { readonly rule: CompiledRule } | undefined): Expectation[] {
        return previous ? this.continuable(previous.rule, this.index).parts.flatMap(part => part.expected) : [];
    }

    /**
     * The parts of the statement just parsed that may still come after it (the cursor at `index`):
     * those that may be left out; of its header only, when its block was opened and closed (a
     * closed block is not opened again). `closed` says whether it was.
     */
    private continuable(rule: CompiledRule, index: number): { parts: Part[]; closed: boolean } {
        const block = rule.parts.findIndex(part => part.keyword >= 0 && this.parser.brackets.has(part.keyword));
        const closed = block >= 0 && index > 0 && this.parser.closers.has(this.tokens.kinds[index - 1]);
        return { parts: rule.parts.filter((part, i) => part.optional && (!closed || i < block)), closed };
    }

    /**
     * The statement just parsed closed its block with the token before `index`, and the token at
     * `index` starts a statement of that block (`goal g "G" } story …` where the goal's `{` is
     * missing: its `}` closed the stage): told on the closer, and the block opened again, its
     * statements parsed into it up to the next closer. Whether it applied.
     */
    private reopenClosedBlock(previous: { readonly node: Node; readonly rule: CompiledRule }, index: number): boolean {
        const { node, rule } = previous;
        const kind = this.tokens.kinds[index];
        const closer = rule.parts[rule.parts.length - 1];
        const loop = rule.parts.find(part => part.repeated && part.first[kind]);
        const builder = this.builder;
        if (!loop || !closer || closer.keyword < 0 || !this.parser.closers.has(closer.keyword) || this.tokens.kinds[index - 1] !== closer.keyword
            || !(builder instanceof FastCstNodeBuilder)) {
            return false;
        }
        this.report({ kind: 'closed-early', found: this.found(index - 1), within: { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined } }, index - 1);
        builder.reopen(node.$cstNode as CompositeCstNode);
        this.openNodes.push(previous.node);
        this.openRules.push(previous.rule);
        loop.step(this, node);
        closer.step(this, node);
        this.openNodes.pop();
        this.openRules.pop();
        this.finish(node, rule);
        this.broken = false;
        this.finished = previous;
        return this.index > index;
    }

    /**
     * Parses a part of the statement just finished into it (its block made current again): a part
     * written after another that comes later, a part whose keyword is misspelled or missing.
     */
    private continueStatement(previous: { readonly node: Node; readonly rule: CompiledRule }, index: number, found: FoundToken, loop: Loop): boolean {
        const { node, rule } = previous;
        const kind = this.tokens.kinds[index];
        const within = { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined };
        // Where a problem is, for a message: the statement, or for a clause (`asynchrony high`) the declaration it is in.
        const told: Within = this.parser.declares(rule) ? within : this.within() ?? within;
        const { parts: candidates, closed } = this.continuable(rule, index);
        let chosen: { part: Part; problem: SyntaxProblem; stand?: Stand; assumed?: number } | undefined;
        const direct = candidates.find(part => part.first[kind]);
        if (direct && this.given(direct, node)) {
            this.skipTwice(direct, node, rule);
            return this.index > index;
        }
        if (direct) chosen = { part: direct, problem: { kind: 'order', found, within, order: this.orderOf(rule) } };
        // A part whose keyword (or one of its words: a level) is misspelled, the closest first.
        if (!chosen) {
            const fits = this.misspelledPart(candidates, node, index, found);
            if (fits) chosen = { part: fits.part, problem: { kind: 'misspelled', found, keyword: fits.text, within: told, among: fits.part.expected[0] }, stand: { index, kind: fits.keyword } };
        }
        // A name where a part made of a few words may stand (`asynchrony extreme`: a level): a
        // wrong value of that part, left out, if what follows it fits.
        if (!chosen && found.terminal && /^[a-z]/i.test(found.image) && this.fitsAfterItem(loop, index + 1)) {
            const words = candidates.find(part => part.keyword < 0 && !this.given(part, node) && part.expected.some(e => 'rule' in e && (e.keywords?.length ?? 0) > 0));
            if (words) {
                this.report({ kind: 'unexpected', found, expected: words.expected, within: told, skipped: 1 }, index);
                this.index++;
                this.finished = previous;
                return true;
            }
        }
        // A part whose keyword is missing (not after a closed block: what follows it is a statement of its own).
        const unknownWord = this.unknownKeyword(index);
        for (const [i, part] of candidates.entries()) {
            if (chosen || closed) break;
            if (part.keyword < 0 || this.given(part, node) || (unknownWord && /^[a-z]/i.test(this.parser.keywordText(part.keyword)!))) continue;
            // It reads to its end, and what follows may follow it: a later part, or what follows the statement.
            const reach = this.dryRun(part.step, node, undefined, part.keyword);
            if (reach.complete && reach.index > index && (this.fitsAfterPart(candidates, i, reach.index) || this.fitsAfterItem(loop, reach.index))) {
                chosen = { part, problem: { kind: 'missing', expected: { keyword: this.parser.keywordText(part.keyword)! }, found, within: told }, assumed: part.keyword };
            }
        }
        if (!chosen) return false;
        // Parts of one declaration written out of order: told once.
        const last = this.problems[this.problems.length - 1]?.problem;
        const toldAlready = chosen.problem.kind === 'order' && last?.kind === 'order' && last.within.type === within.type && last.within.name === within.name;
        if (!toldAlready) this.report(chosen.problem, index, false, chosen.problem.kind === 'misspelled' ? chosen.problem.keyword : undefined);
        const builder = this.builder;
        if (!(builder instanceof FastCstNodeBuilder)) return false;
        builder.reopen(node.$cstNode as CompositeCstNode);
        this.stand = chosen.stand;
        this.assumed = chosen.assumed ?? -1;
        this.openNodes.push(previous.node);
        this.openRules.push(previous.rule);
        chosen.part.step(this, node);
        // The parts after it, in their order, as they would have come (not one given already).
        for (const later of candidates.slice(candidates.indexOf(chosen.part) + 1)) {
            if (this.broken || this.given(later, node)) break;
            later.step(this, node);
        }
        this.openNodes.pop();
        this.openRules.pop();
        this.assumed = -1;
        this.stand = undefined;
        this.finish(node, rule);
        this.broken = false;
        this.finished = previous;
        return this.index > index;
    }

    /**
     * A part among `candidates` that starts with a keyword (or one of its words: a level) the
     * word at `index` is close to, and that reads on when the word is taken as it; the closest of
     * those that read to their end, else the closest.
     */
    private misspelledPart(candidates: readonly Part[], node: Node, index: number, found: FoundToken): { part: Part; keyword: number; text: string } | undefined {
        if (!/^[a-z]/i.test(found.image)) return undefined;
        const lower = found.image.toLowerCase();
        // One that reads to its end goes before one that breaks off (`doe`: done, not due without its date).
        return candidates.filter(part => !this.given(part, node))
            .flatMap(part => this.keywordsOf(part.first).map(keyword => ({ part, keyword, text: this.parser.keywordText(keyword)! })))
            .filter(candidate => closeTo(found.image, candidate.text))
            .map(candidate => ({ ...candidate, reach: this.dryRun(candidate.part.step, node, { index, kind: candidate.keyword }) }))
            .filter(candidate => candidate.reach.index > index)
            .sort((a, b) => Number(b.reach.complete) - Number(a.reach.complete) || distance(lower, a.text) - distance(lower, b.text))[0];
    }

    /** Whether a part that sets a property once was given already in a node. */
    private given(part: Part, node: Node): boolean {
        return !part.repeated && part.properties.some(property => node[property] !== undefined && node[property] !== false);
    }

    /** A part written a second time: told, and its tokens left out (the first one holds). */
    private skipTwice(part: Part, node: Node, rule: CompiledRule): void {
        const index = this.index;
        const end = Math.max(this.dryRun(part.step, node).index, index + 1);
        const within = { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined };
        this.report({ kind: 'twice', found: this.found(index), within, part: part.expected[0], skipped: end - index }, index);
        this.index = end;
    }

    /** The keyword kinds of a set. */
    private keywordsOf(kinds: KindSet): number[] {
        const keywords: number[] = [];
        for (let kind = 0; kind < this.parser.lexer.end; kind++) {
            if (kinds[kind] && this.parser.keywordText(kind) !== undefined) keywords.push(kind);
        }
        return keywords;
    }

    /**
     * Whether a try read on far enough to be what was meant: to its end, or three tokens from
     * where its keyword is (a keyword, a name and a title: errors further on are its own).
     */
    private readsOn(reach: { readonly index: number; readonly complete: boolean }, keywordAt: number): boolean {
        return reach.complete ? reach.index > keywordAt : reach.index >= keywordAt + 3;
    }

    /**
     * How far a step parses from the cursor without recovering (nothing built, nothing kept): the
     * index it reaches, and whether it parsed to its end. `stand` reads a token as another kind;
     * `assumed` takes a token as present before the cursor.
     */
    private dryRun(step: Step, node: Node, stand?: Stand, assumed = -1): { readonly index: number; readonly complete: boolean } {
        const builder = new FastCstNodeBuilder(undefined);
        builder.buildRootNode(this.text);
        const run = new ParseRun(this.parser, this.text, this.tokens, builder, false);
        run.index = this.index;
        run.hiddenIndex = this.hiddenIndex;
        run.stand = stand;
        run.assumed = assumed;
        const scratch = this.parser.newNode(node.$type);
        step(run, scratch);
        return { index: run.index, complete: !run.broken };
    }
}
