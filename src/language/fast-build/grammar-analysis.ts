/**
 * What the fast parser needs to know about the grammar, derived from Langium's grammar object
 * (the one `langium generate` serialises from src/language/adopt.langium) and the lexer's token
 * types: the token kind of each keyword and terminal, which rules make nodes and which make
 * values, the tokens each element can start with (FIRST) and the tokens that can follow it
 * (FOLLOW), so that every choice can be made by looking at one token, and which declarations an
 * edit can re-parse alone.
 *
 * The fast parser takes a subset of Langium's grammar language: groups, alternatives, `?`, `*`
 * and `+`, keywords, terminals, assignments (`=`, `+=`, `?=`), cross-references, and calls of
 * parser, data type and fragment rules, where one token decides every choice (LL(1)). A grammar
 * outside that subset (actions, unordered groups, guards, infix rules, an unassigned call of a
 * parser rule, a choice that needs more than one token) gets a reason instead of an analysis:
 * the fast path is then off and Langium's parser parses every text, as before.
 */
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import type { FastLexer } from './fast-lexer.js';

type Element = GrammarAST.AbstractElement;

/** A set of token kinds: `set[kind] === 1` for members; the lexer's `end` kind stands for the end of the text. */
export type KindSet = Uint8Array;

/** How a parser rule builds: an AST node, a value (data type rule), or more of its caller's node (fragment). */
export type RuleRole = 'node' | 'datatype' | 'fragment';

/**
 * A declaration that an edit inside it can re-parse alone: a rule that starts with a keyword,
 * where a rule gathers it into a list (`stages+=Stage`). A rule gathered in two places (an action
 * in a stage and in a project) is a unit in each.
 */
export interface ParseUnit {
    readonly rule: GrammarAST.ParserRule;
    /** The rule call of the call site (the grammar element of its composite node). */
    readonly call: GrammarAST.RuleCall;
    /** The node type of its container and the list property it is gathered into. */
    readonly containerType: string;
    readonly property: string;
}

export class GrammarAnalysis {
    private readonly firstSets = new Map<Element, KindSet>();
    private readonly nullables = new Map<Element, boolean>();
    private readonly ruleFirst = new Map<GrammarAST.ParserRule, KindSet>();
    private readonly ruleNullable = new Map<GrammarAST.ParserRule, boolean>();
    private readonly ruleFollow = new Map<GrammarAST.ParserRule, KindSet>();
    /** Each parser rule's call sites (rule calls, in grammar order). */
    private readonly callers = new Map<GrammarAST.ParserRule, GrammarAST.RuleCall[]>();
    readonly rules: readonly GrammarAST.ParserRule[];
    readonly units: readonly ParseUnit[];
    /** The number of token kinds plus one (the end of the text): the size of a KindSet. */
    readonly kindCount: number;
    /**
     * The keywords that may also stand as a name: those a data type rule takes beside a terminal
     * (`Name: ID | 'medium' | …`). The recovery reads such a keyword as a keyword before it
     * reads it as the name after a missing token (`nameFollows`).
     */
    readonly nameWords: KindSet;

