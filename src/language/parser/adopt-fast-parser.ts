/**
 * A fast parser for valid plans. Chevrotain's lexer and Langium's recording parser take about
 * 300 ms for a plan of 10,000 projects (2 MB, 240,000 tokens), though the grammar
 * (src/language/adopt.langium) is small and LL(1). This file lexes with one `charCodeAt` loop and
 * parses by recursive descent, and builds exactly what Langium's parser builds for a plan without
 * lexer or syntax errors: the same syntax tree (node types, property values and their order,
 * defaults), the same references (made by the linker's `buildReference`), the same values (made
 * by the value converter), and the same concrete syntax tree, made by driving the same
 * CstNodeBuilder in the same order as Langium's parser (composite node when a rule is called,
 * leaf per token, comments before each token, `construct` when a rule ends, trailing comments
 * last).
 *
 * On anything else (a character no token matches, an unclosed comment or string, a token the
 * grammar does not allow where it stands, text after the plan) it gives up and answers
 * undefined: the caller then parses with Langium's parser, so broken plans get Langium's error
 * recovery and messages as before. It also refuses to start (`createFastPlanParser` answers
 * undefined) if the grammar's tokens are not the ones it knows: a grammar change turns it off
 * instead of making it wrong.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
    AstUtils, GrammarAST, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type CstNodeBuilder, type LangiumCoreServices,
    type Linker, type Reference, type ReferenceInfo, type RootCstNode, type ValueConverter
} from 'langium';
import { AdoptLinker } from '../scoping/adopt-linking.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, LEAF_FEATURES, leafCode, setLeafMaker, type LeafMaker } from './adopt-cst-nodes.js';

/** The grammar's keywords and punctuation, in the order of their token kinds below. */
const KEYWORDS = [
    'plan', 'coalition', 'member', 'role', 'unit', 'trained', 'executive', 'middle-manager', 'operational-manager', 'early-adopter',
    'staff', 'naysayer', 'channel', 'on', 'initiative', 'stage', 'after', 'mantra', 'goal', 'metric', 'target', 'launch', 'project',
    'supports', 'involves', 'uses', 'asynchrony', 'geography', 'crowdsourcing', 'low', 'medium', 'high', 'story', 'from', 'audience',
    '{', '}', ',', '%'
] as const;

/** Token kinds: the keywords' (their index in KEYWORDS), then the terminals'. */
enum Kind {
    Plan, Coalition, Member, Role, Unit, Trained, Executive, MiddleManager, OperationalManager, EarlyAdopter,
    Staff, Naysayer, Channel, On, Initiative, Stage, After, Mantra, Goal, Metric, Target, Launch, Project,
    Supports, Involves, Uses, Asynchrony, Geography, Crowdsourcing, Low, Medium, High, Story, From, Audience,
    Open, Close, Comma, Percent,
    ID, NUMBER, STRING, ML_COMMENT, SL_COMMENT,
    /** After the last token. */
    End
}

/** The terminals' patterns this lexer implements; another pattern turns the fast parser off. */
const TERMINALS: Record<string, string> = {
    WS: '\\s+',
    ID: '[_a-zA-Z][\\w]*',
    NUMBER: '[0-9]+(\\.[0-9]+)?',
    STRING: '"(\\\\.|[^"\\\\\\r\\n])*"',
    ML_COMMENT: '\\/\\*[\\s\\S]*?\\*\\/',
    SL_COMMENT: '\\/\\/[^\\n\\r]*'
};

/** Keywords with a hyphen: Chevrotain tries them first and takes them whatever follows. */
const HYPHENATED: ReadonlyArray<readonly [string, Kind]> = [
    ['operational-manager', Kind.OperationalManager], ['middle-manager', Kind.MiddleManager], ['early-adopter', Kind.EarlyAdopter]
];

/** Thrown (never escapes) when the text is not a plan the fast parser builds exactly. */
const GIVE_UP = Symbol('give up');

// ---------------------------------------------------------------------------------------------
// Lexer

/** The tokens of a text: parallel arrays of kinds and offsets; comments apart, as Chevrotain's hidden group. */
interface Tokens {
    count: number;
    kinds: Uint8Array;
    starts: Int32Array;
    ends: Int32Array;
    hiddenKinds: number[];
    hiddenStarts: number[];
    hiddenEnds: number[];
}

const SPACE = 32, TAB = 9, LINE_FEED = 10, CARRIAGE_RETURN = 13;
const QUOTE = 34, PERCENT = 37, COMMA = 44, SLASH = 47, STAR = 42, BACKSLASH = 92, UNDERSCORE = 95;
const DIGIT_0 = 48, DIGIT_9 = 57, UPPER_A = 65, UPPER_Z = 90, LOWER_A = 97, LOWER_Z = 122, OPEN_BRACE = 123, CLOSE_BRACE = 125;
const DOT = 46, HYPHEN = 45;

