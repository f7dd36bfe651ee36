/**
 * The words of the language, read from Langium's grammar object (src/language/adopt.langium), never
 * from a hand-written list: the keywords, the pattern of an identifier (the `ID` terminal) and the
 * words a name may be (the `Name` rule: an identifier, including every keyword that is one). Rename
 * uses them to refuse a new name that would not parse as a name.
 */
import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';

/** Every keyword of the grammar (`plan`, `staff`, `middle-manager`, `{`, ...). */
export function grammarKeywords(grammar: Grammar): ReadonlySet<string> {
    return new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
}

/** The pattern of the terminal that names are made of (`ID`), anchored to match a whole name. */
export function namePattern(grammar: Grammar): RegExp {
    const id = grammar.rules.find((rule): rule is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID');
    if (!id) throw new Error('The grammar has no ID terminal');
    const source = GrammarUtils.terminalRegex(id).source;
    return new RegExp(`^(?:${source})$`);
}

/** The keywords the `Name` rule takes as names (`medium`, `staff`, `plan`: every keyword that is an identifier). */
export function nameKeywords(grammar: Grammar): ReadonlySet<string> {
    const rule = grammar.rules.find((candidate): candidate is GrammarAST.ParserRule => GrammarAST.isParserRule(candidate) && candidate.name === 'Name');
    if (!rule) throw new Error('The grammar has no Name rule');
    return new Set(AstUtils.streamAst(rule.definition).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
}

/** What a name is made of, as a sentence for messages. */
export const NAME_FORM = 'A name starts with a letter or _, followed by letters, digits or _ (no spaces, dashes or accents).';

export type NameCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Tells whether `name` may stand as a name in a plan: an identifier (a word of the language is one). */
export class NameRules {
    private readonly keywords: ReadonlySet<string>;
    private readonly names: ReadonlySet<string>;
    private readonly pattern: RegExp;

    constructor(grammar: Grammar) {
        this.keywords = grammarKeywords(grammar);
        this.names = nameKeywords(grammar);
        this.pattern = namePattern(grammar);
    }

    isKeyword(word: string): boolean {
        return this.keywords.has(word);
    }

    check(name: string): NameCheck {
        if (!this.pattern.test(name)) {
            const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
            return { ok: false, problem: `'${shown}' is not a name. ${NAME_FORM}` };
        }
        if (this.keywords.has(name) && !this.names.has(name)) {
            return { ok: false, problem: `'${name}' is a word of the Adopt language that cannot be a name. Choose another name.` };
        }
        return { ok: true };
    }
}
