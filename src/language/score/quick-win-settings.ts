/**
 * Weights and threshold of the quick-win score (docs/language.md#the-quick-win-score), validated with zod. The same
 * schema checks the editor settings `adopt.quickWins.*`, and is part of the config file's schema
 * (`adopt.config.json`, src/language/config/adopt-config-schema.ts). The descriptions registered
 * in zod's global registry go into the config file's JSON schema, for the editor's completion and
 * hover.
 */
import * as z from 'zod/mini';
import '../../protocol/zod-messages.js';

export const SCORE_PARTS = ['reach', 'initiative', 'asynchrony', 'geography', 'crowdsourcing'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type Weights = Record<ScorePart, number>;

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
    reach: 30,
    initiative: 25,
    asynchrony: 12,
    geography: 12,
    crowdsourcing: 21
});
export const DEFAULT_THRESHOLD = 70;

export interface QuickWinSettings {
    readonly weights: Readonly<Weights>;
    readonly threshold: number;
}

export const DEFAULT_SETTINGS: QuickWinSettings = Object.freeze({ weights: DEFAULT_WEIGHTS, threshold: DEFAULT_THRESHOLD });

/**
 * The largest weight and threshold: far beyond any scale a plan needs (the default weights add up
 * to 100), and small enough that every score, every sum of weights and every axis of the matrix
 * stays an ordinary number.
 */
export const MAX_SETTING = 1_000_000;

export const nonNegativeNumber = z
    .number({ error: issue => notANumber(issue.input) })
    .check(z.gte(0, { error: 'must be at least 0' }))
    .check(z.lte(MAX_SETTING, { error: 'must be at most 1000000 (one million)' }));

const PART_DESCRIPTIONS: Readonly<Record<ScorePart, string>> = {
    reach: 'Weight of reach: the share of willing (non-naysayer) coalition members the project involves, trained members counting 1 and untrained 0.5.',
    initiative: 'Weight of supporting an existing initiative (1 when the project `supports` one, else 0).',
    asynchrony: 'Weight of the asynchrony trait (low, medium or high): people take part at different times.',
    geography: 'Weight of the geography trait (low, medium or high): people take part from different places.',
    crowdsourcing: 'Weight of the crowdsourcing trait (low, medium or high): the article calls it the most powerful marker.'
};

export const weightsSchema = z.strictObject(
    Object.fromEntries(SCORE_PARTS.map(part => [part, z.optional(nonNegativeNumber).register(z.globalRegistry, {
        markdownDescription: `${PART_DESCRIPTIONS[part]} Default: ${DEFAULT_WEIGHTS[part]}.`,
        default: DEFAULT_WEIGHTS[part]
    })])) as Record<ScorePart, z.ZodMiniOptional<typeof nonNegativeNumber>>,
    { error: issue => (issue.code === 'unrecognized_keys' ? undefined : `must be an object, not ${describeValue(issue.input)}`) }
);

export const quickWinSettingsSchema = z.strictObject(
    {
        weights: z.optional(weightsSchema).register(z.globalRegistry, {
            markdownDescription: 'Weights of the five parts of the quick-win score. Name any of them; the others keep their defaults. Each weight is a number from 0 to 1000000. The score is not normalised: other weights give another scale.'
        }),
        threshold: z.optional(nonNegativeNumber).register(z.globalRegistry, {
            markdownDescription: 'A project whose score is at least this (and which supports an initiative, involves a trained willing member and has all three traits) is a **quick win**. Default: 70.',
            default: DEFAULT_THRESHOLD
        })
    },
    { error: issue => (issue.code === 'unrecognized_keys' ? undefined : `must be an object, not ${describeValue(issue.input)}`) }
);

export type QuickWinSettingsInput = z.input<typeof quickWinSettingsSchema>;

export type SettingsResult =
    | { readonly ok: true; readonly settings: QuickWinSettings }
    | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks raw settings (from JSON or the editor) and merges them over the defaults. On failure,
 * each problem names the field (`weights.reach`) and what is wrong with it.
 */
export function parseQuickWinSettings(raw: unknown, fieldPrefix = ''): SettingsResult {
    const result = quickWinSettingsSchema.safeParse(raw ?? {});
    if (!result.success) {
        return { ok: false, problems: settingsProblems(result.error.issues, fieldPrefix, "'weights' and 'threshold'").map(problem => problem.message) };
    }
    return { ok: true, settings: mergeQuickWinSettings(result.data) };
}

/** Weights and threshold as given somewhere (a setting, a config file): any of them may be left out. */
export interface PartialQuickWinSettings {
    readonly weights?: Readonly<Partial<Record<ScorePart, number | undefined>>>;
    readonly threshold?: number;
}

/**
 * The defaults, then each layer in turn: a weight or the threshold that a later layer gives wins
 * over an earlier one (the config file over the editor's settings).
 */
export function mergeQuickWinSettings(...layers: ReadonlyArray<PartialQuickWinSettings | undefined>): QuickWinSettings {
    let weights: Weights = { ...DEFAULT_WEIGHTS };
    let threshold = DEFAULT_THRESHOLD;
    for (const layer of layers) {
        if (!layer) continue;
        weights = { ...weights, ...stripUndefined(layer.weights ?? {}) };
        threshold = layer.threshold ?? threshold;
    }
    return { weights, threshold };
}

/** A problem with a settings value: where it is (the path of the field) and what is wrong, in words. */
export interface SettingsProblem {
    readonly path: readonly PropertyKey[];
    readonly message: string;
    /** True when the path names a field that is not known (rather than a known field's bad value). */
    readonly unknownField?: boolean;
}

/**
 * Zod's issues as problems that name the field (`weights.reach must be at least 0`). An unknown
 * field is named with the known ones (`rootFields` at the top level); its path is the unknown
 * field itself.
 */
export function settingsProblems(issues: readonly z.core.$ZodIssue[], fieldPrefix: string, rootFields: string): SettingsProblem[] {
    return issues.map(issue => {
        if (issue.code === 'unrecognized_keys') {
            const where = fieldName(fieldPrefix, issue.path);
            const keys = issue.keys.map(key => `'${key}'`).join(', ');
            const known = issue.path.length === 0 ? rootFields : SCORE_PARTS.map(p => `'${p}'`).join(', ');
            return { path: [...issue.path, issue.keys[0]], unknownField: true, message: `${where ? where + ': ' : ''}unknown field ${keys}; the known fields are ${known}` };
        }
        return { path: issue.path, message: `${fieldName(fieldPrefix, issue.path) || 'settings'} ${issue.message}` };
    });
}

/** `prefix.path.to.field`, or '' for the top level without a prefix. */
export function fieldName(fieldPrefix: string, path: readonly PropertyKey[]): string {
    return [fieldPrefix, ...path.map(String)].filter(Boolean).join('.');
}

function stripUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Zod 4 rejects NaN and the infinities as "not a number": say that a finite number is wanted. */
function notANumber(input: unknown): string {
    if (input === undefined) return 'is required';
    if (typeof input === 'number') return `must be a finite number, not ${describeValue(input)}`;
    return `must be a number, not ${describeValue(input)}`;
}

/** A value in words, for messages: `null`, `a list`, `the text "fast"`, `5`, `an object`, `a boolean`. */
export function describeValue(input: unknown): string {
    if (input === null) return 'null';
    if (Array.isArray(input)) return 'a list';
    if (typeof input === 'string') return `the text ${JSON.stringify(input.length > 20 ? input.slice(0, 20) + '…' : input)}`;
    if (typeof input === 'number') return String(input);
    return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}
