/**
 * fast-check generators of plans, made from the language's grammar: valid plans, mutations of
 * them (what typing, pasting and bad merges leave behind) and plain garbage.
 *
 * Valid plans come from a walk over Langium's grammar object (`services.Grammar`, what
 * `langium generate` reads from src/language/adopt.langium): each parser rule's groups,
 * alternatives, cardinalities (`?`, `*`, `+`), keywords, terminals (strings matching the
 * terminal's regular expression, never a keyword) and cross-references. Between two tokens comes
 * what the grammar's hidden terminals match: spacing, sometimes a comment. So a keyword, a rule
 * or an optional attribute added to the grammar shows up in the generated plans with no change
 * here (tests/language/fast-build/grammar-change.test.ts proves it on a grammar changed at run
 * time).
 *
 * Names come from small pools per declared type, so declarations sometimes clash, and are now and
 * then words of the language (the keywords the grammar's Name rule takes); a
 * cross-reference names, nine times in ten, a declaration of its type made in the same plan (so
 * references mostly resolve), else a name of its own. Terminals take non-ASCII characters and,
 * for Adopt, words its checks look for (vanity metrics), wherever the terminal's expression lets
 * them in. Mutations insert the grammar's keywords, pieces of its comments and stray characters;
 * garbage is made of the same.
 */
import fc from 'fast-check';
import { AstUtils, GrammarAST, GrammarUtils, type LangiumCoreServices } from 'langium';
import { createAdoptServices } from '../../src/language/adopt-module.js';

/** Names that break code keeping names as keys of plain objects. */
export const OBJECT_KEY_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;

/** What the generators make, for one grammar. */
export interface PlanArbitraries {
    /** Texts the grammar's entry rule accepts, tokens apart by spacing and comments. */
    readonly validPlan: fc.Arbitrary<string>;
    /** A valid plan with one to four mutations applied. */
    readonly mutatedPlan: fc.Arbitrary<string>;
    /** Text that is nothing like a plan: binary data, the grammar's punctuation, its words in any order. */
    readonly garbage: fc.Arbitrary<string>;
    /** Every keyword of the grammar's rules (those the entry rule reaches). */
    readonly keywords: readonly string[];
    /** The keywords a plan can start with. */
    readonly entryKeywords: readonly string[];
}

/** A piece of a generated plan before it is written out: a token, or a name declared or referred to. */
type Piece = string | Declared | Referring;

interface Declared {
    /** The type of the node whose name this is, and the rule its name is written with (`Member Name`). */
    readonly declares: string;
    readonly text: string;
}

interface Referring {
    /** The type the cross-reference refers to, and the rule it is written with (as `declares`). */
    readonly refersTo: string;
    /** Whether to name a declaration of the plan (when there is one), else `fresh`. */
    readonly resolve: boolean;
    /** Which declaration (modulo their number). */
    readonly pick: number;
    readonly fresh: string;
}

type Pieces = readonly Piece[];

/** How many items a `*` or `+` may repeat, by the depth of rule calls that make nodes (the entry rule at 0). */
const MAX_ITEMS = [8, 7, 5, 3, 2, 1];
/** Below this depth, optional and repeated parts are left out. */
const MAX_DEPTH = 8;
/** Characters worth a place in terminals and spacing that accept them (surrogate pairs, no-break space, separators JavaScript breaks lines at). */
const UNICODE = ['é', '日本', '🙂', '𝔘', '\u00a0', '\u2028', '\ufeff'];

/**
 * The generators for the grammar of the given services. `words` are values (never keywords) worth
 * a place in names, titles and comments where the terminal takes them: words the checks look for.
 */
export function planArbitraries(services: LangiumCoreServices, words: readonly string[] = []): PlanArbitraries {
    return new GrammarWalk(services.Grammar, words).arbitraries();
}

