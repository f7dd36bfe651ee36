/**
 * The two hurdles of the article (docs/command-line.md#adopt-report, section 2 of the overview): each is judged by
 * the diagnostics of its codes. A check holds when the plan has no diagnostic of its code; it
 * says then, in words, what holds; otherwise its diagnostics say what does not. A check with
 * nothing to judge (no projects, no launch, no naysayers...) is not applicable: it says why,
 * and is not shown as a pass.
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
    /** The plan has an initial stage. */
    readonly initialStage: boolean;
    /** Channels named by projects' `uses`. */
    readonly channelUses: number;
    /** Metrics of goals and projects. */
    readonly metrics: number;
}

interface CheckDefinition {
    readonly code: IssueCode;
    /** What holds when the plan has no diagnostic of the code. */
    readonly holds: (facts: HurdleFacts) => string;
    /** Why there is nothing to judge, when there is not; undefined when the check applies. */
    readonly notApplicable?: (facts: HurdleFacts) => string | undefined;
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
                holds: facts => `${facts.trainedManagers} of ${plural(facts.managers, 'manager is', 'managers are')} trained: at least half.`,
                notApplicable: facts => facts.launches === 0
                    ? 'No channel is launched yet, so no manager needs to be trained for it.'
                    : facts.managers < 2 ? `Training is judged once the coalition has two managers (it has ${facts.managers}).` : undefined
            },
            {
                code: IssueCodes.VirtualBeforeHuman,
                holds: () => 'No channel is launched in the initial stage or before the coalition has two managers.',
                notApplicable: facts => (facts.launches === 0 ? 'No channel is launched yet.' : undefined)
            },
            {
                code: IssueCodes.ChannelNotLaunched,
                holds: () => 'Every channel a project uses is launched in its stage or an earlier one.',
                notApplicable: facts => (facts.channelUses === 0 ? 'No project uses a channel yet.' : undefined)
            },
            {
                code: IssueCodes.MantraMissing,
                holds: facts => facts.mantra !== undefined ? `The initial stage repeats its mantra: “${facts.mantra}”` : 'The initial stage has a mantra.',
                notApplicable: facts => (facts.initialStage ? undefined : 'The plan has no initial stage yet.')
            },
            {
                code: IssueCodes.VanityMetric,
                holds: () => 'No goal or project counts only likes, followers, subscribers or fans.',
                notApplicable: facts => (facts.metrics === 0 ? 'The plan has no metrics yet.' : undefined)
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
                holds: facts => `${facts.quickWins} of ${plural(facts.projects, 'project is a quick win', 'projects are quick wins')}.`,
                notApplicable: facts => (facts.projects === 0 ? 'The plan has no projects yet.' : undefined)
            },
            {
                code: IssueCodes.RoadShowMissing,
                holds: facts => `The road show has ${plural(facts.stories, 'story', 'stories')}.`,
                notApplicable: facts => (facts.stories === 0 && facts.quickWins === 0 ? 'No quick win is waiting for the road show yet.' : undefined)
            },
            {
                code: IssueCodes.UntoldQuickWin,
                holds: () => 'Every quick win has its story.',
                notApplicable: facts => facts.quickWins === 0
                    ? 'The plan has no quick wins yet.'
                    : facts.stories === 0 ? 'The road show has not started (see the check above).' : undefined
            },
            {
                code: IssueCodes.StoryFromNonQuickWin,
                holds: () => 'Every story is told from a quick win.',
                notApplicable: facts => (facts.stories === 0 ? 'The plan has no stories yet.' : undefined)
            },
            {
                code: IssueCodes.NaysayerUnreached,
                holds: facts => `${facts.naysayers === 1 ? 'The naysayer is' : `All ${facts.naysayers} naysayers are`} in a story's audience.`,
                notApplicable: facts => (facts.naysayers === 0 ? 'The coalition names no naysayers to win over.' : undefined)
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
            // A diagnostic always speaks; without one, a check with nothing to judge says why.
            const notApplicable = holds && !isOff ? check.notApplicable?.(facts) : undefined;
            const text = notApplicable ?? (isOff
                ? `Not checked: the rules in force turn ${check.code} off.`
                : holds ? check.holds(facts) : IssueCodeTable[check.code].summary);
            return { code: check.code, holds, off: isOff, applicable: notApplicable === undefined, text, diagnostics: found };
        });
        // Cleared: every check holds, and at least one of them had something to judge.
        const cleared = checks.every(check => check.holds) && checks.some(check => check.applicable && !check.off);
        return { id: hurdle.id, title: hurdle.title, summary: hurdle.summary, cleared, checks };
    });
}
