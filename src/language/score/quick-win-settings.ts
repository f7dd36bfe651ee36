/**
 * Weights and threshold of the quick-win score (SPEC section 2), validated with zod. The same
 * schema checks the editor settings `adopt.quickWins.*` and the CLI's `--config FILE`.
 */
import { z } from 'zod';

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

const nonNegativeNumber = z
    .number({ error: issue => notANumber(issue.input) })
    .min(0, { error: 'must be at least 0' });

export const weightsSchema = z.strictObject(
    Object.fromEntries(SCORE_PARTS.map(part => [part, nonNegativeNumber.optional()])) as Record<ScorePart, z.ZodOptional<typeof nonNegativeNumber>>,
    { error: issue => (issue.code === 'unrecognized_keys' ? undefined : `must be an object, not ${describe(issue.input)}`) }
);

export const quickWinSettingsSchema = z.strictObject(
    {
        weights: weightsSchema.optional(),
        threshold: nonNegativeNumber.optional()
    },
    { error: issue => (issue.code === 'unrecognized_keys' ? undefined : `must be an object, not ${describe(issue.input)}`) }
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
        const problems = result.error.issues.map(issue => {
            if (issue.code === 'unrecognized_keys') {
                const where = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
                const keys = issue.keys.map(key => `'${key}'`).join(', ');
                const known = issue.path.length === 0 ? "'weights' and 'threshold'" : SCORE_PARTS.map(p => `'${p}'`).join(', ');
                return `${where ? where + ': ' : ''}unknown field ${keys}; the known fields are ${known}`;
            }
            const field = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'settings';
            return `${field} ${issue.message}`;
        });
        return { ok: false, problems };
    }
    const value = result.data;
    return {
        ok: true,
        settings: {
            weights: { ...DEFAULT_WEIGHTS, ...stripUndefined(value.weights ?? {}) },
            threshold: value.threshold ?? DEFAULT_THRESHOLD
        }
    };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Zod 4 rejects NaN and the infinities as "not a number": say that a finite number is wanted. */
function notANumber(input: unknown): string {
    if (input === undefined) return 'is required';
    if (typeof input === 'number') return `must be a finite number, not ${describe(input)}`;
    return `must be a number, not ${describe(input)}`;
}

function describe(input: unknown): string {
    if (input === null) return 'null';
    if (Array.isArray(input)) return 'a list';
    if (typeof input === 'string') return `the text ${JSON.stringify(input.length > 20 ? input.slice(0, 20) + '…' : input)}`;
    if (typeof input === 'number') return String(input);
    return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}
