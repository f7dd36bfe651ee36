/**
 * The config file `adopt.config.json` (docs/configuration.md): `weights` and `threshold` of the quick-win
 * score, and `severity` per diagnostic code. One zod schema: it validates the file (in the CLI
 * and the language server), the `adopt.diagnostics.severity` setting (its `severity` part), and
 * gives the JSON schema that VS Code uses to complete and check the file (`configJsonSchema`,
 * written to schemas/adopt.config.schema.json by scripts/build.mjs).
 */
import * as z from 'zod/mini';
import '../../protocol/zod-messages.js';
import {
    describeValue, fieldName, quickWinSettingsSchema, settingsProblems, type PartialQuickWinSettings, type SettingsProblem
} from '../score/quick-win-settings.js';
import {
    CONFIGURABLE_CODES, IssueCodeTable, type ConfigurableCode, type IssueSeverity
} from '../validation/issue-codes.js';
import { closestWord } from './closest-word.js';

export const CONFIG_FILE_NAME = 'adopt.config.json';

/** The severities a code can be given; `off` drops its diagnostics. */
export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];
export type SeverityOverrides = Readonly<Partial<Record<ConfigurableCode, SeverityLevel>>>;

const LEVEL_WORDS = 'error, warning, information, hint or off';
const LEVEL_DESCRIPTIONS: Readonly<Record<SeverityLevel, string>> = {
    error: 'An error: `adopt check` exits with 1.',
    warning: 'A warning: counted by `adopt check --max-warnings`.',
    information: 'Information.',
    hint: 'A hint: the editor shows it faintly, without a squiggle.',
    off: 'Not reported at all.'
};

/** Langium's severity words as the config file writes them. */
export function levelOf(severity: IssueSeverity): SeverityLevel {
    return severity === 'info' ? 'information' : severity;
}

const severityLevelSchema = z.enum(SEVERITY_LEVELS, {
    error: issue => {
        const suggestion = typeof issue.input === 'string' ? closestWord(issue.input, SEVERITY_LEVELS) : undefined;
        return `must be one of ${LEVEL_WORDS}, not ${describeValue(issue.input)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    }
});

function codeSchema(code: ConfigurableCode) {
    const { summary, help, severity } = IssueCodeTable[code];
    return z.optional(severityLevelSchema).register(z.globalRegistry, {
        markdownDescription: `**${summary}** ${help} Default: ${levelOf(severity)}.`,
        markdownEnumDescriptions: SEVERITY_LEVELS.map(level => LEVEL_DESCRIPTIONS[level])
    });
}

export const severityOverridesSchema = z.strictObject(
    Object.fromEntries(CONFIGURABLE_CODES.map(code => [code, codeSchema(code)])) as Record<ConfigurableCode, ReturnType<typeof codeSchema>>,
    { error: issue => (issue.code === 'unrecognized_keys' ? undefined : `must be an object { "CODE": "${SEVERITY_LEVELS.join('" | "')}" }, not ${describeValue(issue.input)}`) }
).register(z.globalRegistry, {
    markdownDescription: `The severity of each diagnostic code: ${LEVEL_WORDS}. A code not named keeps its default severity; \`syntax-error\` is always an error.`
});

export const adoptConfigSchema = z.extend(quickWinSettingsSchema, {
    $schema: z.optional(z.string({ error: issue => `must be the text of a URL, not ${describeValue(issue.input)}` }))
        .register(z.globalRegistry, { description: 'The JSON schema of this file (optional; editors find it by the file name).' }),
    severity: z.optional(severityOverridesSchema)
}).register(z.globalRegistry, {
    title: 'Adopt config file',
    markdownDescription: 'Rule control for the Adopt plans in this folder and the folders below it: the quick-win `weights` and `threshold`, and the `severity` of each diagnostic code. The nearest `adopt.config.json` above a plan is used; it wins over the editor\'s settings.'
});

/** What a valid config file says: only the fields it gives. */
export interface AdoptConfig extends PartialQuickWinSettings {
    readonly severity?: SeverityOverrides;
}

export type ConfigParseResult =
    | { readonly ok: true; readonly config: AdoptConfig }
    | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

const ROOT_FIELDS = "'weights', 'threshold' and 'severity'";

/**
 * Validates a parsed config file (or the `severity` part alone, with `part`). Each problem names
 * the field and what is wrong (`severity.low-reach must be one of …`) and has the path of the
 * field, so that a caller can point at it in the file.
 */
export function parseAdoptConfig(raw: unknown, fieldPrefix = ''): ConfigParseResult {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return { ok: false, problems: [{ path: [], message: `${fieldPrefix ? fieldPrefix + ' ' : 'the config '}must be an object { "weights": {…}, "threshold": N, "severity": {…} }, not ${describeValue(raw)}` }] };
    }
    const result = adoptConfigSchema.safeParse(raw);
    if (result.success) {
        const { weights, threshold, severity } = result.data;
        return { ok: true, config: withoutUndefined({ weights: weights && withoutUndefined(weights), threshold, severity: severity && withoutUndefined(severity) }) };
    }
    return { ok: false, problems: result.error.issues.map(issue => severityProblem(issue, fieldPrefix) ?? settingsProblems([issue], fieldPrefix, ROOT_FIELDS)[0]) };
}

/** The `adopt.diagnostics.severity` setting: the config file's `severity` object alone. */
export function parseSeverityOverrides(raw: unknown, fieldPrefix: string):
    | { readonly ok: true; readonly severity: SeverityOverrides }
    | { readonly ok: false; readonly problems: readonly SettingsProblem[] } {
    if (raw === undefined || raw === null) return { ok: true, severity: {} };
    const result = severityOverridesSchema.safeParse(raw);
    if (result.success) return { ok: true, severity: withoutUndefined(result.data) };
    // The setting is the `severity` object itself: its paths start one level down.
    return {
        ok: false,
        problems: result.error.issues.map(issue => {
            const problem = severityProblem({ ...issue, path: ['severity', ...issue.path] } as z.core.$ZodIssue, '');
            const message = problem?.message.replace(/^severity/, fieldPrefix) ?? `${fieldName(fieldPrefix, issue.path)} ${issue.message}`;
            return { path: issue.path, message };
        })
    };
}

/** Problems in the `severity` object: unknown codes (with the nearest known one), and `syntax-error`. */
function severityProblem(issue: z.core.$ZodIssue, fieldPrefix: string): SettingsProblem | undefined {
    if (issue.code !== 'unrecognized_keys' || issue.path.length !== 1 || issue.path[0] !== 'severity') return undefined;
    const key = issue.keys[0];
    const where = fieldName(fieldPrefix, issue.path);
    if (key === 'syntax-error') {
        return { path: [...issue.path, key], unknownField: true, message: `${where}.syntax-error cannot be changed: a plan that does not parse is always an error` };
    }
    const suggestion = closestWord(key, CONFIGURABLE_CODES);
    const hint = suggestion ? `did you mean '${suggestion}'?` : `the codes are ${CONFIGURABLE_CODES.join(', ')}`;
    return { path: [...issue.path, key], unknownField: true, message: `${where}: '${key}' is not a diagnostic code of Adopt; ${hint}` };
}

function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The config file's JSON schema (draft 7, which VS Code's JSON support reads), generated from the
 * zod schema: the same fields, types, bounds and enumerations, with the descriptions for hover
 * and completion.
 */
export function configJsonSchema(): Record<string, unknown> {
    return z.toJSONSchema(adoptConfigSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}
