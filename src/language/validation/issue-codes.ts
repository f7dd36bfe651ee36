/**
 * The diagnostic codes of SPEC sections 3, 7 and 9, with their default severities and their help
 * texts. Every diagnostic the language reports carries one of these as its LSP `code` and in
 * `data.code` (for quick fixes). The list of codes here is the one list: the config file's
 * `severity` keys, the `adopt.diagnostics.severity` setting and the SARIF rules derive from it.
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
    ActionWithoutOwner: 'action-without-owner',
    UnusedSuppression: 'unused-suppression'
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
    'action-without-owner': 'info',
    'unused-suppression': 'hint'
};

export const ALL_ISSUE_CODES = Object.values(IssueCodes) as readonly IssueCode[];

/** The codes whose severity a config file or a setting may change: all but `syntax-error`, always an error. */
export type ConfigurableCode = Exclude<IssueCode, 'syntax-error'>;
export const CONFIGURABLE_CODES = ALL_ISSUE_CODES.filter((code): code is ConfigurableCode => code !== IssueCodes.SyntaxError);

export function isIssueCode(code: unknown): code is IssueCode {
    return typeof code === 'string' && (ALL_ISSUE_CODES as readonly string[]).includes(code);
}

export interface IssueHelp {
    /** One line: what the diagnostic is about. */
    readonly summary: string;
    /** Why it matters and what to do, in a few sentences. */
    readonly help: string;
}

/**
 * What each code means and what to do about it: shown in the SARIF rules (`adopt check --format
 * sarif`), and as the description of each code in the config file's JSON schema and the
 * `adopt.diagnostics.severity` setting.
 */
