/**
 * The stages' timeline (section 5 of the overview), as SVG: one row per stage that has a window
 * (`from`, `to` or both; a window open at one end fades out there), the due dates of its actions
 * as marks (done, overdue, still to do), month or quarter ticks, and the overview's date.
 */
import type { OverviewStage } from '../protocol/overview-protocol.js';
import { coordinate, escape } from './html-text.js';
import { fitText } from './label-placement.js';
import { spokenDate } from './report-blocks.js';

const WIDTH = 760;
const LABEL = 190;
const RIGHT = 16;
const ROW = 26;
const TOP = 28;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayOf = (date: string): number => {
    const [year, month, day] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day) / 86_400_000;
};

/** The stages the timeline shows: those with a window. */
export function datedStages(stages: readonly OverviewStage[]): OverviewStage[] {
    return stages.filter(stage => stage.from !== null || stage.to !== null);
}

/** The timeline, or an empty string when no stage has a window. */
export function stageTimelineSvg(stages: readonly OverviewStage[], today: string, id: string): string {
    const dated = datedStages(stages);
    if (dated.length === 0) return '';
    const dates = dated.flatMap(stage => [stage.from, stage.to, ...stage.actions.map(action => action.due)]).filter((d): d is string => d !== null);
    let start = Math.min(...dates.map(dayOf));
    let end = Math.max(...dates.map(dayOf));
    if (end - start < 30) end = start + 30;
    const pad = (end - start) * 0.04;
    start -= pad;
    end += pad;
    const x = (day: number) => LABEL + ((day - start) / (end - start)) * (WIDTH - LABEL - RIGHT);
    const height = TOP + dated.length * ROW + 12;
    const out: string[] = [];
    const description = dated.map(stage => `${stage.title || stage.name}: ${stage.from ? spokenDate(stage.from) : 'open'} to ${stage.to ? spokenDate(stage.to) : 'open'}`).join('; ');
    out.push(`<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${escape(id)}-title ${escape(id)}-desc" xmlns="http://www.w3.org/2000/svg">`);
    out.push(`<title id="${escape(id)}-title">Timeline of the stages</title><desc id="${escape(id)}-desc">${escape(description)}</desc>`);
    for (const tick of ticks(start, end)) {
        const at = coordinate(x(tick.day));
        out.push(`<line class="grid" x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${height - 10}"/>`);
        out.push(`<text class="tick" x="${at}" y="${TOP - 12}" text-anchor="middle">${escape(tick.label)}</text>`);
    }
    dated.forEach((stage, index) => {
        const y = TOP + index * ROW;
        out.push(`<text class="row-label" x="${LABEL - 10}" y="${y + 16}" text-anchor="end">${escape(fitText(`${stage.position}. ${stage.title || stage.name}`, 11, LABEL - 20))}</text>`);
        const from = stage.from !== null ? x(dayOf(stage.from)) : LABEL;
        const to = stage.to !== null ? x(dayOf(stage.to)) : WIDTH - RIGHT;
        const open = stage.from === null ? ' open-start' : stage.to === null ? ' open-end' : '';
        out.push(`<rect class="stage-bar${open}" x="${coordinate(from)}" y="${y + 5}" width="${coordinate(Math.max(3, to - from))}" height="${ROW - 10}" rx="3"/>`);
        for (const action of stage.actions) {
            if (action.due === null) continue;
            const at = x(dayOf(action.due));
            const cls = action.status === 'done' ? 'done' : action.overdue ? 'overdue' : 'open';
            out.push(`<path class="due ${cls}" d="M${coordinate(at)} ${y + 6} l5 7 l-5 7 l-5 -7 z"><title>${escape(`${action.title || action.name}: due ${spokenDate(action.due)}, ${action.status}${action.overdue ? ', overdue' : ''}`)}</title></path>`);
        }
    });
    const now = dayOf(today);
    if (now >= start && now <= end) {
        const at = coordinate(x(now));
        out.push(`<line class="today" x1="${at}" y1="${TOP - 4}" x2="${at}" y2="${height - 8}"/>`);
        out.push(`<text class="today-label" x="${at}" y="${height - 1}" text-anchor="middle">today</text>`);
    }
    out.push('</svg>');
    return out.join('\n');
}

/** Month ticks for a span of up to 14 months, quarters up to 4 years, else years. */
function ticks(start: number, end: number): Array<{ day: number; label: string }> {
    const first = new Date(start * 86_400_000);
    const months = (end - start) / 30.4;
    const every = months <= 14 ? 1 : months <= 48 ? 3 : 12;
    const result: Array<{ day: number; label: string }> = [];
    let year = first.getUTCFullYear();
    let month = first.getUTCMonth() + 1;
    month = Math.ceil(month / every) * every;
    if (every === 12) month = 12;
    for (let guard = 0; guard < 200; guard++) {
        if (month >= 12) {
            year += Math.floor(month / 12);
            month %= 12;
        }
        const day = Date.UTC(year, month, 1) / 86_400_000;
        if (day > end) break;
        if (day >= start) result.push({ day, label: every === 12 ? String(year) : `${MONTHS[month]} ${month === 0 || result.length === 0 ? year : ''}`.trim() });
        month += every;
    }
    return result;
}
