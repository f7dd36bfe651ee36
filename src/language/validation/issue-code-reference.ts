/**
 * The reference of the diagnostic codes that docs/diagnostics.md shows between its markers, made
 * from the table of codes (issue-codes.ts): a table of every code (its default severity, when it
 * is reported, its quick fix; each code links to its section), then what each code is about and
 * what to do. `npm run sync-codes` writes it into the page; a test fails when the page holds
 * another text.
 */
import { levelOf } from '../config/adopt-config-schema.js';
import { ALL_ISSUE_CODES, IssueCodeTable } from './issue-codes.js';

export const CODES_START = '<!-- codes:start -->';
export const CODES_END = '<!-- codes:end -->';

const NOTICE = '<!-- Generated from src/language/validation/issue-codes.ts by `npm run sync-codes`: edit the codes there, not here. -->';

/** A table cell: a `|` in the text would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The generated reference, without the markers. */
export function codeReference(): string {
    const rows = ALL_ISSUE_CODES.map(code => {
        const { severity, when, quickFix } = IssueCodeTable[code];
        return `| [\`${code}\`](#${code}) | ${levelOf(severity)} | ${cell(when)} |${quickFix ? ` ${cell(quickFix)} ` : ' '}|`;
    });
    const sections = ALL_ISSUE_CODES.map(code => {
        const { summary, help } = IssueCodeTable[code];
        return `### \`${code}\`\n\n**${summary}** ${help}`;
    });
    return [
        NOTICE,
        '',
        '| code | default severity | when | quick fix |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
        '## What each code asks of you',
        '',
        sections.join('\n\n')
    ].join('\n');
}

/** `page` with the text between its markers replaced by the generated reference. */
export function withCodeReference(page: string): string {
    const start = page.indexOf(CODES_START);
    const end = page.indexOf(CODES_END);
    if (start < 0 || end < start) {
        throw new Error(`The page has no ${CODES_START} … ${CODES_END} markers, in that order, to hold the table of codes.`);
    }
    return `${page.slice(0, start + CODES_START.length)}\n${codeReference()}\n${page.slice(end)}`;
}