export const IssueHelpTexts: Readonly<Record<IssueCode, IssueHelp>> = {
    'duplicate-name': {
        summary: 'Two declarations of one kind share a name.',
        help: 'Each kind (member, channel, initiative, stage, project, goal, story) has its own names in a plan, and a metric\'s name is unique within its goal or project. Rename one of the two declarations: references go to the first.'
    },
    'stage-cycle': {
        summary: 'The `after` references of stages form a cycle.',
        help: 'A stage\'s `after` names the stage it follows. Here the stages follow each other in a loop, so no stage comes first. Remove or change one of the `after` references.'
    },
    'unresolved-reference': {
        summary: 'A name that the plan does not declare.',
        help: 'A reference names a member, channel, initiative, stage or project that the plan does not declare. Declare it, or correct the name.'
    },
    'syntax-error': {
        summary: 'The text does not parse.',
        help: 'The plan does not follow the language\'s syntax here; the message says what was expected. A syntax error is always an error: it cannot be turned off or ignored.'
    },
    'virtual-before-human': {
        summary: 'A channel is launched before the coalition is ready.',
        help: 'The first hurdle: opening channels (virtual bandwidth) before the people who understand why (human bandwidth). A `launch` in the initial stage, or any `launch` while the coalition has fewer than two managers, walks into it. Move the launch to a later stage, or win over more managers first.'
    },
    'few-managers': {
        summary: 'The coalition has fewer than two managers.',
        help: 'Operational and middle managers carry an adoption. Bring at least two members with the role `middle-manager` or `operational-manager` into the coalition.'
    },
    'untrained-project': {
        summary: 'A project involves willing members, but none is trained.',
        help: 'A project needs someone who can show the others how. Train one of its members (`trained`) or involve a trained member.'
    },
    'goal-without-metric': {
        summary: 'A goal has no metric.',
        help: 'A goal without a metric cannot show progress. Add `metric NAME "Title" target N` to the goal.'
    },
    'metric-without-target': {
        summary: 'A metric has no target.',
        help: 'Give the metric a target (`target 500`, `target 60%`) so that progress can be measured against it.'
    },
    'vanity-metric': {
        summary: 'Every metric counts likes, followers, subscribers or fans.',
        help: 'Counts of likes, followers, subscribers or fans say little about adoption. Add a metric of what the work changes: people reached, time saved, questions answered.'
    },
    'no-quick-wins': {
        summary: 'The plan has projects, and none is a quick win.',
        help: 'The second hurdle: roll-out needs low-hanging fruit. A quick win supports an initiative, involves a trained willing member, has all three traits (asynchrony, geography, crowdsourcing) and scores at least the threshold. The message names the best candidate and what it lacks.'
    },
    'story-before-project': {
        summary: 'A story is told in a stage that does not come after its project\'s stage.',
        help: 'A success story can only be told once its project is done. Move the story to a stage that comes after the project\'s stage.'
    },
    'freestanding-project': {
        summary: 'A project supports no initiative.',
        help: 'Applying social media to an existing initiative works better than starting a freestanding one. Add `supports INITIATIVE` to the project.'
    },
    'untapped-opportunity': {
        summary: 'A project lacks asynchrony, geography or crowdsourcing.',
        help: 'The three untapped opportunities: people separated by time (asynchrony), by space (geography), and shared work built by a group (crowdsourcing, the most powerful). Add the traits that apply, at the level they apply.'
    },
    'low-reach': {
        summary: 'A project involves fewer than half of the willing members.',
        help: 'A good project involves as much of the coalition as possible. Involve more willing members, trained ones first.'
    },
    'road-show-missing': {
        summary: 'There are quick wins but no story.',
        help: 'Success stories from quick wins go on an internal road show to win over the naysayers. Add `story NAME "Title" from PROJECT` in a stage after the project\'s stage.'
    },
    'naysayer-unreached': {
        summary: 'A naysayer is in no story\'s audience.',
        help: 'The road show is for the naysayers. Add them to a story\'s `audience`.'
    },
    'mantra-missing': {
        summary: 'The initial stage has no mantra.',
        help: 'The initial stage should repeat why the change matters: add `mantra "The status quo must go!"`.'
    },
    'invalid-date': {
        summary: 'A date that is not a calendar date.',
        help: 'Dates are written YYYY-MM-DD and must exist: 2027-02-30 and 2027-13-01 do not. Correct the date; until then no check uses it.'
    },
    'stage-window-reversed': {
        summary: 'A stage ends before it starts.',
        help: 'A stage\'s window is `from DATE` `to DATE`; here `to` comes before `from`. Swap the dates, or correct one of them.'
    },
    'channel-not-launched': {
        summary: 'A project uses a channel that is not launched by then.',
        help: 'A project can only use a channel that a `launch` opens in its stage or in a stage its stage comes after. Launch the channel there (the quick fix adds `launch CHANNEL` to the project\'s stage), or use another channel.'
    },
    'untrained-managers': {
        summary: 'The plan launches channels while fewer than half of its managers are trained.',
        help: 'Human bandwidth before virtual bandwidth: the managers who carry the adoption should know the tools before channels open. Train at least half of the managers (`trained`), or launch later.'
    },
    'action-outside-stage': {
        summary: 'An action is due outside its stage\'s window.',
        help: 'An action of a stage (or of a project in it) should be due between the stage\'s `from` and `to`. Move the due date into the window, or the action to the stage it belongs to.'
    },
    'overdue-action': {
        summary: 'An action is past its due date and not done.',
        help: 'Today is after the action\'s due date and the action is not done. Mark it done if it is (the quick fix does), or give it a new due date. The CLI\'s --today and the variable ADOPT_TODAY set what today is.'
    },
    'stage-window-order': {
        summary: 'A stage starts before the stage it follows.',
        help: 'Stages come in order: a stage should not start (`from`) before its predecessor starts. Start it later, or change the order of the stages.'
    },
    'untold-quick-win': {
        summary: 'A quick win that no story is told from.',
        help: 'Every quick win is a success story waiting for the internal road show. Add `story NAME "Title" from PROJECT` in a stage after the project\'s stage (the quick fix does).'
    },
    'story-from-non-quick-win': {
        summary: 'A story is told from a project that is not a quick win.',
        help: 'The road show needs success stories, and a project that is not a quick win is not one yet. Tell the story from a quick win, or make the project one first.'
    },
    'action-without-owner': {
        summary: 'An action that is not done has no owner.',
        help: 'An action item needs someone who sees it through. Name a coalition member after its title: `owner NAME`.'
    },
    'unused-suppression': {
        summary: 'An `adopt-ignore` comment silences nothing.',
        help: 'A comment `// adopt-ignore CODE` on its own line silences CODE on the next line. This one silenced nothing there: the diagnostic is gone, the code is misspelled or turned off, or the comment does not stand on its own line. Remove the comment or correct it.'
    }
};
