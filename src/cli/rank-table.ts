/**
 * The human-readable table of `adopt rank`, followed by what keeps each project that is not a
 * quick win from being one, and the plan's errors (the reason for exit code 1).
 */
import { SCORE_PARTS, type QuickWinSettings } from '../language/score/quick-win-settings.js';
import type { RankResult } from '../protocol/rank-protocol.js';

const PART_HEADERS: Record<(typeof SCORE_PARTS)[number], string> = {
    reach: 'reach',
    initiative: 'init',
    asynchrony: 'async',
    geography: 'geo',
    crowdsourcing: 'crowd'
};

/** At most this many errors are spelled out under the table; `adopt check` lists them all. */
const ERRORS_SHOWN = 5;

/** `file`: the plan's path as given, for the errors' locations. */
export function formatRankTable(result: RankResult, settings: QuickWinSettings, file: string): string {
    const quickWins = result.projects.filter(p => p.quickWin).length;
    const lines = [
        `${result.plan ? `Plan ${result.plan}` : `No plan in ${file}`}: ${result.projects.length} project${result.projects.length === 1 ? '' : 's'}, ` +
            `${quickWins} quick win${quickWins === 1 ? '' : 's'} (threshold ${settings.threshold})`
    ];
    if (result.projects.length > 0) lines.push(...projectLines(result));
    const errors = result.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0) {
        lines.push('', `${errors.length} error${errors.length === 1 ? '' : 's'} in the plan${errors.length > ERRORS_SHOWN ? ` (the first ${ERRORS_SHOWN})` : ''}:`);
        for (const error of errors.slice(0, ERRORS_SHOWN)) lines.push(`  ${file}:${error.line}:${error.column}: ${error.message}`);
        lines.push(`Run adopt check ${file} for every diagnostic.`);
    }
    return lines.join('\n') + '\n';
}

/** The table of the ranked projects, then what each that is not a quick win lacks. */
function projectLines(result: RankResult): string[] {
    const lines: string[] = [];
    // Effort (docs/language.md#a-plan-under-way) is not part of the score; `-` where a project states none.
    const header = ['rank', 'project', 'score', ...SCORE_PARTS.map(part => PART_HEADERS[part]), 'quick win', 'effort', 'stage', 'line'];
    const rows = result.projects.map(p => [
        String(p.rank), p.name, String(p.score), ...SCORE_PARTS.map(part => String(p.parts[part])),
        p.quickWin ? 'yes' : 'no', p.effort ?? '-', p.stage, String(p.line)
    ]);
    const numeric = new Set([0, 2, 3, 4, 5, 6, 7, 11]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const format = (row: string[]) =>
        row.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
    lines.push(format(header), ...rows.map(format));
    const lacking = result.projects.filter(p => !p.quickWin && (p.missing ?? []).length > 0);
    if (lacking.length > 0) {
        lines.push('', 'What keeps a project from being a quick win:');
        for (const p of lacking) lines.push(`  ${p.rank}. ${p.name}: ${(p.missing ?? []).join('; ')}`);
    }
    return lines;
}