class GrammarWalk {
    private readonly entry: GrammarAST.ParserRule;
    private readonly rules: ReadonlySet<GrammarAST.AbstractRule>;
    readonly keywords: readonly string[];
    private readonly keywordSet: ReadonlySet<string>;
    private readonly terminals = new Map<GrammarAST.TerminalRule, fc.Arbitrary<string>>();
    private readonly ruleArbitraries = new Map<string, fc.Arbitrary<Pieces>>();
    private readonly pools = new Map<string, fc.Arbitrary<string>>();
    /** Spacing: what a hidden terminal that matches a space matches. */
    private readonly spacing: fc.Arbitrary<string>;
    /** Comments: what the other hidden terminals match, each followed by what ends it. */
    private readonly comments: fc.Arbitrary<string> | undefined;
    private readonly commentPieces: readonly string[];

    constructor(grammar: GrammarAST.Grammar, private readonly words: readonly string[]) {
        const entry = GrammarUtils.getEntryRule(grammar);
        if (!entry) throw new Error('the grammar has no entry rule');
        this.entry = entry;
        this.rules = GrammarUtils.getAllReachableRules(grammar, true);
        const keywords = new Set<string>();
        for (const rule of this.rules) {
            if (!GrammarAST.isParserRule(rule)) continue;
            for (const node of AstUtils.streamAst(rule.definition)) if (GrammarAST.isKeyword(node)) keywords.add(node.value);
        }
        this.keywords = [...keywords];
        this.keywordSet = keywords;
        const hidden = grammar.rules.filter((rule): rule is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(rule) && rule.hidden);
        const spaces = hidden.filter(rule => exactly(GrammarUtils.terminalRegex(rule), ' '));
        if (spaces.length === 0) throw new Error('the grammar has no hidden terminal for spacing');
        const spacingRegexes = spaces.map(rule => GrammarUtils.terminalRegex(rule));
        const isSpacing = (text: string) => spacingRegexes.some(regex => exactly(regex, text));
        const common = [' ', '\n', '\n  ', '\t', '\r\n', '   ', '\n\n    '].filter(isSpacing);
        const odd = fc.oneof(...spaces.map(rule => this.terminal(rule)));
        this.spacing = fc.oneof({ weight: 12, arbitrary: fc.constant(common[0] ?? ' ') }, { weight: 6, arbitrary: fc.constantFrom(...common) },
            { weight: 1, arbitrary: odd });
        const commentRules = hidden.filter(rule => !spaces.includes(rule));
        this.comments = commentRules.length === 0 ? undefined : fc.oneof(...commentRules.map(rule => this.comment(rule, isSpacing)));
        // The openers and closers of the comments (`/*`, `*/`, `//`): what a stray edit may leave.
        this.commentPieces = [...new Set(commentRules.flatMap(rule => fc.sample(this.terminal(rule), { numRuns: 5, seed: 1 })
            .flatMap(sample => [sample.slice(0, 2), sample.slice(-2)])))];
    }

