/**
 * The changes between two versions of a plan in words: `adopt diff`'s text, a line per change
 * (docs/command-line.md#adopt-diff), and the report's "Since …" section, a few sentences for
 * leadership.
 */
import type { ActionChange, MemberChange, PlanDiff, ProjectChange } from '../protocol/diff-protocol.js';
import { formatNumber, plural } from './html-text.js';

type Field = { readonly old: unknown; readonly new: unknown };

function valueText(value: unknown): string {
    if (value === null || value === undefined) return 'none';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'number') return formatNumber(value);
    return String(value).replace('-', ' ');
}

/** `score 50 → 62.5; quick win no → yes`; for an added or removed entry its values: `score 62.5; quick win yes`. */
function fieldsText(entry: Readonly<Record<string, unknown>>, change: string): string {
    const names: Readonly<Record<string, string>> = { quickWin: 'quick win' };
    return Object.entries(entry)
        .filter((pair): pair is [string, Field] => typeof pair[1] === 'object' && pair[1] !== null && 'old' in pair[1])
        .map(([field, value]) => {
            const name = names[field] ?? field;
            if (change === 'added') return `${name} ${valueText(value.new)}`;
            if (change === 'removed') return `${name} ${valueText(value.old)}`;
            return `${name} ${valueText(value.old)} → ${valueText(value.new)}`;
        }).join('; ');
}

const MARKS = { added: '+', removed: '-', changed: '~' } as const;

/** `adopt diff`'s text: the plan's status, then a block per kind of declaration that changed, then the diagnostics new and fixed. */
export function diffText(diff: PlanDiff, oldName: string, newName: string): string {
    const out = [`${oldName} → ${newName}`, diff.status.old === diff.status.new
        ? `Plan ${diff.plan}: still ${valueText(diff.status.new)}`
        : `Plan ${diff.plan}: ${valueText(diff.status.old)} → ${valueText(diff.status.new)}`];
    const block = (heading: string, entries: ReadonlyArray<{ readonly name: string; readonly change: 'added' | 'removed' | 'changed' } & Readonly<Record<string, unknown>>>) => {
        if (entries.length === 0) return;
        out.push('', heading);
        for (const entry of entries) {
            const fields = fieldsText(entry, entry.change);
            out.push(`  ${MARKS[entry.change]} ${entry.name}${fields ? `: ${fields}` : ''}`);
        }
    };
    block('Projects', diff.projects);
    block('Actions', diff.actions);
    if (diff.metrics.length > 0) {
        out.push('', 'Metrics');
        for (const metric of diff.metrics) out.push(`  ~ ${metric.name} (in ${metric.in}): actual ${valueText(metric.actual.old)} → ${valueText(metric.actual.new)}`);
    }
    block('Members', diff.members);
    block('Stories', diff.stories);
    const { new: added, fixed } = diff.diagnostics;
    if (added.length + fixed.length > 0) {
        out.push('', `Diagnostics: ${added.length} new, ${fixed.length} fixed`);
        for (const d of added) out.push(`  + ${d.severity} ${d.code}: ${d.message}`);
        for (const d of fixed) out.push(`  - ${d.severity} ${d.code}: ${d.message}`);
    }
    const nothing = diff.projects.length + diff.actions.length + diff.metrics.length + diff.members.length + diff.stories.length + added.length + fixed.length === 0;
    if (nothing) out.push('', 'No changes to projects, actions, metrics, members, stories or diagnostics.');
    return out.join('\n') + '\n';
}

/** `A, B and 3 more` of at most three names (their titles where known). */
function names(list: readonly string[], titles: ReadonlyMap<string, string>): string {
    const shown = list.slice(0, 3).map(name => titles.get(name) || name);
    const more = list.length - shown.length;
    if (more > 0) return `${shown.join(', ')} and ${more.toLocaleString('en')} more`;
    return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `2 added (A and B)`, or nothing for none. */
function counted(list: readonly string[], what: string, titles: ReadonlyMap<string, string>): string {
    return list.length === 0 ? '' : `${list.length.toLocaleString('en')} ${what} (${names(list, titles)})`;
}

function sentence(subject: string, parts: readonly string[]): string {
    const said = parts.filter(Boolean);
    return said.length === 0 ? '' : `${subject}: ${said.join(', ')}.`;
}

/**
 * The changes in a few sentences, for the report's "Since …" section: the plan's status, then
 * projects, actions, metrics, members, stories and problems, each only when something changed.
 * `titles`: the titles of the declarations by name (of either version).
 */
export function sinceSentences(diff: PlanDiff, titles: ReadonlyMap<string, string>): string[] {
    const pick = <T extends { readonly name: string }>(list: readonly T[], test: (entry: T) => boolean) => list.filter(test).map(entry => entry.name);
    const projects = diff.projects;
    const became = (entry: ProjectChange, value: boolean) => entry.change === 'changed' && entry.quickWin?.new === value;
    const actions = diff.actions;
    const newly = (entry: ActionChange, status: string) => entry.change !== 'removed' && entry.status?.new === status;
    const members = diff.members;
    const trainedNow = (entry: MemberChange) => entry.change === 'changed' && entry.trained?.new === true;
    const { new: added, fixed } = diff.diagnostics;
    return [
        diff.status.old === diff.status.new
            ? `The plan is still ${valueText(diff.status.new)}.`
            : `The plan went from ${valueText(diff.status.old)} to ${valueText(diff.status.new)}.`,
        sentence('Projects', [
            counted(pick(projects, entry => entry.change === 'added'), 'added', titles),
            counted(pick(projects, entry => entry.change === 'removed'), 'removed', titles),
            counted(pick(projects, entry => became(entry, true)), 'became quick wins', titles),
            counted(pick(projects, entry => became(entry, false)), 'no longer quick wins', titles)
        ]),
        sentence('Actions', [
            counted(pick(actions, entry => newly(entry, 'done')), 'done', titles),
            counted(pick(actions, entry => entry.change === 'changed' && entry.overdue?.new === true), 'now overdue', titles),
            counted(pick(actions, entry => newly(entry, 'blocked')), 'now blocked', titles),
            counted(pick(actions, entry => entry.change === 'added'), 'added', titles),
            counted(pick(actions, entry => entry.change === 'removed'), 'removed', titles)
        ]),
        diff.metrics.length === 0 ? '' : `Metrics: ${plural(diff.metrics.length, 'actual', 'actuals')} updated (${names(diff.metrics.map(metric => metric.name), titles)}).`,
        sentence('Coalition', [
            counted(pick(members, entry => entry.change === 'added'), 'joined', titles),
            counted(pick(members, entry => entry.change === 'removed'), 'left', titles),
            counted(pick(members, trainedNow), 'trained', titles)
        ]),
        sentence('Stories', [
            counted(pick(diff.stories, entry => entry.change === 'added'), 'added', titles),
            counted(pick(diff.stories, entry => entry.change === 'removed'), 'removed', titles)
        ]),
        added.length + fixed.length === 0 ? '' : `Problems: ${added.length.toLocaleString('en')} new, ${fixed.length.toLocaleString('en')} fixed.`
    ].filter(Boolean);
}

/** The heading of the "Since …" section: `Since HEAD~3 (4 January 2027)`, `Since plan-v1.adopt`. */
export function sinceHeading(label: string): string {
    return `Since ${label}`;
}
