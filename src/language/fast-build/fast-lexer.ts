/**
 * The fast lexer: the tokens Chevrotain's lexer finds in a text, found with one loop over the
 * characters and without making a token object per token.
 *
 * Everything it knows comes from the lexer definition Langium builds from the grammar (its
 * `TokenBuilder`): the token types in Chevrotain's order (keywords, longest first, then the
 * terminals), each one's pattern (a string for a keyword, a regular expression or a function
 * for a terminal), its group (hidden terminals such as comments; skipped ones such as
 * whitespace) and its longer alternatives (the terminals that take over a keyword when they match
 * more: `planning` is a name, not the keyword `plan` and more). It matches as Chevrotain does:
 * the first token type in order that matches, unless one of its longer alternatives matches
 * more.
 *
 * Two things make it fast without changing that order: the token types that can start with a
 * given character are listed once per character, and keywords that are words of a terminal
 * (`plan`, `low` are names by the pattern of ID) are found by matching the terminal once and
 * comparing its text with those keywords, instead of trying each keyword in turn.
 *
 * Where Chevrotain would report a lexer error (a character no token matches, an unclosed comment
 * or title) it gives up (answers undefined), or, asked to recover, does what Chevrotain does: it
 * leaves out the characters up to where a token matches again and notes them (`LexError`).
 */
import { Lexer, type TokenType } from 'chevrotain';
import { RegExpUtils } from 'langium';

/** The tokens of a text: parallel arrays of kinds and offsets; hidden ones apart, as Chevrotain's hidden group. */
export interface Tokens {
    count: number;
    kinds: Uint16Array;
    starts: Int32Array;
    ends: Int32Array;
    hiddenKinds: number[];
    hiddenStarts: number[];
    hiddenEnds: number[];
}

/** Characters no token matches, left out: from `offset`, `length` of them. */
export interface LexError {
    readonly offset: number;
    readonly length: number;
}

/** Where a token type's tokens go. */
const enum Group {
    Token = 0,
    Hidden = 1,
    Skipped = 2
}

/** Matches a token type's pattern at an offset: the end of the match, or -1. */
type Matcher = (text: string, offset: number) => number;

/**
 * One step of the search for the token at an offset, for the token types that can start with
 * its character: try one token type; or match a terminal once and compare its text with the
 * keywords that are words of it (`Words`).
 */
type Step = { readonly kind: number } | Words;

interface Words {
    /** The terminal whose words the keywords are (ID). */
    readonly terminal: number;
    /** The keywords, as [text, kind], in Chevrotain's order. */
    readonly keywords: ReadonlyArray<readonly [string, number]>;
}

/** Characters below this have a list of steps of their own; the others share one. */
const DISPATCHED = 128;

export class FastLexer {
    /** Each kind's token type: the index in the lexer definition. */
    readonly types: readonly TokenType[];
    /** The kind after the last token (`peek` at the end of the text). */
    readonly end: number;
    private readonly matchers: Matcher[];
    private readonly groups: Uint8Array;
    private readonly longerAlternatives: ReadonlyArray<readonly number[]>;
    /** The steps for each character below DISPATCHED, then the steps for any other character. */
    private readonly steps: ReadonlyArray<readonly Step[]>;
    /** The kind of the token last found by `scan`. */
    lastKind = 0;

    private constructor(types: TokenType[], matchers: Matcher[], groups: Uint8Array, longerAlternatives: number[][], steps: Step[][]) {
        this.types = types;
        this.end = types.length;
        this.matchers = matchers;
        this.groups = groups;
        this.longerAlternatives = longerAlternatives;
        this.steps = steps;
    }