/** JavaScript's `\s` beyond ASCII. */
function isOtherWhitespace(code: number): boolean {
    return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
        || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function isWhitespace(code: number): boolean {
    return code === SPACE || (code >= TAB && code <= CARRIAGE_RETURN) || (code > 127 && isOtherWhitespace(code));
}

function isLetter(code: number): boolean {
    return (code >= LOWER_A && code <= LOWER_Z) || (code >= UPPER_A && code <= UPPER_Z) || code === UNDERSCORE;
}

function isDigit(code: number): boolean {
    return code >= DIGIT_0 && code <= DIGIT_9;
}

/** The line terminators JavaScript's `.` does not match. */
function isLineTerminator(code: number): boolean {
    return code === LINE_FEED || code === CARRIAGE_RETURN || code === 0x2028 || code === 0x2029;
}

const KEYWORD_KINDS = new Map<string, Kind>(KEYWORDS.map((keyword, kind) => [keyword, kind as Kind]));

/** Appends one token, growing the arrays when full. */
function pushToken(tokens: Tokens, kind: Kind, start: number, end: number): void {
    if (tokens.count === tokens.kinds.length) {
        const size = tokens.count * 2;
        const kinds = new Uint8Array(size), starts = new Int32Array(size), ends = new Int32Array(size);
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

/** The end of a string starting at a quote, or -1 if Chevrotain would not match it (a lexer error). */
function stringEnd(text: string, start: number): number {
    let i = start + 1;
    while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === QUOTE) return i + 1;
        if (code === BACKSLASH) {
            if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return -1;
            i += 2;
        } else if (code === LINE_FEED || code === CARRIAGE_RETURN) {
            return -1;
        } else {
            i++;
        }
    }
    return -1;
}

/** The end of a word (`[_a-zA-Z][\w]*`) starting at a letter. */
function wordEnd(text: string, start: number): number {
    let i = start + 1;
    while (i < text.length) {
        const code = text.charCodeAt(i);
        if (!isLetter(code) && !isDigit(code)) break;
        i++;
    }
    return i;
}

function numberEnd(text: string, start: number): number {
    let i = start + 1;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    }
    return i;
}

/** The hyphenated keyword at an offset, if any. */
function hyphenatedAt(text: string, start: number): readonly [string, Kind] | undefined {
    for (const entry of HYPHENATED) {
        if (text.startsWith(entry[0], start)) return entry;
    }
    return undefined;
}

/** The word keywords by their first character, as [keyword, kind] pairs. */
const WORD_KEYWORDS_BY_FIRST: Array<Array<readonly [string, Kind]>> = Array.from({ length: 128 }, () => []);
KEYWORDS.forEach((keyword, kind) => {
    if (/^[a-z]+$/.test(keyword)) WORD_KEYWORDS_BY_FIRST[keyword.charCodeAt(0)].push([keyword, kind as Kind]);
});

/** The kind of the word `text[start, end)`: its keyword's if it is one, ID otherwise (without making a string of it). */
function wordKind(text: string, start: number, end: number): Kind {
    const candidates = WORD_KEYWORDS_BY_FIRST[text.charCodeAt(start)];
    const length = end - start;
    for (const [keyword, kind] of candidates) {
        if (keyword.length === length && text.startsWith(keyword, start)) return kind;
    }
    return Kind.ID;
}

/** Chevrotain's tokens for the text, or undefined where Chevrotain would report a lexer error. */
export function lexPlan(text: string): Tokens | undefined {
    const capacity = Math.max(16, text.length >> 2);
    const tokens: Tokens = {
        count: 0, kinds: new Uint8Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity),
        hiddenKinds: [], hiddenStarts: [], hiddenEnds: []
    };
    const length = text.length;
    let i = 0;
    while (i < length) {
        const code = text.charCodeAt(i);
        if (isWhitespace(code)) {
            i++;
            continue;
        }
        const scanned = scanToken(text, i, code);
        if (scanned >= 0) {
            const end = Math.floor(scanned / KINDS);
            pushToken(tokens, (scanned - end * KINDS) as Kind, i, end);
            i = end;
        } else if (code === QUOTE) {
            return undefined;
        } else if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
            const close = text.indexOf('*/', i + 2);
            if (close < 0) return undefined;
            tokens.hiddenKinds.push(Kind.ML_COMMENT);
            tokens.hiddenStarts.push(i);
            tokens.hiddenEnds.push(close + 2);
            i = close + 2;
        } else if (code === SLASH && text.charCodeAt(i + 1) === SLASH) {
            let end = i + 2;
            while (end < length) {
                const next = text.charCodeAt(end);
                if (next === LINE_FEED || next === CARRIAGE_RETURN) break;
                end++;
            }
            tokens.hiddenKinds.push(Kind.SL_COMMENT);
            tokens.hiddenStarts.push(i);
            tokens.hiddenEnds.push(end);
            i = end;
        } else {
            return undefined;
        }
    }
    return tokens;
}

/** How many token kinds there are: `scanToken` returns `end * KINDS + kind`. */
const KINDS = Kind.End + 1;

/**
 * The token (not a comment) that starts at `start`, whose first character is `code`, as
 * `end * KINDS + kind`; -1 if none starts there (whitespace, a comment, a string without its
 * closing quote, a character no token starts with).
 */
function scanToken(text: string, start: number, code: number): number {
    if (isLetter(code)) {
        const end = wordEnd(text, start);
        // A hyphenated keyword starts with a word ('middle', 'operational', 'early') and a hyphen.
        const hyphenated = text.charCodeAt(end) === HYPHEN ? hyphenatedAt(text, start) : undefined;
        if (hyphenated) return (start + hyphenated[0].length) * KINDS + hyphenated[1];
        return end * KINDS + wordKind(text, start, end);
    }
    if (code === QUOTE) {
        const end = stringEnd(text, start);
        return end < 0 ? -1 : end * KINDS + Kind.STRING;
    }
    if (isDigit(code)) return numberEnd(text, start) * KINDS + Kind.NUMBER;
    const kind = code === OPEN_BRACE ? Kind.Open : code === CLOSE_BRACE ? Kind.Close : code === COMMA ? Kind.Comma : code === PERCENT ? Kind.Percent : -1;
    return kind < 0 ? -1 : (start + 1) * KINDS + kind;
}

/** The token that starts at an offset of a text the fast lexer lexed: its end and kind. */
function tokenAt(text: string, offset: number): { end: number; kind: Kind } {
    const scanned = scanToken(text, offset, text.charCodeAt(offset));
    if (scanned < 0) throw new Error(`No token starts at offset ${offset}.`);
    const end = Math.floor(scanned / KINDS);
    return { end, kind: (scanned - end * KINDS) as Kind };
}

/** Moves lexed tokens by an offset (tokens of a part of a text, to the whole text's offsets). */
function shiftTokens(tokens: Tokens, by: number): void {
    for (let i = 0; i < tokens.count; i++) {
        tokens.starts[i] += by;
        tokens.ends[i] += by;
    }
    for (let i = 0; i < tokens.hiddenStarts.length; i++) {
        tokens.hiddenStarts[i] += by;
        tokens.hiddenEnds[i] += by;
    }
}

