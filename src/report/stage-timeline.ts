/**
 * The stages' timeline (section 5 of the overview), as SVG: one row per stage that has a window
 * (`from`, `to` or both; a window open at one end fades out there), the due dates of its actions
 * as marks (done, overdue, still to do), month or quarter ticks, and the overview's date.
 */
import type { OverviewStage } from '../protocol/overview-protocol.js';
import { coordinate, escape } from './html-text.js';
import { fitText } from './label-placement.js';
import { spokenDate } from './report-blocks.js';

/** The drawing's width by default (the report's); a narrow view asks for less, down to MIN_WIDTH, its texts keeping their size. */
const WIDTH = 760;
const MIN_WIDTH = 420;
const RIGHT = 16;
/** A stage's bar, and the first line of its actions' marks. */
const ROW = 26;
/** Each further line of marks, for actions due too close together to share one. */
const LANE = 12;
const TOP = 28;
/** A mark's half width: two marks on one line keep at least this much apart. */
const MARK = 5;
/** At most this many lines of marks in a stage: an overdue action always gets a place of its own (up to OVERDUE_LANES). */
const LANES = 4;
const OVERDUE_LANES = 12;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayOf = (date: string): number => {
    const [year, month, day] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day) / 86_400_000;
};

/** The stages the timeline shows: those with a window. */
export function datedStages(stages: readonly OverviewStage[]): OverviewStage[] {
    return stages.filter(stage => stage.from !== null || stage.to !== null);
}

type DatedAction = OverviewStage['actions'][number] & { readonly due: string };
type MarkKind = 'done' | 'overdue' | 'open';
const kindOf = (action: DatedAction): MarkKind => (action.status === 'done' ? 'done' : action.overdue ? 'overdue' : 'open');

/**
 * The marks of a stage's actions, each on a line (lane) of its own where marks due too close
 * together would cover each other: overdue actions first (each gets a place, up to
 * OVERDUE_LANES lines), then those to do, then those done (up to LANES lines; beyond, on the last
 * line, under the others).
 */
export function laneMarks(actions: readonly DatedAction[], x: (day: number) => number): Array<{ action: DatedAction; kind: MarkKind; x: number; lane: number }> {
    const order: readonly MarkKind[] = ['overdue', 'open', 'done'];
    const sorted = [...actions].sort((a, b) => order.indexOf(kindOf(a)) - order.indexOf(kindOf(b)) || dayOf(a.due) - dayOf(b.due));
    const lanes: number[][] = [];
    return sorted.map(action => {
        const kind = kindOf(action);
        const at = x(dayOf(action.due));
        const limit = kind === 'overdue' ? OVERDUE_LANES : LANES;
        let lane = lanes.findIndex((taken, index) => index < limit && taken.every(other => Math.abs(other - at) >= 2 * MARK + 1));
        if (lane < 0) lane = lanes.length < limit ? lanes.length : limit - 1;
        (lanes[lane] ??= []).push(at);
        return { action, kind, x: at, lane };
    });
}

/**
 * The timeline, `width` units wide (the report's 760 by default), or an empty string when no stage
 * has a window.
 */
