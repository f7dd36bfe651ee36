/**
 * Syntax errors as the fast build's parser finds them while it recovers (src/language/fast-build/
 * fast-parser.ts), told in words a planner understands. The parser describes each problem by the
 * grammar (what was expected, what was found, in which rule; parse-errors.ts);
 * `AdoptSyntaxProblemWords` turns it into a sentence that names what fits: the words of a rule
 * (`a level: low, medium or high`), the order of a declaration's parts, the missing title where
 * it is missing, a keyword the word was probably meant to be.
 */
import type { Expectation, FoundToken, SyntaxProblem, SyntaxProblemWords, Within } from './parse-errors.js';
import { AdoptGrammar } from '../generated/grammar.js';
import { NAME_FORM } from '../model/grammar-words.js';
import { DATE_EXAMPLE, DATE_FORMAT } from '../model/plan-dates.js';
import { attributeOrder } from './grammar-order.js';

const TERMINAL_WORDS: Readonly<Record<string, string>> = {
    ID: 'a name',
    STRING: 'a title in double quotes',
    NUMBER: 'a number',
    DATE: `a date (${DATE_FORMAT}, for example ${DATE_EXAMPLE})`
};

/** How a rule called somewhere reads, when its keywords do not say it. */
const RULE_WORDS: Readonly<Record<string, string>> = {
    Name: 'a name',
    Target: 'a number (500, 12.5 or 60%)',
    Platform: 'a platform (youtube, facebook, …)'
};

/** The kinds of words of the rules written with keywords only. */
const RULE_KINDS: Readonly<Record<string, string>> = {
    Role: 'a role',
    TraitKind: 'a trait',
    Level: 'a level',
    Status: 'a status'
};

