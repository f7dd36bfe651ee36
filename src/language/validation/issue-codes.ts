/**
 * The diagnostic codes, one entry each: its default severity, what it is about, what to do, when
 * exactly it is reported and what its quick fix does. Every diagnostic the language reports
 * carries one of these as its LSP `code` and in `data.code` (for quick fixes). Everything else about
 * codes is made from this table: the `IssueCodes` constants, the severities `report` gives, the
 * config file's `severity` keys and their descriptions (adopt-config-schema.ts), the setting
 * `adopt.diagnostics.severity` and the reference table of docs/diagnostics.md (both written by
 * `npm run sync-codes`), and the SARIF rules. A new code is one new entry here.
 */

export type IssueSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface IssueCodeEntry {
    /** The default severity; a config file or a setting may change it (except for `syntax-error`). */
    readonly severity: IssueSeverity;
    /** One line: what the diagnostic is about. */
    readonly summary: string;
    /** Why it matters and what to do, in a few sentences. */
    readonly help: string;
    /** When exactly it is reported and where it sits (Markdown, for the reference table). */
    readonly when: string;
    /** What its quick fix does (Markdown, for the reference table); none when absent. */
    readonly quickFix?: string;
}

const TABLE = {
    'duplicate-name': {
        severity: 'error',
        summary: 'Two declarations of one kind share a name.',
        help: 'Each kind (member, channel, initiative, stage, project, goal, story, action) has its own names in a plan, and a metric\'s name is unique within its goal or project. Rename one of the two declarations: references go to the first.',
        when: 'two declarations of one kind share a name (reported on every declaration after the first); across files, a plan\'s declaration with the name and kind of one in a file it uses (on the plan\'s declaration), and two used files that declare the same name and kind (on the second `use`, naming both files)'
    },
    'stage-cycle': {
        severity: 'error',
        summary: 'The `after` references of stages form a cycle.',
        help: 'A stage\'s `after` names the stage it follows. Here the stages follow each other in a loop, so no stage comes first. Remove or change one of the `after` references.',
        when: '`after` references form a cycle (reported on each `after` in it)'
    },
    'unresolved-reference': {
        severity: 'error',
        summary: 'A name that the plan does not declare.',
        help: 'A reference names a member, channel, initiative, stage or project that the plan does not declare. Declare it, or correct the name.',
        when: 'a name that is not declared in the plan or in a file it uses; the message names the kind and the name, and asks "did you mean" the declared names of that kind that are close (another case, or up to 1, 2 or 3 edits for names of up to 4, 8 or more letters; at most three)',
        quickFix: 'replace the name with one of them, one fix each; and `use "PATH"` (after the file\'s last `use`, or at its top), one per shared file of the workspace that declares that name with that kind'
    },
    'use-not-found': {
        severity: 'error',
        summary: 'A `use` names no readable `.adopt` file.',
        help: 'A `use` line names a shared file by its path relative to this file\'s folder, with `/` between folders (`../` is allowed). Nothing readable is there: correct the path, or create the shared file.',
        when: 'the path of a `use` names no readable `.adopt` file: no such file, a folder, a binary or non-UTF-8 file, a file over the size limit, an absolute path or a URL (on the path; the message says which)',
        quickFix: 'one per shared file of the workspace with the same file name: use its relative path'
    },
    'use-not-shared': {
        severity: 'error',
        summary: 'A `use` names a file that holds a plan, not a shared block.',
        help: 'A file may use only shared files: a `shared` block holds the coalition, channels and initiatives that plans share. Move what the plans share into a shared file and use that one.',
        when: 'the file a `use` names holds a plan (or neither a plan nor a shared block), including the file itself when it holds a plan (on the path)'
    },
    'use-cycle': {
        severity: 'error',
        summary: 'Shared files use each other in a cycle.',
        help: 'A shared file that uses itself, or files that use each other in a loop, make a cycle. `use` is not transitive and nothing in a shared block refers to a name, so the line is not needed: remove one `use` of the cycle.',
        when: 'shared files that use each other in a cycle of any length, a file that uses itself included (on each `use` of the cycle)'
    },
    'unused-use': {
        severity: 'hint',
        summary: 'Nothing the used file declares is referred to here.',
        help: 'A file sees the members, channels and initiatives of the shared files it uses. Nothing this file refers to is declared in that one, so the line can go. In a shared file every `use` is unused: nothing in a shared block refers to a name.',
        when: 'nothing that the used file declares is referenced in this file (on the path; not reported while the file has syntax errors that may hide a reference)',
        quickFix: 'remove the line'
    },
    'syntax-error': {
        severity: 'error',
        summary: 'The text does not parse.',
        help: 'The plan does not follow the language\'s syntax here; the message says what was expected. A syntax error is always an error: it cannot be turned off or ignored.',
        when: 'the text does not parse; one mistake is one message, on it, saying in words what fits there (a level: low, medium or high; the order of a declaration\'s parts; a missing title right where it is missing; an empty file: a plan). The parser reads on as a person would: a word one or two letters off a keyword is read as that keyword, a missing keyword, name or `}` is taken as there, parts out of order are taken where they stand, so every declaration after the mistake keeps its diagnostics, and checks that could be misled by text left out stay silent',
        quickFix: 'a word read as a keyword: change it to the keyword'
    },
    'virtual-before-human': {
        severity: 'warning',
        summary: 'A channel is launched before the coalition is ready.',
        help: 'The first hurdle: opening channels (virtual bandwidth) before the people who understand why (human bandwidth). A `launch` in the initial stage, or any `launch` while the coalition has fewer than two managers, walks into it. Move the launch to a later stage, or win over more managers first.',
        when: 'a `launch` in the initial stage, or any `launch` while the coalition has fewer than two managers; one per `launch` statement, giving the reason(s)',
        quickFix: 'move the launch to the stage that comes directly after the initial stage'
    },
    'few-managers': {
        severity: 'warning',
        summary: 'The coalition has fewer than two managers.',
        help: 'Operational and middle managers carry an adoption. Bring at least two members with the role `middle-manager` or `operational-manager` into the coalition.',
        when: 'the coalition has fewer than two managers (distinct names); on the first `coalition` keyword, or on the plan\'s name without a coalition'
    },
    'untrained-project': {
        severity: 'warning',
        summary: 'A project involves willing members, but none is trained.',
        help: 'A project needs someone who can show the others how. Train one of its members (`trained`) or involve a trained member.',
        when: 'a project involves willing members but none is trained'
    },
    'goal-without-metric': {
        severity: 'warning',
        summary: 'A goal has no metric.',
        help: 'A goal without a metric cannot show progress. Give the goal a block with a metric: `goal NAME "Title" { metric NAME "Title" target N }`.',
        when: 'a goal with no metric',
        quickFix: 'insert a metric skeleton'
    },
    'metric-without-target': {
        severity: 'warning',
        summary: 'A metric has no target.',
        help: 'Give the metric a target (`target 500`, `target 60%`) so that progress can be measured against it.',
        when: 'a metric with no target'
    },
    'vanity-metric': {
        severity: 'warning',
        summary: 'Every metric counts likes, followers, subscribers or fans.',
        help: 'Counts of likes, followers, subscribers or fans say little about adoption. Add a metric of what the work changes: people reached, time saved, questions answered.',
        when: 'every metric of a goal or project counts likes, followers, subscribers or fans (whole words in the metric\'s name or title, any case; the words of a camelCase or snake_case name count as words); no metrics, no warning'
    },
    'no-quick-wins': {
        severity: 'warning',
        summary: 'The plan has projects, and none is a quick win.',
        help: 'The second hurdle: roll-out needs low-hanging fruit. A quick win supports an initiative, involves a trained willing member, has all three traits (asynchrony, geography, crowdsourcing) and scores at least the threshold. The message names the best candidate and what it lacks.',
        when: 'the plan has projects and none is a quick win (on the plan\'s name; the message names the best candidate and what it lacks)'
    },
    'story-before-project': {
        severity: 'warning',
        summary: 'A story is told in a stage that does not come after its project\'s stage.',
        help: 'A success story can only be told once its project is done. Move the story to a stage that comes after the project\'s stage.',
        when: 'a story\'s stage does not come after its project\'s stage (the same stage does not either)'
    },
    'freestanding-project': {
        severity: 'info',
        summary: 'A project supports no initiative.',
        help: 'Applying social media to an existing initiative works better than starting a freestanding one. Add `supports INITIATIVE` to the project.',
        when: 'a project supports no (declared) initiative',
        quickFix: '`supports X`, one fix per declared initiative'
    },
    'untapped-opportunity': {
        severity: 'info',
        summary: 'A project lacks asynchrony, geography or crowdsourcing.',
        help: 'The three untapped opportunities: people separated by time (asynchrony), by space (geography), and shared work built by a group (crowdsourcing, the most powerful). Add the traits that apply, at the level they apply.',
        when: 'a project lacks one or more of the three traits (one diagnostic listing them)',
        quickFix: 'add each missing trait at `low`'
    },
    'low-reach': {
        severity: 'info',
        summary: 'A project involves fewer than half of the willing members.',
        help: 'A good project involves as much of the coalition as possible. Involve more willing members, trained ones first.',
        when: 'a project involves fewer than half of the willing members, trained or not (exactly half is fine)',
        quickFix: 'involve every trained willing member not yet involved'
    },
    'road-show-missing': {
        severity: 'info',
        summary: 'There are quick wins but no story.',
        help: 'Success stories from quick wins go on an internal road show to win over the naysayers. Add `story NAME "Title" from PROJECT` in a stage after the project\'s stage.',
        when: 'there are quick wins but no story (on the plan\'s name)',
        quickFix: 'add a story for the top quick win'
    },
    'naysayer-unreached': {
        severity: 'info',
        summary: 'A naysayer is in no story\'s audience.',
        help: 'The road show is for the naysayers. Add them to a story\'s `audience`.',
        when: 'a naysayer is in no story\'s audience',
        quickFix: 'add them to the first story\'s audience'
    },
    'mantra-missing': {
        severity: 'hint',
        summary: 'The initial stage has no mantra.',
        help: 'The initial stage should repeat why the change matters: add `mantra "The status quo must go!"`.',
        when: 'the initial stage has no mantra',
        quickFix: 'insert `mantra "The status quo must go!"`'
    },
    'invalid-date': {
        severity: 'error',
        summary: 'A date that is not a calendar date.',
        help: 'Dates are written YYYY-MM-DD and must exist: 2027-02-30 and 2027-13-01 do not. Correct the date; until then no check uses it.',
        when: 'a date that is not a calendar date (`2027-02-30`, `2027-13-01`, `0000-01-01`); the message says why; the date takes part in no other check'
    },
    'stage-window-reversed': {
        severity: 'error',
        summary: 'A stage ends before it starts.',
        help: 'A stage\'s window is `from DATE` `to DATE`; here `to` comes before `from`. Swap the dates, or correct one of them.',
        when: 'a stage whose `to` is before its `from` (on `to`); its actions are not judged against it'
    },
    'channel-not-launched': {
        severity: 'warning',
        summary: 'A project uses a channel that is not launched by then.',
        help: 'A project can only use a channel that a `launch` opens in its stage or in a stage its stage comes after. Launch the channel there (the quick fix adds `launch CHANNEL` to the project\'s stage), or use another channel.',
        when: 'a project `uses` a channel that no `launch` opens in the project\'s stage or in a stage the project\'s stage comes after (on the channel\'s name in `uses`)',
        quickFix: 'insert `launch C` as the first statement of the project\'s stage'
    },
    'untrained-managers': {
        severity: 'warning',
        summary: 'The plan launches channels while fewer than half of its managers are trained.',
        help: 'Human bandwidth before virtual bandwidth: the managers who carry the adoption should know the tools before channels open. Train at least half of the managers (`trained`), or launch later.',
        when: 'the plan has a `launch`, the coalition has at least two managers (distinct names), and fewer than half of them are `trained` (on the first `coalition` keyword)'
    },
    'action-outside-stage': {
        severity: 'warning',
        summary: 'An action is due outside its stage\'s window.',
        help: 'An action of a stage (or of a project in it) should be due between the stage\'s `from` and `to`. Move the due date into the window, or the action to the stage it belongs to.',
        when: 'an action\'s `due` date falls before the `from` or after the `to` of its stage (for an action in a project, the project\'s stage), on the due date'
    },
    'overdue-action': {
        severity: 'warning',
        summary: 'An action is past its due date and not done.',
        help: 'Today is after the action\'s due date and the action is not done. Mark it done if it is (the quick fix does), or give it a new due date. The CLI\'s --today and the variable ADOPT_TODAY set what today is.',
        when: 'an action that is not `done` whose `due` date is before today (see [Today](command-line.md#today)), on the due date',
        quickFix: 'mark it `done`'
    },
    'stage-window-order': {
        severity: 'warning',
        summary: 'A stage starts before the stage it follows.',
        help: 'Stages come in order: a stage should not start (`from`) before its predecessor starts. Start it later, or change the order of the stages.',
        when: 'a stage that starts (`from`) before its predecessor starts (on its `from`)'
    },
    'untold-quick-win': {
        severity: 'info',
        summary: 'A quick win that no story is told from.',
        help: 'Every quick win is a success story waiting for the internal road show. Add `story NAME "Title" from PROJECT` in a stage after the project\'s stage (the quick fix does).',
        when: 'a quick win that no story is told from, in a plan that has at least one story (without any story, `road-show-missing` speaks instead)',
        quickFix: 'add a story for it, placed as `road-show-missing`\'s fix places one'
    },
    'story-from-non-quick-win': {
        severity: 'info',
        summary: 'A story is told from a project that is not a quick win.',
        help: 'The road show needs success stories, and a project that is not a quick win is not one yet. Tell the story from a quick win, or make the project one first.',
        when: 'a story told from a project that is not a quick win (on the project\'s name in the story; the message says what it lacks)'
    },
    'action-without-owner': {
        severity: 'info',
        summary: 'An action that is not done has no owner.',
        help: 'An action item needs someone who sees it through. Name a coalition member after its title: `owner NAME`.',
        when: 'an action that is not `done` and has no `owner`'
    },
    'unused-suppression': {
        severity: 'hint',
        summary: 'An `adopt-ignore` comment silences nothing.',
        help: 'A comment `// adopt-ignore CODE` on its own line silences CODE on the next line. This one silenced nothing there: the diagnostic is gone, the code is misspelled or turned off, or the comment does not stand on its own line. Remove the comment or correct it.',
        when: 'an `// adopt-ignore CODE` comment that silences nothing: no CODE diagnostic on the next line, a code that does not exist (the message suggests the nearest one), `syntax-error`, no code at all, or a comment that does not stand on its own line (on the code in the comment)',
        quickFix: 'remove the code from the comment, or the whole comment'
    }
} satisfies Record<string, IssueCodeEntry>;