export function stageTimelineSvg(stages: readonly OverviewStage[], today: string, id: string, width = WIDTH): string {
    const dated = datedStages(stages);
    if (dated.length === 0) return '';
    const full = Math.max(MIN_WIDTH, Math.min(WIDTH, Math.round(width)));
    const label = full >= 600 ? 190 : 130;
    const dates = dated.flatMap(stage => [stage.from, stage.to, ...stage.actions.map(action => action.due)]).filter((d): d is string => d !== null);
    let start = Math.min(...dates.map(dayOf));
    let end = Math.max(...dates.map(dayOf));
    if (end - start < 30) end = start + 30;
    const pad = (end - start) * 0.04;
    start -= pad;
    end += pad;
    const x = (day: number) => label + ((day - start) / (end - start)) * (full - label - RIGHT);
    const rows = dated.map(stage => {
        const marks = laneMarks(stage.actions.filter((action): action is DatedAction => action.due !== null), x);
        const lanes = marks.reduce((most, mark) => Math.max(most, mark.lane + 1), 1);
        return { stage, marks, height: ROW + (lanes - 1) * LANE };
    });
    const height = TOP + rows.reduce((sum, row) => sum + row.height, 0) + 12;
    const out: string[] = [];
    const description = dated.map(stage => `${stage.title || stage.name}: ${stage.from ? spokenDate(stage.from) : 'open'} to ${stage.to ? spokenDate(stage.to) : 'open'}`).join('; ');
    out.push(`<svg class="timeline" viewBox="0 0 ${full} ${height}" role="img" aria-labelledby="${escape(id)}-title ${escape(id)}-desc" xmlns="http://www.w3.org/2000/svg">`);
    out.push(`<title id="${escape(id)}-title">Timeline of the stages</title><desc id="${escape(id)}-desc">${escape(description)}</desc>`);
    for (const tick of ticks(start, end, full - label - RIGHT)) {
        const at = coordinate(x(tick.day));
        out.push(`<line class="grid" x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${height - 10}"/>`);
        out.push(`<text class="tick" x="${at}" y="${TOP - 12}" text-anchor="middle">${escape(tick.label)}</text>`);
    }
    let y = TOP;
    for (const { stage, marks, height: rowHeight } of rows) {
        out.push(`<text class="row-label" x="${label - 10}" y="${y + 16}" text-anchor="end">${escape(fitText(`${stage.position}. ${stage.title || stage.name}`, 11, label - 20))}</text>`);
        const from = stage.from !== null ? x(dayOf(stage.from)) : label;
        const to = stage.to !== null ? x(dayOf(stage.to)) : full - RIGHT;
        const open = stage.from === null ? ' open-start' : stage.to === null ? ' open-end' : '';
        out.push(`<rect class="stage-bar${open}" x="${coordinate(from)}" y="${y + 5}" width="${coordinate(Math.max(3, to - from))}" height="${ROW - 10}" rx="3"/>`);
        // Drawn done first, overdue last: where marks must share a place, the overdue ones are on top.
        const drawOrder: readonly MarkKind[] = ['done', 'open', 'overdue'];
        for (const mark of [...marks].sort((a, b) => drawOrder.indexOf(a.kind) - drawOrder.indexOf(b.kind))) {
            const { action } = mark;
            const top = y + 7 + mark.lane * LANE;
            out.push(`<path class="due ${mark.kind}" d="M${coordinate(mark.x)} ${top} l${MARK} 6 l-${MARK} 6 l-${MARK} -6 z"><title>${escape(`${action.title || action.name}: due ${spokenDate(action.due)}, ${action.status}${action.overdue ? ', overdue' : ''}`)}</title></path>`);
        }
        y += rowHeight;
    }
    const now = dayOf(today);
    if (now >= start && now <= end) {
        const at = coordinate(x(now));
        out.push(`<line class="today" x1="${at}" y1="${TOP - 4}" x2="${at}" y2="${height - 8}"/>`);
        out.push(`<text class="today-label" x="${at}" y="${height - 1}" text-anchor="middle">today</text>`);
    }
    out.push('</svg>');
    return out.join('\n');
}

/** The key to the timeline's marks (what the drawing shows, and how many actions of each kind). */
export function timelineKey(stages: readonly OverviewStage[]): string {
    const dated = datedStages(stages);
    const actions = dated.flatMap(stage => stage.actions.filter((action): action is DatedAction => action.due !== null));
    const count = (kind: MarkKind) => actions.filter(action => kindOf(action) === kind).length;
    const mark = (kind: MarkKind) => `<svg viewBox="0 0 12 14" width="12" height="14" aria-hidden="true"><path class="due ${kind}" d="M6 1 l5 6 l-5 6 l-5 -6 z"/></svg>`;
    const bar = (cls: string) => `<svg viewBox="0 0 26 12" width="26" height="12" aria-hidden="true"><rect class="stage-bar${cls}" x="1" y="1" width="24" height="10" rx="2"/></svg>`;
    const items = [
        `<li>${bar('')}a stage from its start to its end</li>`,
        dated.some(stage => stage.from === null || stage.to === null) ? `<li>${bar(' open-end')}dashed: a stage without a start or an end date</li>` : '',
        `<li>${mark('done')}${escape(`action done (${count('done')})`)}</li>`,
        `<li>${mark('open')}${escape(`action to do (${count('open')})`)}</li>`,
        `<li>${mark('overdue')}${escape(`action overdue (${count('overdue')})`)}</li>`,
        '<li><svg viewBox="0 0 12 14" width="12" height="14" aria-hidden="true"><line class="today" x1="6" y1="0" x2="6" y2="14"/></svg>today</li>'
    ];
    return `<ul class="timeline-key" aria-label="Key to the timeline">${items.join('')}</ul>`;
}

/** Month ticks for a span of up to 14 months (fewer on a narrow drawing: at most one per 40 units), quarters up to 4 years, else years. */
function ticks(start: number, end: number, span: number): Array<{ day: number; label: string }> {
    const first = new Date(start * 86_400_000);
    const months = (end - start) / 30.4;
    const room = Math.max(1, Math.floor(span / 40));
    const every = months <= Math.min(14, room) ? 1 : months <= Math.min(48, room * 3) ? 3 : months <= room * 6 ? 6 : 12;
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