/** What a declaration is called in a message: `a member`, `an action`. */
function declaration(type: string): string {
    // The entry rule's node is the file itself (its `use` lines and its plan or shared block).
    if (type === 'AdoptFile') return 'a file';
    const word = type.replace(/[A-Z]/g, (letter, at: number) => (at > 0 ? ' ' : '') + letter.toLowerCase());
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function within(where: Within | undefined): string {
    if (!where) return '';
    const the = declaration(where.type).replace(/^an? /, 'the ');
    return where.name ? ` in ${the} '${where.name}'` : ` in ${the}`;
}

function listed(words: readonly string[], conjunction = 'or'): string {
    const distinct = [...new Set(words)];
    if (distinct.length <= 1) return distinct[0] ?? 'something else';
    if (distinct.length > 12) return `${distinct.slice(0, 12).join(', ')}, …`;
    const last = distinct[distinct.length - 1];
    // An order reads `role, unit, then trained`; a choice `low, medium or high`.
    return conjunction === 'then' ? `${distinct.slice(0, -1).join(', ')}, then ${last}` : `${distinct.slice(0, -1).join(', ')} ${conjunction} ${last}`;
}

export function expectationWords(expected: Expectation): string {
    if ('keyword' in expected) return `'${expected.keyword}'`;
    if ('terminal' in expected) return TERMINAL_WORDS[expected.terminal] ?? expected.terminal;
    if (expected.keywords && expected.keywords.length > 0) {
        const kind = RULE_KINDS[expected.rule] ?? `one of ${expected.rule}`;
        return `${kind} (${listed(expected.keywords)})`;
    }
    return RULE_WORDS[expected.rule] ?? `${declaration(expected.rule)}`;
}

/** A part of a declaration as its order lists it: `role`, `unit "…"`, the status (todo, …). */
function partWords(expected: Expectation): string {
    if ('keyword' in expected) return expected.keyword;
    return expectationWords(expected);
}

export function foundWords(found: FoundToken): string {
    if (found.end) return 'the end of the file';
    const image = found.image.length > 30 ? `${found.image.slice(0, 30)}…` : found.image;
    if (found.terminal === 'ID') return `the name '${image}'`;
    if (found.terminal === 'STRING') return `the title ${image}`;
    if (found.terminal === 'NUMBER') return /^[\d.]+$/.test(image) ? `the number ${image}` : `'${image}'`;
    if (found.terminal === 'DATE') return `the date ${image}`;
    if (found.terminal) return `'${image}'`;
    return /^[a-z]/i.test(image) && !/[^\w-]/.test(image) ? `the keyword '${image}'` : `'${image}'`;
}

export class AdoptSyntaxProblemWords implements SyntaxProblemWords {
    messageFor(problem: SyntaxProblem): string {
        switch (problem.kind) {
            case 'expected': {
                const expected = problem.expected;
                const wantsName = expected.some(e => ('terminal' in e && e.terminal === 'ID') || ('rule' in e && e.rule === 'Name'));
                if (wantsName && !problem.found.terminal && !problem.found.end && /^[a-z]/i.test(problem.found.image)) {
                    return keywordAsName(problem.found, problem.within);
                }
                return `Expected ${listed(expected.map(expectationWords))} here${within(problem.within)}, but found ${foundWords(problem.found)}.`;
            }
            case 'missing': {
                const what = expectationWords(problem.expected);
                if (problem.found.end) return `Expected ${what}${within(problem.within)}, but the file ends here. Add it, and close every { with }.`;
                const place = problem.after ? `after ${foundWords(problem.after)}` : `before ${foundWords(problem.found)}`;
                const list = 'keyword' in problem.expected && problem.expected.keyword === ',' ? ' Separate the names of a list with commas: a, b.' : '';
                return `${capitalised(what)} is missing${within(problem.within)}: add it ${place}.${list}`;
            }
            case 'unexpected': {
                const fits = problem.expected.length > 0 ? ` What may stand here: ${listed(problem.expected.map(expectationWords))}.` : '';
                return `${capitalised(foundWords(problem.found))} does not fit here${within(problem.within)}.${fits}${problem.skipped > 1 ? ` The ${problem.skipped} tokens from here are left out until the text fits again.` : ''}`;
            }
            case 'misspelled': {
                const among = problem.among && 'rule' in problem.among && problem.among.keywords && problem.among.keywords.length > 1
                    ? ` ${capitalised(expectationWords(problem.among)).replace(/ \((.*)\)$/, ' is $1')}.` : '';
                if (problem.found.image.toLowerCase() === problem.keyword) {
                    return `Keywords are written in lower case: ${problem.keyword}, not ${problem.found.image}${within(problem.within)}. The plan is read as if it were '${problem.keyword}'.`;
                }
                return `Unknown word '${problem.found.image}'${within(problem.within)}: did you mean '${problem.keyword}'?${among} The plan is read as if it were '${problem.keyword}'.`;
            }
            case 'order': {
                // The grammar's words for the parts (`owner MEMBER, then due DATE, …`: grammar-order.ts), else the parser's.
                const order = attributeOrder(AdoptGrammar(), problem.within.type, problem.found.image, false);
                if (order) {
                    return `'${problem.found.image}' is out of order here${within(problem.within)}. After ${order.construct}'s name and title come, in this order${order.eachOptional ? ' (each may be left out)' : ''}: ${order.text}.`;
                }
                return `The parts of ${declaration(problem.within.type)} come in this order: ${listed(problem.order.map(partWords), 'then')}. Move ${foundWords(problem.found)} to its place${within(problem.within)}.`;
            }
            case 'unclosed':
                return `${capitalised(declaration(problem.within?.type ?? 'block').replace(/^an? /, 'the '))}${problem.within?.name ? ` '${problem.within.name}'` : ''} is not closed: add ${problem.closer} before ${foundWords(problem.found)}.`;
            case 'reserved':
                return keywordAsName(problem.found, problem.within);
            case 'twice':
                return `${capitalised(declaration(problem.within.type).replace(/^an? /, 'the '))}${problem.within.name ? ` '${problem.within.name}'` : ''} has its ${partWords(problem.part)} already: remove this one or the first. The first one holds.`;
            case 'empty':
                return `This file holds no plan yet. Start it with: plan Name "Title" { }`;
            case 'closed-early':
                return `This ${problem.found.image} closes ${declaration(problem.within.type).replace(/^an? /, 'the ')}${problem.within.name ? ` '${problem.within.name}'` : ''}, but more of it follows. If a block before it lacks its {, add it; else remove this ${problem.found.image}. The plan is read as if ${declaration(problem.within.type).replace(/^an? /, 'the ')} went on.`;
            case 'after-end':
                return `${capitalised(foundWords(problem.found))} comes after the end of the plan. A file holds one plan: move this inside the plan's braces or remove it.`;
        }
    }
}

/** A keyword where a name stands that no name can be (`middle-manager`: every keyword that is an identifier is a name). */
function keywordAsName(found: FoundToken, where: Within | undefined): string {
    return `Expected a name here${within(where)}, but found the keyword '${found.image}'. ${NAME_FORM}`;
}

function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
