/**
 * The diagnostic codes of SPEC sections 3 and 7, with their severities. Every diagnostic the language
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
    MantraMissing: 'mantra-missing',
    InvalidDate: 'invalid-date',
    StageWindowReversed: 'stage-window-reversed',
    ChannelNotLaunched: 'channel-not-launched',
    UntrainedManagers: 'untrained-managers',
    ActionOutsideStage: 'action-outside-stage',
    OverdueAction: 'overdue-action',
    StageWindowOrder: 'stage-window-order',
    UntoldQuickWin: 'untold-quick-win',
    StoryFromNonQuickWin: 'story-from-non-quick-win',
    ActionWithoutOwner: 'action-without-owner'
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
    'mantra-missing': 'hint',
    'invalid-date': 'error',
    'stage-window-reversed': 'error',
    'channel-not-launched': 'warning',
    'untrained-managers': 'warning',
    'action-outside-stage': 'warning',
    'overdue-action': 'warning',
    'stage-window-order': 'warning',
    'untold-quick-win': 'info',
    'story-from-non-quick-win': 'info',
    'action-without-owner': 'info'
};

export const ALL_ISSUE_CODES = Object.values(IssueCodes) as readonly IssueCode[];
