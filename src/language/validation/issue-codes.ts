/**
 * The diagnostic codes of SPEC section 3, with their severities. Every diagnostic the language
 * reports carries one of these as its LSP `code` and in `data.code` (for quick fixes).
 */
export const IssueCodes = {
    DuplicateName: 'duplicate-name',
    StageCycle: 'stage-cycle',
    UnresolvedReference: 'unresolved-reference',
    SyntaxError: 'syntax-error',
    VirtualBeforeHuman: 'virtual-before-human',
    FewManagers: 'few-managers',
    UntrainedProject: 'untrained-project',
    GoalWithoutMetric: 'goal-without-metric',
    MetricWithoutTarget: 'metric-without-target',
    VanityMetric: 'vanity-metric',
    NoQuickWins: 'no-quick-wins',
    StoryBeforeProject: 'story-before-project',
    FreestandingProject: 'freestanding-project',
    UntappedOpportunity: 'untapped-opportunity',
    LowReach: 'low-reach',
    RoadShowMissing: 'road-show-missing',
    NaysayerUnreached: 'naysayer-unreached',
    MantraMissing: 'mantra-missing'
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

export type IssueSeverity = 'error' | 'warning' | 'info' | 'hint';

export const IssueSeverities: Readonly<Record<IssueCode, IssueSeverity>> = {
    'duplicate-name': 'error',
    'stage-cycle': 'error',
    'unresolved-reference': 'error',
    'syntax-error': 'error',
    'virtual-before-human': 'warning',
    'few-managers': 'warning',
    'untrained-project': 'warning',
    'goal-without-metric': 'warning',
    'metric-without-target': 'warning',
    'vanity-metric': 'warning',
    'no-quick-wins': 'warning',
    'story-before-project': 'warning',
    'freestanding-project': 'info',
    'untapped-opportunity': 'info',
    'low-reach': 'info',
    'road-show-missing': 'info',
    'naysayer-unreached': 'info',
    'mantra-missing': 'hint'
};

export const ALL_ISSUE_CODES = Object.values(IssueCodes) as readonly IssueCode[];