    arbitraries(): PlanArbitraries {
        const validPlan = this.validPlan();
        const mutatedPlan = fc.tuple(validPlan, fc.array(this.mutation(), { minLength: 1, maxLength: 4 }))
            .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text));
        return { validPlan, mutatedPlan, garbage: this.garbage(), keywords: this.keywords, entryKeywords: this.entryKeywords() };
    }

    private entryKeywords(): string[] {
        const first = GrammarAST.isGroup(this.entry.definition) ? this.entry.definition.elements[0] : this.entry.definition;
        return AstUtils.streamAst(first).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray();
    }

    // --- valid plans ------------------------------------------------------------------------------

    private validPlan(): fc.Arbitrary<string> {
        const separator = this.separator();
        const head = fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: this.comments ?? fc.constant('') });
        const tail = fc.oneof(fc.constant(''), this.spacing, fc.tuple(this.spacing, this.comments ?? fc.constant('')).map(([a, b]) => a + b));
        return this.ruleArbitrary(this.entry, 0).chain(pieces => {
            const tokens = writeOut(pieces);
            return fc.tuple(fc.array(separator, { minLength: tokens.length - 1, maxLength: tokens.length - 1 }), head, tail)
                .map(([separators, before, after]) => before + tokens.map((token, i) => (i === 0 ? token : separators[i - 1] + token)).join('') + after);
        });
    }

    /** What goes between two tokens: spacing, sometimes a comment (followed by what ends it) and more spacing. */
    private separator(): fc.Arbitrary<string> {
        const comments = this.comments;
        if (!comments) return this.spacing;
        return fc.oneof(
            { weight: 12, arbitrary: this.spacing },
            { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', ' '), comments, this.spacing).map(([a, comment, b]) => a + comment + b) }
        );
    }

    /** A parser rule's pieces (memoised by rule and depth). */
    private ruleArbitrary(rule: GrammarAST.ParserRule, depth: number): fc.Arbitrary<Pieces> {
        const key = `${rule.name}@${Math.min(depth, MAX_DEPTH + 1)}`;
        let arbitrary = this.ruleArbitraries.get(key);
        if (!arbitrary) {
            // Made when first used: a rule may call itself.
            let made: fc.Arbitrary<Pieces> | undefined;
            arbitrary = fc.constant(0).chain(() => (made ??= this.element(rule.definition, rule, depth)));
            this.ruleArbitraries.set(key, arbitrary);
        }
        return arbitrary;
    }

    private element(element: GrammarAST.AbstractElement, rule: GrammarAST.ParserRule, depth: number): fc.Arbitrary<Pieces> {
        const inner = this.inner(element, rule, depth);
        const items = depth > MAX_DEPTH ? 0 : MAX_ITEMS[Math.min(depth, MAX_ITEMS.length - 1)];
        switch (element.cardinality) {
            case '?': return items === 0 ? fc.constant([]) : fc.option(inner, { nil: undefined, freq: 2 }).map(value => value ?? []);
            case '*': return fc.array(inner, { maxLength: items }).map(list => list.flat());
            case '+': return fc.array(inner, { minLength: 1, maxLength: Math.max(1, items) }).map(list => list.flat());
            default: return inner;
        }
    }

    private inner(element: GrammarAST.AbstractElement, rule: GrammarAST.ParserRule, depth: number): fc.Arbitrary<Pieces> {
        if (GrammarAST.isGroup(element)) {
            return fc.tuple(...element.elements.map(part => this.element(part, rule, depth))).map(parts => parts.flat());
        }
        if (GrammarAST.isUnorderedGroup(element)) {
            return fc.tuple(...element.elements.map(part => this.element(part, rule, depth)))
                .chain(parts => fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length })).map(parts => parts.flat());
        }
        if (GrammarAST.isAlternatives(element)) return fc.oneof(...element.elements.map(alternative => this.element(alternative, rule, depth)));
        if (GrammarAST.isKeyword(element)) return fc.constant([element.value]);
        if (GrammarAST.isAction(element)) return fc.constant([]);
        if (GrammarAST.isAssignment(element)) {
            const terminal = element.terminal;
            const names = GrammarAST.isRuleCall(terminal) ? this.nameTokens(terminal) : undefined;
            if (isNameAssignment(element, rule) && names) {
                const type = `${GrammarUtils.getRuleTypeName(rule)} ${(terminal as GrammarAST.RuleCall).rule.$refText}`;
                return this.pool(type, names).map(text => [{ declares: type, text }]);
            }
            return this.element(terminal, rule, depth);
        }
        if (GrammarAST.isCrossReference(element)) {
            const target = element.type.ref;
            const terminal = GrammarUtils.getCrossReferenceTerminal(element);
            const names = GrammarAST.isRuleCall(terminal) ? this.nameTokens(terminal) : undefined;
            if (!target || !names) {
                throw new Error(`the plan generators do not know the cross-reference in rule ${rule.name}`);
            }
            // A reference written with other tokens than its target's name (`use "PATH"` names a
            // shared block by its file) never names a declaration of the plan.
            const refersTo = `${GrammarUtils.getTypeName(target)} ${GrammarAST.isRuleCall(terminal) ? terminal.rule.$refText : ''}`;
            return fc.record({ resolve: fc.nat({ max: 9 }).map(n => n > 0), pick: fc.nat(), fresh: this.pool(refersTo, names) })
                .map(reference => [{ refersTo, ...reference }]);
        }
        if (GrammarAST.isRuleCall(element)) {
            const called = element.rule.ref;
            if (GrammarAST.isTerminalRule(called)) return this.terminal(called).map(text => [text]);
            if (GrammarAST.isParserRule(called)) {
                const makesNode = !called.fragment && !GrammarUtils.isDataTypeRule(called);
                return this.ruleArbitrary(called, makesNode ? depth + 1 : depth);
            }
        }
        throw new Error(`the plan generators do not know ${element.$type} (in rule ${rule.name})`);
    }

    /**
     * The tokens a name is written with: a terminal's (`name=ID`), or those of a data type rule of
     * one token (`name=Name`, `Name: ID | 'medium' | …`), its keywords now and then (every word of
     * the language is a name: `channel medium`, `member staff`); undefined for anything else.
     */
    private nameTokens(call: GrammarAST.RuleCall): { readonly tokens: fc.Arbitrary<string>; readonly regexes: readonly RegExp[] } | undefined {
        const called = call.rule.ref;
        if (GrammarAST.isTerminalRule(called)) return { tokens: this.terminal(called), regexes: [GrammarUtils.terminalRegex(called)] };
        if (!GrammarAST.isParserRule(called) || !GrammarUtils.isDataTypeRule(called)) return undefined;
        const definition = called.definition;
        const alternatives = GrammarAST.isAlternatives(definition) ? definition.elements : [definition];
        const terminals: GrammarAST.TerminalRule[] = [];
        const keywords: string[] = [];
        for (const alternative of alternatives) {
            if (GrammarAST.isKeyword(alternative) && !alternative.cardinality) keywords.push(alternative.value);
            else if (GrammarAST.isRuleCall(alternative) && GrammarAST.isTerminalRule(alternative.rule.ref) && !alternative.cardinality) terminals.push(alternative.rule.ref);
            else return undefined;
        }
        const tokens = fc.oneof(
            ...terminals.map(terminal => ({ weight: 8, arbitrary: this.terminal(terminal) })),
            ...(keywords.length > 0 ? [{ weight: terminals.length > 0 ? 1 : 8, arbitrary: fc.constantFrom(...keywords) }] : [])
        );
        return { tokens, regexes: terminals.map(terminal => GrammarUtils.terminalRegex(terminal)) };
    }

    /** The names of one type: mostly a few of its own (declarations clash, references find them), sometimes any the name's tokens allow. */
    private pool(type: string, name: { readonly tokens: fc.Arbitrary<string>; readonly regexes: readonly RegExp[] }): fc.Arbitrary<string> {
        let pool = this.pools.get(type);
        if (!pool) {
            const names = name.tokens;
            const own = [...new Set(fc.sample(names, { numRuns: 40, seed: seedOf(type) }))].slice(0, 3);
            const keys = OBJECT_KEY_NAMES.filter(key => name.regexes.some(regex => exactly(regex, key)));
            pool = fc.oneof(
                { weight: 10, arbitrary: fc.constantFrom(...own) },
                { weight: 2, arbitrary: names },
                ...(keys.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...keys) }] : [])
            );
            this.pools.set(type, pool);
        }
        return pool;
    }

    /**
     * A terminal's tokens: strings its regular expression matches, as the lexer reads them (a
     * match of the whole string, not a keyword), some with non-ASCII characters where it takes them.
     */
    private terminal(rule: GrammarAST.TerminalRule): fc.Arbitrary<string> {
        let arbitrary = this.terminals.get(rule);
        if (!arbitrary) {
            const regex = GrammarUtils.terminalRegex(rule);
            const flags = regex.flags.replace(/[gy]/g, '');
            const plain = fc.stringMatching(new RegExp(`^(?:${regex.source})$`, flags));
            const isToken = (text: string) => text.length > 0 && exactly(regex, text) && !this.keywordSet.has(text);
            // A piece inserted into a match, kept where the terminal still matches the whole (a title takes ` likes `, a name does not).
            const sprinkle = (pieces: readonly string[]) => fc.tuple(plain, fc.nat(), fc.constantFrom(...pieces)).map(([text, at, piece]) => {
                const where = at % (text.length + 1);
                const candidate = text.slice(0, where) + piece + text.slice(where);
                return isToken(candidate) ? candidate : text;
            });
            const words = this.words.filter(isToken);
            arbitrary = fc.oneof(
                { weight: 4, arbitrary: plain },
                { weight: 1, arbitrary: sprinkle(UNICODE) },
                ...(this.words.length > 0 ? [{ weight: 1, arbitrary: sprinkle(this.words.map(word => ` ${word} `)) }] : []),
                ...(words.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...words) }] : [])
            ).filter(isToken);
            this.terminals.set(rule, arbitrary);
        }
        return arbitrary;
    }

    /** A comment of a hidden terminal, with what must follow it so that it ends there (a line comment: a line break). */
    private comment(rule: GrammarAST.TerminalRule, isSpacing: (text: string) => boolean): fc.Arbitrary<string> {
        const regex = GrammarUtils.terminalRegex(rule);
        const ends = (comment: string, after: string) => matchLength(regex, `${comment}${after}x`, 0) === comment.length;
        return this.terminal(rule)
            .map(comment => (ends(comment, ' ') ? comment : isSpacing('\n') && ends(comment, '\n') ? `${comment}\n` : ''))
            .filter(comment => comment !== '');
    }

    // --- mutated plans and garbage ------------------------------------------------------------------

    /** One edit of a text, as a function of it (positions are fractions of its length). */
    private mutation(): fc.Arbitrary<(text: string) => string> {
        const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
        const at = (text: string, f: number): number => Math.floor(f * (text.length + 1));
        const stray = fc.oneof(
            fc.constantFrom(...this.keywords),
            fc.constantFrom(...this.commentPieces, '"', "'", '\\', '\u0000', '\uFFFD', '\uD800', '\u200B', '\r'),
            // A whole construct of the grammar, out of place.
            this.fragment(),
            fc.string({ unit: 'binary', maxLength: 6 })
        );
        return fc.oneof(
            // Delete a span (selection + backspace).
            fc.tuple(fraction, fc.nat({ max: 40 })).map(([f, n]) => (text: string) => text.slice(0, at(text, f)) + text.slice(at(text, f) + n)),
            // Duplicate a span somewhere else (a bad paste).
            fc.tuple(fraction, fc.nat({ max: 60 }), fraction).map(([f, n, g]) => (text: string) => {
                const copied = text.slice(at(text, f), at(text, f) + n);
                const to = at(text, g);
                return text.slice(0, to) + copied + text.slice(to);
            }),
            // A stray keyword, comment opener, construct or odd character.
            fc.tuple(fraction, stray).map(([f, s]) => (text: string) => text.slice(0, at(text, f)) + s + text.slice(at(text, f))),
            // A word cut mid-way: the rest of the word is gone, as when typing it.
            fraction.map(f => (text: string) => {
                const from = at(text, f);
                const rest = /^\w*/.exec(text.slice(from))?.[0].length ?? 0;
                return text.slice(0, from) + text.slice(from + Math.ceil(rest / 2));
            }),
            // The text typed so far: everything after a point is missing.
            fraction.map(f => (text: string) => text.slice(0, at(text, f)))
        );
    }

    /** The tokens of a rule of the grammar other than the entry rule, written with single spaces. */
    private fragment(): fc.Arbitrary<string> {
        const rules = [...this.rules].filter((rule): rule is GrammarAST.ParserRule => GrammarAST.isParserRule(rule) && rule !== this.entry && !rule.fragment);
        return fc.constantFrom(...rules).chain(rule => this.ruleArbitrary(rule, MAX_DEPTH - 1)).map(pieces => writeOut(pieces).join(' '));
    }

    private garbage(): fc.Arbitrary<string> {
        const punctuation = [...new Set(this.keywords.filter(keyword => !/^\w+$/.test(keyword)).flatMap(keyword => [...keyword]))];
        const terminals = [...this.rules].filter((rule): rule is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(rule) && !rule.hidden);
        const samples = terminals.flatMap(rule => fc.sample(this.terminal(rule), { numRuns: 3, seed: 2 }));
        const characters = [...new Set([...punctuation, ...this.commentPieces.flatMap(piece => [...piece]), ...samples.map(sample => sample[0]), ' ', '\n'])];
        return fc.oneof(
            fc.string({ unit: 'binary', maxLength: 200 }),
            fc.string({ unit: fc.constantFrom(...characters), maxLength: 200 }),
            fc.array(fc.constantFrom(...this.keywords, ...samples), { maxLength: 60 }).map(words => words.join(' '))
        );
    }
}