// ---------------------------------------------------------------------------------------------
// The grammar's elements (the CST nodes' grammarSource), looked up once

type Element = GrammarAST.AbstractElement;

/** Finds a rule's elements: keywords by value, assigned terminals by property, rule calls by rule. */
class RuleElements {
    private readonly elements: Element[];

    constructor(grammar: GrammarAST.Grammar, readonly name: string) {
        const rule = grammar.rules.find(candidate => candidate.name === name);
        if (!GrammarAST.isParserRule(rule)) throw new Error(`no parser rule ${name}`);
        this.elements = AstUtils.streamAst(rule.definition).filter(GrammarAST.isAbstractElement).toArray();
    }

    keyword(value: string, occurrence = 0): GrammarAST.Keyword {
        return this.nth(this.elements.filter(element => GrammarAST.isKeyword(element) && element.value === value
            && !GrammarAST.isAssignment(element.$container)) as GrammarAST.Keyword[], occurrence, `'${value}'`);
    }

    /** The element of an assignment `property=...` (a rule call, a cross-reference or a keyword). */
    assigned(property: string, occurrence = 0): Element {
        const assignments = this.elements.filter(element => GrammarAST.isAssignment(element) && element.feature === property) as GrammarAST.Assignment[];
        return this.nth(assignments, occurrence, property).terminal;
    }

    /** An unassigned call of another rule (the alternatives of a datatype rule). */
    ruleCall(rule: string): GrammarAST.RuleCall {
        return this.nth(this.elements.filter(element => GrammarAST.isRuleCall(element) && element.rule.ref?.name === rule
            && !GrammarAST.isAssignment(element.$container)) as GrammarAST.RuleCall[], 0, rule);
    }

    private nth<T>(items: T[], occurrence: number, what: string): T {
        const item = items[occurrence];
        if (item === undefined) throw new Error(`no ${what} in rule ${this.name}`);
        return item;
    }
}

/** Every grammar element the parser gives its CST nodes. */
function grammarElements(grammar: GrammarAST.Grammar) {
    const rule = (name: string) => new RuleElements(grammar, name);
    const plan = rule('Plan'), coalition = rule('Coalition'), member = rule('Member'), role = rule('Role'), channel = rule('Channel');
    const platform = rule('Platform'), initiative = rule('Initiative'), stage = rule('Stage'), mantra = rule('Mantra'), goal = rule('Goal');
    const metric = rule('Metric'), target = rule('Target'), launch = rule('Launch'), project = rule('Project'), supports = rule('Supports');
    const involves = rule('Involves'), uses = rule('Uses'), trait = rule('Trait'), traitKind = rule('TraitKind'), level = rule('Level');
    const story = rule('Story');
    const keywords = (elements: RuleElements, values: readonly string[]) => new Map(values.map(value => [KEYWORD_KINDS.get(value)!, elements.keyword(value)]));
    /** `keyword property+=[Type:ID] (',' property+=[Type:ID])*`. */
    const list = (elements: RuleElements, keyword: string, property: string) => ({
        keyword: elements.keyword(keyword), first: elements.assigned(property, 0), comma: elements.keyword(','), next: elements.assigned(property, 1)
    });
    const roles = ['executive', 'middle-manager', 'operational-manager', 'early-adopter', 'staff', 'naysayer'];
    const traitKinds = ['asynchrony', 'geography', 'crowdsourcing'];
    const levels = ['low', 'medium', 'high'];
    return {
        plan: {
            plan: plan.keyword('plan'), name: plan.assigned('name'), title: plan.assigned('title'), open: plan.keyword('{'),
            coalitions: plan.assigned('coalitions'), channels: plan.assigned('channels'), initiatives: plan.assigned('initiatives'),
            stages: plan.assigned('stages'), close: plan.keyword('}')
        },
        coalition: { coalition: coalition.keyword('coalition'), open: coalition.keyword('{'), members: coalition.assigned('members'), close: coalition.keyword('}') },
        member: {
            member: member.keyword('member'), name: member.assigned('name'), title: member.assigned('title'), role: member.keyword('role'),
            roleValue: member.assigned('role'), unit: member.keyword('unit'), unitValue: member.assigned('unit'), trained: member.assigned('trained')
        },
        roles: keywords(role, roles),
        channel: {
            channel: channel.keyword('channel'), name: channel.assigned('name'), title: channel.assigned('title'), on: channel.keyword('on'),
            platform: channel.assigned('platform')
        },
        platform: {
            id: platform.ruleCall('ID'), level: platform.ruleCall('Level'), traitKind: platform.ruleCall('TraitKind'), role: platform.ruleCall('Role')
        },
        initiative: { initiative: initiative.keyword('initiative'), name: initiative.assigned('name'), title: initiative.assigned('title') },
        stage: {
            stage: stage.keyword('stage'), name: stage.assigned('name'), title: stage.assigned('title'), after: stage.keyword('after'),
            afterValue: stage.assigned('after'), open: stage.keyword('{'), mantras: stage.assigned('mantras'), goals: stage.assigned('goals'),
            launches: stage.assigned('launches'), projects: stage.assigned('projects'), stories: stage.assigned('stories'), close: stage.keyword('}')
        },
        mantra: { mantra: mantra.keyword('mantra'), text: mantra.assigned('text') },
        goal: {
            goal: goal.keyword('goal'), name: goal.assigned('name'), title: goal.assigned('title'), open: goal.keyword('{'),
            metrics: goal.assigned('metrics'), close: goal.keyword('}')
        },
        metric: {
            metric: metric.keyword('metric'), name: metric.assigned('name'), title: metric.assigned('title'), target: metric.keyword('target'),
            targetValue: metric.assigned('target')
        },
        target: { value: target.assigned('value'), percent: target.assigned('percent') },
        launch: list(launch, 'launch', 'channels'),
        project: {
            project: project.keyword('project'), name: project.assigned('name'), title: project.assigned('title'), open: project.keyword('{'),
            supports: project.assigned('supports'), involves: project.assigned('involves'), traits: project.assigned('traits'),
            uses: project.assigned('uses'), metrics: project.assigned('metrics'), close: project.keyword('}')
        },
        supports: list(supports, 'supports', 'initiatives'),
        involves: list(involves, 'involves', 'members'),
        uses: list(uses, 'uses', 'channels'),
        trait: { kind: trait.assigned('kind'), level: trait.assigned('level') },
        traitKinds: keywords(traitKind, traitKinds),
        levels: keywords(level, levels),
        story: {
            story: story.keyword('story'), name: story.assigned('name'), title: story.assigned('title'), from: story.keyword('from'),
            project: story.assigned('project'), audience: story.keyword('audience'), audienceFirst: story.assigned('audience', 0),
            comma: story.keyword(','), audienceNext: story.assigned('audience', 1)
        }
    };
}

