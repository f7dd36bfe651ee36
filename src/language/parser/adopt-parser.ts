/**
 * The Adopt parser: Langium's parser with two guards for hostile input.
 * - A text larger than MAX_PLAN_BYTES is not parsed: it gets one syntax error saying so, and the
 *   rest of the server keeps serving (the CLI refuses such files before parsing).
 * - Parsing stays linear in the size of the text. Langium 4.4 is quadratic in two places: its
 *   CST builder searches the parent's children (`indexOf`, from the front) for every new node,
 *   even with no comment to place (300,000 declarations, 7 MB: 20 s), and its parser takes the
 *   comments before each token off the front of one array (`splice(0, n)`; 50,000 commented
 *   declarations: 14 s). It also spreads all trailing comments as call arguments, which
 *   overflows the stack beyond about 100,000 of them. AdoptCstNodeBuilder and AdoptParser fix
 *   the three and build the same tree.
 * - After parsing, Langium links every node to its container with `linkContentToContainer`
 *   (`Object.entries` and a closure per node: about 70 ms for 10,000 projects). AdoptParser
 *   links the same containers, properties and indexes, in the same order, with plain loops, and
 *   lists the tree's nodes and references on the way for the linker and the validator
 *   (scoping/reference-walk.ts), which would otherwise walk the whole tree again each.
 * - When a node is finished, Langium gives it the default value of each property it lacks
 *   (`assignMandatoryProperties`: a list of the type's properties per node). AdoptParser looks
 *   each type's defaults up once.
 * - A plan without lexer or syntax errors is parsed by the fast parser (adopt-fast-parser.ts),
 *   which builds the same trees in less than half the time; anything else goes to Langium's parser.
 * - An edit inside one project (after its keyword, before its closing brace) re-parses only
 *   that project, one elsewhere in a stage, in the coalition, a channel or an initiative only
 *   that declaration (`parseIncrementally`, asked by the document factory;
 *   adopt-incremental.ts), and reuses the rest of the old tree.
 * - Leaves of the concrete syntax tree are AdoptLeafCstNodes (adopt-cst-nodes.ts): half the
 *   fields of Langium's, positions computed when asked. Composite nodes are
 *   AdoptCompositeCstNodes: the fast parser gives them a number per token, and a token's leaf is
 *   made when something asks for it (the build asks for none).
 */
import {
    createParser, CstNodeBuilder, DatatypeSymbol, LangiumParser, type AstNode, type GrammarAST, type AstReflection, type CompositeCstNode, type CstNode, type LangiumCoreServices,
    type LeafCstNodeImpl, type ParseResult, type ParserOptions, type TokenBuilder
} from 'langium';
import type { IToken } from 'chevrotain';
import { AdoptCompositeCstNode, AdoptLeafCstNode, childrenOf } from './adopt-cst-nodes.js';
import { FastPlanParser, type ParseUnit } from './adopt-fast-parser.js';
import { markFastRoot, parseIncrementally } from './adopt-incremental.js';
import { exceedsPlanSize, tooLargeMessage } from './plan-limits.js';
import { linkContainersAndList, recordParsedLists } from '../scoping/reference-walk.js';

/**
 * Langium's node builder with the Adopt CST nodes (adopt-cst-nodes.ts): slim leaves, and
 * composite nodes that can hold leaves not made yet (the fast parser's); comments placed like
 * Langium's builder places them, in linear time overall.
 */
export class AdoptCstNodeBuilder extends CstNodeBuilder {
    private get stack(): CompositeCstNode[] {
        return (this as unknown as { nodeStack: CompositeCstNode[] }).nodeStack;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new AdoptCompositeCstNode();
        node.grammarSource = feature;
        this.appendChild(this.current, node);
        this.stack.push(node);
        return node;
    }

    override appendChild(parent: CompositeCstNode, child: CstNode): void {
        if (parent instanceof AdoptCompositeCstNode) parent.append(child);
        else super.appendChild(parent, child);
    }

