/**
 * What the language's words mean, in the article's terms (see docs/language.md): the three untapped
 * opportunities, their levels and the coalition roles. Hover and completion show these texts.
 */
import type { Level, Role, Status, TraitKind } from '../generated/ast.js';

export const TRAIT_MEANINGS: Readonly<Record<TraitKind, { title: string; text: string }>> = {
    asynchrony: {
        title: 'Asynchrony: people separated by time',
        text: 'The project reaches people who cannot be there at the same time (shifts, time zones, busy schedules). '
            + 'Social media tools are uniquely designed for this untapped opportunity: recorded, archived and read later.'
    },
    geography: {
        title: 'Geographic disparity: people separated by space',
        text: 'The project reaches people in other places (campuses, sites, regions). '
            + 'Social media tools bridge the distance, one of the three untapped opportunities that raise a project\'s success rate.'
    },
    crowdsourcing: {
        title: 'Crowdsourcing (social constructivism): shared artifacts built by a group',
        text: 'The project has people create group knowledge and shared artifacts with shared meaning: learning by shared labour, '
            + 'magnified by group interaction (Vygotsky). The article calls it the most powerful marker for success.'
    }
};

export const LEVEL_MEANINGS: Readonly<Record<Level, string>> = {
    low: 'low: the project uses this opportunity a little (worth 1/3 of the weight)',
    medium: 'medium: the project uses this opportunity in part (worth 2/3 of the weight)',
    high: 'high: the project is built on this opportunity (worth the full weight; a bare trait means high)'
};

export const ROLE_MEANINGS: Readonly<Record<Role, string>> = {
    executive: 'executive: sponsors the plan; not counted as a manager for human bandwidth',
    'middle-manager': 'middle manager: a manager; the human bandwidth the initial stage must build',
    'operational-manager': 'operational manager: a manager; the human bandwidth the initial stage must build',
    'early-adopter': 'early adopter: identify and encourage them, but they are not the coalition\'s managers',
    staff: 'staff: a willing member of the coalition',
    naysayer: 'naysayer: not (yet) willing; win them over with success stories on the internal road show'
};

export const TRAINED_MEANING = 'trained: has had the training and support to take part. A trained willing member counts 1 toward a project\'s reach, an untrained one 0.5; a quick win involves at least one trained, willing member.';

/** What an action's status means (docs/language.md#a-plan-under-way). */
export const STATUS_MEANINGS: Readonly<Record<Status, string>> = {
    todo: 'todo: not started yet (an action without a status is todo)',
    doing: 'doing: under way',
    done: 'done: finished; a done action is never overdue and needs no owner',
    blocked: 'blocked: cannot go on until something else happens; past its due date it is overdue'
};

/** The words of the living plan that completion and hover explain. */
export const LIVING_PLAN_MEANINGS: Readonly<Record<string, string>> = {
    action: 'action: an action item of a stage or a project: `action NAME "Title"`, then optionally `owner MEMBER`, `due YYYY-MM-DD` and a status (todo, doing, done or blocked), in that order',
    owner: 'owner: the coalition member who sees the action through (any member, a naysayer too)',
    due: 'due: the date the action should be done by, YYYY-MM-DD; not done by then, it is overdue',
    effort: 'effort: how much work the project needs (low, medium or high). Not part of the score: it places the project among quick wins, big bets, fill-ins and time sinks. Written twice, the highest counts',
    actual: 'actual: where the metric stands now, in the same number syntax as its target; progress is actual against target',
    from: 'from: the date a stage starts (YYYY-MM-DD), after its title; a story names its project after `from`',
    to: 'to: the date a stage ends (YYYY-MM-DD), after its `from` if it has one'
};

/** What a project's effort level means (not part of the score). */
export const EFFORT_LEVEL_MEANINGS: Readonly<Record<Level, string>> = {
    low: 'low: little work; with a high score, a quick win',
    medium: 'medium: a fair amount of work',
    high: 'high: much work; with a low score, a time sink'
};
