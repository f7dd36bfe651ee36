/**
 * What the fast build reads from the grammar (src/language/fast-build/grammar-analysis.ts): the
 * declarations an edit re-parses alone, the choices one token decides, and the grammars it does
 * not take. A grammar outside the fast parser's subset gets a reason, never a parser that could
 * build other trees than Langium's: each case here is a small grammar built at run time
 * (langium/grammar's createServicesForGrammar), checked for the reason and for Langium still
 * parsing every text.
 */
import { describe, expect, test } from 'vitest';
import type { TokenType } from 'chevrotain';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { FastLexer } from '../../../src/language/fast-build/fast-lexer.js';
import { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { GrammarAnalysis } from '../../../src/language/fast-build/grammar-analysis.js';
import { FastParser } from '../../../src/language/fast-build/fast-parser.js';
import { servicesForGrammar } from './grammar-services.js';

const { Adopt } = createAdoptServices();

/** A tiny language: a `doc` of `item` statements, with the rules given. */
function grammar(rules: string): string {
    return `grammar Tiny
entry Doc: 'doc' name=ID '{' items+=Item* '}';
${rules}
hidden terminal WS: /\\s+/;
terminal ID: /[_a-zA-Z][\\w]*/;
terminal NUMBER returns number: /[0-9]+/;
terminal STRING: /"[^"]*"/;
hidden terminal SL_COMMENT: /\\/\\/[^\\n\\r]*/;
`;
}

async function reasonFor(rules: string): Promise<string | FastParser> {
    return FastParser.create(await servicesForGrammar(grammar(rules), true));
}

describe('the grammar analysis of the Adopt grammar', () => {
    const analysis = GrammarAnalysis.of(Adopt.Grammar, FastLexer.create(Adopt.parser.Lexer.definition as Record<string, TokenType>) as FastLexer);

    test('takes the grammar: the fast path is on', () => {
        expect(analysis).toBeInstanceOf(GrammarAnalysis);
        expect((Adopt.parser.LangiumParser as FastBuildParser).fastParserOff).toBeUndefined();
    });

    test('finds every keyword-led declaration gathered into a list, wherever it is gathered', () => {
        const units = (analysis as GrammarAnalysis).units.map(unit => `${unit.containerType}.${unit.property}:${unit.rule.name}`).sort();
        // A metric is gathered by goals and by projects, an action by stages and by projects: a unit in each.
        expect(units).toContain('Goal.metrics:Metric');
        expect(units).toContain('Project.metrics:Metric');
        expect(units).toContain('Stage.actions:Action');
        expect(units).toContain('Project.actions:Action');
        expect(units).toContain('Coalition.members:Member');
        expect(units).toContain('Plan.stages:Stage');
        // A trait starts with no keyword of its own (its kind is a word of a data type rule): never alone.
        expect(units.some(unit => unit.endsWith(':Trait'))).toBe(false);
        // The plan itself is the whole text.
        expect(units.some(unit => unit.endsWith(':Plan'))).toBe(false);
    });
});

describe('grammars the fast parser does not take get a reason', () => {
    test.each([
        ['an action', "Item: {Item} 'item' name=ID;", 'an action in rule Item'],
        ['an unordered group', "Item: 'item' (a?='a' & b?='b');", 'an unordered group in rule Item'],
        ['two alternatives starting with the same token', "Item: 'item' (a=ID | b=ID);", "two alternatives can start with 'ID' in rule Item"],
        ['an optional part that its follower can also start', "Item: 'item' (x=ID)? y=ID;", "'ID' can start an optional part and also follow it in rule Item"],
        ['a repeated part that its follower can also start', "Item: 'item' (xs+=ID)* 'end' | 'other' (ys+=ID)* ys+=ID;", "'ID' can start an optional part and also follow it in rule Item"],
        ['an unassigned call of a parser rule', "Item: 'item' Other; Other: name=ID;", 'an unassigned call of rule Other in rule Item'],
        ['rule parameters', "Item<p>: 'item' name=ID;", 'rule Item has parameters'],
        ['a rule that can match nothing', "Item: 'item' e=Empty; Empty: (x=ID)?;", 'rule Empty can match nothing']
    ])('%s', async (_name, rules, reason) => {
        const parser = await reasonFor(rules);
        expect(parser).toBe(reason);
    });

    test('the fast path is off for such a grammar, and Langium parses every text as it would without the fast build', async () => {
        const rules = "Item: {Item} 'item' name=ID;";
        const fastBuild = await servicesForGrammar(grammar(rules), true);
        const plain = await servicesForGrammar(grammar(rules), false);
        const parser = fastBuild.parser.LangiumParser as FastBuildParser;
        expect(parser.fastParserOff).toBe('an action in rule Item');
        for (const text of ['doc d { item a item b }', 'doc d { item }', '']) {
            const ours = parser.parse(text);
            const theirs = plain.parser.LangiumParser.parse(text);
            expect(ours.parserErrors.map(error => error.message)).toEqual(theirs.parserErrors.map(error => error.message));
            expect(ours.value.$type).toBe(theirs.value.$type);
        }
        expect(parser.counts.fast).toBe(0);
    });

    test('a grammar within the subset is taken, fragments and data type rules of one token included', async () => {
        const parser = await reasonFor(`Item: 'item' Named level=Level? ref=[Item:Name]?;
fragment Named: name=Name ('title' title=STRING)?;
Name returns string: ID | 'level';
Level returns string: 'low' | 'high';`);
        expect(parser).toBeInstanceOf(FastParser);
    });
});