    private constructor(readonly grammar: GrammarAST.Grammar, readonly entry: GrammarAST.ParserRule, readonly lexer: FastLexer,
        private readonly kindByName: ReadonlyMap<string, number>, private readonly roles: Map<GrammarAST.ParserRule, RuleRole>) {
        this.kindCount = lexer.end + 1;
        const reachable = GrammarUtils.getAllReachableRules(grammar, false);
        this.rules = grammar.rules.filter((rule): rule is GrammarAST.ParserRule => GrammarAST.isParserRule(rule) && reachable.has(rule));
        for (const rule of this.rules) this.callers.set(rule, []);
        for (const rule of this.rules) {
            for (const element of AstUtils.streamAst(rule.definition)) {
                if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) this.callers.get(element.rule.ref)?.push(element);
            }
        }
        this.computeFirstSets();
        this.computeFollowSets();
        this.units = this.findUnits();
        this.nameWords = this.findNameWords();
    }

    /** The analysis of a grammar for a fast lexer of its tokens, or the reason the fast parser cannot parse it. */
    static of(grammar: GrammarAST.Grammar, lexer: FastLexer): GrammarAnalysis | string {
        const entry = GrammarUtils.getEntryRule(grammar);
        if (!entry) return 'the grammar has no entry rule';
        const kindByName = new Map(lexer.types.map((type, kind) => [type.name, kind]));
        const roles = new Map<GrammarAST.ParserRule, RuleRole>();
        const unsupported = unsupportedConstruct(grammar, kindByName, roles);
        if (unsupported) return unsupported;
        const analysis = new GrammarAnalysis(grammar, entry, lexer, kindByName, roles);
        return analysis.firstConflict() ?? analysis;
    }

    roleOf(rule: GrammarAST.ParserRule): RuleRole {
        return roleOf(rule, this.roles);
    }

    /** The token kind of a keyword, or of a call of a terminal rule (directly or as a cross-reference's terminal). */
    kindOf(element: GrammarAST.Keyword | GrammarAST.RuleCall | GrammarAST.CrossReference): number {
        if (GrammarAST.isKeyword(element)) return this.kindByName.get(element.value)!;
        const call = GrammarAST.isCrossReference(element) ? crossReferenceTerminal(element)! : element;
        return this.kindByName.get(call.rule.ref!.name)!;
    }

    /** The data type rule a cross-reference's text is written with (`[Member:Name]`), if it is not a terminal. */
    crossReferenceRule(reference: GrammarAST.CrossReference): GrammarAST.ParserRule | undefined {
        const terminal = crossReferenceCall(reference)?.rule.ref;
        return GrammarAST.isParserRule(terminal) ? terminal : undefined;
    }

    first(element: Element): KindSet {
        return this.firstSets.get(element) ?? this.emptySet();
    }

    nullable(element: Element): boolean {
        return this.nullables.get(element) ?? true;
    }

    /**
     * For a data type rule of one token (`Level: 'low' | 'medium' | 'high'`, `Name: ID | 'to'`):
     * its alternatives (keywords, calls of terminals) by token kind; else undefined.
     */
    tokenAlternativesOf(rule: GrammarAST.ParserRule): Map<number, TokenAlternative> | undefined {
        return tokenAlternativesOf(rule, this.roles, this.kindByName);
    }

    private emptySet(): KindSet {
        return new Uint8Array(this.kindCount);
    }

    // --- FIRST and nullable: a fixpoint over the rules ------------------------------------------

    private computeFirstSets(): void {
        for (const rule of this.rules) {
            this.ruleFirst.set(rule, this.emptySet());
            this.ruleNullable.set(rule, false);
        }
        let changed = true;
        while (changed) {
            changed = false;
            for (const rule of this.rules) {
                const first = this.firstOf(rule.definition);
                const nullable = this.nullables.get(rule.definition)!;
                if (union(this.ruleFirst.get(rule)!, first)) changed = true;
                if (nullable && !this.ruleNullable.get(rule)) {
                    this.ruleNullable.set(rule, true);
                    changed = true;
                }
            }
        }
    }

    /** FIRST of an element from the rules' current sets (recorded with its nullability). */
    private firstOf(element: Element): KindSet {
        const first = this.emptySet();
        let nullable: boolean;
        if (GrammarAST.isCrossReference(element) && this.crossReferenceRule(element)) {
            union(first, this.ruleFirst.get(this.crossReferenceRule(element)!)!);
            nullable = false;
        } else if (GrammarAST.isKeyword(element) || GrammarAST.isCrossReference(element)) {
            first[this.kindOf(element)] = 1;
            nullable = false;
        } else if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (GrammarAST.isParserRule(rule)) {
                union(first, this.ruleFirst.get(rule)!);
                nullable = this.ruleNullable.get(rule)!;
            } else {
                first[this.kindOf(element)] = 1;
                nullable = false;
            }
        } else if (GrammarAST.isAssignment(element)) {
            union(first, this.firstOf(element.terminal));
            nullable = this.nullables.get(element.terminal)!;
        } else if (GrammarAST.isAlternatives(element)) {
            nullable = false;
            for (const alternative of element.elements) {
                union(first, this.firstOf(alternative));
                if (this.nullables.get(alternative)) nullable = true;
            }
        } else {
            // A group: its elements' FIRST up to the first that cannot be empty.
            nullable = true;
            for (const part of (element as GrammarAST.Group).elements) {
                const partFirst = this.firstOf(part);
                if (nullable) union(first, partFirst);
                if (!this.nullables.get(part)) nullable = false;
            }
        }
        if (element.cardinality === '?' || element.cardinality === '*') nullable = true;
        this.firstSets.set(element, first);
        this.nullables.set(element, nullable);
        return first;
    }

    // --- FOLLOW: what can come after an element ---------------------------------------------------

    private computeFollowSets(): void {
        for (const rule of this.rules) this.ruleFollow.set(rule, this.emptySet());
        this.ruleFollow.get(this.entry)![this.lexer.end] = 1;
        let changed = true;
        while (changed) {
            changed = false;
            for (const rule of this.rules) {
                for (const call of this.callers.get(rule)!) {
                    if (union(this.ruleFollow.get(rule)!, this.follow(call))) changed = true;
                }
            }
        }
    }

    /** The tokens that can come right after an element (in a valid text), from the rules' current FOLLOW. */
    follow(element: Element): KindSet {
        const follow = this.emptySet();
        let current: Element = element;
        for (let outer = false; ; outer = true) {
            // A repeated element around this one can start again after it.
            if (outer && (current.cardinality === '*' || current.cardinality === '+')) union(follow, this.first(current));
            const container = current.$container;
            if (GrammarAST.isGroup(container)) {
                const siblings = container.elements;
                let rest = true;
                for (let i = siblings.indexOf(current) + 1; i < siblings.length && rest; i++) {
                    union(follow, this.first(siblings[i]));
                    rest = this.nullable(siblings[i]);
                }
                if (!rest) return follow;
                current = container;
            } else if (GrammarAST.isAlternatives(container) || GrammarAST.isAssignment(container) || GrammarAST.isCrossReference(container)) {
                current = container;
            } else {
                // The rule's definition: what follows the rule.
                union(follow, this.ruleFollow.get(container as GrammarAST.ParserRule) ?? this.emptySet());
                return follow;
            }
        }
    }

    /**
     * A choice that one token does not decide: two alternatives that can start with the same
     * token, an optional or repeated element that can start with a token that can also follow
     * it, an alternative or repeated element that can be empty.
     */
    private firstConflict(): string | undefined {
        for (const rule of this.rules) {
            for (const element of AstUtils.streamAst(rule.definition)) {
                if (!GrammarAST.isAbstractElement(element)) continue;
                const where = `rule ${rule.name}`;
                if (GrammarAST.isAlternatives(element)) {
                    const seen = this.emptySet();
                    for (const alternative of element.elements) {
                        if (this.nullable(alternative)) return `an alternative that can be empty in ${where}`;
                        const first = this.first(alternative);
                        for (let kind = 0; kind < first.length; kind++) {
                            if (first[kind] && seen[kind]) return `two alternatives can start with ${this.kindName(kind)} in ${where}`;
                            seen[kind] |= first[kind];
                        }
                    }
                }
                if (element.cardinality) {
                    const inner = this.innerNullable(element);
                    if (inner) return `an optional or repeated part that can be empty in ${where}`;
                    const first = this.first(element);
                    const follow = this.follow(element);
                    for (let kind = 0; kind < first.length; kind++) {
                        if (first[kind] && follow[kind]) return `${this.kindName(kind)} can start an optional part and also follow it in ${where}`;
                    }
                }
            }
            if (rule !== this.entry && this.ruleNullable.get(rule)) return `rule ${rule.name} can match nothing`;
        }
        return undefined;
    }

    /** Whether an element without its cardinality could match nothing. */
    private innerNullable(element: Element): boolean {
        if (GrammarAST.isKeyword(element) || GrammarAST.isCrossReference(element)) return false;
        if (GrammarAST.isRuleCall(element)) return GrammarAST.isParserRule(element.rule.ref) ? this.ruleNullable.get(element.rule.ref)! : false;
        if (GrammarAST.isAssignment(element)) return this.nullable(element.terminal);
        if (GrammarAST.isAlternatives(element)) return element.elements.some(alternative => this.nullable(alternative));
        return (element as GrammarAST.Group).elements.every(part => this.nullable(part));
    }

    private kindName(kind: number): string {
        return kind === this.lexer.end ? 'the end of the text' : `'${this.lexer.types[kind].name}'`;
    }

    /**
     * Whether a name comes right after an element (`'from' project=[Project:Name]`): a keyword of
     * `nameWords` after it, were it missing, could be read as that name.
     */
    nameFollows(element: Element): boolean {
        const container = element.$container;
        if (!GrammarAST.isGroup(container)) return false;
        const next = container.elements[container.elements.indexOf(element) + 1];
        if (!next || next.cardinality) return false;
        const inner = GrammarAST.isAssignment(next) ? next.terminal : next;
        const rule = GrammarAST.isCrossReference(inner) ? this.crossReferenceRule(inner)
            : GrammarAST.isRuleCall(inner) && GrammarAST.isParserRule(inner.rule.ref) ? inner.rule.ref : undefined;
        const alternatives = rule && this.tokenAlternativesOf(rule);
        return alternatives !== undefined && [...alternatives.values()].some(GrammarAST.isRuleCall);
    }

    private findNameWords(): KindSet {
        const words = this.emptySet();
        for (const rule of this.rules) {
            const alternatives = this.tokenAlternativesOf(rule);
            if (!alternatives || ![...alternatives.values()].some(GrammarAST.isRuleCall)) continue;
            for (const [kind, alternative] of alternatives) if (GrammarAST.isKeyword(alternative)) words[kind] = 1;
        }
        return words;
    }

    // --- Declarations an edit re-parses alone -----------------------------------------------------

    private findUnits(): ParseUnit[] {
        const units: ParseUnit[] = [];
        for (const rule of this.rules) {
            if (rule === this.entry || this.roleOf(rule) !== 'node') continue;
            const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : rule.definition;
            if (!GrammarAST.isKeyword(first) || first.cardinality) continue;
            for (const call of this.callers.get(rule)!) {
                const assignment: unknown = call.$container;
                if (!GrammarAST.isAssignment(assignment) || assignment.operator !== '+=' || call.cardinality) continue;
                const container = AstUtils.getContainerOfType(call, GrammarAST.isParserRule)!;
                if (this.roleOf(container) !== 'node') continue;
                units.push({ rule, call, containerType: GrammarUtils.getTypeName(container), property: assignment.feature });
            }
        }
        return units;
    }
}

