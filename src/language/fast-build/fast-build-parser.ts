/**
 * The parser and lexer services of the fast build.
 *
 * FastBuildParser is the language's parser (Langium's, with the size guard of
 * parser/adopt-parser.ts) that gives every text to the fast parser (fast-parser.ts: the tree
 * Langium's parser builds for a text without errors, in less than half the time; for a text with
 * errors, the tree its recovery reads, each problem told in the language's words). Langium's
 * parser parses a rule other than the entry rule, and every text of a grammar the fast parser
 * does not take; its trees get the fast build's nodes and its comments are taken in linear time
 * (langium-internals.ts). Langium's rules, and the probe of its internals, are made when a text
 * first goes to Langium's parser: a server whose texts all go to the fast parser never makes
 * them (making them was most of a new server's start). The fast parser is made when first asked
 * for, or ahead of that by `prepare` (the language server prepares it once the client has said it
 * is initialized). An edit inside one declaration of a text without errors re-parses only that
 * declaration (`parseIncrementally`, asked by the document factory; incremental-parse.ts).
 *
 * FastBuildLexer is the lexer service: Chevrotain's tokens, made by the fast lexer when it can
 * lex the text, by Chevrotain otherwise; Chevrotain's lexer is made when a text first needs it.
 * Langium lexes the whole document again for things other than the build (completion lexes it
 * to find the token at the cursor).
 */
import { Lexer as ChevrotainLexer, type IToken, type TokenType, type TokenTypeDictionary, type TokenVocabulary } from 'chevrotain';
import {
    AstUtils, GrammarAST, GrammarUtils, isIMultiModeLexerDefinition, isTokenTypeDictionary, type AstNode, type LangiumCoreServices, type Lexer, type LexerResult,
    type ParseResult, type ParserOptions, type TokenBuilder, type TokenizeOptions
} from 'langium';
import { AdoptParser, createAdoptParser } from '../parser/adopt-parser.js';
import { unreadableTextMessage } from '../parser/plan-limits.js';
import { FastCstNodeBuilder } from './cst-builder.js';
import { FastLexer } from './fast-lexer.js';
import { FastParser } from './fast-parser.js';
import { parseIncrementally } from './incremental-parse.js';
import { useFastBuildInternals, type InternalsUse } from './langium-internals.js';
import { FastRootCstNode } from './lazy-cst.js';

/** How many texts each way of parsing took (tests and `adopt check --stats` read them). */
export interface ParseCounts {
    /** Parsed in full by the fast parser. */
    fast: number;
    /** Parsed by Langium's parser. */
    langium: number;
    /** Updated by re-parsing one declaration, by the declaration's rule. */
    readonly incremental: Record<string, number>;
    /** Incremental updates that spliced the old tree's lists (the others walked the new tree). */
    spliced: number;
}

