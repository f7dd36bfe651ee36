/**
 * Goals and metrics: every goal is measured, every metric has a target, and a goal or project is
 * not measured by vanity counts (likes, followers, subscribers, fans) alone.
 */
import type { ValidationAcceptor } from 'langium';
import type { Goal, Metric, Project } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

const VANITY_WORDS = new Set(['like', 'likes', 'follower', 'followers', 'subscriber', 'subscribers', 'fan', 'fans']);

/** The words of a name or title: split on anything but letters and digits, and at camelCase humps. */
export function wordsOf(text: string): string[] {
    return text
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map(word => word.toLowerCase());
}

/**
 * Every vanity word contains one of these; a text without any of them (most metrics) needs no
 * splitting into words. A word is a piece of its text, so this never misses one.
 */
const VANITY_STEMS = /like|follower|subscriber|fan/;

function hasVanityWord(text: string): boolean {
    return VANITY_STEMS.test(text.toLowerCase()) && wordsOf(text).some(word => VANITY_WORDS.has(word));
}

export function isVanityMetric(metric: Metric): boolean {
    return hasVanityWord(metric.name ?? '') || hasVanityWord(metric.title ?? '');
}

export function goalNeedsAMetric(goal: Goal, accept: ValidationAcceptor): void {
    if (!goal.name || goal.metrics.length > 0) return;
    report(accept, IssueCodes.GoalWithoutMetric,
        `Goal '${goal.name}' has no metric, so nobody can tell when it is reached. Add a metric with a target inside { } after the goal.`,
        { node: goal, property: 'name' });
}

export function metricNeedsATarget(metric: Metric, accept: ValidationAcceptor): void {
    if (!metric.name || metric.target) return;
    report(accept, IssueCodes.MetricWithoutTarget,
        `Metric '${metric.name}' has no target. Say what counts as success, for example: target 60% or target 500.`,
        { node: metric, property: 'name' });
}

export function metricsShouldNotAllBeVanity(owner: Goal | Project, accept: ValidationAcceptor): void {
    if (!owner.name || owner.metrics.length === 0 || !owner.metrics.every(isVanityMetric)) return;
    const kind = owner.$type === 'Goal' ? 'Goal' : 'Project';
    report(accept, IssueCodes.VanityMetric,
        `${kind} '${owner.name}' is measured only by likes, followers, subscribers or fans. Add a metric of what changes for people (views of the archive, questions answered, staff trained).`,
        { node: owner, property: 'name' });
}
