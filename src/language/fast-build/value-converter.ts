/**
 * Langium's value converter, with what it computes per token computed once per grammar element.
 * A plan of 10,000 projects converts about 150,000 values (names, titles, references, trait kinds
 * and levels); Langium's `DefaultValueConverter` checks the grammar element's type and upper-cases
 * the rule's name (and for datatype rules walks the rule to find its type) for every one of them,
 * and builds each string value a character at a time. The values are the same.
 */
import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';
import { elementLeaf } from './lazy-cst.js';

/** What `DefaultValueConverter.runConverter` does with a rule's values. */
type Conversion = 'INT' | 'STRING' | 'ID' | 'number' | 'boolean' | 'bigint' | 'date' | 'none';

const BACKSLASH = 92;

export class FastValueConverter extends DefaultValueConverter {
    /** The rule whose converter applies to a grammar element (null: none, the text is the value). */
    private readonly ruleOfFeature = new WeakMap<object, GrammarAST.AbstractRule | null>();
    private readonly conversionOfRule = new WeakMap<GrammarAST.AbstractRule, Conversion>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const feature = cstNode.grammarSource;
        if (!feature) return super.convert(input, cstNode);
        let rule = this.ruleOfFeature.get(feature);
        if (rule === undefined) {
            const terminal = GrammarAST.isCrossReference(feature) ? GrammarUtils.getCrossReferenceTerminal(feature) : feature;
            // A rule call without its rule: Langium's own code throws, as it always did.
            if (GrammarAST.isRuleCall(terminal) && !terminal.rule.ref) return super.convert(input, cstNode);
            rule = GrammarAST.isRuleCall(terminal) ? terminal.rule.ref! : null;
            this.ruleOfFeature.set(feature, rule);
        }
        return rule ? this.runConverter(rule, input, cstNode) : input;
    }

    /**
     * What `convert` does with the text of a token of one grammar element, as a function made once
     * (the parser calls it for each token of the element). The same values as `convert`.
     */
    converterFor(feature: GrammarAST.AbstractElement): (input: string) => ValueType {
        const terminal = GrammarAST.isCrossReference(feature) ? GrammarUtils.getCrossReferenceTerminal(feature) : feature;
        if (GrammarAST.isRuleCall(terminal) && !terminal.rule.ref) {
            const node = elementLeaf(feature);
            return input => this.convert(input, node);
        }
        const rule = GrammarAST.isRuleCall(terminal) ? terminal.rule.ref! : null;
        if (!rule) return input => input;
        switch (this.conversionOf(rule)) {
            case 'INT': return ValueConverter.convertInt;
            case 'STRING': return convertString;
            case 'ID': return ValueConverter.convertID;
            case 'number': return ValueConverter.convertNumber;
            case 'boolean': return ValueConverter.convertBoolean;
            case 'bigint': return ValueConverter.convertBigint;
            case 'date': return ValueConverter.convertDate;
            default: return input => input;
        }
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        switch (this.conversionOf(rule)) {
            case 'INT': return ValueConverter.convertInt(input);
            case 'STRING': return convertString(input);
            case 'ID': return ValueConverter.convertID(input);
            case 'number': return ValueConverter.convertNumber(input);
            case 'boolean': return ValueConverter.convertBoolean(input);
            case 'bigint': return ValueConverter.convertBigint(input);
            case 'date': return ValueConverter.convertDate(input);
            default: return input;
        }
    }

    /** The case of `DefaultValueConverter.runConverter` that applies to a rule, looked up once. */
    private conversionOf(rule: GrammarAST.AbstractRule): Conversion {
        let conversion = this.conversionOfRule.get(rule);
        if (conversion === undefined) {
            const name = rule.name.toUpperCase();
            if (name === 'INT' || name === 'STRING' || name === 'ID') {
                conversion = name;
            } else {
                const type = GrammarUtils.getRuleType(rule)?.toLowerCase();
                conversion = type === 'number' || type === 'boolean' || type === 'bigint' || type === 'date' ? type : 'none';
            }
            this.conversionOfRule.set(rule, conversion);
        }
        return conversion;
    }
}

/** `ValueConverter.convertString`: the text between the quotes, one slice when it has no escapes. */
export function convertString(input: string): string {
    for (let i = 1; i < input.length - 1; i++) {
        if (input.charCodeAt(i) === BACKSLASH) return ValueConverter.convertString(input);
    }
    return input.length < 2 ? '' : input.substring(1, input.length - 1);
}