export class FastBuildParser extends AdoptParser {
    /** What of Langium's internals the parser uses (langium-internals.ts), probed once Langium's rules are made. */
    private internalsUse: InternalsUse = { builder: false, linearComments: false, problems: [] };
    /** Whether `parseIncrementally` may update a tree instead of parsing the whole text. */
    incremental = true;
    readonly counts: ParseCounts = { fast: 0, langium: 0, incremental: {}, spliced: 0 };
    private readonly tokenBuilder: TokenBuilder;
    private readonly services: LangiumCoreServices;
    /** The fast parser (or why there is none) and the CST node builder, once made. */
    private made: { readonly parser: FastParser | undefined; readonly off: string | undefined; readonly builder: FastCstNodeBuilder } | undefined;
    private fastWanted = true;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.services = services;
        this.tokenBuilder = services.parser.TokenBuilder;
    }

    /**
     * Makes the fast parser now if it is not made yet: compiling the grammar is most of what
     * making this parser takes, and the language server does it once the client has said it is
     * initialized (adopt-server.ts), while the client answers and opens its plans, not before its
     * answer to `initialize`. Else the first parse makes it.
     */
    override prepare(): void {
        if (this.made) return;
        const lexer = this.services.parser.Lexer;
        const fast = FastParser.create(this.services, lexer instanceof FastBuildLexer ? lexer.fastLexer : undefined);
        const parser = typeof fast === 'string' ? undefined : fast;
        this.made = { parser, off: typeof fast === 'string' ? fast : undefined, builder: new FastCstNodeBuilder(parser) };
    }

    /** Whether the fast parser is made (`prepare`, or the first parse, made it). */
    get prepared(): boolean {
        return this.made !== undefined;
    }

    /** The fast parser, or undefined when the grammar is outside what it takes (`fastParserOff` says why). */
    get fastParser(): FastParser | undefined {
        this.prepare();
        return this.made!.parser;
    }

    get fastParserOff(): string | undefined {
        this.prepare();
        return this.made!.off;
    }

    /** The CST node builder of both parsers' trees. */
    get builder(): FastCstNodeBuilder {
        this.prepare();
        return this.made!.builder;
    }

    /** Whether texts go to the fast parser (valid or not: it recovers from errors); false sends every text to Langium's parser (the equivalence tests compare both). */
    get fastPath(): boolean {
        return this.fastWanted && this.fastParser !== undefined;
    }

    set fastPath(value: boolean) {
        this.fastWanted = value;
    }

    /** What of Langium's internals the parser uses (langium-internals.ts); Langium's rules are made first if they are not yet. */
    get internals(): InternalsUse {
        this.makeRules();
        return this.internalsUse;
    }

    /**
     * Once Langium's rules are made: uses what it can of Langium's internals, checked with a probe
     * parsed by Langium's parser (not counted as a text parsed), the fast one standing aside meanwhile.
     */
    protected override afterRules(): void {
        const { fastWanted, counts } = this;
        const langium = counts.langium;
        this.fastWanted = false;
        try {
            this.internalsUse = useFastBuildInternals(this, this.builder, probeText(this.services));
        } finally {
            this.fastWanted = fastWanted;
            counts.langium = langium;
        }
    }

    protected override parseText<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const fastParser = this.fastWanted && !options.rule ? this.fastParser : undefined;
        if (fastParser) {
            const parsed = fastParser.parse(input, this.builder);
            this.counts.fast++;
            const state = (parsed.root.$cstNode as FastRootCstNode).tree;
            state.builtBy = 'fast';
            // A tree with errors is parsed again in full on the next change: its errors could be anywhere.
            state.updatable = parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0;
            // When children of one kind interleave with others in the text, a walk lists them when asked for.
            if (parsed.inTreeOrder) {
                state.nodes = parsed.nodes;
                state.parsedReferences = parsed.references;
            }
            return {
                value: parsed.root as T, lexerErrors: [...parsed.lexerErrors], lexerReport: this.tokenBuilder.flushLexingReport?.(input),
                parserErrors: parsed.parserErrors
            };
        }
        this.counts.langium++;
        const result = super.parseText<T>(input, options);
        // Langium leaves the last document's tokens in the parser until the next parse; the tree holds what it needs.
        this.wrapper.input = [];
        return result;
    }

    /**
     * The result of parsing `input`, made from the old tree of the previous text when the two
     * differ only inside one declaration (the old tree is taken apart then); undefined when that
     * does not apply (then parse the whole text with `parse`).
     */
    parseIncrementally<T extends AstNode = AstNode>(oldRoot: AstNode, input: string): ParseResult<T> | undefined {
        const fastParser = this.incremental && this.fastWanted ? this.fastParser : undefined;
        // A text not read as a plan (too large, not text) is parsed in full: to its one error.
        if (!fastParser || unreadableTextMessage(input) !== undefined) return undefined;
        const update = parseIncrementally(oldRoot, input, fastParser, this.builder);
        if (!update) return undefined;
        this.counts.incremental[update.unit] = (this.counts.incremental[update.unit] ?? 0) + 1;
        if (update.spliced) this.counts.spliced++;
        return { value: update.root as T, lexerErrors: [], lexerReport: this.tokenBuilder.flushLexingReport?.(input), parserErrors: [] };
    }
}