type GrammarElements = ReturnType<typeof grammarElements>;
type KeywordList = ReadonlyMap<Kind, GrammarAST.Keyword>;
type ReferenceList = GrammarElements['launch'];

/** Each token kind's Chevrotain token type, from the lexer's definition; undefined if the tokens differ from the grammar this parser knows. */
export function tokenTypesOf(definition: Record<string, TokenType>): TokenType[] | undefined {
    const expected = new Set<string>([...KEYWORDS, ...Object.keys(TERMINALS)]);
    const names = Object.keys(definition);
    if (names.length !== expected.size || names.some(name => !expected.has(name))) return undefined;
    for (const [name, source] of Object.entries(TERMINALS)) {
        const pattern = definition[name].PATTERN;
        if (!(pattern instanceof RegExp) || pattern.source !== source || pattern.flags !== '') return undefined;
    }
    for (const keyword of KEYWORDS) {
        const pattern = definition[keyword].PATTERN;
        const source = pattern instanceof RegExp ? pattern.source.replace(/\\/g, '') : pattern;
        if (source !== keyword) return undefined;
        const longerAlt = definition[keyword].LONGER_ALT;
        const alternatives = longerAlt === undefined ? [] : Array.isArray(longerAlt) ? longerAlt : [longerAlt];
        // Word keywords give way to a longer identifier; punctuation and hyphenated keywords to nothing.
        const wordLike = /^[a-z]+$/.test(keyword);
        if (wordLike ? alternatives.length !== 1 || alternatives[0] !== definition.ID : alternatives.length !== 0) return undefined;
    }
    const kinds: TokenType[] = KEYWORDS.map(keyword => definition[keyword]);
    kinds[Kind.ID] = definition.ID;
    kinds[Kind.NUMBER] = definition.NUMBER;
    kinds[Kind.STRING] = definition.STRING;
    kinds[Kind.ML_COMMENT] = definition.ML_COMMENT;
    kinds[Kind.SL_COMMENT] = definition.SL_COMMENT;
    return kinds;
}

// ---------------------------------------------------------------------------------------------
// Parser

/** A property with a default value, and that value (Langium's type metadata). */
type PropertyDefault = readonly [name: string, value: unknown];
type Node = Record<string, unknown> & { $type: string; $cstNode?: CstNode };

/** Langium's `copyDefaultValue`: a fresh copy of a list default, the value itself otherwise. */
function copyDefaultValue(value: unknown): unknown {
    return Array.isArray(value) ? [...value.map(copyDefaultValue)] : value;
}

/**
 * Gives each list the node has (all complete) a copy of exact capacity. A list that grew by
 * `push` keeps room for 16 more items (V8), about 130 bytes per list; Langium's parser keeps
 * that room, the lists are the same otherwise. Nothing else holds the lists yet.
 */
function compactLists(node: Node, ...properties: string[]): void {
    for (const property of properties) {
        const list = node[property];
        if (Array.isArray(list) && list.length > 1) node[property] = list.slice();
    }
}

/** The lists of children of the nodes that have more than one (the others are in order by themselves). */
const PLAN_LISTS = ['coalitions', 'channels', 'initiatives', 'stages'] as const;
const STAGE_LISTS = ['mantras', 'goals', 'launches', 'projects', 'stories'] as const;
const PROJECT_LISTS = ['supports', 'involves', 'traits', 'uses', 'metrics'] as const;

/**
 * A new node of a type: `{ $type: type }`, made by a constructor of its own per type. A literal
 * `{ $type }` has room inside for one property and puts the others (names, lists, `$cstNode`,
 * `$container`...) in an array of their own; a constructor's objects get room for about nine,
 * trimmed to what its type uses once a few were made: about 24 bytes less a node (80,000 nodes
 * at 10,000 projects). The properties keep the literal's order.
 */
function newNode(type: string): Node {
    let make = NODE_CONSTRUCTORS.get(type);
    if (!make) {
        make = function (this: Node) {
            this.$type = type;
        } as unknown as new () => Node;
        NODE_CONSTRUCTORS.set(type, make);
    }
    return new make();
}

const NODE_CONSTRUCTORS = new Map<string, new () => Node>();

/** What the node builder's `construct` takes (it sets `$cstNode`). */
type Constructed = Parameters<CstNodeBuilder['construct']>[0];

/**
 * What Langium's `linkContentToContainer` sets on a child once the whole tree is parsed, set as
 * soon as the child is finished: the same properties, added in the same order, after all others.
 */
function linkToContainer(child: Node, container: Node, property: string, index: number | undefined): void {
    child.$container = container;
    child.$containerProperty = property;
    if (index !== undefined) child.$containerIndex = index;
}

/** Langium's `linkCstNode`: the node's composite node points back to it. */
function linkCstNode(node: Node): void {
    (node.$cstNode as { astNode: AstNode }).astNode = node as unknown as AstNode;
}