/** Whether an assignment gives the node of its rule its name (Langium's name provider reads `name`). */
function isNameAssignment(assignment: GrammarAST.Assignment, rule: GrammarAST.ParserRule): boolean {
    return assignment.feature === 'name' && assignment.operator === '=' && AstUtils.getContainerOfType(assignment, GrammarAST.isParserRule) === rule;
}

/** The tokens of the pieces: each reference names a declaration of its type made in the plan, or its own name. */
function writeOut(pieces: Pieces): string[] {
    const declared = new Map<string, string[]>();
    for (const piece of pieces) {
        if (typeof piece === 'object' && 'declares' in piece) declared.set(piece.declares, [...(declared.get(piece.declares) ?? []), piece.text]);
    }
    return pieces.map(piece => {
        if (typeof piece === 'string') return piece;
        if ('declares' in piece) return piece.text;
        const names = declared.get(piece.refersTo) ?? [];
        return piece.resolve && names.length > 0 ? names[piece.pick % names.length] : piece.fresh;
    });
}

/** The length of the match of a regular expression at an offset (as a lexer matches: there, the first match), or -1. */
function matchLength(regex: RegExp, text: string, offset: number): number {
    const sticky = new RegExp(regex.source, regex.flags.replace(/[gy]/g, '') + 'y');
    sticky.lastIndex = offset;
    const match = sticky.exec(text);
    return match ? match[0].length : -1;
}

/** Whether the regular expression, matching at the start as a lexer does, takes exactly the whole text. */
function exactly(regex: RegExp, text: string): boolean {
    return matchLength(regex, text, 0) === text.length;
}

/** A seed from a name, so that each type's pool of names is always the same. */
function seedOf(name: string): number {
    let seed = 7;
    for (let i = 0; i < name.length; i++) seed = (seed * 31 + name.charCodeAt(i)) | 0;
    return seed;
}

/** Words the plan checks look for (vanity metrics: SPEC section 3), and their look-alikes. */
const ADOPT_WORDS = ['likes', 'Followers', 'fans', 'subscriber', 'Likes per post', 'fanatic', 'views'];

const adopt = planArbitraries(createAdoptServices().Adopt, ADOPT_WORDS);

/** The generators for the Adopt grammar (src/language/adopt.langium). */
export const { validPlan, mutatedPlan, garbage, keywords, entryKeywords } = adopt;

/**
 * The text with each NUL made another control character: what the parsers' own tests compare. A
 * text holding a NUL is not parsed at all (`unreadableTextMessage` in parser/plan-limits.ts: a
 * binary file), so it would test neither parser.
 */
export function withoutNul(text: string): string {
    return text.replaceAll('\u0000', '\u0001');
}