/** A rule's role, found once per rule (Langium's `isDataTypeRule` walks the rule and the rules it calls). */
function roleOf(rule: GrammarAST.ParserRule, roles: Map<GrammarAST.ParserRule, RuleRole>): RuleRole {
    let role = roles.get(rule);
    if (!role) {
        role = rule.fragment ? 'fragment' : GrammarUtils.isDataTypeRule(rule) ? 'datatype' : 'node';
        roles.set(rule, role);
    }
    return role;
}

/** Adds the members of `from` to `into`; whether any was new. */
function union(into: KindSet, from: KindSet): boolean {
    let changed = false;
    for (let i = 0; i < into.length; i++) {
        if (from[i] && !into[i]) {
            into[i] = 1;
            changed = true;
        }
    }
    return changed;
}

/** One alternative of a data type rule of one token: a keyword, or a call of a terminal rule. */
export type TokenAlternative = GrammarAST.Keyword | GrammarAST.RuleCall;

/** The rule call a cross-reference's text is written with (`[Stage:ID]`, or the name's for `[Stage]`). */
function crossReferenceCall(reference: GrammarAST.CrossReference): GrammarAST.RuleCall | undefined {
    const terminal = reference.terminal ?? (reference.type.ref ? GrammarUtils.findNameAssignment(reference.type.ref)?.terminal : undefined);
    return GrammarAST.isRuleCall(terminal) ? terminal : undefined;
}