/**
 * The `parser.LangiumParser` service of the fast build: a FastBuildParser whose Langium rules are
 * made, and finalized, when a text first goes to Langium's parser; it then uses what it can of
 * Langium's internals.
 */
export function createFastBuildParser<P extends FastBuildParser>(services: LangiumCoreServices, instance?: P): P {
    return createAdoptParser(services, instance ?? new FastBuildParser(services) as P, { deferRules: true });
}

/**
 * A text that makes Langium's parser place a comment and consume a token: a comment, then the
 * first keyword of the entry rule (langium-internals.ts checks what it changed with it).
 */
function probeText(services: LangiumCoreServices): string {
    const entry = GrammarUtils.getEntryRule(services.Grammar);
    const keyword = entry ? firstKeyword(entry, new Set()) : undefined;
    const definition = services.parser.Lexer.definition as Record<string, TokenType>;
    const hidden = Object.values(definition).filter(type => type.GROUP === 'hidden' && type.PATTERN instanceof RegExp);
    const comment = COMMENT_SAMPLES.find(sample => hidden.some(type => new RegExp(`^(?:${(type.PATTERN as RegExp).source})$`).test(sample)));
    return `${comment ?? ''}\n${keyword ?? ''}`;
}

/** The first keyword a rule's text can hold, through the rules it calls (`use` for a file of `use` lines and a plan). */
function firstKeyword(rule: GrammarAST.ParserRule, seen: Set<GrammarAST.ParserRule>): string | undefined {
    if (seen.has(rule)) return undefined;
    seen.add(rule);
    for (const element of AstUtils.streamAst(rule.definition)) {
        if (GrammarAST.isKeyword(element)) return element.value;
        const called = GrammarAST.isRuleCall(element) ? element.rule.ref : undefined;
        const inner = GrammarAST.isParserRule(called) ? firstKeyword(called, seen) : undefined;
        if (inner) return inner;
    }
    return undefined;
}

/** Comments as grammars usually write them: one is picked that a hidden terminal of the grammar matches. */
const COMMENT_SAMPLES = ['/* probe */', '// probe', '# probe', '-- probe', '(* probe *)'];

export class FastBuildLexer implements Lexer {
    /** The token types (Langium's token builder makes them, as for its DefaultLexer). */
    readonly definition: TokenTypeDictionary;
    /** The fast lexer of the definition, or why it cannot lex these tokens (the fast parser takes it too). */
    readonly fastLexer: FastLexer | string;
    /** False to lex with Chevrotain only (equivalence tests). */
    fastPath = true;
    private readonly tokenBuilder: TokenBuilder;
    /**
     * Chevrotain's lexer of the same token types, configured as Langium's DefaultLexer configures
     * it, for the texts the fast lexer does not lex: made when first needed (its analysis of the
     * token patterns is a large part of a new server's start).
     */
    private chevrotainLexer: ChevrotainLexer | undefined;
    private readonly makeChevrotainLexer: () => ChevrotainLexer;

    constructor(services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        const tokens = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        this.definition = tokenTypeDictionary(tokens);
        const lexerTokens = isTokenTypeDictionary(tokens) ? Object.values(tokens) : tokens;
        const config = {
            positionTracking: 'full',
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: services.parser.LexerErrorMessageProvider
        } as const;
        this.makeChevrotainLexer = () => new ChevrotainLexer(lexerTokens, config);
        this.fastLexer = FastLexer.create(this.definition as Record<string, TokenType>);
    }

    /** Whether Chevrotain's lexer is made (once a text went to it). */
    get chevrotainLexerMade(): boolean {
        return this.chevrotainLexer !== undefined;
    }

    /** Chevrotain's lexer, made now if it is not yet. */
    private chevrotain(): ChevrotainLexer {
        return this.chevrotainLexer ??= this.makeChevrotainLexer();
    }

