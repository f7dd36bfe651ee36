/**
 * What changed between two versions of a plan, as `adopt diff OLD NEW --json` prints it
 * (docs/command-line.md#adopt-diff), and what the report's "Since …" section and the editor's
 * comparison are written from. Versions are compared by names, not lines. Lists are in
 * declaration order: the new version's, then what was removed in the old version's order. A
 * `changed` entry holds only the fields that changed; an `added` entry every field with `old`
 * null, a `removed` entry every field with `new` null.
 */
import * as z from 'zod/mini';
import './zod-messages.js';
import { actionStatusSchema, levelSchema, roleSchema } from './overview-protocol.js';
import { planStatusSchema, severitySchema, workStatusSchema } from './rank-protocol.js';

/** A value in the old and the new version; null where the version has none. */
function change<T extends z.ZodMiniType>(value: T) {
    return z.strictObject({ old: z.nullable(value), new: z.nullable(value) });
}

export const changeKindSchema = z.enum(['added', 'removed', 'changed']);
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const projectChangeSchema = z.strictObject({
    name: z.string(),
    change: changeKindSchema,
    score: z.optional(change(z.number())),
    quickWin: z.optional(change(z.boolean())),
    status: z.optional(change(workStatusSchema)),
    /** A project that states no effort has null. */
    effort: z.optional(change(z.nullable(levelSchema)))
});

export const actionChangeSchema = z.strictObject({
    name: z.string(),
    change: changeKindSchema,
    /** The status written (`todo` when none). */
    status: z.optional(change(actionStatusSchema)),
    /** Not done and due before the day the versions are judged on. */
    overdue: z.optional(change(z.boolean()))
});

/** A metric whose actual changed (or that was added or removed with one): in the goal or project named `in`. */
export const metricChangeSchema = z.strictObject({
    name: z.string(),
    in: z.string(),
    actual: change(z.string())
});

export const memberChangeSchema = z.strictObject({
    name: z.string(),
    change: changeKindSchema,
    role: z.optional(change(z.nullable(roleSchema))),
    trained: z.optional(change(z.boolean()))
});

export const storyChangeSchema = z.strictObject({
    name: z.string(),
    change: z.enum(['added', 'removed'])
});

/** A diagnostic as the two versions are matched on: its code and message (and its severity). */
export const diffDiagnosticSchema = z.strictObject({ code: z.string(), severity: severitySchema, message: z.string() });

export const planDiffSchema = z.strictObject({
    /** The new version's plan name. */
    plan: z.string(),
    status: z.strictObject({ old: planStatusSchema, new: planStatusSchema }),
    projects: z.array(projectChangeSchema),
    actions: z.array(actionChangeSchema),
    metrics: z.array(metricChangeSchema),
    members: z.array(memberChangeSchema),
    stories: z.array(storyChangeSchema),
    diagnostics: z.strictObject({ new: z.array(diffDiagnosticSchema), fixed: z.array(diffDiagnosticSchema) })
});
export type PlanDiff = z.infer<typeof planDiffSchema>;
export type ProjectChange = z.infer<typeof projectChangeSchema>;
export type ActionChange = z.infer<typeof actionChangeSchema>;
export type MetricChange = z.infer<typeof metricChangeSchema>;
export type MemberChange = z.infer<typeof memberChangeSchema>;
export type DiffDiagnostic = z.infer<typeof diffDiagnosticSchema>;

/**
 * The request `adopt/planComparison`: the plan the client names compared with an earlier version
 * of its text (`baseline`, the file at the last commit in VS Code), both judged on the server's
 * day with the rules in force for the plan. The answer: the diff and the titles of what it names.
 */
export const PLAN_COMPARISON_REQUEST = 'adopt/planComparison';
export const planComparisonParamsSchema = z.strictObject({ uri: z.string(), baseline: z.string() });
export type PlanComparisonParams = z.infer<typeof planComparisonParamsSchema>;
export const planComparisonSchema = z.strictObject({ diff: planDiffSchema, titles: z.record(z.string(), z.string()) });
export type PlanComparison = z.infer<typeof planComparisonSchema>;
