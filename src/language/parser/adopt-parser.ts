/**
 * The Adopt parser: Langium's parser, with a guard for hostile input. A text larger than
 * MAX_PLAN_BYTES is not parsed: it gets one syntax error saying so, and the rest of the server
 * keeps serving (the CLI refuses such files before parsing).
 *
 * The fast build (src/language/fast-build/) extends it: `parseText` is where it parses a text.
 */
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { exceedsPlanSize, tooLargeMessage } from './plan-limits.js';

export class AdoptParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (!exceedsPlanSize(input)) return this.parseText<T>(input, options);
        // Parse nothing: the result of an empty file, with its one error telling why.
        const empty = super.parse<T>('', options);
        const [first] = empty.parserErrors;
        const error = Object.assign(Object.create(Object.getPrototypeOf(first ?? {}) as object) as object, first, { message: tooLargeMessage(input) });
        return { ...empty, lexerErrors: [], parserErrors: [error as (typeof empty.parserErrors)[number]] };
    }

    /** Parses a text that is not too large. */
    protected parseText<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        return super.parse<T>(input, options);
    }
}

/** The `parser.LangiumParser` service: a parser of the given class with the grammar's rules, finalized. */
export function createAdoptParser<P extends AdoptParser>(services: LangiumCoreServices, parser: P = new AdoptParser(services) as P): P {
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
