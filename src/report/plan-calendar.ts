/**
 * The plan as a calendar (docs/command-line.md#adopt-calendar): iCalendar (RFC 5545) with an
 * all-day event per stage with a window (from its `from` to the day after its `to`; a window with
 * one date is a one-day event on it) and an all-day event per action with a due date (summary:
 * its title; description: its owner, its status and its stage or project). Made from the plan's
 * overview, so that `adopt calendar` and Adopt: Export Calendar… write the same text.
 *
 * The text is deterministic: UIDs are `stage.NAME.PLAN@adopt` and `action.NAME.PLAN@adopt`
 * (stable across runs and across edits that keep the names), and DTSTAMP is the overview's date
 * (today) at midnight UTC, never the clock. Lines end with CRLF and are folded at 75 octets
 * without splitting a character; text values are escaped.
 */
import { addDays } from '../language/model/plan-dates.js';
import { statusWords, writtenActionStatus } from '../language/model/plan-status.js';
import type { OverviewAction, OverviewStage, PlanOverview } from '../protocol/overview-protocol.js';

/** The longest line, in octets, before it is folded (RFC 5545, section 3.1). */
export const FOLD_OCTETS = 75;

/** Whether the plan has a date for the calendar: a stage's window or an action's due date. */
export function hasCalendarDates(overview: PlanOverview): boolean {
    return overview.stages.some(stage => stage.from !== null || stage.to !== null || stage.actions.some(action => action.due !== null));
}

/** The plan's calendar, as the text of an `.ics` file. */
export function planCalendar(overview: PlanOverview): string {
    const plan = overview.plan.name;
    const stamp = `${compact(overview.date)}T000000Z`;
    const projectTitles = new Map(overview.projects.map(project => [project.name, project.title || project.name]));
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Adopt//Adoption plan calendar//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${text(overview.plan.title || plan || 'Adoption plan')}`
    ];
    const event = (uid: string, start: string, end: string, summary: string, description: string) => lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compact(start)}`,
        `DTEND;VALUE=DATE:${compact(end)}`,
        `SUMMARY:${text(summary)}`,
        `DESCRIPTION:${text(description)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT'
    );
    for (const stage of overview.stages) {
        const window = stageDays(stage);
        if (window) {
            event(`stage.${stage.name}.${plan}@adopt`, window.start, window.end, stage.title || stage.name,
                [`Stage ${stage.name} of the plan ${overview.plan.title || plan}`, `Status: ${statusWords(stage.status)}`].join('\n'));
        }
        for (const action of stage.actions) {
            if (action.due === null) continue;
            event(`action.${action.name}.${plan}@adopt`, action.due, addDays(action.due, 1), action.title || action.name,
                actionDescription(action, stage, overview.date, projectTitles));
        }
    }
    lines.push('END:VCALENDAR');
    return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A stage's days: from `from` to the day after `to`; one day on the one date a window has (or on `from` when `to` comes before it). */
function stageDays(stage: OverviewStage): { start: string; end: string } | undefined {
    const start = stage.from ?? stage.to;
    if (start === null) return undefined;
    const last = stage.to !== null && stage.to >= start ? stage.to : start;
    return { start, end: addDays(last, 1) };
}

function actionDescription(action: OverviewAction, stage: OverviewStage, today: string, projectTitles: ReadonlyMap<string, string>): string {
    const status = writtenActionStatus(action.status, action.due ?? undefined, today);
    const stageTitle = stage.title || stage.name;
    return [
        `Owner: ${action.owner ? action.owner.title || action.owner.name : 'nobody yet'}`,
        `Status: ${statusWords(status)}${status === 'open' && action.status === 'doing' ? ' (doing)' : ''}`,
        action.project !== null ? `Project: ${projectTitles.get(action.project) ?? action.project} (stage ${stageTitle})` : `Stage: ${stageTitle}`
    ].join('\n');
}

/** `2027-03-01` as iCalendar writes a date: `20270301`. */
function compact(date: string): string {
    return date.replace(/-/g, '');
}

/**
 * A TEXT value (RFC 5545, section 3.3.11): backslash, semicolon and comma escaped, line breaks
 * as `\n`, and control characters, which TEXT does not allow, as U+FFFD.
 */
export function text(value: string): string {
    return value
        .replace(/[\\;,]/g, char => `\\${char}`)
        .replace(/\r\n|\r|\n/g, '\\n')
        .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '\ufffd');
}

/** The octets a character takes in UTF-8. */
function utf8Octets(char: string): number {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** A content line folded at 75 octets: each further line starts with a space and holds at most 74 more octets; a character is never split. */
export function foldLine(line: string): string {
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    for (const char of line) {
        const size = utf8Octets(char);
        if (octets + size > FOLD_OCTETS) {
            parts.push(current);
            current = ' ';
            octets = 1;
        }
        current += char;
        octets += size;
    }
    parts.push(current);
    return parts.join('\r\n');
}