/**
 * A parsed plan, its nodes linked to their containers (`$container`, `$containerProperty`,
 * `$containerIndex`, set as Langium's `linkContentToContainer` sets them), and its nodes and
 * references in the order they were parsed. That is the order of Langium's `streamAst` (and
 * `streamReferences` per node) when `inTreeOrder`: when no node's lists of children interleave
 * in the text (`stage s { project a ... goal g ... project b ... }` lists `a, b, g` in Langium's
 * order: properties first, then list items).
 */
export interface FastParse {
    readonly root: AstNode;
    readonly nodes: AstNode[];
    readonly references: ReferenceInfo[];
    readonly inTreeOrder: boolean;
}

/** The declarations an incremental update parses alone (`FastPlanParser.parseUnit`). */
export type ParseUnit = 'project' | 'stage' | 'coalition' | 'channel' | 'initiative';

/** The parser's services and the grammar's elements, made once per language. */
export class FastPlanParser implements LeafMaker {
    private readonly defaultsByType = new Map<string, readonly PropertyDefault[]>();
    /** The grammar elements of leaves not made yet (adopt-cst-nodes.ts), by index, and their indexes. */
    private readonly features: Element[] = [];
    private readonly featureIndexes = new Map<Element, number>();
    /** For the index of a call of a datatype rule of keywords (Role, TraitKind, Level): the rule's keywords by token kind. */
    private readonly keywordRules: Array<KeywordList | undefined> = [];

    private constructor(
        readonly elements: GrammarElements,
        readonly tokenTypes: readonly TokenType[],
        private readonly reflection: AstReflection,
        readonly linker: Linker,
        readonly converter: ValueConverter
    ) { }

    /** A fast parser for the services' grammar, or undefined if its tokens or rules are not the ones this parser knows. */
    static create(services: LangiumCoreServices): FastPlanParser | undefined {
        const tokenTypes = tokenTypesOf(services.parser.Lexer.definition as Record<string, TokenType>);
        if (!tokenTypes) return undefined;
        let elements: GrammarElements;
        try {
            elements = grammarElements(services.Grammar);
        } catch {
            return undefined;
        }
        return new FastPlanParser(elements, tokenTypes, services.shared.AstReflection, services.references.Linker, services.parser.ValueConverter);
    }

    /**
     * Parses a plan with the node builder (after `buildRootNode`, which this calls); undefined if
     * the text has a lexer or syntax error (the builder then holds a partial tree: start again).
     */
    parse(text: string, builder: CstNodeBuilder): FastParse | undefined {
        const tokens = lexPlan(text);
        if (!tokens) return undefined;
        setLeafMaker(builder.buildRootNode(text), this);
        try {
            const parse = new PlanParse(this, text, tokens, builder);
            const root = parse.plan();
            return { root, nodes: parse.nodes, references: parse.references, inTreeOrder: parse.inTreeOrder };
        } catch (error) {
            if (error === GIVE_UP) return undefined;
            throw error;
        }
    }

    /**
     * Parses one declaration alone, for an incremental update (adopt-incremental.ts): the tokens
     * of `text[start, end)`, which must be exactly one `unit` (a Project, Stage, Coalition,
     * Channel or Initiative) from its keyword to its last token, offsets in whole-text terms.
     * Starts a new tree of the whole text with the node builder (`buildRootNode(text)`); the
     * declaration's composite node is the root's one child. Undefined when those tokens are not exactly one such declaration.
     */
    parseUnit(unit: ParseUnit, text: string, start: number, end: number, builder: CstNodeBuilder): { root: RootCstNode; node: AstNode } | undefined {
        const tokens = lexPlan(text.substring(start, end));
        if (!tokens) return undefined;
        shiftTokens(tokens, start);
        const root = builder.buildRootNode(text);
        setLeafMaker(root, this);
        try {
            const node = new PlanParse(this, text, tokens, builder).alone(unit);
            return { root, node };
        } catch (error) {
            if (error === GIVE_UP) return undefined;
            throw error;
        }
    }

    /** The index of a grammar element for `leafCode` (given on first use). */
    featureIndex(feature: Element): number {
        let index = this.featureIndexes.get(feature);
        if (index === undefined) {
            index = this.features.length;
            if (index >= LEAF_FEATURES) throw new Error(`The grammar gives leaves more than ${LEAF_FEATURES} elements.`);
            this.features.push(feature);
            this.featureIndexes.set(feature, index);
        }
        return index;
    }

    /** The index of a call of a datatype rule of keywords (its keywords given indexes too). */
    keywordRuleIndex(feature: Element, keywords: KeywordList): number {
        const index = this.featureIndex(feature);
        if (!this.keywordRules[index]) {
            for (const keyword of keywords.values()) this.featureIndex(keyword);
            this.keywordRules[index] = keywords;
        }
        return index;
    }

    featureAt(index: number): Element {
        return this.features[index];
    }

    innerLeafCode(index: number, text: string, offset: number): number | undefined {
        const keywords = this.keywordRules[index];
        if (!keywords) return undefined;
        const keyword = keywords.get(tokenAt(text, offset).kind);
        if (!keyword) throw new Error(`No keyword of the rule starts at offset ${offset}.`);
        return leafCode(offset, this.featureIndex(keyword));
    }

    tokenEnd(text: string, offset: number): number {
        return tokenAt(text, offset).end;
    }

    tokenType(text: string, offset: number): TokenType {
        return this.tokenTypes[tokenAt(text, offset).kind];
    }

    /** The defaults of a node type's properties, in Langium's order. */
    defaultsOf(type: string): readonly PropertyDefault[] {
        let defaults = this.defaultsByType.get(type);
        if (!defaults) {
            defaults = Object.values(this.reflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue] as const);
            this.defaultsByType.set(type, defaults);
        }
        return defaults;
    }
}