    /** Langium's `construct`, without making the leaves of the node it closes. */
    override construct(item: Parameters<CstNodeBuilder['construct']>[0]): void {
        const current: CompositeCstNode = this.current;
        if (!(current instanceof AdoptCompositeCstNode) || this.stack[this.stack.length - 1] !== current) {
            super.construct(item);
            return;
        }
        item.$cstNode = current;
        this.stack.pop();
        if (current.children.length === 0) this.removeNode(current);
        else current.compact();
    }

    /** A slim leaf (adopt-cst-nodes.ts) with the token's offset, length and type. */
    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        return new AdoptLeafCstNode(token.startOffset, token.image.length, token.tokenType, hidden) as unknown as LeafCstNodeImpl;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes: CstNode[] = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (childrenOf(current).length > 0) {
            insertChildren(current, childrenOf(current).length, nodes);
            return;
        }
        // A node just opened: place the comments before it, in the first ancestor with content.
        // The node is at (or near) the end of its parent: search from the back.
        while (current.container) {
            const parent = current.container;
            const index = childrenOf(parent).lastIndexOf(current);
            if (index > 0) {
                insertChildren(parent, index, nodes);
                return;
            }
            current = parent;
        }
        insertChildren(current, 0, nodes);
    }
}

/** Inserts children at an index; never spreads a long list as call arguments (engines limit their count). */
function insertChildren(parent: CompositeCstNode, index: number, nodes: readonly CstNode[]): void {
    if (parent instanceof AdoptCompositeCstNode) {
        parent.insert(index, nodes);
        return;
    }
    for (const node of nodes) (node as { container?: CompositeCstNode }).container = parent;
    const content = parent.content as CstNode[];
    if (nodes.length <= 1000) {
        content.splice(index, 0, ...nodes);
    } else {
        (parent as unknown as { content: CstNode[] }).content = content.slice(0, index).concat(nodes, content.slice(index));
    }
}

/** The parts of Langium's parser (private in its typings) that the hidden-token fix replaces. */
interface ParserInternals {
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

/** The parts of Langium's `parse` (private in its typings) that AdoptParser's own `parse` uses. */
interface ParseInternals {
    nodeBuilder: CstNodeBuilder;
    lexer: { tokenize(text: string): LexerResult };
    lexerResult?: LexerResult;
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, boolean[]>;
    doParse(rule: unknown): AstNode;
}

interface LexerResult {
    tokens: IToken[];
    hidden: IToken[];
    errors: ParseResult['lexerErrors'];
    report?: ParseResult['lexerReport'];
}

/** The parts of Langium's parser (private in its typings) that AdoptParser's `construct` uses. */
interface ConstructInternals {
    stack: Array<Record<string | symbol, unknown>>;
    nodeBuilder: { construct(item: object): void };
    operatorPrecedence: Map<string, unknown>;
    converter: { convert(input: string, node: CstNode | undefined): unknown };
    astReflection: AstReflection;
    isRecording(): boolean;
    constructInfix(node: object, precedence: unknown): unknown;
    construct(): unknown;
}

/** A property with a default value, and that value (Langium's type metadata). */
type PropertyDefault = readonly [name: string, value: unknown];

/** Langium's `copyDefaultValue`: a fresh copy of a list default, the value itself otherwise. */
function copyDefaultValue(value: unknown): unknown {
    return Array.isArray(value) ? [...value.map(copyDefaultValue)] : value;
}

export class AdoptParser extends LangiumParser {
    /** False if a Langium upgrade renamed the internals: then Langium's own (quadratic) code runs. */
    readonly linearHiddenTokens: boolean;
    /** False if a Langium upgrade renamed what `parseText` uses: then Langium's own `parse` runs. */
    readonly ownParse: boolean;
    /** False if a Langium upgrade renamed what the own `construct` uses: then Langium's own runs. */
    readonly ownConstruct: boolean;
    /**
     * Whether valid plans go to the fast parser first (true when it knows the grammar's tokens
     * and rules); false sends every text to Langium's parser (the equivalence tests compare both).
     */
    fastPath: boolean;
    /** How many texts the fast parser parsed (the others went to Langium's parser). */
    fastParses = 0;
    /**
     * Whether `parseIncrementally` may update a tree instead of parsing the whole text (the
     * document factory asks it on every change: workspace/adopt-document-factory.ts).
     */
    incremental = true;
    /** How many texts `parseIncrementally` parsed by re-parsing one declaration of each kind. */
    readonly incrementalParsesOf: Record<ParseUnit, number> = { project: 0, stage: 0, coalition: 0, channel: 0, initiative: 0 };
    private readonly fastParser: FastPlanParser | undefined;
    private readonly tokenBuilder: TokenBuilder;
    private hidden: IToken[] | undefined;
    private taken = 0;
    /** The defaults of each node type's properties (the grammar's type metadata never changes). */
    private readonly defaultsByType = new Map<string, readonly PropertyDefault[]>();

