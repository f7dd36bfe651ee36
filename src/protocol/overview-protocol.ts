/**
 * The plan overview (docs/command-line.md#adopt-report): one shape for the whole plan, which the language server
 * answers to `adopt/planOverview` (`{ uri }`), the CLI renders as `adopt report` (HTML or
 * Markdown) and the extension shows in the Plan Overview view and exports. One zod schema, shared
 * by the server, the extension and the CLI. Lines and columns count from 1; dates are
 * `YYYY-MM-DD`.
 */
import * as z from 'zod/mini';
import './zod-messages.js';
import { diagnosticSchema, planStatusSchema, rankedProjectSchema, settingsInForceSchema, usedFileSchema, workStatusSchema } from './rank-protocol.js';

export const PLAN_OVERVIEW_REQUEST = 'adopt/planOverview';
export const OPEN_OVERVIEW_COMMAND = 'adopt.openOverview';
export const EXPORT_REPORT_COMMAND = 'adopt.exportReport';

export const planOverviewParamsSchema = z.strictObject({ uri: z.string() });
export type PlanOverviewParams = z.infer<typeof planOverviewParamsSchema>;

export const levelSchema = z.enum(['low', 'medium', 'high']);
/** A date as written in the plan: `YYYY-MM-DD` (only calendar dates reach the overview). */
export const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const line = z.number().check(z.int(), z.positive());
const count = z.number().check(z.int(), z.nonnegative());

/** A declaration the overview names: its name, title and line. */
export const namedSchema = z.strictObject({ name: z.string(), title: z.string(), line });
export type Named = z.infer<typeof namedSchema>;

/** Section 1: the plan and its counts. */
export const countsSchema = z.strictObject({
    members: count,
    managers: count,
    trainedManagers: count,
    trainedMembers: count,
    naysayers: count,
    channels: count,
    initiatives: count,
    stages: count,
    projects: count,
    quickWins: count,
    stories: count,
    actions: count,
    actionsDone: count,
    overdueActions: count,
    /** The plan's diagnostics by severity: together, every diagnostic the report lists. */
    errors: count,
    warnings: count,
    information: count,
    hints: count
});

/**
 * Section 2: one check of a hurdle, by its diagnostic code: it holds when the plan has no
 * diagnostic of that code; `off` when the rules in force turn the code off (then it was not
 * checked); not `applicable` when the plan has nothing for it to judge (no projects, no launch,
 * no naysayers...), which is not a pass. `text` says what holds, why the check does not apply,
 * or what the check is about when it does not hold.
 */
export const hurdleCheckSchema = z.strictObject({
    code: z.string(),
    holds: z.boolean(),
    off: z.boolean(),
    applicable: z.boolean(),
    text: z.string(),
    diagnostics: z.array(diagnosticSchema)
});
export const hurdleSchema = z.strictObject({
    id: z.enum(['human-bandwidth', 'quick-wins']),
    title: z.string(),
    /** What the hurdle is, in one sentence from the article. */
    summary: z.string(),
    /** Every check holds (or is off or not applicable), and at least one had something to judge. */
    cleared: z.boolean(),
    checks: z.array(hurdleCheckSchema)
});
export type Hurdle = z.infer<typeof hurdleSchema>;
export type HurdleCheck = z.infer<typeof hurdleCheckSchema>;

/** Sections 3 and 4: a ranked project, as `adopt rank --json` has it, with its stage's title. */
export const overviewProjectSchema = z.extend(rankedProjectSchema, {
    stageTitle: z.string(),
    missing: z.array(z.string())
});
export type OverviewProject = z.infer<typeof overviewProjectSchema>;

/** Section 5: a metric with its target, its actual and the progress (actual / target). */
export const overviewMetricSchema = z.strictObject({
    name: z.string(),
    title: z.string(),
    line,
    target: z.nullable(z.string()),
    actual: z.nullable(z.string()),
    /** actual / target, when both are there and the target is above 0. */
    progress: z.nullable(z.number())
});
export type OverviewMetric = z.infer<typeof overviewMetricSchema>;

export const overviewGoalSchema = z.extend(namedSchema, { metrics: z.array(overviewMetricSchema) });
export const projectMetricsSchema = z.extend(namedSchema, { metrics: z.array(overviewMetricSchema) });

export const actionStatusSchema = z.enum(['todo', 'doing', 'done', 'blocked']);
export const overviewActionSchema = z.extend(namedSchema, {
    owner: z.nullable(z.strictObject({ name: z.string(), title: z.string() })),
    due: z.nullable(dateSchema),
    status: actionStatusSchema,
    /** Not done, and due before the overview's date. */
    overdue: z.boolean(),
    /** The project the action belongs to; null for an action of the stage itself. */
    project: z.nullable(z.string())
});
export type OverviewAction = z.infer<typeof overviewActionSchema>;