/** The terminal rule call of a cross-reference written with a terminal (`[Stage:ID]`). */
export function crossReferenceTerminal(reference: GrammarAST.CrossReference): GrammarAST.RuleCall | undefined {
    const call = crossReferenceCall(reference);
    return call && GrammarAST.isTerminalRule(call.rule.ref) ? call : undefined;
}

function tokenAlternativesOf(rule: GrammarAST.ParserRule, roles: Map<GrammarAST.ParserRule, RuleRole>,
    kindByName: ReadonlyMap<string, number>): Map<number, TokenAlternative> | undefined {
    if (roleOf(rule, roles) !== 'datatype') return undefined;
    const definition = rule.definition;
    const alternatives = GrammarAST.isAlternatives(definition) && !definition.cardinality ? definition.elements : [definition];
    const byKind = new Map<number, TokenAlternative>();
    for (const alternative of alternatives) {
        if (alternative.cardinality) return undefined;
        const kind = GrammarAST.isKeyword(alternative) ? kindByName.get(alternative.value)
            : GrammarAST.isRuleCall(alternative) && GrammarAST.isTerminalRule(alternative.rule.ref) ? kindByName.get(alternative.rule.ref.name) : undefined;
        if (kind === undefined || byKind.has(kind)) return undefined;
        byKind.set(kind, alternative as TokenAlternative);
    }
    return byKind;
}

