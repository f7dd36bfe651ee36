/**
 * `adopt calendar FILE [--out FILE] [--config FILE] [--today DATE]`: the plan's stages and due
 * dates as iCalendar (docs/command-line.md#adopt-calendar), to standard output or a file. The
 * same text as Adopt: Export Calendar… in the editor. A plan without dates gets an empty calendar
 * and a note on stderr. The exit code is that of `check`: 1 with errors in the plan or a file it uses, else 0.
 */
import type { ConfigFile } from '../language/config/adopt-config-files.js';
import { hasCalendarDates, planCalendar } from '../report/plan-calendar.js';
import { overviewAndExit, writeOutput, type ReportIo } from './report-command.js';

export interface CalendarOptions {
    readonly out?: string;
    readonly today?: string;
}

export async function writeCalendar(plan: { path: string; text: string }, options: CalendarOptions, configFile: ConfigFile | undefined, io: ReportIo): Promise<number> {
    const { overview, exitCode } = await overviewAndExit(plan, options, configFile, io, 'export the calendar of a plan that uses it');
    if (!hasCalendarDates(overview)) {
        io.err(`adopt: ${plan.path}: the plan has no dates (no stage window, no due date): the calendar has no events\n`);
    }
    writeOutput(planCalendar(overview), options.out, io);
    return exitCode;
}
