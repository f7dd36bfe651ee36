/**
 * The JSON schema of adopt.config.json that the extension contributes to VS Code
 * (`contributes.jsonValidation`), generated from the zod schema at build time: it accepts and
 * rejects what the zod schema does; the built file is the generated one; the editor setting
 * `adopt.diagnostics.severity` has the same codes and words; and the problem matcher that the
 * extension contributes reads the lines of `adopt check`.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { adoptConfigSchema, configJsonSchema, SEVERITY_LEVELS } from '../../src/language/config/adopt-config-schema.js';
import { CONFIGURABLE_CODES } from '../../src/language/validation/issue-codes.js';
import { checkResultSchema } from '../../src/protocol/check-protocol.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, cli } from '../cli/cli-fixtures.js';

const ROOT = join(__dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const jsonSchema = configJsonSchema();
const validate = new Ajv({ strict: false, allErrors: true }).compile(jsonSchema);

const zodAccepts = (value: unknown) => adoptConfigSchema.safeParse(value).success;

const GOOD: unknown[] = [
    {},
    { $schema: './schemas/adopt.config.schema.json' },
    { weights: {} },
    { weights: { reach: 0, initiative: 25.5, asynchrony: 12, geography: 12, crowdsourcing: 100 } },
    { threshold: 0 },
    { threshold: 60, weights: { crowdsourcing: 30 } },
    { severity: {} },
    { severity: Object.fromEntries(CONFIGURABLE_CODES.map((code, index) => [code, SEVERITY_LEVELS[index % SEVERITY_LEVELS.length]])) },
    { severity: { 'low-reach': 'off', 'vanity-metric': 'error', 'unused-suppression': 'warning' }, threshold: 75 }
];

const BAD: unknown[] = [
    null, [], 'config', 3, true,
    { rules: {} },
    { weights: { speed: 1 } },
    { weights: { reach: -1 } },
    { weights: { reach: '30' } },
    { weights: [] },
    { threshold: -0.5 },
    { threshold: '70' },
    { severity: { 'low-rech': 'off' } },
    { severity: { 'syntax-error': 'off' } },
    { severity: { 'low-reach': 'warn' } },
    { severity: { 'low-reach': 'Warning' } },
    { severity: { 'low-reach': 0 } },
    { severity: { 'low-reach': null } },
    { severity: 'off' },
    { severity: [] },
    { $schema: 7 }
];

describe('the JSON schema of adopt.config.json', () => {
    test.each(GOOD.map(value => [JSON.stringify(value), value]))('accepts %s, as the zod schema does', (_name, value) => {
        expect(zodAccepts(value)).toBe(true);
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    });

    test.each(BAD.map(value => [JSON.stringify(value), value]))('rejects %s, as the zod schema does', (_name, value) => {
        expect(zodAccepts(value)).toBe(false);
        expect(validate(value)).toBe(false);
    });

    test('agrees with the zod schema on generated configs', () => {
        const key = fc.constantFrom('weights', 'threshold', 'severity', '$schema', 'extra');
        const number = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ min: -1, max: 1, noNaN: true }));
        const level = fc.oneof(fc.constantFrom(...SEVERITY_LEVELS, 'warn', 'info', 'OFF', ''), number, fc.constant(null));
        const code = fc.constantFrom(...CONFIGURABLE_CODES, 'syntax-error', 'low-rech');
        const part = fc.constantFrom('reach', 'initiative', 'asynchrony', 'geography', 'crowdsourcing', 'speed');
        const value = fc.oneof(
            number, fc.string(), fc.constant(null),
            fc.dictionary(part, fc.oneof(number, fc.string()), { maxKeys: 4 }),
            fc.dictionary(code, level, { maxKeys: 4 })
        );
        fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 4 }), config => {
            expect(validate(config)).toBe(zodAccepts(config));
        }), { numRuns: 500, seed: 9 });
    });

    test('has a description for each code and weight (for the editor\'s hover and completion)', () => {
        const properties = jsonSchema.properties as Record<string, { properties?: Record<string, { markdownDescription?: string }> }>;
        expect(Object.keys(properties.severity.properties ?? {})).toEqual([...CONFIGURABLE_CODES]);
        for (const [name, property] of [...Object.entries(properties.severity.properties ?? {}), ...Object.entries(properties.weights.properties ?? {})]) {
            expect(property.markdownDescription, name).toMatch(/Default: \w+/);
        }
    });

    test('the built file is the generated schema, and the extension contributes it for adopt.config.json', () => {
        const built = join(ROOT, 'schemas/adopt.config.schema.json');
        expect(existsSync(built), 'node scripts/build.mjs writes it').toBe(true);
        expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(jsonSchema);
        expect(packageJson.contributes.jsonValidation).toEqual([{ fileMatch: 'adopt.config.json', url: './schemas/adopt.config.schema.json' }]);
        expect(readFileSync(join(ROOT, '.vscodeignore'), 'utf8')).toMatch(/^!schemas\/adopt\.config\.schema\.json$/m);
    });

    test('the setting adopt.diagnostics.severity offers the same codes and words as the config file', () => {
        const setting = packageJson.contributes.configuration.properties['adopt.diagnostics.severity'];
        const severity = (jsonSchema.properties as Record<string, { properties: unknown; additionalProperties: unknown }>).severity;
        expect(setting.type).toBe('object');
        expect(setting.properties, 'run npm run sync-codes after changing the codes').toEqual(severity.properties);
        expect(setting.additionalProperties).toBe(false);
    });
});

describe('the problem matcher $adopt', () => {
    const files = new TempFiles();
    const matcher = packageJson.contributes.problemMatchers[0];
    const pattern = new RegExp(matcher.pattern.regexp);

    test('is contributed under the name adopt, with an owner of its own (the language server\'s diagnostics are owned by adopt)', () => {
        expect(matcher).toMatchObject({ name: 'adopt', owner: 'adopt-check', source: 'adopt', fileLocation: ['autoDetect', '${workspaceFolder}'] });
    });

    test('reads every line of adopt check: file, line, column, severity, code and message', async () => {
        const hinted = files.write('hinted plan.adopt', 'plan P "P" {\n  stage s "S" {}\n}\n');
        const paths = [EXAMPLE, files.write('broken.adopt', PLAN_WITH_ERROR), hinted];
        const text = await cli('check', ...paths);
        const json = checkResultSchema.parse(JSON.parse((await cli('check', '--format', 'json', ...paths)).out));
        const lines = text.out.trimEnd().split('\n');
        expect(lines).toHaveLength(json.length);
        expect(new Set(json.map(d => d.severity))).toEqual(new Set(['error', 'warning', 'information', 'hint']));
        // VS Code takes the severities error, warning, info and hint (as info); "information" is not one of its words.
        const vscodeSeverity = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;
        lines.forEach((line, index) => {
            const match = pattern.exec(line);
            expect(match, line).not.toBeNull();
            const field = (name: string) => match![matcher.pattern[name] as number];
            const diagnostic = json[index];
            expect([field('file'), Number(field('line')), Number(field('column')), field('severity'), field('code'), field('message')])
                .toEqual([diagnostic.file, diagnostic.line, diagnostic.column, vscodeSeverity[diagnostic.severity], diagnostic.code, diagnostic.message]);
        });
        files.dispose();
    });
});
