/**
 * The words in which the editor shows the living plan (docs/language.md#a-plan-under-way): how many actions are
 * done (`2/3 actions done`, the code lens), an action on one line (owner, due date in words,
 * status, overdue or not), a stage's window and a date relative to today.
 */
import type { Action, Stage } from '../generated/ast.js';
import { daysBetween, dateProblem, spokenDate, validDate } from '../model/plan-dates.js';
import { actionsDone, isDone } from '../model/plan-model.js';
import { isOverdue } from '../model/plan-status.js';

/** `2/3 actions done`; undefined without actions. */
export function actionsDoneText(actions: readonly Action[]): string | undefined {
    if (actions.length === 0) return undefined;
    const { done, total } = actionsDone(actions);
    return `${done}/${total} action${total === 1 ? '' : 's'} done`;
}

export { isOverdue } from '../model/plan-status.js';

/** An action's status in words: its status, `todo` when it states none. */
export function statusOf(action: Action): string {
    return action.status ?? 'todo';
}

/** A date in words, or why it is no date: `15 February 2027`, `2027-02-30 (not a date: …)`. */
export function dateInWords(date: string): string {
    const problem = dateProblem(date);
    return problem ? `${date} (${problem.replace(/^.*? is not a date: /, 'not a date: ').replace(/\.$/, '')})` : spokenDate(date);
}

/** When a date is, seen from today: `today`, `in 3 days`, `28 days ago`. */
export function relativeToToday(date: string, today: string): string | undefined {
    if (!validDate(date)) return undefined;
    const days = daysBetween(today, date);
    if (days === 0) return 'today';
    if (days === 1) return 'tomorrow';
    if (days === -1) return 'yesterday';
    return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** An action's due date in words, with when it is and whether it is overdue: `due 20 February 2027 (9 days ago), **overdue**`. */
export function dueText(action: Action, today: string): string {
    if (action.due === undefined) return 'no due date';
    const when = isDone(action) ? undefined : relativeToToday(action.due, today);
    return `due ${dateInWords(action.due)}${when ? ` (${when})` : ''}${isOverdue(action, today) ? ', **overdue**' : ''}`;
}

/** An action on one line, for a list: `` `pilot` Pilot in biology: done · owner `lin` · due 1 February 2027 ``. */
export function actionLine(action: Action, today: string): string {
    const owner = action.owner ? `owner \`${action.owner.ref?.name ?? action.owner.$refText}\`` : 'no owner';
    return `\`${action.name}\` ${action.title ?? ''}: ${statusOf(action)} · ${owner} · ${dueText(action, today)}`;
}

/** A stage's window in words: `10 January 2027 to 30 June 2027`, `from 10 January 2027`, `until 30 June 2027`; undefined without one. */
export function windowText(stage: Stage): string | undefined {
    const { from, to } = stage;
    if (from !== undefined && to !== undefined) return `${dateInWords(from)} to ${dateInWords(to)}`;
    if (from !== undefined) return `from ${dateInWords(from)}`;
    if (to !== undefined) return `until ${dateInWords(to)}`;
    return undefined;
}
