/**
 * Syntax errors in words a planner understands (docs/diagnostics.md, syntax-error: the message says what was
 * expected), instead of the parser's token names.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST } from 'langium';
import { AdoptGrammar } from '../generated/grammar.js';
import { NAME_FORM } from '../model/grammar-words.js';
import { DATE_EXAMPLE, DATE_FORMAT } from '../model/plan-dates.js';
import { attributeOrder, blockParts } from './grammar-order.js';

const TERMINAL_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a title in double quotes',
    NUMBER: 'a number',
    DATE: `a date (${DATE_FORMAT}, for example ${DATE_EXAMPLE})`,
    EOF: 'the end of the file'
};

const RULE_WORDS: Record<string, string> = {
    Name: 'a name',
    Status: 'a status (todo, doing, done or blocked)',
    Role: 'a role (executive, middle-manager, operational-manager, early-adopter, staff or naysayer)',
    TraitKind: 'a trait (asynchrony, geography or crowdsourcing)',
    Level: 'a level (low, medium or high)'
};

/** How a token type reads in a message: `'plan'`, `a name`, `a title in double quotes`. */
export function describeTokenType(type: TokenType): string {
    return TERMINAL_WORDS[type.name] ?? `'${type.name}'`;
}

/** How the token actually found reads in a message. */
export function describeFound(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') {
        return 'the end of the file';
    }
    const image = token.image.length > 30 ? token.image.slice(0, 30) + '…' : token.image;
    const kind = token.tokenType?.name;
    if (kind === 'ID') return `the name '${image}'`;
    if (kind === 'STRING') return `the title ${image}`;
    if (kind === 'NUMBER') return `the number ${image}`;
    if (kind === 'DATE') return `the date ${image}`;
    return `'${image}'`;
}

/** Keyword token types are named after their keyword (`low`, `middle-manager`); terminals are upper case. */
function isKeyword(token: IToken): boolean {
    return /^[a-z][a-z-]*$/.test(token.tokenType?.name ?? '');
}

function joinAlternatives(words: string[]): string {
    const distinct = [...new Set(words)];
    if (distinct.length <= 1) return distinct[0] ?? 'something else';
    if (distinct.length > 8) return `${distinct.slice(0, 8).join(', ')}, …`;
    return `${distinct.slice(0, -1).join(', ')} or ${distinct[distinct.length - 1]}`;
}

let keywords: ReadonlySet<string> | undefined;

/** Every keyword of the grammar (`plan`, `middle-manager`, `low`, …). */
export function languageKeywords(): ReadonlySet<string> {
    keywords ??= new Set(AstUtils.streamAllContents(AdoptGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value)
        .filter(value => /^[a-z]/.test(value)));
    return keywords;
}

/** What likely went wrong, as a sentence to append: a missing brace, a capitalised keyword, a missing comma. */
function hint(actual: IToken, previous?: IToken): string {
    if (describeFound(actual) === 'the end of the file') return ' The file ends here: finish the declaration, and close every { with }.';
    if (actual.tokenType?.name === 'ID') {
        const lower = actual.image.toLowerCase();
        if (lower !== actual.image && languageKeywords().has(lower)) return ` Keywords are written in lower case: ${lower}.`;
        if (previous?.tokenType?.name === 'ID') return ' Separate the names of a list with commas: a, b.';
    }
    return '';
}

/** A keyword where a name stands that no name can be (`middle-manager`: every keyword that is an identifier is a name). */
function keywordAsNameMessage(actual: IToken): string {
    return `Expected a name here, but found the keyword '${actual.image}'. ${NAME_FORM}`;
}

/**
 * A word that belongs to a construct but stands out of the order its grammar rule gives, as in
 * `action a "A" done owner ana` or `stage s "S" to 2027-06-30 from 2027-01-10 {`: a message that
 * says the order. In a rule's header only that rule is asked; where a block's statement or closing
 * brace was expected, the constructs that may stand in the block (whose last one ended just
 * before), then the block's own rule.
 */
function attributeOutOfOrder(word: string, ruleName: string, inBlock: boolean): string | undefined {
    const grammar = AdoptGrammar();
    const order = attributeOrder(grammar, ruleName, word, inBlock);
    if (!order) return undefined;
    return `'${word}' is out of order here. After ${order.construct}'s name and title come, in this order${order.eachOptional ? ' (each may be left out)' : ''}: ${order.text}.`;
}

/** Langium marks rule names with an invisible character; keep only the name. */
function cleanRuleName(ruleName: string): string {
    return ruleName.replace(/[^\w]/g, '');
}

export class AdoptSyntaxMessages implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const ruleName = cleanRuleName(options.ruleName);
        const outOfOrder = isKeyword(actual) ? attributeOutOfOrder(actual.image, ruleName, expected.name === '}') : undefined;
        if (outOfOrder) return outOfOrder;
        const parts = expected.name === '}' ? blockParts(AdoptGrammar(), ruleName) : undefined;
        if (parts) {
            return `Expected ${parts} here, but found ${describeFound(actual)}.${hint(actual, previous)}`;
        }
        if (ruleName === 'Plan' && expected.name === 'plan') {
            return describeFound(actual) === 'the end of the file'
                ? 'Expected a plan, but this file has none. Start it with: plan Name "Title" { }'
                : `Expected a plan here, but found ${describeFound(actual)}. A file starts with: plan Name "Title" { }`;
        }
        if (expected.name === 'ID' && isKeyword(actual)) return keywordAsNameMessage(actual);
        const wanted = RULE_WORDS[ruleName] ?? describeTokenType(expected);
        return `Expected ${wanted} here, but found ${describeFound(actual)}.${hint(actual, previous)}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Unexpected '${options.firstRedundant.image.slice(0, 30)}' after the end of the plan. A file holds one plan: move this inside the plan's braces or remove it.`;
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const actual = options.actual[0];
        if (cleanRuleName(options.ruleName) === 'Name' && actual && isKeyword(actual)) return keywordAsNameMessage(actual);
        const wanted = RULE_WORDS[cleanRuleName(options.ruleName)]
            ?? joinAlternatives(options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean).map(describeTokenType));
        return `Expected ${wanted} here, but found ${actual ? describeFound(actual) : 'the end of the file'}.${actual ? hint(actual, options.previous) : ''}`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const actual = options.actual[0];
        const wanted = joinAlternatives(options.expectedIterationPaths.map(path => path[0]).filter(Boolean).map(describeTokenType));
        return `Expected at least one ${wanted} here, but found ${actual ? describeFound(actual) : 'the end of the file'}.`;
    }
}
