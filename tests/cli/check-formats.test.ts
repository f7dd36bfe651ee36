/**
 * `adopt check` and CI (SPEC section 9): `--format text|json|sarif` (the SARIF log validated
 * against the official SARIF 2.1.0 JSON schema), `--max-warnings N`, each plan's
 * `adopt.config.json` found by walking up from its folder (a bad one exits 2 naming the field),
 * `--config` replacing the search, and `adopt-ignore` suppressions.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as Sarif from 'sarif';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { relativeUri } from '../../src/cli/sarif-log.js';
import { ALL_ISSUE_CODES, IssueCodeTable } from '../../src/language/validation/issue-codes.js';
import { checkResultSchema } from '../../src/protocol/check-protocol.js';
import { rankResultSchema } from '../../src/protocol/rank-protocol.js';
import { HEALTHY_PLAN } from '../support/plan-fixtures.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, cli, stackLines } from './cli-fixtures.js';

const files = new TempFiles();
afterAll(() => files.dispose());

/** The built CLI (`node scripts/build.mjs`), for runs in another current folder. */
const BIN = join(__dirname, '../../bin/adopt.cjs');

const sarifSchema = JSON.parse(readFileSync(join(__dirname, '../sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// strict: false, as the schema uses keywords of its own (no unknown ones pass silently in
// results: every object of SARIF lists its properties); unicodeRegExp: false, as one pattern of
// the schema (`language`: `^[a-zA-Z]{2}|…]?$`) is valid only without the `u` flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

/** A plan with two warnings (few-managers, goal-without-metric), a hint (mantra-missing) and no error. */
const WARNINGS_PLAN = `plan Warned "Two warnings" {
  coalition {
    member ana "Ana" role staff
  }
  stage start "Start" {
    goal g "A goal"
  }
}
`;

/** Writes a file under the temporary folder, making its folders. */
function write(path: string, text: string): string {
    mkdirSync(join(files.dir, path, '..'), { recursive: true });
    return files.write(path, text);
}

describe('adopt check --format', () => {
    test('text is the default: file:line:column: severity code: message', async () => {
        const plain = await cli('check', EXAMPLE);
        expect(await cli('check', '--format', 'text', EXAMPLE)).toEqual(plain);
        expect(plain.out).toMatch(/riverside-health\.adopt:35:13: information low-reach: /);
    });

    test('json: the diagnostics of rank --json, each with its file, for every file', async () => {
        const warned = files.write('warned.adopt', WARNINGS_PLAN);
        const run = await cli('check', '--format', 'json', EXAMPLE, warned);
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        const result = checkResultSchema.parse(JSON.parse(run.out));
        for (const file of [EXAMPLE, warned]) {
            const ranked = rankResultSchema.parse(JSON.parse((await cli('rank', '--json', file)).out));
            expect(result.filter(d => d.file === file).map(({ file: _file, ...rest }) => rest)).toEqual(ranked.diagnostics);
        }
        expect(result.map(d => d.file)).toEqual([EXAMPLE, EXAMPLE, EXAMPLE, EXAMPLE, warned, warned, warned]);
        expect(Object.keys(result[0])).toEqual(['file', 'code', 'severity', 'message', 'line', 'column']);
    });

    test('json of a plan without diagnostics is an empty list', async () => {
        const run = await cli('check', '--format', 'json', files.write('healthy.adopt', HEALTHY_PLAN));
        expect(run).toEqual({ code: 0, out: '[]\n', err: '' });
    });

    test('sarif: a SARIF 2.1.0 log valid against the official schema', async () => {
        const broken = files.write('broken.adopt', PLAN_WITH_ERROR);
        const run = await cli('check', '--format', 'sarif', EXAMPLE, broken, files.write('empty.adopt', ''));
        expect(run.code).toBe(1);
        const log = JSON.parse(run.out) as Sarif.Log;
        const valid = validateSarif(log);
        expect(valid, JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
    });

    test('sarif: the tool adopt with one rule per code and its help text', async () => {
        const log = JSON.parse((await cli('check', '--format', 'sarif', EXAMPLE)).out) as Sarif.Log;
        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('adopt');
        expect(driver.version).toBe(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
        expect(driver.rules?.map(rule => rule.id)).toEqual([...ALL_ISSUE_CODES]);
        const lowReach = driver.rules!.find(rule => rule.id === 'low-reach')!;
        expect(lowReach.help?.text).toBe(IssueCodeTable['low-reach'].help);
        expect(lowReach.shortDescription?.text).toBe(IssueCodeTable['low-reach'].summary);
        expect(lowReach.defaultConfiguration?.level).toBe('note');
        expect(driver.rules!.find(rule => rule.id === 'few-managers')?.defaultConfiguration?.level).toBe('warning');
    });

    test('sarif: one result per diagnostic, with its rule, level and location (relative URI, start and end)', async () => {
        const broken = files.write('broken2.adopt', PLAN_WITH_ERROR);
        const log = JSON.parse((await cli('check', '--format', 'sarif', EXAMPLE, broken)).out) as Sarif.Log;
        const json = checkResultSchema.parse(JSON.parse((await cli('check', '--format', 'json', EXAMPLE, broken)).out));
        const run = log.runs[0];
        expect(run.results).toHaveLength(json.length);
        run.results!.forEach((result, index) => {
            const diagnostic = json[index];
            expect(result.ruleId).toBe(diagnostic.code);
            expect(run.tool.driver.rules![result.ruleIndex!].id).toBe(diagnostic.code);
            expect(result.level).toBe({ error: 'error', warning: 'warning', information: 'note', hint: 'note' }[diagnostic.severity]);
            expect(result.message.text).toBe(diagnostic.message);
            const location = result.locations![0].physicalLocation!;
            const uri = relative(process.cwd(), diagnostic.file).split('/').map(encodeURIComponent).join('/');
            // One artifact per file, in the order given: the example, then the broken plan.
            const artifact = diagnostic.file === EXAMPLE ? 0 : 1;
            expect(location.artifactLocation).toEqual({ uri, uriBaseId: '%SRCROOT%', index: artifact });
            expect(run.artifacts![artifact].location).toEqual({ uri, uriBaseId: '%SRCROOT%' });
            expect(location.region).toMatchObject({ startLine: diagnostic.line, startColumn: diagnostic.column });
        });
        const unresolved = run.results!.find(result => result.ruleId === 'unresolved-reference')!;
        // `involves ghost` on line 8: the name's five characters.
        expect(unresolved.locations![0].physicalLocation!.region).toEqual({ startLine: 8, startColumn: 30, endLine: 8, endColumn: 35 });
        expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${process.cwd()}/`);
    });

    test('sarif: file URIs are relative to the current folder, each segment encoded', () => {
        expect(relativeUri('plans/plan.adopt', '/work/repo')).toBe('plans/plan.adopt');
        expect(relativeUri('/work/repo/my plans/a#1.adopt', '/work/repo')).toBe('my%20plans/a%231.adopt');
        expect(relativeUri('/work/other/p.adopt', '/work/repo')).toBe('../other/p.adopt');
    });

    test('json with an unreadable file: one JSON document of the readable files, the unreadable one on stderr, exit 2', async () => {
        const warned = files.write('warned3.adopt', WARNINGS_PLAN);
        const run = await cli('check', '--format', 'json', warned, `${files.dir}/nowhere.adopt`);
        expect(run.code).toBe(2);
        const result = checkResultSchema.parse(JSON.parse(run.out));
        expect(new Set(result.map(diagnostic => diagnostic.file))).toEqual(new Set([warned]));
        expect(run.err).toBe(`adopt: ${files.dir}/nowhere.adopt: no such file or folder\n`);
    });

    test('sarif with an unreadable file: a valid log of the readable files, the unreadable one a notification of an unsuccessful run, exit 2', async () => {
        const warned = files.write('warned4.adopt', WARNINGS_PLAN);
        const missing = `${files.dir}/nowhere.adopt`;
        const run = await cli('check', '--format', 'sarif', warned, missing);
        expect(run.code).toBe(2);
        const log = JSON.parse(run.out) as Sarif.Log;
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        const [only] = log.runs;
        expect(new Set(only.results?.map(result => result.locations?.[0].physicalLocation?.artifactLocation?.uri))).toEqual(new Set([relativeUri(warned, process.cwd())]));
        expect(only.invocations).toEqual([{
            executionSuccessful: false,
            toolExecutionNotifications: [{
                level: 'error',
                message: { text: `${missing}: no such file or folder` },
                locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(missing, process.cwd()), uriBaseId: '%SRCROOT%' } } }]
            }]
        }]);
        expect(run.err).toBe(`adopt: ${missing}: no such file or folder\n`);
        // Every file readable: no invocation is reported.
        expect((JSON.parse((await cli('check', '--format', 'sarif', warned)).out) as Sarif.Log).runs[0].invocations).toBeUndefined();
    });

    test('an unknown format: exit 2 naming the choices', async () => {
        const run = await cli('check', '--format', 'xml', EXAMPLE);
        expect(run.code).toBe(2);
        expect(run.out).toBe('');
        expect(run.err).toMatch(/^adopt: option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif\./);
        expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    });
});

describe('adopt check --max-warnings N', () => {
    test('exit 1 when there are more than N warnings, 0 at N or fewer (as ESLint)', async () => {
        const warned = files.write('warned-max.adopt', WARNINGS_PLAN);
        const over = await cli('check', '--max-warnings', '1', warned);
        expect(over.code).toBe(1);
        expect(over.err).toBe('adopt: 2 warnings, more than --max-warnings 1 allows\n');
        expect(over.out.trimEnd().split('\n')).toHaveLength(3);
        expect((await cli('check', '--max-warnings', '2', warned)).code).toBe(0);
        // The SPEC example has one warning: channel-not-launched (SPEC section 7).
        expect((await cli('check', '--max-warnings', '1', EXAMPLE)).code).toBe(0);
        expect((await cli('check', '--max-warnings', '0', EXAMPLE)).code).toBe(1);
        expect((await cli('check', warned)).code).toBe(0);
    });

    test('hints and information do not count; errors still exit 1', async () => {
        const hinted = files.write('hinted.adopt', WARNINGS_PLAN.replace('role staff', 'role middle-manager\n    member bo "Bo" role operational-manager').replace('goal g "A goal"', 'mantra "Go"'));
        const run = await cli('check', '--max-warnings', '0', '--format', 'json', hinted);
        expect(checkResultSchema.parse(JSON.parse(run.out)).map(d => d.severity)).not.toContain('warning');
        expect(run.code).toBe(0);
        expect((await cli('check', '--max-warnings', '99', files.write('broken3.adopt', PLAN_WITH_ERROR))).code).toBe(1);
    });

    test('the warnings counted are those in force after the config file', async () => {
        write('strict/adopt.config.json', JSON.stringify({ severity: { 'freestanding-project': 'warning' } }));
        const plan = write('strict/plan.adopt', readFileSync(EXAMPLE, 'utf8'));
        // channel-not-launched, and freestanding-project made a warning: 2 > 1; the example alone has 1.
        expect((await cli('check', '--max-warnings', '1', plan)).code).toBe(1);
        expect((await cli('check', '--max-warnings', '1', EXAMPLE)).code).toBe(0);
    });

    test.each(['x', '-1', '1.5', ''])('a limit that is not a whole number of at least 0 (%j): exit 2', async value => {
        const run = await cli('check', '--max-warnings', value, EXAMPLE);
        expect(run.code).toBe(2);
        expect(run.out).toBe('');
        expect(run.err).toMatch(/^adopt: .*--max-warnings.* is invalid\. It must be a whole number of at least 0\. \(run adopt --help for usage\)\n$/);
        expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    });
});

describe('adopt.config.json on the command line', () => {
    test('found by walking up from each plan\'s folder; the nearest one wins', async () => {
        write('org/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        write('org/team/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'warning' } }));
        const outer = write('org/plans/riverside.adopt', readFileSync(EXAMPLE, 'utf8'));
        const inner = write('org/team/deep/riverside.adopt', readFileSync(EXAMPLE, 'utf8'));
        const run = await cli('check', '--format', 'json', outer, inner);
        const result = checkResultSchema.parse(JSON.parse(run.out));
        expect(result.filter(d => d.file === outer).map(d => d.code)).toEqual(['freestanding-project', 'untapped-opportunity', 'channel-not-launched']);
        expect(result.filter(d => d.file === inner).map(d => `${d.code} ${d.severity}`)).toContain('low-reach warning');
    });

    test('a config file in a folder the plan is not under does not apply', async () => {
        write('side/a/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        const plan = write('side/b/plan.adopt', readFileSync(EXAMPLE, 'utf8'));
        expect((await cli('check', plan)).out).toMatch(/information low-reach/);
    });

    test('weights and threshold of the config file apply to rank', async () => {
        write('weighted/adopt.config.json', JSON.stringify({ weights: { crowdsourcing: 0 }, threshold: 80 }));
        const plan = write('weighted/plan.adopt', readFileSync(EXAMPLE, 'utf8'));
        const table = await cli('rank', plan);
        expect(table.out.split('\n')[0]).toBe('Plan RiversideHealth: 2 projects, 0 quick wins (threshold 80)');
        const ranked = rankResultSchema.parse(JSON.parse((await cli('rank', '--json', plan)).out));
        expect(ranked.projects[0].score).toBe(74);
        expect(ranked.diagnostics.map(d => d.code)).toContain('no-quick-wins');
    });

    test.each([
        ['an unknown code', '{ "severity": { "low-rech": "off" } }', "1:17: severity: 'low-rech' is not a diagnostic code of Adopt; did you mean 'low-reach'?"],
        ['a severity word that is not one of the five', '{ "severity": { "low-reach": "silent" } }', '1:30: severity.low-reach must be one of error, warning, information, hint or off, not the text "silent"'],
        ['a config that is not JSON', '{ severity: {} }', '1:3: the file is not valid JSON: JSON does not allow this here (field names and texts go in double quotes)'],
        ['an empty file', '', '1:1: the file is empty: it must hold a JSON object']
    ])('a bad config file above the plan (%s): exit 2, one line naming the file, the place and the field', async (name, text, message) => {
        const folder = `bad-${name.replace(/\W+/g, '-')}`;
        const config = write(`${folder}/adopt.config.json`, text);
        const plan = write(`${folder}/plans/plan.adopt`, readFileSync(EXAMPLE, 'utf8'));
        for (const argv of [['check', plan], ['check', '--format', 'sarif', plan], ['rank', '--json', plan]]) {
            const run = await cli(...argv);
            expect(run.code).toBe(2);
            expect(run.out).toBe('');
            // The config file's path: relative to the current folder when below it, else absolute (as here).
            expect(run.err).toContain(`adopt: ${config}:${message}`);
            expect(run.err).toMatch(/^adopt: /);
            expect(run.err.trimEnd().split('\n')).toHaveLength(1);
            expect(stackLines(run.err)).toEqual([]);
        }
    });

    test('a config file in the current folder that a plan is not under: a note says so, and the plan gets the defaults', () => {
        write('here/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        write('elsewhere/plan.adopt', readFileSync(EXAMPLE, 'utf8'));
        write('here/inside.adopt', readFileSync(EXAMPLE, 'utf8'));
        const run = spawnSync(process.execPath, [BIN, 'check', '../elsewhere/plan.adopt', 'inside.adopt'], { cwd: join(files.dir, 'here'), encoding: 'utf8' });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('adopt: adopt.config.json of the current folder does not apply to ../elsewhere/plan.adopt, which is not in this folder or below it: it gets the default rules\n');
        expect(run.stdout).toMatch(/^\.\.\/elsewhere\/plan\.adopt:35:13: information low-reach/m);
        expect(run.stdout).not.toMatch(/^inside\.adopt:\d+:\d+: information low-reach/m);
        const given = spawnSync(process.execPath, [BIN, 'check', '--config', 'adopt.config.json', '../elsewhere/plan.adopt'], { cwd: join(files.dir, 'here'), encoding: 'utf8' });
        expect(given.stderr).toBe('');
        expect(given.stdout).not.toMatch(/low-reach/);
    });

    test('the plans of a folder that the config file of the current folder does not reach share one note per rules they get instead', () => {
        write('cwd-config/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        for (const name of ['a', 'b', 'c']) write(`beyond/${name}.adopt`, PLAN_WITH_ERROR);
        write('beyond/own/adopt.config.json', '{}');
        write('beyond/own/d.adopt', PLAN_WITH_ERROR);
        const run = spawnSync(process.execPath, [BIN, 'check', '../beyond'], { cwd: join(files.dir, 'cwd-config'), encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(
            'adopt: adopt.config.json of the current folder does not apply to ../beyond/a.adopt, ../beyond/b.adopt and 1 more, which are not in this folder or below it: they get the default rules\n' +
            `adopt: adopt.config.json of the current folder does not apply to ../beyond/own/d.adopt, which is not in this folder or below it: ${join(files.dir, 'beyond/own/adopt.config.json')} applies to it instead\n`);
    });

    test('--config replaces the search: the file found above the plan is not read', async () => {
        write('replaced/adopt.config.json', '{ "severity": { "low-reach": "nonsense" } }');
        const plan = write('replaced/plan.adopt', readFileSync(EXAMPLE, 'utf8'));
        const given = write('given.json', JSON.stringify({ severity: { 'untapped-opportunity': 'off' } }));
        const run = await cli('check', '--config', given, plan);
        expect(run.code).toBe(0);
        expect(run.out).not.toMatch(/untapped-opportunity/);
        expect(run.out).toMatch(/information low-reach/);
        expect((await cli('check', plan)).code).toBe(2);
    });

    test('a bad --config: exit 2 with its path, place and field', async () => {
        const given = write('given-bad.json', '{\n  "severity": {\n    "syntax-error": "off"\n  }\n}\n');
        const run = await cli('check', '--config', given, EXAMPLE);
        expect(run.code).toBe(2);
        expect(run.err).toBe(`adopt: ${given}:3:5: severity.syntax-error cannot be changed: a plan that does not parse is always an error\n`);
    });
});

describe('adopt-ignore on the command line', () => {
    test('a suppressed diagnostic is not printed; an unused suppression is', async () => {
        const text = readFileSync(EXAMPLE, 'utf8').replace('    project hashtagContest', '    // adopt-ignore low-reach, mantra-missing -- reviewed\n    project hashtagContest');
        const run = await cli('check', '--format', 'json', files.write('suppressed.adopt', text));
        const result = checkResultSchema.parse(JSON.parse(run.out));
        expect(result.map(d => `${d.line}:${d.column} ${d.code}`)).toEqual(['35:32 unused-suppression', '36:13 freestanding-project', '36:13 untapped-opportunity', '38:12 channel-not-launched']);
        expect(result[0].severity).toBe('hint');
    });
});
