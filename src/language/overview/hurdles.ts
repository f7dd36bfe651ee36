/**
 * The two hurdles of the article (SPEC section 8, section 2 of the overview): each is judged by
 * the diagnostics of its codes. A check holds when the plan has no diagnostic of its code; it
 * says then, in words, what holds; otherwise its diagnostics say what does not.
 */
import type { Hurdle } from '../../protocol/overview-protocol.js';
import type { RankDiagnostic } from '../../protocol/rank-protocol.js';
import { IssueCodes, IssueCodeTable, type IssueCode } from '../validation/issue-codes.js';

/** The facts a check's words need. */
export interface HurdleFacts {
    readonly managers: number;
    readonly trainedManagers: number;
    readonly launches: number;
    readonly mantra: string | undefined;
    readonly projects: number;
    readonly quickWins: number;
    readonly stories: number;
    readonly naysayers: number;
}

interface CheckDefinition {
    readonly code: IssueCode;
    /** What holds when the plan has no diagnostic of the code. */
    readonly holds: (facts: HurdleFacts) => string;
}

interface HurdleDefinition {
    readonly id: Hurdle['id'];
    readonly title: string;
    readonly summary: string;
    readonly checks: readonly CheckDefinition[];
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export const HURDLES: readonly HurdleDefinition[] = [
    {
        id: 'human-bandwidth',
        title: 'Human before virtual bandwidth',
        summary: 'Build the coalition of the willing before the coalition of the online: managers who understand why come before channels.',
        checks: [
            {
                code: IssueCodes.FewManagers,
                holds: facts => `The coalition has ${plural(facts.managers, 'manager', 'managers')} (operational or middle).`
            },
            {
                code: IssueCodes.UntrainedManagers,
                holds: facts => facts.launches === 0
                    ? 'No channel is launched yet, so no untrained managers stand in the way.'
                    : `${facts.trainedManagers} of ${plural(facts.managers, 'manager is', 'managers are')} trained.`
            },
            {
                code: IssueCodes.VirtualBeforeHuman,
                holds: facts => facts.launches === 0
                    ? 'No channel is launched yet.'
                    : 'No channel is launched in the initial stage or before the coalition has two managers.'
            },
            {
                code: IssueCodes.ChannelNotLaunched,
                holds: () => 'Every channel a project uses is launched in its stage or an earlier one.'
            },
            {
                code: IssueCodes.MantraMissing,
                holds: facts => facts.mantra !== undefined ? `The initial stage repeats its mantra: “${facts.mantra}”` : 'The plan has no initial stage that lacks a mantra.'
            },
            {
                code: IssueCodes.VanityMetric,
                holds: () => 'No goal or project counts only likes, followers, subscribers or fans.'
            }
        ]
    },
    {
        id: 'quick-wins',
        title: 'Quick wins and the road show',
        summary: 'Pick low-hanging fruit for quick wins, and turn them into success stories that win over the naysayers.',
        checks: [
            {
                code: IssueCodes.NoQuickWins,
                holds: facts => facts.projects === 0
                    ? 'The plan has no projects yet.'
                    : `${facts.quickWins} of ${plural(facts.projects, 'project is a quick win', 'projects are quick wins')}.`
            },
            {
                code: IssueCodes.RoadShowMissing,
                holds: facts => facts.stories > 0
                    ? `The road show has ${plural(facts.stories, 'story', 'stories')}.`
                    : 'No quick win is waiting for the road show yet.'
            },
            {
                code: IssueCodes.UntoldQuickWin,
                holds: facts => facts.quickWins === 0 ? 'No quick win is left untold.' : 'Every quick win has its story (or the road show has not started).'
            },
            {
                code: IssueCodes.StoryFromNonQuickWin,
                holds: facts => facts.stories === 0 ? 'No story is told from a project that is not a quick win.' : 'Every story is told from a quick win.'
            },
            {
                code: IssueCodes.NaysayerUnreached,
                holds: facts => facts.naysayers === 0
                    ? 'The coalition names no naysayers to win over.'
                    : `${facts.naysayers === 1 ? 'The naysayer is' : `All ${facts.naysayers} naysayers are`} in a story's audience.`
            }
        ]
    }
];

/** The codes that judge the hurdles, in the order shown. */
export const HURDLE_CODES: readonly IssueCode[] = HURDLES.flatMap(hurdle => hurdle.checks.map(check => check.code));

/**
 * The hurdles of a plan, from its diagnostics (in document order) and the codes the rules in
 * force turn off.
 */
export function judgeHurdles(diagnostics: readonly RankDiagnostic[], off: ReadonlySet<string>, facts: HurdleFacts): Hurdle[] {
    const byCode = new Map<string, RankDiagnostic[]>();
    for (const diagnostic of diagnostics) {
        const list = byCode.get(diagnostic.code);
        if (list) list.push(diagnostic);
        else byCode.set(diagnostic.code, [diagnostic]);
    }
    return HURDLES.map(hurdle => {
        const checks = hurdle.checks.map(check => {
            const found = byCode.get(check.code) ?? [];
            const isOff = off.has(check.code);
            const holds = found.length === 0;
            const text = isOff
                ? `Not checked: the rules in force turn ${check.code} off.`
                : holds ? check.holds(facts) : IssueCodeTable[check.code].summary;
            return { code: check.code, holds, off: isOff, text, diagnostics: found };
        });
        return { id: hurdle.id, title: hurdle.title, summary: hurdle.summary, cleared: checks.every(check => check.holds), checks };
    });
}