    /** Langium's DefaultLexer's `tokenize`: Chevrotain's tokens, errors and comments. */
    private chevrotainTokenize(text: string): LexerResult {
        const result = this.chevrotain().tokenize(text);
        return { tokens: result.tokens, errors: result.errors, hidden: result.groups.hidden ?? [], report: this.tokenBuilder.flushLexingReport?.(text) };
    }

    tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const lexer = typeof this.fastLexer === 'string' ? undefined : this.fastLexer;
        const lexed = this.fastPath && lexer ? lexer.lex(text) : undefined;
        if (!lexed || !lexer) return this.chevrotainTokenize(text);
        // Chevrotain prepares the token types (their `tokenTypeIdx`) when it makes a lexer or a parser
        // of them; the language's parser makes one with the services, but a lexer used alone makes its own.
        if (lexer.types[0]?.tokenTypeIdx === undefined) this.chevrotain();
        const positions = new PositionTracker(text);
        const tokens: IToken[] = new Array(lexed.count);
        for (let i = 0; i < lexed.count; i++) {
            tokens[i] = positions.token(lexed.starts[i], lexed.ends[i], lexer.types[lexed.kinds[i]]);
        }
        // Comments come in text order too, but a second tracker: they interleave with the tokens.
        const hiddenPositions = new PositionTracker(text);
        const hidden: IToken[] = new Array(lexed.hiddenStarts.length);
        for (let i = 0; i < hidden.length; i++) {
            hidden[i] = hiddenPositions.token(lexed.hiddenStarts[i], lexed.hiddenEnds[i], lexer.types[lexed.hiddenKinds[i]]);
        }
        return { tokens, errors: [], hidden, report: this.tokenBuilder.flushLexingReport?.(text) };
    }
}

/** The token types by name, as Langium's DefaultLexer keeps them (`toTokenTypeDictionary`). */
function tokenTypeDictionary(tokens: TokenVocabulary): TokenTypeDictionary {
    if (isTokenTypeDictionary(tokens)) return tokens;
    const types = isIMultiModeLexerDefinition(tokens) ? Object.values(tokens.modes).flat() : tokens;
    const dictionary: TokenTypeDictionary = {};
    for (const type of types) dictionary[type.name] = type;
    return dictionary;
}

const LINE_FEED = 10, CARRIAGE_RETURN = 13;

/**
 * Lines and columns of tokens asked for in increasing offsets, as Chevrotain counts them: a line
 * ends at `\n`, `\r\n` or a lone `\r`; columns count UTF-16 units; both from 1.
 */
class PositionTracker {
    /** The offset scanned up to, its line (from 1) and the offset where that line starts. */
    private offset = 0;
    private line = 1;
    private lineStart = 0;

    constructor(private readonly text: string) { }

    token(start: number, end: number, tokenType: TokenType): IToken {
        this.advanceTo(start);
        const startLine = this.line;
        const startColumn = start - this.lineStart + 1;
        // The last character of a token is never a line break: scan the token itself for breaks.
        this.advanceTo(end - 1);
        const endLine = this.line;
        const endColumn = end - 1 - this.lineStart + 1;
        return {
            image: this.text.substring(start, end),
            startOffset: start,
            endOffset: end - 1,
            startLine,
            endLine,
            startColumn,
            endColumn,
            tokenTypeIdx: tokenType.tokenTypeIdx!,
            tokenType
        };
    }

    /** Moves to `offset`, counting the line breaks before it. */
    private advanceTo(offset: number): void {
        const text = this.text;
        for (let i = this.offset; i < offset; i++) {
            const code = text.charCodeAt(i);
            if (code === LINE_FEED) {
                this.line++;
                this.lineStart = i + 1;
            } else if (code === CARRIAGE_RETURN) {
                if (text.charCodeAt(i + 1) === LINE_FEED) i++;
                this.line++;
                this.lineStart = i + 1;
                if (i >= offset) {
                    this.offset = i + 1;
                    return;
                }
            }
        }
        this.offset = Math.max(this.offset, offset);
    }
}