    /** How many texts `parseIncrementally` parsed by re-parsing one declaration. */
    get incrementalParses(): number {
        let total = 0;
        for (const count of Object.values(this.incrementalParsesOf)) total += count;
        return total;
    }

    constructor(services: LangiumCoreServices) {
        super(services);
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new AdoptCstNodeBuilder();
        const internals = this as unknown as ParserInternals;
        const doParse = internals.doParse;
        this.linearHiddenTokens = typeof internals.extractHiddenTokens === 'function' && typeof doParse === 'function';
        if (this.linearHiddenTokens) {
            // Langium removes the comments before each token from the front of one array
            // (splice(0, n)): quadratic in the number of comments. Read them with a cursor instead,
            // and remove the ones read once, when the parse ends.
            internals.extractHiddenTokens = token => this.takeHiddenTokens(token);
            internals.doParse = rule => {
                try {
                    return doParse.call(this, rule);
                } finally {
                    this.dropTakenHiddenTokens();
                }
            };
        }
        const parse = this as unknown as Partial<ParseInternals>;
        this.ownParse = this.linearHiddenTokens && parse.nodeBuilder instanceof CstNodeBuilder && typeof parse.lexer?.tokenize === 'function'
            && parse.allRules instanceof Map && parse.unorderedGroups instanceof Map;
        const construct = this as unknown as Partial<ConstructInternals>;
        this.ownConstruct = Array.isArray(construct.stack) && typeof construct.nodeBuilder?.construct === 'function'
            && construct.operatorPrecedence instanceof Map && typeof construct.converter?.convert === 'function'
            && typeof construct.astReflection?.getTypeMetaData === 'function' && typeof construct.isRecording === 'function'
            && typeof construct.constructInfix === 'function' && typeof construct.construct === 'function';
        if (this.ownConstruct) {
            (this as unknown as ConstructInternals).construct = () => this.constructNode();
        }
        this.tokenBuilder = services.parser.TokenBuilder;
        this.fastParser = this.ownParse ? FastPlanParser.create(services) : undefined;
        this.fastPath = this.fastParser !== undefined;
    }

    /** Langium 4.4's `LangiumParser.construct`, with each type's defaults looked up once. */
    private constructNode(): unknown {
        const internals = this as unknown as ConstructInternals;
        if (internals.isRecording()) return undefined;
        const node = internals.stack.pop()!;
        internals.nodeBuilder.construct(node);
        if ('$infixName' in node) {
            return internals.constructInfix(node, internals.operatorPrecedence.get(node.$infixName as string));
        } else if (node.$type === DatatypeSymbol) {
            return internals.converter.convert(node.value as string, node.$cstNode as CstNode | undefined);
        }
        for (const [name, value] of this.defaultsOf(node.$type as string, internals.astReflection)) {
            if (node[name] === undefined) node[name] = copyDefaultValue(value);
        }
        return node;
    }

    private defaultsOf(type: string, reflection: AstReflection): readonly PropertyDefault[] {
        let defaults = this.defaultsByType.get(type);
        if (!defaults) {
            defaults = Object.values(reflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue] as const);
            this.defaultsByType.set(type, defaults);
        }
        return defaults;
    }

    /** The comments before the token that were not taken yet (what Langium's extractHiddenTokens returns). */
    private takeHiddenTokens(token: IToken): IToken[] {
        const hidden = (this as unknown as ParserInternals).lexerResult?.hidden ?? [];
        if (hidden !== this.hidden) {
            this.hidden = hidden;
            this.taken = 0;
        }
        const start = this.taken;
        let end = start;
        while (end < hidden.length && hidden[end].startOffset <= token.startOffset) end++;
        this.taken = end;
        return end === start ? [] : hidden.slice(start, end);
    }

