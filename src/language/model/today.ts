/**
 * "Today" for the checks that compare a due date with it (`overdue-action`): the local date, or a
 * date fixed by the environment variable ADOPT_TODAY (the server and the CLI; tests use it) or by
 * the CLI's `--today`. A value that is not a calendar date is refused with a message.
 */
import { dateProblem, localDate } from './plan-dates.js';

export const TODAY_VARIABLE = 'ADOPT_TODAY';

export class Today {
    private fixed: string | undefined;
    /** Why ADOPT_TODAY was not used, if it was set to something that is not a date. */
    readonly environmentProblem: string | undefined;

    constructor(environment: Readonly<Record<string, string | undefined>> = hostEnvironment()) {
        const value = environment[TODAY_VARIABLE]?.trim();
        if (value) {
            const problem = dateProblem(value);
            if (problem) this.environmentProblem = `${TODAY_VARIABLE}: ${problem}`;
            else this.fixed = value;
        }
    }

    /** Today's date, YYYY-MM-DD. */
    get current(): string {
        return this.fixed ?? localDate();
    }

    /** Fixes today's date; undefined when it is a calendar date, else why not. */
    set(date: string): string | undefined {
        const problem = dateProblem(date);
        if (!problem) this.fixed = date;
        return problem;
    }
}

/** The process's environment; none in a browser (the language server in a Web Worker). */
function hostEnvironment(): Readonly<Record<string, string | undefined>> {
    return (globalThis as { process?: { env: Readonly<Record<string, string | undefined>> } }).process?.env ?? {};
}
