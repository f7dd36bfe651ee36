/**
 * What the grammar says about the order of things, in words for syntax messages: what may stand
 * in a block (`mantra, goal, launch, action, project, story or the stage's closing }`) and in
 * what order a construct's parts follow its name and title (`owner MEMBER, then due DATE, then
 * the status (todo, doing, done or blocked)`). Everything is read from Langium's grammar object
 * (src/language/adopt.langium), so that a new statement or attribute reaches the messages
 * without further edits.
 */
import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';

/** A part that follows a construct's name and title: its words, and how it reads. */
interface Attribute {
    /** The keywords it may start with (`owner`; `todo`, `doing`, `done`, `blocked`). */
    readonly words: ReadonlySet<string>;
    /** How it reads: `owner MEMBER`, `the status (todo, doing, done or blocked)`. */
    readonly label: string;
    readonly optional: boolean;
}

/** What the grammar tells about one rule. */
interface RuleOrder {
    /** The parts after the name and title, in the grammar's order, up to the rule's `{`. */
    readonly attributes: readonly Attribute[];
    /** The rules whose constructs may stand in the rule's `{ }` block, in the grammar's order. */
    readonly blockRules: readonly GrammarAST.ParserRule[];
    /** The first words of each of them: `mantra`, `goal`, … */
    readonly blockWords: readonly string[];
}

const orders = new WeakMap<Grammar, Map<string, RuleOrder | undefined>>();

function ruleOrder(grammar: Grammar, ruleName: string): RuleOrder | undefined {
    let byName = orders.get(grammar);
    if (!byName) {
        byName = new Map();
        orders.set(grammar, byName);
    }
    if (!byName.has(ruleName)) {
        const rule = grammar.rules.find((candidate): candidate is GrammarAST.ParserRule => GrammarAST.isParserRule(candidate) && candidate.name === ruleName);
        byName.set(ruleName, rule && !GrammarUtils.isDataTypeRule(rule) ? readRule(rule) : undefined);
    }
    return byName.get(ruleName);
}

function readRule(rule: GrammarAST.ParserRule): RuleOrder {
    const elements = GrammarAST.isGroup(rule.definition) ? rule.definition.elements : [rule.definition];
    const attributes: Attribute[] = [];
    // Skip the leading keyword, the name and the title; stop at the block.
    for (let i = 1; i < elements.length; i++) {
        const element = elements[i];
        if (GrammarAST.isKeyword(element) && element.value === '{') break;
        if (GrammarAST.isAssignment(element) && (element.feature === 'name' || element.feature === 'title')) continue;
        if (GrammarAST.isGroup(element) && element.elements.some(inner => GrammarAST.isKeyword(inner) && inner.value === '{')) break;
        const words = new Set(firstWords(element).filter(isWord));
        if (words.size === 0) continue;
        // A keyword written alone in the rule and the value after it (`'role' role=Role`) read as one part.
        const value = GrammarAST.isKeyword(element) && elements[i + 1] ? placeholder(elements[i + 1]) : undefined;
        if (value) i++;
        attributes.push({ words, label: value ? `${labelOf(element)} ${value}` : labelOf(element), optional: isOptional(element) });
    }
    const blockRules = rulesInBlock(rule);
    const blockWords = [...new Set(blockRules.flatMap(inner => firstWords(inner.definition)).filter(isWord))];
    return { attributes, blockRules, blockWords };
}

/** The rules called in the repeated part of a rule's `{ … }` block. */
function rulesInBlock(rule: GrammarAST.ParserRule): GrammarAST.ParserRule[] {
    const open = AstUtils.streamAllContents(rule.definition).find(element => GrammarAST.isKeyword(element) && element.value === '{');
    const group = open?.$container;
    if (!open || !GrammarAST.isGroup(group)) return [];
    const after = group.elements.slice(group.elements.indexOf(open as GrammarAST.AbstractElement) + 1);
    const rules: GrammarAST.ParserRule[] = [];
    for (const element of after) {
        if (GrammarAST.isKeyword(element) && element.value === '}') break;
        for (const call of [element, ...AstUtils.streamAllContents(element)].filter(GrammarAST.isRuleCall)) {
            const called = call.rule.ref;
            if (GrammarAST.isParserRule(called) && !GrammarUtils.isDataTypeRule(called) && !rules.includes(called)) rules.push(called);
        }
    }
    return rules;
}

/** The keywords an element may start with (a name or a terminal gives none). */
export function firstWords(element: GrammarAST.AbstractElement | undefined): string[] {
    if (!element) return [];
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAssignment(element)) return firstWords(element.terminal);
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        return GrammarAST.isParserRule(rule) && !(GrammarUtils.isDataTypeRule(rule) && callsTerminal(rule)) ? firstWords(rule.definition) : [];
    }
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(firstWords);
    if (GrammarAST.isGroup(element)) {
        const words: string[] = [];
        for (const inner of element.elements) {
            words.push(...firstWords(inner));
            if (!isOptional(inner) && !GrammarAST.isAction(inner)) break;
        }
        return words;
    }
    return [];
}

