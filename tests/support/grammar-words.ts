/**
 * What the grammar says may stand in a block, read from Langium's grammar object, for tests that
 * check messages listing it: a statement or kind added to the grammar changes the expectation
 * with it.
 */
import { AstUtils, GrammarAST, type Grammar } from 'langium';

/** The keywords an element can start with (`kind=TraitKind`: asynchrony, geography, crowdsourcing). */
export function firstWords(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAssignment(element)) return firstWords(element.terminal);
    if (GrammarAST.isRuleCall(element)) return GrammarAST.isParserRule(element.rule.ref) ? firstWords(element.rule.ref.definition) : [];
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(firstWords);
    if (GrammarAST.isGroup(element)) return element.elements.length > 0 ? firstWords(element.elements[0]) : [];
    return [];
}

/** For each statement that may stand in a rule's `{ }` block, in the grammar's order: the keywords it starts with. */
export function blockStatements(grammar: Grammar, ruleName: string): string[][] {
    const rule = grammar.rules.find((candidate): candidate is GrammarAST.ParserRule => GrammarAST.isParserRule(candidate) && candidate.name === ruleName);
    const open = rule && AstUtils.streamAst(rule.definition).find(element => GrammarAST.isKeyword(element) && element.value === '{');
    if (!open || !GrammarAST.isGroup(open.$container)) throw new Error(`no rule ${ruleName} with a block`);
    const elements = open.$container.elements;
    const inBlock = elements.slice(elements.indexOf(open as GrammarAST.AbstractElement) + 1).filter(element => !(GrammarAST.isKeyword(element) && element.value === '}'));
    return inBlock.flatMap(element => (GrammarAST.isAlternatives(element) ? element.elements : [element])).map(firstWords);
}