/** One parse: a cursor over the tokens and the node builder; each grammar rule is a method. */
class PlanParse {
    /** The nodes in the order they were opened (the root first). */
    readonly nodes: AstNode[] = [];
    /** The references in the order they were parsed, with their container, property and index. */
    readonly references: ReferenceInfo[] = [];
    /** False once a node's lists of children interleave in the text (see `FastParse`). */
    inTreeOrder = true;
    /**
     * The property each open node (by depth: the root at 0) last added a child to: a child added
     * to an existing list after another list grew means the lists interleave.
     */
    private readonly lastAdded: Array<string | undefined> = [undefined];
    private depth = 0;
    /** The names referred to so far, each once (see `shared`). */
    private readonly names = new Map<string, string>();
    private index = 0;
    private hiddenIndex = 0;
    private readonly elements: GrammarElements;
    /** The datatype rule's node: only its `$cstNode` is set (by `construct`), then the value converted. */
    private readonly datatype = { $type: undefined, $cstNode: undefined } as unknown as Constructed;
    /** What the value converter is given for a token (see `converted`). */
    private readonly converterNode: { grammarSource: Element | undefined } = { grammarSource: undefined };

    constructor(private readonly parser: FastPlanParser, private readonly text: string, private readonly tokens: Tokens, private readonly builder: CstNodeBuilder) {
        this.elements = parser.elements;
    }

    plan(): AstNode {
        const e = this.elements.plan;
        const node: Node = { $type: 'Plan' };
        this.nodes.push(node as unknown as AstNode);
        this.keyword(Kind.Plan, e.plan);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        this.keyword(Kind.Open, e.open);
        for (;;) {
            const kind = this.peek();
            if (kind === Kind.Coalition) this.add(node, 'coalitions', this.coalition(e.coalitions));
            else if (kind === Kind.Channel) this.add(node, 'channels', this.channel(e.channels));
            else if (kind === Kind.Initiative) this.add(node, 'initiatives', this.initiative(e.initiatives));
            else if (kind === Kind.Stage) this.add(node, 'stages', this.stage(e.stages));
            else break;
        }
        compactLists(node, ...PLAN_LISTS);
        this.keyword(Kind.Close, e.close);
        if (this.index !== this.tokens.count) throw GIVE_UP;
        this.finish(node);
        linkCstNode(node);
        this.builder.addHiddenNodes(this.hiddenTokensBefore(Number.POSITIVE_INFINITY));
        return node as unknown as AstNode;
    }

    /** One Project, Stage, Coalition, Channel or Initiative rule over all the tokens (`FastPlanParser.parseUnit`), linked to its composite node, no container yet. */
    alone(unit: ParseUnit): AstNode {
        const plan = this.elements.plan;
        const node = unit === 'project' ? this.project(this.elements.stage.projects)
            : unit === 'stage' ? this.stage(plan.stages)
                : unit === 'coalition' ? this.coalition(plan.coalitions)
                    : unit === 'channel' ? this.channel(plan.channels)
                        : this.initiative(plan.initiatives);
        if (this.index !== this.tokens.count || this.hiddenIndex !== this.tokens.hiddenStarts.length) throw GIVE_UP;
        linkCstNode(node);
        return node as unknown as AstNode;
    }

    private coalition(feature: Element): Node {
        const e = this.elements.coalition;
        const node = this.open(feature, 'Coalition');
        this.keyword(Kind.Coalition, e.coalition);
        this.keyword(Kind.Open, e.open);
        while (this.peek() === Kind.Member) this.add(node, 'members', this.member(e.members));
        compactLists(node, 'members');
        this.keyword(Kind.Close, e.close);
        return this.finish(node);
    }

    private member(feature: Element): Node {
        const e = this.elements.member;
        const node = this.open(feature, 'Member');
        this.keyword(Kind.Member, e.member);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        this.keyword(Kind.Role, e.role);
        node.role = this.keywordValue(e.roleValue, this.elements.roles);
        if (this.peek() === Kind.Unit) {
            this.keyword(Kind.Unit, e.unit);
            node.unit = this.value(Kind.STRING, e.unitValue);
        }
        if (this.peek() === Kind.Trained) {
            this.keyword(Kind.Trained, e.trained);
            node.trained = true;
        }
        return this.finish(node);
    }

    private channel(feature: Element): Node {
        const e = this.elements.channel;
        const node = this.open(feature, 'Channel');
        this.keyword(Kind.Channel, e.channel);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        this.keyword(Kind.On, e.on);
        node.platform = this.platform(e.platform);
        return this.finish(node);
    }

    /** `Platform returns string: ID | Level | TraitKind | Role`. */
    private platform(feature: Element): string {
        const e = this.elements.platform;
        const cst = this.builder.buildCompositeNode(feature);
        const kind = this.peek();
        let value: string;
        if (kind === Kind.ID) {
            value = String(this.converted(this.leaf(Kind.ID, e.id), e.id));
        } else if (this.elements.levels.has(kind)) {
            value = this.keywordValue(e.level, this.elements.levels);
        } else if (this.elements.traitKinds.has(kind)) {
            value = this.keywordValue(e.traitKind, this.elements.traitKinds);
        } else if (this.elements.roles.has(kind)) {
            value = this.keywordValue(e.role, this.elements.roles);
        } else {
            throw GIVE_UP;
        }
        this.builder.construct(this.datatype);
        return this.parser.converter.convert(value, cst) as string;
    }

    private initiative(feature: Element): Node {
        const e = this.elements.initiative;
        const node = this.open(feature, 'Initiative');
        this.keyword(Kind.Initiative, e.initiative);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        return this.finish(node);
    }

