/**
 * The Adopt parser: Langium's parser, with a guard for hostile input. A text larger than
 * MAX_PLAN_BYTES, or one holding a NUL character (a binary file), is not parsed: it gets one
 * syntax error saying so, and the rest of the server keeps serving (the CLI refuses such files
 * before parsing).
 *
 * The fast build (src/language/fast-build/) extends it: `parseText` is where it parses a text.
 * It defers Langium's rules (`createAdoptParser(…, { deferRules: true })`): Chevrotain's
 * recording and analysis of the grammar, the costliest part of a new server's start, is done
 * when a text first goes to Langium's parser, which may be never. The completion parser
 * (AdoptCompletionParser) makes its rules at its first parse, the first completion asked for.
 */
import { createParser, LangiumCompletionParser, LangiumParser, type AstNode, type CompletionParserResult, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { unreadableTextMessage } from './plan-limits.js';

/** Langium's rules of a parser, made once: when `now()` is first called. */
class Rules {
    private make: (() => void) | undefined;

    constructor(make: () => void) {
        this.make = make;
    }

    get made(): boolean {
        return this.make === undefined;
    }

    /** Makes the rules if they are not made yet; true if this call made them. */
    now(): boolean {
        const make = this.make;
        if (!make) return false;
        this.make = undefined;
        make();
        return true;
    }
}

/** Langium's rules of `parser` (for the grammar and lexer of `services`): made by `now()`. */
function rulesOf(services: LangiumCoreServices, parser: LangiumParser | LangiumCompletionParser): Rules {
    return new Rules(() => {
        createParser(services.Grammar, parser, services.parser.Lexer.definition);
        parser.finalize();
    });
}

export class AdoptParser extends LangiumParser {
    /** Langium's rules of this parser; set by createAdoptParser. */
    private rules: Rules | undefined;

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const unreadable = unreadableTextMessage(input);
        if (unreadable === undefined) return this.parseText<T>(input, options);
        // Parse nothing: the result of an empty file, with its one error telling why.
        const empty = this.parseWithLangium<T>('', options);
        const [first] = empty.parserErrors;
        const error = Object.assign(Object.create(Object.getPrototypeOf(first ?? {}) as object) as object, first, { message: unreadable });
        return { ...empty, lexerErrors: [], parserErrors: [error as (typeof empty.parserErrors)[number]] };
    }

    /** Parses a text that is not too large. */
    protected parseText<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        return this.parseWithLangium<T>(input, options);
    }

    /** Langium's parse of a text, once Langium's rules are made. */
    protected parseWithLangium<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        this.makeRules();
        return super.parse<T>(input, options);
    }

    /** Whether Langium's rules of this parser are made (deferred ones are once a text went to Langium's parser). */
    get rulesMade(): boolean {
        return this.rules?.made ?? false;
    }

    /** Makes Langium's rules if they are not made yet. */
    makeRules(): void {
        if (this.rules?.now()) this.afterRules();
    }

    /** Called once Langium's rules are made. */
    protected afterRules(): void {}

    /**
     * Makes now what this parser makes when first asked for, not during a parse: nothing here
     * (Langium's rules are made with the parser unless deferred); the fast build's parser
     * compiles its fast parser.
     */
    prepare(): void {}

    /** Sets how Langium's rules are made (createAdoptParser). */
    useRules(rules: Rules): void {
        this.rules = rules;
    }
}

/**
 * The `parser.LangiumParser` service: a parser of the given class with the grammar's rules,
 * finalized; with `deferRules`, they are made when a text first goes to Langium's parser.
 */
export function createAdoptParser<P extends AdoptParser>(services: LangiumCoreServices, parser: P = new AdoptParser(services) as P, { deferRules = false } = {}): P {
    parser.useRules(rulesOf(services, parser));
    if (!deferRules) parser.makeRules();
    return parser;
}

/** Makes the language's parser now, and what it would make at its first parse (`AdoptParser.prepare`). */
export function prepareParser(services: LangiumCoreServices): void {
    const parser = services.parser.LangiumParser;
    if (parser instanceof AdoptParser) parser.prepare();
}

/**
 * The `parser.CompletionParser` service: Langium's completion parser, whose rules are made at
 * its first parse (Langium makes them with the services; only completion uses them).
 */
export class AdoptCompletionParser extends LangiumCompletionParser {
    private readonly rules: Rules;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.rules = rulesOf(services, this);
    }

    /** Whether the rules are made (once completion was first asked for). */
    get rulesMade(): boolean {
        return this.rules.made;
    }

    override parse(input: string): CompletionParserResult {
        this.rules.now();
        return super.parse(input);
    }
}
