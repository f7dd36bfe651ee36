/**
 * The building blocks of the overview's pages, shared by the HTML report, the editor's Plan
 * Overview and the Quick wins view: a score as a bar of its parts with the threshold marked, the
 * quick-win badge, effort, a metric's progress, an action's status, what a project lacks, and the
 * element that reveals a declaration in the editor. Each returns markup (escaped), styled by
 * classes (report-style.ts) and drawn with SVG attributes, never style attributes, so that a
 * page under a strict content security policy shows it as a printed report does.
 */
import { SCORE_PARTS, type ScorePart } from '../language/score/quick-win-settings.js';
import type { UsedFile } from '../protocol/rank-protocol.js';
import { coordinate, escape, formatNumber, plural } from './html-text.js';

export { spokenDate } from '../language/model/plan-dates.js';

export const PART_NAMES: Readonly<Record<ScorePart, string>> = {
    reach: 'reach',
    initiative: 'initiative',
    asynchrony: 'asynchrony',
    geography: 'geography',
    crowdsourcing: 'crowdsourcing'
};

/** What a renderer needs to know about the page it writes into. */
export interface RenderOptions {
    /** The editor's overview: declarations are buttons that reveal them (`data-line`). */
    readonly interactive: boolean;
}

export interface ScoreScale {
    readonly fullScore: number;
    readonly threshold: number;
}

const BAR_WIDTH = 160;
const BAR_HEIGHT = 12;

/**
 * A score as a bar: one segment per part (its points), on the full scale (the sum of the
 * weights), the threshold as a mark. Hidden from screen readers, which read the score and the
 * parts written beside it (`partsText`); its tooltip says them too.
 */
export function scoreBar(parts: Readonly<Record<ScorePart, number>>, score: number, scale: ScoreScale): string {
    const full = scale.fullScore > 0 ? scale.fullScore : 100;
    const toX = (points: number) => (Math.max(0, points) / full) * BAR_WIDTH;
    const segments: string[] = [];
    let x = 0;
    for (const part of SCORE_PARTS) {
        const width = Math.min(BAR_WIDTH - x, toX(parts[part]));
        if (width > 0) segments.push(`<rect class="part part-${part}" x="${coordinate(x)}" width="${coordinate(width)}" height="${BAR_HEIGHT}"/>`);
        x += width;
    }
    const threshold = coordinate(Math.min(BAR_WIDTH - 1, toX(scale.threshold)));
    const label = `score ${formatNumber(score)} of ${formatNumber(full)}`;
    return `<svg class="score-bar" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" preserveAspectRatio="none" aria-hidden="true"><title>${escape(label)}</title>` +
        `<rect class="bar-track" width="${BAR_WIDTH}" height="${BAR_HEIGHT}"/>${segments.join('')}` +
        `<line class="bar-threshold" x1="${threshold}" y1="-1" x2="${threshold}" y2="${BAR_HEIGHT + 1}"/></svg>`;
}

/** `reach 25 · initiative 25 · …`: the points of each part. */
export function partsText(parts: Readonly<Record<ScorePart, number>>): string {
    return SCORE_PARTS.map(part => `${PART_NAMES[part]} ${formatNumber(parts[part])}`).join(' · ');
}

/** The key to the bars' colours. */
export function partsLegend(): string {
    return `<ul class="parts-legend" aria-label="Colours of the score's parts">${SCORE_PARTS.map(part =>
        `<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect class="part part-${part}" width="10" height="10"/></svg>${escape(PART_NAMES[part])}</li>`).join('')}` +
        '<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><line class="bar-threshold" x1="5" y1="0" x2="5" y2="10"/></svg>threshold</li></ul>';
}

export function quickWinBadge(quickWin: boolean): string {
    return quickWin ? '<span class="badge win">Quick win</span>' : '<span class="badge no">no</span>';
}

export function effortText(effort: 'low' | 'medium' | 'high' | null): string {
    return effort === null ? '<span class="muted">not stated</span>' : `<span class="effort effort-${effort}">${escape(effort)}</span>`;
}

/** A metric's progress: a bar of actual against target, and the words `320 of 500, 64%`. */
export function progress(actual: string | null, target: string | null, ratio: number | null): string {
    if (ratio === null) {
        const text = target === null ? (actual === null ? 'no target' : `${actual}, no target`) : actual === null ? `target ${target}, not measured yet` : `${actual} of ${target}`;
        return `<span class="muted">${escape(text)}</span>`;
    }
    const percent = Math.round(ratio * 100);
    const width = coordinate(Math.min(1, Math.max(0, ratio)) * 80);
    return `<span class="progress"><svg class="progress-bar" viewBox="0 0 80 8" width="80" height="8" aria-hidden="true"><rect class="bar-track" width="80" height="8"/>` +
        `<rect class="progress-fill${ratio >= 1 ? ' reached' : ''}" width="${width}" height="8"/></svg> ${escape(`${actual} of ${target}, ${percent}%`)}</span>`;
}

const STATUS_WORDS: Readonly<Record<string, string>> = { todo: 'to do', doing: 'doing', done: 'done', blocked: 'blocked' };

export function actionStatus(status: string, overdue: boolean): string {
    return `<span class="status status-${escape(status)}"><span class="dot" aria-hidden="true">●</span>${escape(STATUS_WORDS[status] ?? status)}</span>${overdue ? ' <span class="badge overdue">overdue</span>' : ''}`;
}

/** What a project lacks to be a quick win, as a list; a dash when nothing. */
export function missingList(missing: readonly string[]): string {
    if (missing.length === 0) return '<span class="muted">nothing</span>';
    return `<ul class="missing">${missing.map(reason => `<li>${escape(reason)}</li>`).join('')}</ul>`;
}

/**
 * A declaration's name as shown: in the editor's overview a button that reveals it at its line,
 * in a report its text. `label` is the button's accessible name when more than its text is
 * needed.
 */
export function revealable(text: string, line: number, options: RenderOptions, label?: string): string {
    if (!options.interactive) return escape(text);
    return `<button type="button" class="reveal" data-line="${line}"${label ? ` aria-label="${escape(label)}"` : ''}>${escape(text)}</button>`;
}

/**
 * What a used file brings into a plan, in words: `3 members (Ana Ortiz, Ben Hale, Dee Park),
 * 1 channel (YouTube channel), 1 initiative (Weekly grand rounds)`; each declaration by its title.
 */
export function usedFileText(used: UsedFile): string {
    const list = (items: UsedFile['members'], one: string, many: string) =>
        items.length === 0 ? '' : `${plural(items.length, one, many)} (${items.map(item => item.title || item.name).join(', ')})`;
    const parts = [list(used.members, 'member', 'members'), list(used.channels, 'channel', 'channels'), list(used.initiatives, 'initiative', 'initiatives')].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : 'no members, channels or initiatives';
}

/** The mark of a declaration written in a used file: its path, as the plan's `use` writes it. */
export function fileMark(file: string): string {
    return `<span class="file-mark" title="${escape(`declared in ${file}`)}">${escape(file)}</span>`;
}