export const overviewStageSchema = z.extend(namedSchema, {
    /** 1-based place in stage order. */
    position: z.number().check(z.int(), z.positive()),
    /** The predecessor's name (its `after`, else the stage declared before it). */
    after: z.nullable(z.string()),
    initial: z.boolean(),
    inCycle: z.boolean(),
    from: z.nullable(dateSchema),
    to: z.nullable(dateSchema),
    mantra: z.nullable(z.string()),
    launches: z.array(z.strictObject({ name: z.string(), title: z.string() })),
    projects: count,
    quickWins: count,
    stories: count,
    goals: z.array(overviewGoalSchema),
    /** Projects of the stage that have metrics, with them. */
    projectMetrics: z.array(projectMetricsSchema),
    /** The stage's actions and its projects', in the order written. */
    actions: z.array(overviewActionSchema),
    /** Where the stage stands on the overview's date (docs/language.md#status). */
    status: workStatusSchema
});
export type OverviewStage = z.infer<typeof overviewStageSchema>;

export const roleSchema = z.enum(['executive', 'middle-manager', 'operational-manager', 'early-adopter', 'staff', 'naysayer']);

/**
 * Where a declaration the plan sees is written: null in the plan's own file; else the path of
 * the used file that declares it, as the plan's `use` writes it (its `line` is then in that file).
 */
const declaredIn = z.nullable(z.string());

/** Section 6: a coalition member, with the projects that involve them (names, by rank). */
export const overviewMemberSchema = z.extend(namedSchema, {
    file: declaredIn,
    /** Null while the plan lacks it (a member written half-way). */
    role: z.nullable(roleSchema),
    unit: z.nullable(z.string()),
    trained: z.boolean(),
    manager: z.boolean(),
    willing: z.boolean(),
    projects: z.array(z.string())
});
export type OverviewMember = z.infer<typeof overviewMemberSchema>;

export const coalitionSchema = z.strictObject({
    members: z.array(overviewMemberSchema),
    /** Units of the coalition's members (a member without a unit is in none), by name. */
    units: z.array(z.strictObject({ unit: z.string(), members: count, projects: count })),
    /** Units whose members no project involves. */
    unitsWithoutProjects: z.array(z.string())
});

/** Section 7: a story, its project (score and quick win) and its audience. */
export const overviewStorySchema = z.extend(namedSchema, {
    stage: z.string(),
    stageTitle: z.string(),
    project: z.nullable(z.strictObject({ name: z.string(), title: z.string(), score: z.number(), quickWin: z.boolean(), rank: z.number().check(z.int(), z.positive()) })),
    audience: z.array(z.strictObject({ name: z.string(), title: z.string(), role: z.nullable(roleSchema) }))
});
export type OverviewStory = z.infer<typeof overviewStorySchema>;

export const roadShowSchema = z.strictObject({
    stories: z.array(overviewStorySchema),
    naysayers: z.array(z.extend(namedSchema, { file: declaredIn, unit: z.nullable(z.string()), reached: z.boolean(), stories: z.array(z.string()) })),
    /** Quick wins that no story is told from. */
    untoldQuickWins: z.array(z.strictObject({ name: z.string(), title: z.string() }))
});

/** An action that asks for a decision: where it is (its stage's title, its project's title or null), its owner and due date. */
export const decisionActionSchema = z.extend(namedSchema, {
    owner: z.nullable(z.strictObject({ name: z.string(), title: z.string() })),
    due: z.nullable(dateSchema),
    stage: z.string(),
    project: z.nullable(z.string())
});
export type DecisionAction = z.infer<typeof decisionActionSchema>;

/**
 * What the overview opens with: the plan's status on its date, one sentence that sums it up, and
 * the decisions needed: blocked actions, overdue actions, open actions without an owner, and
 * channels that a quick win uses but no stage launches (each with the titles of those quick wins).
 */
export const summarySchema = z.strictObject({
    status: planStatusSchema,
    sentence: z.string(),
    decisions: z.strictObject({
        blocked: z.array(decisionActionSchema),
        overdue: z.array(decisionActionSchema),
        unowned: z.array(decisionActionSchema),
        unlaunchedChannels: z.array(z.extend(namedSchema, { quickWins: z.array(z.string()) }))
    })
});
export type PlanSummary = z.infer<typeof summarySchema>;

export const planOverviewSchema = z.strictObject({
    plan: namedSchema,
    /** The date the overview was made for (today; overdue actions are judged against it). */
    date: dateSchema,
    /** The weights and threshold in force for the plan. */
    settings: settingsInForceSchema,
    /** The full length of a score bar: the sum of the weights (100 with the defaults). */
    fullScore: z.number(),
    counts: countsSchema,
    /** The shared files the plan uses, in the order of its `use` lines, with the members, channels and initiatives each brings in. */
    uses: z.array(usedFileSchema),
    summary: summarySchema,
    hurdles: z.array(hurdleSchema),
    /** Every project, by rank. */
    projects: z.array(overviewProjectSchema),
    /** The stages in stage order. */
    stages: z.array(overviewStageSchema),
    coalition: coalitionSchema,
    roadShow: roadShowSchema,
    /** Every diagnostic of the plan, in document order. */
    diagnostics: z.array(diagnosticSchema)
});
export type PlanOverview = z.infer<typeof planOverviewSchema>;
