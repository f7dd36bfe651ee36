// Keeps the `Name` rule of src/language/adopt.langium what the language says a name is: an
// identifier (the ID terminal), including every keyword of the grammar that is one (`medium`,
// `staff`, `on`, `plan`), so that a word of the language can name a declaration and be referred
// to. The keywords are read from the grammar itself with Langium's grammar parser; the rule is
// rewritten in place when they changed (a keyword added or removed elsewhere in the grammar), so
// that a new keyword is a name without a hand edit.
// Usage: node scripts/name-words.mjs [--check]  (`npm run build` and `npm run langium:generate`
// run it before `langium generate`; with --check it only says whether the rule is up to date and
// exits with 1 if not).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import { GRAMMAR_PATH, parseGrammar } from './textmate-grammar.mjs';

/** The rule whose alternatives are the identifier and the keywords that are identifiers. */
export const NAME_RULE = 'Name';

/** The keywords of the grammar, outside the Name rule, that the ID terminal matches as a whole: sorted. */
export function nameKeywords(grammar) {
    const id = grammar.rules.find(rule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID');
    if (!id) throw new Error('The grammar has no ID terminal.');
    const pattern = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`);
    const keywords = grammar.rules.filter(rule => rule.name !== NAME_RULE)
        .flatMap(rule => AstUtils.streamAst(rule).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray());
    return [...new Set(keywords)].filter(keyword => pattern.test(keyword)).sort();
}

/** The text of the Name rule for these keywords, wrapped before 100 characters. */
export function nameRuleText(keywords) {
    const lines = [];
    let line = '    ID';
    for (const keyword of keywords) {
        const part = ` | '${keyword}'`;
        if (line.length + part.length > 98) {
            lines.push(line);
            line = `   ${part}`;
        } else {
            line += part;
        }
    }
    lines.push(`${line};`);
    return `${NAME_RULE} returns string:\n${lines.join('\n')}`;
}

/** The grammar's text with its Name rule up to date (the same text if it was). */
export function withNameRule(text, grammar) {
    const rule = grammar.rules.find(candidate => GrammarAST.isParserRule(candidate) && candidate.name === NAME_RULE);
    if (!rule?.$cstNode) throw new Error(`The grammar has no ${NAME_RULE} rule.`);
    const { offset, end } = rule.$cstNode;
    return text.slice(0, offset) + nameRuleText(nameKeywords(grammar)) + text.slice(end);
}

/** Rewrites the Name rule of a grammar file if its keywords changed; whether it was up to date. */
export function syncNameRule({ check = false, grammarPath = GRAMMAR_PATH } = {}) {
    const { text, grammar } = parseGrammar(grammarPath);
    const updated = withNameRule(text, grammar);
    if (updated === text) return true;
    if (!check) writeFileSync(grammarPath, updated);
    return false;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const check = process.argv.includes('--check');
    const upToDate = syncNameRule({ check });
    if (check && !upToDate) {
        console.error(`The ${NAME_RULE} rule of src/language/adopt.langium lacks keywords of the grammar (or lists old ones): run npm run build.`);
        process.exit(1);
    }
    if (!check && !upToDate) console.log(`Updated the ${NAME_RULE} rule of src/language/adopt.langium with the keywords of the grammar.`);
}
