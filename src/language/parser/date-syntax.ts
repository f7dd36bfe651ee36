/**
 * Dates written another way than `YYYY-MM-DD` (`27-1-1`, `2027-1-15`): the lexer reads the digits
 * as numbers and stops at each `-`, which it has no token for, and the parser then misses a date.
 * Here such a run of digits and dashes, after a word that takes a date (`due`, `from`, `to`: read
 * from the grammar), is recognised as one malformed date, for one message that says how dates are
 * written.
 */
import { AstUtils, GrammarAST, type Grammar } from 'langium';
import { DATE_EXAMPLE, DATE_FORMAT, dateProblem } from '../model/plan-dates.js';

/** A malformed date in a text. */
export interface MalformedDate {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
}

const dateWordsByGrammar = new WeakMap<Grammar, ReadonlySet<string>>();

/** The keywords that a date follows in the grammar (`due DATE`, `from DATE`, `to DATE`). */
export function dateKeywords(grammar: Grammar): ReadonlySet<string> {
    let words = dateWordsByGrammar.get(grammar);
    if (!words) {
        const found = new Set<string>();
        for (const group of AstUtils.streamAllContents(grammar).filter(GrammarAST.isGroup)) {
            group.elements.forEach((element, index) => {
                const next = group.elements[index + 1];
                const terminal = GrammarAST.isAssignment(next) ? next.terminal : next;
                if (GrammarAST.isKeyword(element) && GrammarAST.isRuleCall(terminal) && terminal.rule.ref?.name === 'DATE') found.add(element.value);
            });
        }
        words = found;
        dateWordsByGrammar.set(grammar, words);
    }
    return words;
}

const DIGIT_OR_DASH = /[0-9-]/;

/**
 * The malformed date around `offset` (where the lexer stopped at a `-`): a run of digits and
 * dashes that starts with digits, holds at least one dash, and follows one of `dateWords`.
 */
export function malformedDateAt(text: string, offset: number, dateWords: ReadonlySet<string>): MalformedDate | undefined {
    if (text[offset] !== '-') return undefined;
    let start = offset;
    while (start > 0 && DIGIT_OR_DASH.test(text[start - 1])) start--;
    let end = offset;
    while (end < text.length && DIGIT_OR_DASH.test(text[end])) end++;
    const run = text.slice(start, end);
    if (!/^[0-9]+(-[0-9]*)+$/.test(run)) return undefined;
    // The word before the run, past blanks on the same line.
    let wordEnd = start;
    while (wordEnd > 0 && (text[wordEnd - 1] === ' ' || text[wordEnd - 1] === '\t')) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && /[a-z]/.test(text[wordStart - 1])) wordStart--;
    if (wordEnd === start || !dateWords.has(text.slice(wordStart, wordEnd))) return undefined;
    return { offset: start, end, text: run };
}

/**
 * The date the writer most likely meant: the day and month given two digits, a two-digit year
 * read in this century (`27-1-1` is 2027-01-01). Undefined when no calendar date comes of it.
 */
export function likelyDate(text: string): string | undefined {
    const parts = text.split('-');
    if (parts.length !== 3 || parts.some(part => part.length === 0 || part.length > 4)) return undefined;
    const [year, month, day] = parts;
    const fullYear = year.length === 4 ? year : year.length === 2 ? `20${year}` : undefined;
    if (!fullYear || month.length > 2 || day.length > 2) return undefined;
    const date = `${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return dateProblem(date) === undefined ? date : undefined;
}

/** The message for a malformed date: how dates are written, and the date likely meant. */
export function malformedDateMessage(date: MalformedDate): string {
    const likely = likelyDate(date.text);
    return `'${date.text}' is not written as a date. Write dates as ${DATE_FORMAT}: four digits for the year, then two for the month and two for the day`
        + (likely ? `. Did you mean ${likely}?` : `, for example ${DATE_EXAMPLE}.`);
}