/** The first construct of the grammar that the fast parser does not take, as a reason; undefined if none. */
function unsupportedConstruct(grammar: GrammarAST.Grammar, kindByName: ReadonlyMap<string, number>, roles: Map<GrammarAST.ParserRule, RuleRole>): string | undefined {
    const reachable = GrammarUtils.getAllReachableRules(grammar, false);
    for (const rule of grammar.rules) {
        if (!reachable.has(rule)) continue;
        if (GrammarAST.isInfixRule(rule)) return `infix rule ${rule.name}`;
        if (GrammarAST.isTerminalRule(rule)) {
            if (!rule.fragment && !kindByName.has(rule.name)) return `terminal ${rule.name} has no token type`;
            continue;
        }
        if (!GrammarAST.isParserRule(rule)) continue;
        if (rule.parameters.length > 0) return `rule ${rule.name} has parameters`;
        const dataType = roleOf(rule, roles) === 'datatype';
        for (const element of AstUtils.streamAst(rule.definition)) {
            const where = `rule ${rule.name}`;
            if (GrammarAST.isAction(element)) return `an action in ${where}`;
            if (GrammarAST.isUnorderedGroup(element)) return `an unordered group in ${where}`;
            if (GrammarAST.isEndOfFile(element)) return `EOF in ${where}`;
            if (GrammarAST.isGroup(element) && (element.guardCondition || element.predicate)) return `a guard or predicate in ${where}`;
            if ((GrammarAST.isKeyword(element) || GrammarAST.isRuleCall(element) || GrammarAST.isAssignment(element)) && element.predicate) {
                return `a predicate in ${where}`;
            }
            if (GrammarAST.isKeyword(element) && !kindByName.has(element.value)) return `keyword '${element.value}' has no token type`;
            if (GrammarAST.isCrossReference(element)) {
                if (element.isMulti) return `a multi-reference in ${where}`;
                const call = crossReferenceCall(element)?.rule.ref;
                if (!crossReferenceTerminal(element) && !(GrammarAST.isParserRule(call) && tokenAlternativesOf(call, roles, kindByName))) {
                    return `a cross-reference written with neither a terminal nor a data type rule of one token in ${where}`;
                }
                if (!GrammarAST.isAssignment(element.$container)) return `an unassigned cross-reference in ${where}`;
            }
            if (GrammarAST.isRuleCall(element)) {
                const called = element.rule.ref;
                if (!called) return `an unresolved rule call in ${where}`;
                if (GrammarAST.isRuleCall(element) && element.arguments.length > 0) return `rule arguments in ${where}`;
                if (GrammarAST.isParserRule(called) && roleOf(called, roles) === 'node' && !AstUtils.getContainerOfType(element, GrammarAST.isAssignment)) {
                    return `an unassigned call of rule ${called.name} in ${where}`;
                }
                if (GrammarAST.isParserRule(called) && called.fragment && dataType) return `a fragment in data type ${where}`;
            }
            if (GrammarAST.isAssignment(element) && dataType) return `an assignment in data type ${where}`;
            if (GrammarAST.isAssignment(element) && !isSimpleAssignedElement(element.terminal)) return `an assignment of a group in ${where}`;
        }
    }
    return undefined;
}

/** What an assignment may assign: a keyword, a rule call, a cross-reference, or alternatives of those. */
function isSimpleAssignedElement(element: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isKeyword(element) || GrammarAST.isRuleCall(element) || GrammarAST.isCrossReference(element)) return !element.cardinality;
    return GrammarAST.isAlternatives(element) && !element.cardinality && element.elements.every(isSimpleAssignedElement);
}
