/**
 * What a parser's syntax errors say, shared by both parsers of the language and what reads their
 * errors (validation, the quick fixes):
 * - `SyntaxProblem`: a syntax error described by the grammar (what was expected, what was found,
 *   in which declaration), not in words, as the fast build's recovering parser finds it; the
 *   language's `SyntaxProblemWords` (the `syntax.ProblemWords` service, syntax-problems.ts) tells
 *   each one in its users' words;
 * - `SyntaxProblemError`: a parser error (Chevrotain's `IRecognitionException`, what Langium's
 *   `ParseResult.parserErrors` holds) that carries its `SyntaxProblem`; Langium's own parser makes
 *   Chevrotain's exceptions, which carry none;
 * - `mayLeaveOutDeclarations`: whether a parse's errors may have left declarations out of its tree.
 */
import type { IRecognitionException, IRecognizerContext, IToken } from 'chevrotain';


/** What may stand at a place of the grammar. */
export type Expectation =
    | { readonly keyword: string }
    | { readonly terminal: string }
    /** A rule called there: its name, and its keywords when it is written with keywords only (a level). */
    | { readonly rule: string; readonly keywords?: readonly string[] };

/** A token found in the text: its image and its kind (a keyword, or the terminal's name); or the end of the text. */
export interface FoundToken {
    readonly image: string;
    /** The terminal's name (ID, STRING, NUMBER, DATE); undefined for a keyword. */
    readonly terminal?: string;
    readonly end?: boolean;
}

/** A declaration the problem is in: the rule's type (`Member`) and the declaration's name, if parsed. */
export interface Within {
    readonly type: string;
    readonly name?: string;
}

export type SyntaxProblem =
    /** `found` where one of `expected` must stand; nothing more is known. */
    | { readonly kind: 'expected'; readonly expected: readonly Expectation[]; readonly found: FoundToken; readonly within?: Within }
    /** `expected` is missing before `found`, after `after` when it goes right after the token before (the parser went on as if it were there). */
    | { readonly kind: 'missing'; readonly expected: Expectation; readonly found: FoundToken; readonly after?: FoundToken; readonly within?: Within }
    /** `found` stands where it cannot (it was skipped, with what followed it up to `skipped` tokens). */
    | { readonly kind: 'unexpected'; readonly found: FoundToken; readonly expected: readonly Expectation[]; readonly within?: Within; readonly skipped: number }
    /**
     * `found` is a word the grammar does not know here, close to `keyword`, which fits (the parser
     * read it as that keyword); `among`: the words that fit there (a level: low, medium or high).
     */
    | { readonly kind: 'misspelled'; readonly found: FoundToken; readonly keyword: string; readonly within?: Within; readonly among?: Expectation }
    /** `found` starts a part of a declaration written out of its order (the parser took it all the same). */
    | { readonly kind: 'order'; readonly found: FoundToken; readonly within: Within; readonly order: readonly Expectation[] }
    /** The block of a declaration is not closed before `found`, which starts what comes after it. */
    | { readonly kind: 'unclosed'; readonly found: FoundToken; readonly within?: Within; readonly closer: string }
    /** `found` starts a part its declaration has already (its `skipped` tokens are left out; the first one holds). */
    | { readonly kind: 'twice'; readonly found: FoundToken; readonly within: Within; readonly part: Expectation; readonly skipped: number }
    /** `found` is a keyword where a name (`expected`) stands; what follows fits after a name, so it was read as one. */
    | { readonly kind: 'reserved'; readonly found: FoundToken; readonly expected: readonly Expectation[]; readonly within?: Within }
    /** The text has no token (blanks and comments only); `expected`: what it starts with. */
    | { readonly kind: 'empty'; readonly expected: readonly Expectation[] }
    /** `found`, a closer, closes the top-level declaration, but statements of it follow (a block before it lacks its opener). */
    | { readonly kind: 'closed-early'; readonly found: FoundToken; readonly within: Within }
    /** `found` comes after the end of the text's one top-level declaration. */
    | { readonly kind: 'after-end'; readonly found: FoundToken };

/**
 * A syntax error with its problem, in the shape Langium reads parser errors in: the message, the
 * token it is on, and the token before it (Langium places an error whose token has no position,
 * something missing, right after `previousToken`). `replacement`: for a word read as a keyword it
 * is close to, that keyword (the quick fix writes it).
 */
export class SyntaxProblemError extends Error implements IRecognitionException {
    override readonly name = 'SyntaxProblem';
    readonly resyncedTokens: IToken[] = [];
    readonly context: IRecognizerContext = { ruleStack: [], ruleOccurrenceStack: [] };

    constructor(message: string, readonly problem: SyntaxProblem, readonly token: IToken, readonly previousToken: IToken, readonly replacement?: string) {
        super(message);
    }
}

/**
 * Whether the syntax errors of a parse may have left declarations out of the tree: an error of
 * Langium's parser (it recovers by leaving text out), or one of the fast build's where a
 * statement broke off or several tokens were left out. A word read as the keyword it was meant
 * to be, a part written out of order or a token taken as missing leave nothing out. Checks that
 * report what a plan lacks (no story, no mantra, a name not declared) say nothing while text may
 * be left out: what they miss may be in it.
 */
export function mayLeaveOutDeclarations(parseResult: { readonly parserErrors: readonly IRecognitionException[] }): boolean {
    return parseResult.parserErrors.some(error => {
        if (!(error instanceof SyntaxProblemError)) return true;
        const problem = error.problem;
        return problem.kind === 'expected' || (problem.kind === 'unexpected' && problem.skipped > 1);
    });
}

/** The keyword a syntax error read its word as (a word close to it), if it is one that did. */
export function replacementOf(error: IRecognitionException | undefined): string | undefined {
    return error instanceof SyntaxProblemError ? error.replacement : undefined;
}

/** A language's words for syntax problems. */
export interface SyntaxProblemWords {
    messageFor(problem: SyntaxProblem): string;
}