    private stage(feature: Element): Node {
        const e = this.elements.stage;
        const node = this.open(feature, 'Stage');
        this.keyword(Kind.Stage, e.stage);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        if (this.peek() === Kind.After) {
            this.keyword(Kind.After, e.after);
            node.after = this.reference(node, 'after', e.afterValue);
        }
        this.keyword(Kind.Open, e.open);
        for (;;) {
            const kind = this.peek();
            if (kind === Kind.Mantra) this.add(node, 'mantras', this.mantra(e.mantras));
            else if (kind === Kind.Goal) this.add(node, 'goals', this.goal(e.goals));
            else if (kind === Kind.Launch) this.add(node, 'launches', this.referenceList(e.launches, 'Launch', this.elements.launch, 'channels'));
            else if (kind === Kind.Project) this.add(node, 'projects', this.project(e.projects));
            else if (kind === Kind.Story) this.add(node, 'stories', this.story(e.stories));
            else break;
        }
        compactLists(node, ...STAGE_LISTS);
        this.keyword(Kind.Close, e.close);
        return this.finish(node);
    }

    private mantra(feature: Element): Node {
        const e = this.elements.mantra;
        const node = this.open(feature, 'Mantra');
        this.keyword(Kind.Mantra, e.mantra);
        node.text = this.value(Kind.STRING, e.text);
        return this.finish(node);
    }

    private goal(feature: Element): Node {
        const e = this.elements.goal;
        const node = this.open(feature, 'Goal');
        this.keyword(Kind.Goal, e.goal);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        if (this.peek() === Kind.Open) {
            this.keyword(Kind.Open, e.open);
            while (this.peek() === Kind.Metric) this.add(node, 'metrics', this.metric(e.metrics));
            compactLists(node, 'metrics');
            this.keyword(Kind.Close, e.close);
        }
        return this.finish(node);
    }

    private metric(feature: Element): Node {
        const e = this.elements.metric;
        const node = this.open(feature, 'Metric');
        this.keyword(Kind.Metric, e.metric);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        if (this.peek() === Kind.Target) {
            this.keyword(Kind.Target, e.target);
            const target = this.target(e.targetValue);
            node.target = target;
            linkCstNode(target);
            linkToContainer(target, node, 'target', undefined);
        }
        return this.finish(node);
    }

    private target(feature: Element): Node {
        const e = this.elements.target;
        const node = this.open(feature, 'Target');
        node.value = this.value(Kind.NUMBER, e.value);
        if (this.peek() === Kind.Percent) {
            this.keyword(Kind.Percent, e.percent);
            node.percent = true;
        }
        return this.finish(node);
    }

    private project(feature: Element): Node {
        const e = this.elements.project;
        const node = this.open(feature, 'Project');
        this.keyword(Kind.Project, e.project);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        this.keyword(Kind.Open, e.open);
        for (;;) {
            const kind = this.peek();
            if (kind === Kind.Supports) this.add(node, 'supports', this.referenceList(e.supports, 'Supports', this.elements.supports, 'initiatives'));
            else if (kind === Kind.Involves) this.add(node, 'involves', this.referenceList(e.involves, 'Involves', this.elements.involves, 'members'));
            else if (this.elements.traitKinds.has(kind)) this.add(node, 'traits', this.trait(e.traits));
            else if (kind === Kind.Uses) this.add(node, 'uses', this.referenceList(e.uses, 'Uses', this.elements.uses, 'channels'));
            else if (kind === Kind.Metric) this.add(node, 'metrics', this.metric(e.metrics));
            else break;
        }
        compactLists(node, ...PROJECT_LISTS);
        this.keyword(Kind.Close, e.close);
        return this.finish(node);
    }

    private trait(feature: Element): Node {
        const e = this.elements.trait;
        const node = this.open(feature, 'Trait');
        node.kind = this.keywordValue(e.kind, this.elements.traitKinds);
        if (this.elements.levels.has(this.peek())) node.level = this.keywordValue(e.level, this.elements.levels);
        return this.finish(node);
    }

    private story(feature: Element): Node {
        const e = this.elements.story;
        const node = this.open(feature, 'Story');
        this.keyword(Kind.Story, e.story);
        node.name = this.value(Kind.ID, e.name);
        node.title = this.value(Kind.STRING, e.title);
        this.keyword(Kind.From, e.from);
        node.project = this.reference(node, 'project', e.project);
        if (this.peek() === Kind.Audience) {
            this.keyword(Kind.Audience, e.audience);
            const audience: unknown[] = node.audience = [this.reference(node, 'audience', e.audienceFirst, 0)];
            while (this.peek() === Kind.Comma) {
                this.keyword(Kind.Comma, e.comma);
                audience.push(this.reference(node, 'audience', e.audienceNext, audience.length));
            }
            compactLists(node, 'audience');
        }
        return this.finish(node);
    }

    /** `keyword property+=[Type:ID] (',' property+=[Type:ID])*` (Launch, Supports, Involves, Uses). */
    private referenceList(feature: Element, type: string, e: ReferenceList, property: string): Node {
        const node = this.open(feature, type);
        this.keyword(this.kindOf(e.keyword), e.keyword);
        const references: unknown[] = node[property] = [this.reference(node, property, e.first, 0)];
        while (this.peek() === Kind.Comma) {
            this.keyword(Kind.Comma, e.comma);
            references.push(this.reference(node, property, e.next, references.length));
        }
        compactLists(node, property);
        return this.finish(node);
    }

    // --- the steps of Langium's parser -------------------------------------------------------

    private kindOf(keyword: GrammarAST.Keyword): Kind {
        return KEYWORD_KINDS.get(keyword.value)!;
    }

    private peek(): Kind {
        return this.index < this.tokens.count ? this.tokens.kinds[this.index] : Kind.End;
    }

    /** `subrule`: a composite node for the rule call, and the rule's new node. */
    private open(feature: Element, type: string): Node {
        this.builder.buildCompositeNode(feature);
        const node = newNode(type);
        this.nodes.push(node as unknown as AstNode);
        this.lastAdded[++this.depth] = undefined;
        return node;
    }

