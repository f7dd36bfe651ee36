/**
 * A syntax problem as the fast parser (fast-parser.ts) describes it while it recovers: by the
 * grammar (what was expected, what was found, in which declaration), not in words. A language
 * gives `SyntaxProblemWords` (the fast build's `syntax.ProblemWords` service) to tell each one in
 * its users' words.
 */

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
 * Whether the syntax errors of a parse may have left declarations out of the tree: an error of
 * Langium's parser (it recovers by leaving text out), or one of the fast build's where a
 * statement broke off or several tokens were left out. A word read as the keyword it was meant
 * to be, a part written out of order or a token taken as missing leave nothing out. Checks that
 * report what a plan lacks (no story, no mantra, a name not declared) say nothing while text may
 * be left out: what they miss may be in it.
 */
export function mayLeaveOutDeclarations(parseResult: { readonly parserErrors: readonly unknown[] }): boolean {
    return parseResult.parserErrors.some(error => {
        const problem = (error as { problem?: SyntaxProblem }).problem;
        return !problem || problem.kind === 'expected' || (problem.kind === 'unexpected' && problem.skipped > 1);
    });
}

export interface SyntaxProblemWords {
    messageFor(problem: SyntaxProblem): string;
}

