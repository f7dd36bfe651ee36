/**
 * Syntax errors as the fast build's parser finds them while it recovers (src/language/fast-build/
 * fast-parser.ts), told in words a planner understands. The parser describes each problem by the
 * grammar (what was expected, what was found, in which rule); `AdoptSyntaxProblemWords` turns it
 * into a sentence that names what fits: the words of a rule (`a level: low, medium or high`), the
 * order of a declaration's parts, the missing title where it is missing, a keyword the word was
 * probably meant to be.
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
    /** The text has no token (blanks and comments only); `expected`: what it starts with. */
    | { readonly kind: 'empty'; readonly expected: readonly Expectation[] }
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

const TERMINAL_WORDS: Readonly<Record<string, string>> = {
    ID: 'a name',
    STRING: 'a title in double quotes',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)'
};

/** How a rule called somewhere reads, when its keywords do not say it. */
const RULE_WORDS: Readonly<Record<string, string>> = {
    Name: 'a name',
    Target: 'a number (500, 12.5 or 60%)',
    Platform: 'a platform (youtube, facebook, …)'
};

/** The kinds of words of the rules written with keywords only. */
const RULE_KINDS: Readonly<Record<string, string>> = {
    Role: 'a role',
    TraitKind: 'a trait',
    Level: 'a level',
    Status: 'a status'
};

/** What a declaration is called in a message: `a member`, `an action`. */
function declaration(type: string): string {
    const word = type.replace(/[A-Z]/g, (letter, at: number) => (at > 0 ? ' ' : '') + letter.toLowerCase());
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function within(where: Within | undefined): string {
    if (!where) return '';
    const the = declaration(where.type).replace(/^an? /, 'the ');
    return where.name ? ` in ${the} '${where.name}'` : ` in ${the}`;
}

function listed(words: readonly string[], conjunction = 'or'): string {
    const distinct = [...new Set(words)];
    if (distinct.length <= 1) return distinct[0] ?? 'something else';
    if (distinct.length > 12) return `${distinct.slice(0, 12).join(', ')}, …`;
    const last = distinct[distinct.length - 1];
    // An order reads `role, unit, then trained`; a choice `low, medium or high`.
    return conjunction === 'then' ? `${distinct.slice(0, -1).join(', ')}, then ${last}` : `${distinct.slice(0, -1).join(', ')} ${conjunction} ${last}`;
}

export function expectationWords(expected: Expectation): string {
    if ('keyword' in expected) return `'${expected.keyword}'`;
    if ('terminal' in expected) return TERMINAL_WORDS[expected.terminal] ?? expected.terminal;
    if (expected.keywords && expected.keywords.length > 0) {
        const kind = RULE_KINDS[expected.rule] ?? `one of ${expected.rule}`;
        return `${kind} (${listed(expected.keywords)})`;
    }
    return RULE_WORDS[expected.rule] ?? `${declaration(expected.rule)}`;
}

/** A part of a declaration as its order lists it: `role`, `unit "…"`, the status (todo, …). */
function partWords(expected: Expectation): string {
    if ('keyword' in expected) return expected.keyword;
    return expectationWords(expected);
}

export function foundWords(found: FoundToken): string {
    if (found.end) return 'the end of the file';
    const image = found.image.length > 30 ? `${found.image.slice(0, 30)}…` : found.image;
    if (found.terminal === 'ID') return `the name '${image}'`;
    if (found.terminal === 'STRING') return `the title ${image}`;
    if (found.terminal === 'NUMBER') return /^[\d.]+$/.test(image) ? `the number ${image}` : `'${image}'`;
    if (found.terminal === 'DATE') return `the date ${image}`;
    if (found.terminal) return `'${image}'`;
    return /^[a-z]/i.test(image) && !/[^\w-]/.test(image) ? `the keyword '${image}'` : `'${image}'`;
}

export class AdoptSyntaxProblemWords implements SyntaxProblemWords {
    messageFor(problem: SyntaxProblem): string {
        switch (problem.kind) {
            case 'expected': {
                const expected = problem.expected;
                const wantsName = expected.some(e => ('terminal' in e && e.terminal === 'ID') || ('rule' in e && e.rule === 'Name'));
                if (wantsName && !problem.found.terminal && !problem.found.end && /^[a-z]/i.test(problem.found.image)) {
                    return `Expected a name here${within(problem.within)}, but found the keyword '${problem.found.image}'. Words of the language cannot be names: if '${problem.found.image}' is meant as a name, choose another one.`;
                }
                const dates = expected.some(e => 'terminal' in e && e.terminal === 'DATE') ? ' Dates are written YYYY-MM-DD, for example 2027-02-15.' : '';
                return `Expected ${listed(expected.map(expectationWords))} here${within(problem.within)}, but found ${foundWords(problem.found)}.${dates}`;
            }
            case 'missing': {
                const what = expectationWords(problem.expected);
                if (problem.found.end) return `Expected ${what}${within(problem.within)}, but the file ends here. Add it, and close every { with }.`;
                const place = problem.after ? `after ${foundWords(problem.after)}` : `before ${foundWords(problem.found)}`;
                return `${capitalised(what)} is missing${within(problem.within)}: add it ${place}.`;
            }
            case 'unexpected': {
                const fits = problem.expected.length > 0 ? ` What may stand here: ${listed(problem.expected.map(expectationWords))}.` : '';
                const dateLike = problem.found.terminal === 'NUMBER' || problem.found.image === '-'
                    ? ' Dates are written YYYY-MM-DD, for example 2027-02-15.' : '';
                return `${capitalised(foundWords(problem.found))} does not fit here${within(problem.within)}.${fits}${problem.skipped > 1 ? ` The ${problem.skipped} tokens from here are left out until the text fits again.` : ''}${dateLike}`;
            }
            case 'misspelled': {
                const among = problem.among && 'rule' in problem.among && problem.among.keywords && problem.among.keywords.length > 1
                    ? ` ${capitalised(expectationWords(problem.among)).replace(/ \((.*)\)$/, ' is $1')}.` : '';
                return `Unknown word '${problem.found.image}'${within(problem.within)}: did you mean '${problem.keyword}'?${among} The plan is read as if it were '${problem.keyword}'.`;
            }
            case 'order':
                return `The parts of ${declaration(problem.within.type)} come in this order: ${listed(problem.order.map(partWords), 'then')}. Move ${foundWords(problem.found)} to its place${within(problem.within)}.`;
            case 'unclosed':
                return `${capitalised(declaration(problem.within?.type ?? 'block').replace(/^an? /, 'the '))}${problem.within?.name ? ` '${problem.within.name}'` : ''} is not closed: add ${problem.closer} before ${foundWords(problem.found)}.`;
            case 'empty':
                return `This file holds no plan yet. Start it with: plan Name "Title" { }`;
            case 'after-end':
                return `Unexpected ${foundWords(problem.found)} after the end of the plan. A file holds one plan: move this inside the plan's braces or remove it.`;
        }
    }
}

function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
