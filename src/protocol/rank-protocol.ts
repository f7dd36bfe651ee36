/**
 * The ranking of a plan's projects, as `adopt rank --json` prints it and as the language server
 * answers the `adopt/rankQuickWins` request; and the ranking of every plan of the workspace, as
 * the server answers `adopt/rankWorkspace`. One zod schema per shape, shared by the CLI, the
 * server and the extension.
 */
import * as z from 'zod/mini';
import './zod-messages.js';
import { PLAN_STATUSES, WORK_STATUSES } from '../language/model/plan-status.js';

export const RANK_QUICK_WINS_REQUEST = 'adopt/rankQuickWins';
export const RANK_QUICK_WINS_COMMAND = 'adopt.rankQuickWins';
export const RANK_WORKSPACE_REQUEST = 'adopt/rankWorkspace';
export const RANK_WORKSPACE_COMMAND = 'adopt.rankWorkspaceQuickWins';

export const severitySchema = z.enum(['error', 'warning', 'information', 'hint']);
export type SeverityName = z.infer<typeof severitySchema>;

/** A project's or a stage's status on the day (docs/language.md#status). */
export const workStatusSchema = z.enum(WORK_STATUSES);
/** The plan's status on the day. */
export const planStatusSchema = z.enum(PLAN_STATUSES);

export const partsSchema = z.strictObject({
    reach: z.number(),
    initiative: z.number(),
    asynchrony: z.number(),
    geography: z.number(),
    crowdsourcing: z.number()
});

export const rankedProjectSchema = z.strictObject({
    rank: z.number().check(z.int(), z.positive()),
    name: z.string(),
    title: z.string(),
    stage: z.string(),
    score: z.number(),
    quickWin: z.boolean(),
    parts: partsSchema,
    /** What keeps the project from being a quick win, in words (empty for a quick win). */
    missing: z.optional(z.array(z.string())),
    /** How much work the project needs (its `effort`), or null when it states none. Not part of the score. */
    effort: z.nullable(z.enum(['low', 'medium', 'high'])),
    /** Where the project stands today: done, blocked, late, not-started, at-risk or on-track. */
    status: workStatusSchema,
    line: z.number().check(z.int(), z.positive())
});

export const diagnosticSchema = z.strictObject({
    code: z.string(),
    severity: severitySchema,
    message: z.string(),
    line: z.number().check(z.int(), z.positive()),
    column: z.number().check(z.int(), z.positive())
});

export const rankResultSchema = z.strictObject({
    plan: z.string(),
    /** Where the plan stands today: done, late, at-risk or on-track. */
    status: planStatusSchema,
    projects: z.array(rankedProjectSchema),
    diagnostics: z.array(diagnosticSchema)
});

export type RankedProject = z.infer<typeof rankedProjectSchema>;
export type RankDiagnostic = z.infer<typeof diagnosticSchema>;
export type RankResult = z.infer<typeof rankResultSchema>;

/** The ranking without the diagnostics: the answer to a request with `diagnostics: false`. */
export const rankedProjectsSchema = z.omit(rankResultSchema, { diagnostics: true });
export type RankedProjects = z.infer<typeof rankedProjectsSchema>;

/**
 * `uri`: the plan. `diagnostics: false` leaves the diagnostics out of the answer (a client that
 * only counts or lists projects, like the status bar, then receives a third of the data on a
 * plan of 10,000 projects); they are in by default, as `adopt rank --json` has them.
 * `settings: true` adds the weights and threshold in force for the plan (its config file, else
 * the editor's settings), which the rank view needs to draw its scale.
 */
export const rankQuickWinsParamsSchema = z.strictObject({ uri: z.string(), diagnostics: z.optional(z.boolean()), settings: z.optional(z.boolean()) });
export type RankQuickWinsParams = z.infer<typeof rankQuickWinsParamsSchema>;

/**
 * The workspace ranking: every plan the server knows (the `.adopt` files of the workspace
 * folders and the open plans; not the shared files), each with its `uri`, its ranking as
 * `adopt/rankQuickWins` answers it and the shared files it uses, by plan name (then uri). `diagnostics: false` leaves each plan's diagnostics out.
 */
export const rankWorkspaceParamsSchema = z.strictObject({ diagnostics: z.optional(z.boolean()) });
export type RankWorkspaceParams = z.infer<typeof rankWorkspaceParamsSchema>;

/** A declaration of a used file, by name and title. */
export const usedDeclarationSchema = z.strictObject({ name: z.string(), title: z.string() });

/**
 * A shared file a plan uses (docs/language.md#plans-in-many-files): its path as the plan's `use`
 * writes it (relative to the plan's folder), its shared block, and the members, channels and
 * initiatives it brings into the plan, in the order written.
 */
export const usedFileSchema = z.strictObject({
    file: z.string(),
    name: z.string(),
    title: z.string(),
    members: z.array(usedDeclarationSchema),
    channels: z.array(usedDeclarationSchema),
    initiatives: z.array(usedDeclarationSchema)
});
export type UsedFile = z.infer<typeof usedFileSchema>;

/** A plan of the workspace: its `uri`, its ranking, and the shared files it uses (`used`, in the order of its `use` lines). */
export const planRankingSchema = z.extend(rankResultSchema, { uri: z.string(), used: z.array(usedFileSchema) });
export const planProjectsSchema = z.extend(rankedProjectsSchema, { uri: z.string(), used: z.array(usedFileSchema) });
export type PlanRanking = z.infer<typeof planRankingSchema>;
export type PlanProjects = z.infer<typeof planProjectsSchema>;

export const workspaceRankingSchema = z.strictObject({ plans: z.array(planRankingSchema) });
export const workspaceProjectsSchema = z.strictObject({ plans: z.array(planProjectsSchema) });
export type WorkspaceRanking = z.infer<typeof workspaceRankingSchema>;
export type WorkspaceProjects = z.infer<typeof workspaceProjectsSchema>;

/**
 * `adopt rank FOLDER --json`: the ranking of each plan under the folder, as `adopt rank FILE
 * --json` gives it, with its `file` (the path as the command line shows it), in path order.
 */
export const folderPlanRankingSchema = z.strictObject({ file: z.string(), ...rankResultSchema.shape });
export const folderRankingSchema = z.strictObject({ plans: z.array(folderPlanRankingSchema) });
export type FolderPlanRanking = z.infer<typeof folderPlanRankingSchema>;
export type FolderRanking = z.infer<typeof folderRankingSchema>;

/** The weights and threshold in force for a plan. */
export const settingsInForceSchema = z.strictObject({ weights: partsSchema, threshold: z.number() });
export type SettingsInForce = z.infer<typeof settingsInForceSchema>;

/** The answer to a request with `settings: true`. */
export const rankResultWithSettingsSchema = z.extend(rankResultSchema, { settings: settingsInForceSchema });
export type RankResultWithSettings = z.infer<typeof rankResultWithSettingsSchema>;