/** A data type rule that takes a terminal (a name: `Name: ID | 'due' | …`): its keywords are names there, not words that start something. */
function callsTerminal(rule: GrammarAST.ParserRule): boolean {
    return AstUtils.streamAllContents(rule.definition).some(element => GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref));
}

function isOptional(element: GrammarAST.AbstractElement): boolean {
    return element.cardinality === '?' || element.cardinality === '*';
}

function isWord(value: string): boolean {
    return /^[a-z][a-z-]*$/.test(value);
}

/** How an attribute reads: its keyword and what follows it (`due DATE`), or what it is (`the status (todo, … or blocked)`). */
function labelOf(element: GrammarAST.AbstractElement): string {
    if (GrammarAST.isGroup(element)) {
        const [first, second] = element.elements;
        if (GrammarAST.isKeyword(first)) {
            const value = second ? placeholder(second) : undefined;
            return value ? `${first.value} ${value}` : first.value;
        }
        return first ? labelOf(first) : '';
    }
    if (GrammarAST.isAssignment(element)) {
        const terminal = element.terminal;
        if (GrammarAST.isKeyword(terminal)) return terminal.value;
        const rule = GrammarAST.isRuleCall(terminal) ? terminal.rule.ref : undefined;
        if (GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule)) {
            return `the ${element.feature} (${alternatives(firstWords(rule.definition))})`;
        }
        return element.feature;
    }
    return firstWords(element).join(' ');
}

/** What stands for the value after an attribute's keyword: `MEMBER`, `DATE`, `N`, `"TEXT"`, `ROLE`. */
function placeholder(element: GrammarAST.AbstractElement): string | undefined {
    const inner = GrammarAST.isAssignment(element) ? element.terminal : element;
    if (GrammarAST.isCrossReference(inner)) return inner.type.ref?.name.toUpperCase();
    if (!GrammarAST.isRuleCall(inner)) return undefined;
    const rule = inner.rule.ref;
    if (GrammarAST.isTerminalRule(rule)) return TERMINAL_PLACEHOLDERS[rule.name] ?? rule.name;
    if (GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule)) return rule.name.toUpperCase();
    // A rule of its own (a metric's Target): what its first element takes.
    if (!GrammarAST.isParserRule(rule)) return undefined;
    const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : rule.definition;
    return first ? placeholder(first) : undefined;
}

const TERMINAL_PLACEHOLDERS: Record<string, string> = { STRING: '"TEXT"', NUMBER: 'N', DATE: 'DATE', ID: 'NAME' };

function alternatives(words: readonly string[]): string {
    return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function construct(ruleName: string): string {
    const kind = ruleName.toLowerCase();
    return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/**
 * What may stand in a rule's block, for a message where its closing brace was expected:
 * `mantra, goal, launch, action, project, story or the stage's closing }`. Undefined for a rule
 * without a block.
 */
export function blockParts(grammar: Grammar, ruleName: string): string | undefined {
    const order = ruleOrder(grammar, ruleName);
    if (!order || order.blockWords.length === 0) return undefined;
    return `${order.blockWords.join(', ')} or the ${ruleName.toLowerCase()}'s closing }`;
}

/** The order of a construct's parts, in words. */
export interface AttributeOrder {
    /** `an action` */
    readonly construct: string;
    /** `owner MEMBER, then due DATE, then the status (todo, doing, done or blocked)` */
    readonly text: string;
    /** Whether every part may be left out. */
    readonly eachOptional: boolean;
}

/**
 * The order of a construct's parts, when `word` starts one of them but stands where the parser
 * did not expect it. In a rule's header (`inBlock` false) the rule itself is asked; where a
 * statement of the rule's block was expected, the constructs of the block (whose last one may have
 * ended just before the word: only their optional parts can have been skipped), then the rule.
 */
export function attributeOrder(grammar: Grammar, ruleName: string, word: string, inBlock: boolean): AttributeOrder | undefined {
    const order = ruleOrder(grammar, ruleName);
    if (!order) return undefined;
    const candidates = inBlock ? [...order.blockRules.map(rule => rule.name), ruleName] : [ruleName];
    for (const name of candidates) {
        const attributes = ruleOrder(grammar, name)?.attributes ?? [];
        const found = attributes.find(attribute => attribute.words.has(word));
        if (!found || (inBlock && !found.optional)) continue;
        const allOptional = attributes.every(attribute => attribute.optional);
        const labels = attributes.map(attribute => `${attribute.label}${attribute.optional && !allOptional ? ' (optional)' : ''}`);
        return { construct: construct(name), text: labels.join(', then '), eachOptional: allOptional && attributes.length > 1 };
    }
    return undefined;
}