    /** Whether a text as a whole matches a token type's pattern (a keyword's text that would otherwise lex as a name). */
    matchesWhole(kind: number, text: string): boolean {
        const pattern = this.types[kind]?.PATTERN;
        if (typeof pattern === 'string') return pattern === text;
        if (!(pattern instanceof RegExp)) return false;
        return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, '')).test(text);
    }

    /**
     * A fast lexer for a lexer definition (`services.parser.Lexer.definition`), or the reason it
     * cannot stand in for Chevrotain's (a token type it does not know how to match).
     */
    static create(definition: Record<string, TokenType>): FastLexer | string {
        const types = Object.values(definition);
        const kindOf = new Map(types.map((type, kind) => [type, kind]));
        const matchers: Matcher[] = [];
        const groups = new Uint8Array(types.length);
        const longerAlternatives: number[][] = [];
        for (const [kind, type] of types.entries()) {
            const matcher = matcherOf(type);
            if (typeof matcher === 'string') return matcher;
            matchers.push(matcher);
            if (type.GROUP === undefined) groups[kind] = Group.Token;
            else if (type.GROUP === Lexer.SKIPPED) groups[kind] = Group.Skipped;
            else if (type.GROUP === 'hidden') groups[kind] = Group.Hidden;
            else return `token type ${type.name} is in the group '${String(type.GROUP)}'`;
            if (type.PUSH_MODE !== undefined || type.POP_MODE || type.CATEGORIES?.length || type.START_CHARS_HINT) {
                return `token type ${type.name} uses a lexer feature the fast lexer does not have`;
            }
            const alternatives = type.LONGER_ALT === undefined ? [] : Array.isArray(type.LONGER_ALT) ? type.LONGER_ALT : [type.LONGER_ALT];
            const kinds: number[] = [];
            for (const alternative of alternatives) {
                const alternativeKind = kindOf.get(alternative);
                if (alternativeKind === undefined) return `token type ${type.name} has a longer alternative outside the lexer definition`;
                kinds.push(alternativeKind);
            }
            longerAlternatives.push(kinds);
        }
        const starts = types.map(startCharacters);
        const steps: Step[][] = [];
        for (let code = 0; code < DISPATCHED; code++) {
            const candidates = types.map((_, kind) => kind).filter(kind => starts[kind][code] === 1);
            steps.push(stepsFor(candidates, types, matchers, longerAlternatives));
        }
        steps.push(types.map((_, kind) => ({ kind })));
        return new FastLexer(types, matchers, groups, longerAlternatives, steps);
    }

    /**
     * The tokens of `text[from, to)` (offsets in the whole text). Where Chevrotain would report a
     * lexer error: undefined; or, given `errors`, the characters left out and noted there.
     */
    lex(text: string, from = 0, to = text.length, errors?: LexError[]): Tokens | undefined {
        const capacity = Math.max(16, (to - from) >> 2);
        const tokens: Tokens = {
            count: 0, kinds: new Uint16Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity),
            hiddenKinds: [], hiddenStarts: [], hiddenEnds: []
        };
        // The part is lexed as a text of its own (a token cannot run past its end).
        const part = from === 0 && to === text.length ? text : text.substring(from, to);
        const groups = this.groups;
        let i = 0;
        while (i < part.length) {
            const end = this.scan(part, i);
            if (end < 0) {
                if (!errors) return undefined;
                let next = i + 1;
                while (next < part.length && this.scan(part, next) < 0) next++;
                errors.push({ offset: from + i, length: next - i });
                i = next;
                continue;
            }
            const kind = this.lastKind;
            const group = groups[kind];
            if (group === Group.Token) {
                pushToken(tokens, kind, from + i, from + end);
            } else if (group === Group.Hidden) {
                tokens.hiddenKinds.push(kind);
                tokens.hiddenStarts.push(from + i);
                tokens.hiddenEnds.push(from + end);
            }
            i = end;
        }
        return tokens;
    }

    /**
     * The end of the token (of any group) that starts at `offset`, its kind in `lastKind`; -1 if
     * no token starts there. Chevrotain's choice: the first token type that matches, unless one
     * of its longer alternatives matches more.
     */
    scan(text: string, offset: number): number {
        const code = text.charCodeAt(offset);
        const steps = this.steps[code < DISPATCHED ? code : DISPATCHED];
        const matchers = this.matchers;
        for (let s = 0; s < steps.length; s++) {
            const step = steps[s];
            if ('kind' in step) {
                const end = matchers[step.kind](text, offset);
                if (end > offset) return this.longerOf(step.kind, text, offset, end);
                continue;
            }
            const end = matchers[step.terminal](text, offset);
            if (end <= offset) continue;
            const length = end - offset;
            for (const [keyword, kind] of step.keywords) {
                if (keyword.length === length && text.startsWith(keyword, offset)) {
                    this.lastKind = kind;
                    return end;
                }
            }
            return this.longerOf(step.terminal, text, offset, end);
        }
        return -1;
    }

    /** The token a match of `kind` ending at `end` gives: a longer alternative's if one matches more. */
    private longerOf(kind: number, text: string, offset: number, end: number): number {
        for (const alternative of this.longerAlternatives[kind]) {
            const longer = this.matchers[alternative](text, offset);
            if (longer > end) {
                this.lastKind = alternative;
                return longer;
            }
        }
        this.lastKind = kind;
        return end;
    }

    /** The end and kind of the token that starts at an offset of a text this lexer lexed. */
    tokenAt(text: string, offset: number): number {
        const end = this.scan(text, offset);
        if (end < 0) throw new Error(`No token starts at offset ${offset}.`);
        return end;
    }
}