    /** `construct`: the node gets its composite node, then the defaults of the properties it lacks. */
    private finish(node: Node): Node {
        this.depth--;
        this.builder.construct(node as unknown as Constructed);
        for (const [name, value] of this.parser.defaultsOf(node.$type)) {
            if (node[name] === undefined) node[name] = copyDefaultValue(value);
        }
        return node;
    }

    /** `assign` with `+=` of a node made by a subrule: links its composite node to it, adds it to the list. */
    private add(node: Node, property: string, child: Node): void {
        linkCstNode(child);
        const list = node[property];
        let index = 0;
        if (Array.isArray(list)) {
            index = list.length;
            list.push(child);
            // Another list of this node grew since this one did: the lists interleave in the text.
            if (this.lastAdded[this.depth] !== property) this.inTreeOrder = false;
        } else {
            node[property] = [child];
        }
        this.lastAdded[this.depth] = property;
        linkToContainer(child, node, property, index);
    }

    /**
     * `consume`: the comments before the token, then the token's leaf in the current composite
     * node: a leaf not made yet (a number, adopt-cst-nodes.ts) in an AdoptCompositeCstNode, a
     * leaf in the root. Returns the token's index.
     */
    private leaf(kind: Kind, feature: Element): number {
        const index = this.index;
        const tokens = this.tokens;
        if (index >= tokens.count || tokens.kinds[index] !== kind) throw GIVE_UP;
        const start = tokens.starts[index];
        if (this.hiddenIndex < tokens.hiddenStarts.length && tokens.hiddenStarts[this.hiddenIndex] <= start) {
            this.builder.addHiddenNodes(this.hiddenTokensBefore(start));
        }
        const parent = this.builder.current as CompositeCstNode;
        if (parent instanceof AdoptCompositeCstNode) {
            parent.appendLeaf(leafCode(start, this.parser.featureIndex(feature)));
        } else {
            const leaf = new AdoptLeafCstNode(start, tokens.ends[index] - start, this.parser.tokenTypes[kind], false);
            leaf.grammarSource = feature;
            leaf.container = parent;
            (parent.content as CstNode[]).push(leaf);
        }
        this.index = index + 1;
        return index;
    }

    private keyword(kind: Kind, feature: Element): void {
        this.leaf(kind, feature);
    }

    /** A token assigned to a property: its value from the value converter. */
    private value(kind: Kind, feature: Element): unknown {
        return this.converted(this.leaf(kind, feature), feature);
    }

    /**
     * The value converter's value of a token: the converter reads the grammar element of the node
     * it is given (AdoptValueConverter), so it gets a stand-in with that element, not a leaf.
     */
    private converted(token: number, feature: Element): unknown {
        const image = this.text.substring(this.tokens.starts[token], this.tokens.ends[token]);
        this.converterNode.grammarSource = feature;
        return this.parser.converter.convert(image, this.converterNode as unknown as CstNode);
    }

    /** A cross-reference: the linker's reference with the token's converted text; listed with its place (`index` in a list). */
    private reference(node: Node, property: string, feature: Element, index?: number): Reference {
        const text = this.shared(this.converted(this.leaf(Kind.ID, feature), feature) as string);
        const container = node as unknown as AstNode;
        const home = this.builder.current as CompositeCstNode;
        const linker = this.parser.linker;
        // The reference's token is in the composite node of its container (`node`, being built).
        const reference = home instanceof AdoptCompositeCstNode && linker instanceof AdoptLinker
            ? linker.buildReferenceAt(container, property, home.children.length - 1, text)
            : linker.buildReference(container, property, home.content[home.content.length - 1], text);
        this.references.push(index === undefined ? { reference, container, property } : { reference, container, property, index });
        return reference;
    }

    /**
     * A call of a datatype rule of keywords (Role, TraitKind, Level): its composite node with its
     * keyword's leaf, the converted text. In an AdoptCompositeCstNode, with no comment before the
     * keyword, the two are one number (adopt-cst-nodes.ts) and made when asked for.
     */
    private keywordValue(feature: Element, keywords: KeywordList): string {
        const kind = this.peek();
        const keyword = keywords.get(kind);
        if (!keyword) throw GIVE_UP;
        const parent = this.builder.current as CompositeCstNode;
        const start = this.tokens.starts[this.index];
        const commentBefore = this.hiddenIndex < this.tokens.hiddenStarts.length && this.tokens.hiddenStarts[this.hiddenIndex] <= start;
        if (parent instanceof AdoptCompositeCstNode && !commentBefore) {
            parent.appendLeaf(leafCode(start, this.parser.keywordRuleIndex(feature, keywords)));
            this.index++;
        } else {
            this.builder.buildCompositeNode(feature);
            this.leaf(kind, keyword);
            this.builder.construct(this.datatype);
        }
        this.converterNode.grammarSource = feature;
        return this.parser.converter.convert(keyword.value, this.converterNode as unknown as CstNode) as string;
    }

    /**
     * One string per distinct name referred to: a plan of 10,000 projects refers to its few
     * hundred members 40,000 times, and each `$refText` would otherwise be a string of its own.
     */
    private shared(name: string): string {
        const known = this.names.get(name);
        if (known !== undefined) return known;
        this.names.set(name, name);
        return name;
    }

    /** The comments not placed yet that start at or before an offset, as Chevrotain tokens (what the node builder reads). */
    private hiddenTokensBefore(offset: number): IToken[] {
        const { hiddenStarts, hiddenEnds, hiddenKinds } = this.tokens;
        const found: IToken[] = [];
        while (this.hiddenIndex < hiddenStarts.length && hiddenStarts[this.hiddenIndex] <= offset) {
            const start = hiddenStarts[this.hiddenIndex];
            const end = hiddenEnds[this.hiddenIndex];
            found.push({
                image: this.text.substring(start, end), startOffset: start, endOffset: end - 1,
                tokenType: this.parser.tokenTypes[hiddenKinds[this.hiddenIndex]]
            } as IToken);
            this.hiddenIndex++;
        }
        return found;
    }
}
