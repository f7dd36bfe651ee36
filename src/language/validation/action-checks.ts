/**
 * Action items (docs/language.md#a-plan-under-way): an action that is not done needs an owner, and should not be
 * past its due date.
 */
import type { ValidationAcceptor } from 'langium';
import type { Action } from '../generated/ast.js';
import { spokenDate, validDate } from '../model/plan-dates.js';
import { isDone } from '../model/plan-model.js';
import type { Today } from '../model/today.js';
import { IssueCodes } from './issue-codes.js';
import { quoted, report } from './report.js';

export function actionShouldNotBeOverdue(action: Action, accept: ValidationAcceptor, today: Today): void {
    const due = validDate(action.due);
    const now = today.current;
    if (!due || isDone(action) || due >= now) return;
    const status = action.status === 'blocked' ? ' It is blocked: unblock it or plan it again.' : '';
    report(accept, IssueCodes.OverdueAction,
        `Action ${quoted(action.name)} was due on ${spokenDate(due)} and is not done.${status} Mark it done if it is, or give it a new due date.`,
        { node: action, property: 'due' },
        action.name ? { action: action.name } : {});
}

export function actionShouldHaveAnOwner(action: Action, accept: ValidationAcceptor): void {
    if (action.owner || isDone(action)) return;
    report(accept, IssueCodes.ActionWithoutOwner,
        `Action ${quoted(action.name)} has no owner. Name the coalition member who sees it through: owner NAME, after its title.`,
        { node: action, property: 'name' });
}
