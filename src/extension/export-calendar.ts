/**
 * Adopt: Export Calendar… (`adopt.exportCalendar`): saves the plan's stages with a window and its
 * actions with a due date as an iCalendar file (.ics), the same text as `adopt calendar`
 * (src/report/plan-calendar.ts). The plan is the active plan, else the one the overview shows.
 * Tests (and other extensions) may pass `{ uri, target }` to skip the dialog.
 */
import * as vscode from 'vscode';
import { hasCalendarDates, planCalendar } from '../report/plan-calendar.js';
import { exportPlanFile } from './export-report.js';
import type { OverviewSource } from './overview-client.js';

export const EXPORT_CALENDAR_COMMAND = 'adopt.exportCalendar';

/** Saves the calendar; answers where, or undefined when nothing was saved. */
export async function exportCalendar(source: OverviewSource, plan: vscode.TextDocument | undefined, argument?: unknown): Promise<vscode.Uri | undefined> {
    let dated = true;
    const target = await exportPlanFile(source, plan, argument, {
        what: 'calendar',
        title: 'Export the plan as a calendar',
        filters: { 'iCalendar (calendar programs)': ['ics'] },
        suffix: '.ics',
        render: overview => {
            dated = hasCalendarDates(overview);
            return planCalendar(overview);
        }
    });
    if (!target) return undefined;
    const where = vscode.workspace.asRelativePath(target, false);
    void vscode.window.showInformationMessage(dated
        ? `Saved the plan's calendar to ${where}: import it into a calendar program.`
        : `Saved an empty calendar to ${where}: the plan has no dates yet (give stages a window with from and to, and actions a due date).`);
    return target;
}