/** How a token type's pattern is matched, or why it cannot be. */
function matcherOf(type: TokenType): Matcher | string {
    const pattern = type.PATTERN;
    if (typeof pattern === 'string') {
        const length = pattern.length;
        return (text, offset) => (text.startsWith(pattern, offset) ? offset + length : -1);
    }
    if (pattern instanceof RegExp) {
        const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
        return (text, offset) => {
            sticky.lastIndex = offset;
            return sticky.test(text) ? sticky.lastIndex : -1;
        };
    }
    if (typeof pattern === 'function') {
        const match = pattern as (text: string, offset: number) => RegExpExecArray | null;
        return (text, offset) => {
            const found = match(text, offset);
            return found ? offset + found[0].length : -1;
        };
    }
    return `token type ${type.name} has no pattern the fast lexer can match`;
}

/** For each character below DISPATCHED, 1 if a token of the type can start with it (when unsure: 1). */
function startCharacters(type: TokenType): Uint8Array {
    const starts = new Uint8Array(DISPATCHED);
    const pattern = type.PATTERN;
    if (typeof pattern === 'string') {
        if (pattern.length > 0 && pattern.charCodeAt(0) < DISPATCHED) starts[pattern.charCodeAt(0)] = 1;
        return starts;
    }
    let partial: RegExp | undefined;
    try {
        // A match of this can start with any prefix of a match of the pattern.
        if (pattern instanceof RegExp) partial = RegExpUtils.partialRegExp(new RegExp('^(?:' + pattern.source + ')', pattern.flags.replace(/[gy]/g, '')));
    } catch {
        partial = undefined;
    }
    for (let code = 0; code < DISPATCHED; code++) {
        const match = partial ? String.fromCharCode(code).match(partial) : undefined;
        starts[code] = partial === undefined || (match !== null && match !== undefined && match[0].length > 0) ? 1 : 0;
    }
    return starts;
}

/**
 * The steps for the token types that can start with one character, in order. The keywords
 * that come right before a terminal that is their only longer alternative, and that are words of
 * it, are compared with the terminal's one match instead of being tried in turn: the same
 * answer as long as the terminal also matches the keyword's text with any character after it (a
 * name's pattern does), which is checked here.
 */
function stepsFor(candidates: number[], types: readonly TokenType[], matchers: Matcher[], longer: ReadonlyArray<readonly number[]>): Step[] {
    const steps: Step[] = [];
    let i = 0;
    while (i < candidates.length) {
        const words: Array<readonly [string, number]> = [];
        let j = i;
        let terminal = -1;
        while (j < candidates.length) {
            const kind = candidates[j];
            const pattern = types[kind].PATTERN;
            const alternatives = longer[kind];
            if (typeof pattern !== 'string' || alternatives.length !== 1 || !isWordOf(pattern, matchers[alternatives[0]])) break;
            if (terminal >= 0 && alternatives[0] !== terminal) break;
            terminal = alternatives[0];
            words.push([pattern, kind]);
            j++;
        }
        if (words.length > 0 && candidates[j] === terminal) {
            steps.push({ terminal, keywords: words });
            i = j + 1;
        } else {
            steps.push({ kind: candidates[i] });
            i++;
        }
    }
    return steps;
}

/** Whether the terminal matches exactly the keyword, and at least the keyword whatever character follows it. */
function isWordOf(keyword: string, terminal: Matcher): boolean {
    if (terminal(keyword, 0) !== keyword.length) return false;
    for (let code = 32; code < 127; code++) {
        if (terminal(keyword + String.fromCharCode(code), 0) < keyword.length) return false;
    }
    return true;
}

/** Appends one token, growing the arrays when full. */
function pushToken(tokens: Tokens, kind: number, start: number, end: number): void {
    if (tokens.count === tokens.kinds.length) {
        const size = tokens.count * 2;
        const kinds = new Uint16Array(size), starts = new Int32Array(size), ends = new Int32Array(size);
        kinds.set(tokens.kinds);
        starts.set(tokens.starts);
        ends.set(tokens.ends);
        tokens.kinds = kinds;
        tokens.starts = starts;
        tokens.ends = ends;
    }
    tokens.kinds[tokens.count] = kind;
    tokens.starts[tokens.count] = start;
    tokens.ends[tokens.count] = end;
    tokens.count++;
}