    /** Leaves only the comments after the last token, which Langium adds to the tree after parsing. */
    private dropTakenHiddenTokens(): void {
        if (this.hidden && this.taken > 0) this.hidden.splice(0, this.taken);
        this.hidden = undefined;
        this.taken = 0;
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (!exceedsPlanSize(input)) return this.parseText<T>(input, options);
        // Parse nothing: the result of an empty file, with its one error telling why.
        const empty = super.parse<T>('', options);
        const [first] = empty.parserErrors;
        const error = Object.assign(Object.create(Object.getPrototypeOf(first ?? {}) as object) as object, first, { message: tooLargeMessage(input) });
        return { ...empty, lexerErrors: [], parserErrors: [error as (typeof empty.parserErrors)[number]] };
    }

    /** Parses a text of any size: the fast parser if it can, else Langium's `parse` with the faster container links. */
    protected parseText<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const result = this.parseFast<T>(input, options)
            ?? (this.ownParse ? this.parseLinkingContainers<T>(input, options) : super.parse<T>(input, options));
        // Langium leaves the last document's tokens in the parser until the next parse (about
        // 2 KB a project); the tree holds what it needs.
        this.wrapper.input = [];
        return result;
    }

    /** The fast parser's result for a valid plan (what Langium's parse gives it); undefined for anything else. */
    private parseFast<T extends AstNode>(input: string, options: ParserOptions): ParseResult<T> | undefined {
        if (!this.fastPath || !this.fastParser || options.rule) return undefined;
        const parsed = this.fastParser.parse(input, (this as unknown as ParseInternals).nodeBuilder);
        if (!parsed) return undefined;
        this.fastParses++;
        markFastRoot(parsed.root);
        // The fast parser linked the containers and listed the nodes and references as it went;
        // when children of one kind interleave with others in the text, Langium's walk decides the order.
        if (parsed.inTreeOrder) recordParsedLists(parsed.root, parsed.nodes, parsed.references);
        else linkContainersAndList(parsed.root);
        return {
            value: parsed.root as T,
            lexerErrors: [],
            lexerReport: this.tokenBuilder.flushLexingReport?.(input),
            parserErrors: []
        };
    }

    /**
     * The result of parsing `input`, made from the old tree of the previous text when the two
     * differ only inside one block (adopt-incremental.ts: the old tree is taken apart
     * then); undefined when that does not apply (then parse the whole text with `parse`).
     */
    parseIncrementally<T extends AstNode = AstNode>(oldRoot: AstNode, input: string): ParseResult<T> | undefined {
        const fastParser = this.fastParser;
        if (!this.incremental || !this.fastPath || !fastParser || exceedsPlanSize(input)) return undefined;
        const builder = (this as unknown as ParseInternals).nodeBuilder;
        const update = parseIncrementally(oldRoot, input, (unit, text, start, end) => fastParser.parseUnit(unit, text, start, end, builder));
        if (!update) return undefined;
        this.incrementalParsesOf[update.unit]++;
        return { value: update.root as T, lexerErrors: [], lexerReport: this.tokenBuilder.flushLexingReport?.(input), parserErrors: [] };
    }

    /** Langium 4.4's `LangiumParser.parse`, step by step, with `linkContainersAndList` for its last walk. */
    private parseLinkingContainers<T extends AstNode>(input: string, options: ParserOptions): ParseResult<T> {
        const internals = this as unknown as ParseInternals;
        internals.nodeBuilder.buildRootNode(input);
        const lexerResult = internals.lexerResult = internals.lexer.tokenize(input);
        this.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? internals.allRules.get(options.rule) : internals.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = internals.doParse(ruleMethod);
        internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        internals.unorderedGroups.clear();
        internals.lexerResult = undefined;
        linkContainersAndList(result);
        return {
            value: result as T,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors: this.wrapper.errors
        };
    }
}

/** The `parser.LangiumParser` service: an AdoptParser with the grammar's rules, finalized. */
export function createAdoptParser(services: LangiumCoreServices): AdoptParser {
    const parser = createParser(services.Grammar, new AdoptParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