export type IssueCode = keyof typeof TABLE;

/** Every code's entry, in the order of the reference table. */
export const IssueCodeTable: Readonly<Record<IssueCode, IssueCodeEntry>> = TABLE;

export const ALL_ISSUE_CODES = Object.keys(TABLE) as readonly IssueCode[];

/** `low-reach` as `LowReach`. */
type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<S>;

/** A code's name in PascalCase (`low-reach`: `LowReach`): its constant in `IssueCodes` and its SARIF rule name. */
export function codeName<C extends IssueCode>(code: C): PascalCase<C> {
    return code.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('') as PascalCase<C>;
}

/** The codes as constants: `IssueCodes.LowReach` is `'low-reach'`. */
export const IssueCodes = Object.fromEntries(ALL_ISSUE_CODES.map(code => [codeName(code), code])) as { readonly [C in IssueCode as PascalCase<C>]: C };

/** The codes whose severity a config file or a setting may change: all but `syntax-error`, always an error. */
export type ConfigurableCode = Exclude<IssueCode, 'syntax-error'>;
export const CONFIGURABLE_CODES = ALL_ISSUE_CODES.filter((code): code is ConfigurableCode => code !== IssueCodes.SyntaxError);

export function isIssueCode(code: unknown): code is IssueCode {
    return typeof code === 'string' && Object.hasOwn(TABLE, code);
}
