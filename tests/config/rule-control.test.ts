/**
 * Rule control of SPEC section 9 in the language: the config file found by walking up from the
 * plan (through Langium's file system service, here in memory), severity per code (`off`
 * included) from the file and from the editor's setting, the file winning; weights and threshold
 * from the file; bad files falling back to the defaults; `// adopt-ignore` suppressions and the
 * `unused-suppression` hint.
 */
import { describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices, type AdoptServices } from '../../src/language/adopt-module.js';
import type { AdoptFile } from '../../src/language/generated/ast.js';
import { example } from '../support/helpers.js';
import { SEVERITY, healthy } from '../support/plan-fixtures.js';
import { MemoryFileSystem } from './memory-file-system.js';

const RIVERSIDE = example('riverside-health.adopt');

function setUp() {
    const files = new MemoryFileSystem();
    const services = createAdoptServices({ fileSystemProvider: () => files }).Adopt;
    const parse = parseHelper<AdoptFile>(services);
    let count = 0;
    /** Builds a plan at the given folder (a fresh file each time). */
    const plan = (folder: string, text: string): Promise<LangiumDocument<AdoptFile>> => {
        const path = `${folder}/plan${++count}.adopt`;
        files.write(path, text);
        return parse(text, { documentUri: URI.file(path).toString(), validation: true });
    };
    return { files, services, plan };
}

/** `code severity` per diagnostic, sorted: what a test compares. */
function summary(document: LangiumDocument): string[] {
    const names = ['', 'error', 'warning', 'information', 'hint'];
    return (document.diagnostics ?? []).map(d => `${d.code} ${names[d.severity ?? 1]}`).sort();
}

function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => d.code === code);
}

// hashtagContest's three, and (SPEC section 7) the warning that the facebook channel it uses is never launched.
const RIVERSIDE_DEFAULTS = ['channel-not-launched warning', 'freestanding-project information', 'low-reach information', 'untapped-opportunity information'];

describe('severity per code from adopt.config.json', () => {
    test('without a config file the defaults hold', async () => {
        const { plan } = setUp();
        expect(summary(await plan('/work/plans', RIVERSIDE))).toEqual(RIVERSIDE_DEFAULTS);
    });

    test('the file in the plan\'s folder sets severities; off drops a code', async () => {
        const { files, plan } = setUp();
        files.write('/work/plans/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off', 'freestanding-project': 'warning', 'untapped-opportunity': 'error' } }));
        expect(summary(await plan('/work/plans', RIVERSIDE))).toEqual(['channel-not-launched warning', 'freestanding-project warning', 'untapped-opportunity error']);
    });

    test('found by walking up from the plan\'s folder; the nearest file wins', async () => {
        const { files, plan } = setUp();
        files.write('/work/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        files.write('/work/plans/team/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'hint' } }));
        expect(summary(await plan('/work/plans/deep/er', RIVERSIDE))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
        expect(summary(await plan('/work/plans/team/sub', RIVERSIDE))).toContain('low-reach hint');
    });

    test('a config file in a folder the plan is not under does not apply to it', async () => {
        const { files, plan } = setUp();
        files.write('/work/other/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        expect(summary(await plan('/work/plans', RIVERSIDE))).toEqual(RIVERSIDE_DEFAULTS);
    });

    test('a code made an error is an error; an error made a warning is a warning', async () => {
        const { files, plan } = setUp();
        files.write('/p/adopt.config.json', JSON.stringify({ severity: { 'unresolved-reference': 'warning', 'mantra-missing': 'error' } }));
        const document = await plan('/p', healthy(['    mantra "The status quo must go!"\n', ''], ['involves ana, ben', 'involves ana, ben, ghost']));
        expect(summary(document)).toEqual(['mantra-missing error', 'unresolved-reference warning']);
    });

    test('syntax errors stay errors, whatever the config says of other codes', async () => {
        const { files, plan } = setUp();
        files.write('/p/adopt.config.json', JSON.stringify({ severity: Object.fromEntries(['duplicate-name', 'unresolved-reference'].map(code => [code, 'off'])) }));
        const document = await plan('/p', 'plan P "P" { stage s "S" { project x "X" { involves } } }');
        expect(withCode(document, 'syntax-error').map(d => d.severity)).toEqual([SEVERITY.error]);
    });

    test('weights and threshold in the file change scores and quick wins', async () => {
        const { files, services, plan } = setUp();
        files.write('/p/adopt.config.json', JSON.stringify({ weights: { crowdsourcing: 0 }, threshold: 80 }));
        const document = await plan('/p', RIVERSIDE);
        const analysis = services.score.QuickWins.analyze(document.parseResult.value.plan!);
        expect(analysis.ranked[0].score).toBe(74);
        expect(analysis.quickWins).toEqual([]);
        expect(withCode(document, 'no-quick-wins')).toHaveLength(1);
    });
});

describe('the config file wins over the editor\'s settings', () => {
    test('for each code and each weight it names; the settings hold for the rest', async () => {
        const { files, services, plan } = setUp();
        services.score.Settings.updateSeverity({ 'low-reach': 'warning', 'untapped-opportunity': 'off' }, 'adopt.diagnostics.severity');
        services.score.Settings.update({ threshold: 95, weights: { reach: 0 } });
        // At threshold 95 streamRounds is no quick win, so the story told from it is no success story.
        expect(summary(await plan('/none', RIVERSIDE))).toEqual([
            'channel-not-launched warning', 'freestanding-project information', 'low-reach warning', 'no-quick-wins warning', 'story-from-non-quick-win information'
        ]);
        files.write('/p/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'hint' }, threshold: 60 }));
        const document = await plan('/p', RIVERSIDE);
        expect(summary(document)).toEqual(['channel-not-launched warning', 'freestanding-project information', 'low-reach hint']);
        const analysis = services.score.QuickWins.analyze(document.parseResult.value.plan!);
        expect(analysis.settings).toEqual({ weights: { reach: 0, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }, threshold: 60 });
    });

    test('a bad severity setting names the field and leaves every code at its default', () => {
        const { services } = setUp();
        expect(services.score.Settings.updateSeverity({ 'low-reach': 'loud' }, 'adopt.diagnostics.severity')).toEqual([
            'adopt.diagnostics.severity.low-reach must be one of error, warning, information, hint or off, not the text "loud"'
        ]);
        expect(services.score.Settings.severity).toEqual({});
    });
});

describe('a config file that cannot be used: one problem naming the field; the plan gets the defaults', () => {
    test.each([
        ['an unknown code', '{ "severity": { "low-rech": "off" } }', "severity: 'low-rech' is not a diagnostic code of Adopt; did you mean 'low-reach'?", [0, 16]],
        ['a severity word that is not one of the five', '{ "severity": {\n  "low-reach": "warn" } }', 'severity.low-reach must be one of error, warning, information, hint or off, not the text "warn" (did you mean "warning"?)', [1, 15]],
        ['syntax-error in severity', '{ "severity": { "syntax-error": "off" } }', 'severity.syntax-error cannot be changed: a plan that does not parse is always an error', [0, 16]],
        ['a file that is not JSON', '{ "severity": { "low-reach": "off", } }', 'the file is not valid JSON: a field name in double quotes is expected (a comma after the last field is not allowed)', [0, 36]],
        ['comments', '// rules\n{ "severity": {} }', 'the file is not valid JSON: comments are not allowed in JSON', [0, 0]],
        ['an empty file', '', 'the file is empty: it must hold a JSON object, such as { "severity": { "low-reach": "off" } }', [0, 0]],
        ['a list', '[]', 'the config must be an object { "weights": {…}, "threshold": N, "severity": {…} }, not a list', [0, 0]],
        ['a negative weight', '{ "weights": { "reach": -1 } }', 'weights.reach must be at least 0', [0, 24]],
        ['an unknown field', '{ "severity": {}, "rules": {} }', "unknown field 'rules'; the known fields are 'weights', 'threshold' and 'severity'", [0, 18]]
    ])('%s', async (_name, text, message, [line, character]) => {
        const { files, services, plan } = setUp();
        files.write('/p/adopt.config.json', text);
        const document = await plan('/p', RIVERSIDE);
        expect(summary(document)).toEqual(RIVERSIDE_DEFAULTS);
        const file = services.config.Files.lookup(document.uri);
        expect(file?.uri.path).toBe('/p/adopt.config.json');
        expect(file?.config).toBeUndefined();
        expect(file?.problem?.message).toBe(message);
        expect(file?.problem?.range.start).toEqual({ line, character });
    });

    test('with several problems, the first in the file is the one reported', () => {
        const { files, services } = setUp();
        files.write('/p/adopt.config.json', '{\n  "threshold": -1,\n  "severity": { "low-reach": "x" },\n  "weights": { "reach": "a" }\n}');
        const file = services.config.Files.lookup(URI.file('/p/plan.adopt'));
        expect(file?.problem?.message).toBe('threshold must be at least 0');
        expect(file?.problem?.range.start).toEqual({ line: 1, character: 15 });
    });

    test('a bad nearest file does not hand over to a good file further up', async () => {
        const { files, plan } = setUp();
        files.write('/p/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        files.write('/p/q/adopt.config.json', '{');
        expect(summary(await plan('/p/q', RIVERSIDE))).toEqual(RIVERSIDE_DEFAULTS);
    });
});

describe('config files are read once per folder until one changes', () => {
    test('lookups are cached; invalidate reads again and fires a change', async () => {
        const { files, services } = setUp();
        const configFiles = services.config.Files;
        files.write('/p/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        const first = configFiles.lookup(URI.file('/p/a/plan.adopt'));
        files.write('/p/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'hint' } }));
        expect(configFiles.lookup(URI.file('/p/a/plan.adopt'))).toBe(first);
        expect(configFiles.lookup(URI.file('/p/b/plan.adopt'))).toBe(first);
        let changes = 0;
        services.config.InForce.onDidChange(() => changes++);
        configFiles.invalidate();
        expect(changes).toBe(1);
        expect(configFiles.lookup(URI.file('/p/a/plan.adopt'))?.config).toEqual({ severity: { 'low-reach': 'hint' } });
        files.remove('/p/adopt.config.json');
        configFiles.invalidate();
        expect(configFiles.lookup(URI.file('/p/a/plan.adopt'))).toBeUndefined();
    });

    test('a plan that is not a file (an unsaved editor) has no config file', () => {
        const { files, services } = setUp();
        files.write('/adopt.config.json', '{}');
        expect(services.config.Files.lookup(URI.parse('untitled:Untitled-1'))).toBeUndefined();
        expect(services.config.Files.lookup(URI.file('/plan.adopt'))?.config).toEqual({});
    });

    test('a folder named adopt.config.json is not a config file', () => {
        const { files, services } = setUp();
        files.write('/p/adopt.config.json/readme.txt', 'a folder');
        expect(services.config.Files.lookup(URI.file('/p/plan.adopt'))).toBeUndefined();
    });
});

describe('// adopt-ignore CODE on its own line silences CODE on the next line', () => {
    const ignored = (comment: string) => RIVERSIDE.replace('    project hashtagContest', `${comment}\n    project hashtagContest`);
    // channel-not-launched sits on `uses facebook`, two lines below the project's first line: never silenced here.

    test('one code', async () => {
        const { plan } = setUp();
        expect(summary(await plan('/p', ignored('    // adopt-ignore low-reach')))).toEqual(['channel-not-launched warning', 'freestanding-project information', 'untapped-opportunity information']);
    });

    test('several codes, with a reason', async () => {
        const { plan } = setUp();
        const document = await plan('/p', ignored('    // adopt-ignore low-reach, untapped-opportunity -- a pilot; it stays small'));
        expect(summary(document)).toEqual(['channel-not-launched warning', 'freestanding-project information']);
    });

    test('codes separated by commas without spaces, and a comment at the start of its line', async () => {
        const { plan } = setUp();
        expect(summary(await plan('/p', ignored('//adopt-ignore low-reach,freestanding-project,untapped-opportunity')))).toEqual(['channel-not-launched warning']);
    });

    test('only the next line: a diagnostic two lines down stays, and the suppression is unused', async () => {
        const { plan } = setUp();
        const document = await plan('/p', ignored('    // adopt-ignore low-reach\n'));
        expect(summary(document)).toEqual([...RIVERSIDE_DEFAULTS, 'unused-suppression hint'].sort());
        const [unused] = withCode(document, 'unused-suppression');
        expect(document.textDocument.getText(unused.range)).toBe('low-reach');
        expect(unused.message).toBe("There is no low-reach diagnostic on the next line to silence. Remove 'low-reach' from this adopt-ignore.");
    });

    test('a comment after code on the same line silences nothing, and says why', async () => {
        const { plan } = setUp();
        const document = await plan('/p', RIVERSIDE.replace('project hashtagContest "Hashtag contest" {', 'project hashtagContest "Hashtag contest" { // adopt-ignore low-reach'));
        expect(withCode(document, 'low-reach')).toHaveLength(1);
        const [unused] = withCode(document, 'unused-suppression');
        expect(unused.message).toMatch(/works only on a line of its own/);
        expect(document.textDocument.getText(unused.range)).toBe('// adopt-ignore low-reach');
    });

    test('an unknown code and syntax-error silence nothing, with a message each', async () => {
        const { plan } = setUp();
        const document = await plan('/p', ignored('    // adopt-ignore low-rech, syntax-error'));
        expect(withCode(document, 'low-reach')).toHaveLength(1);
        expect(withCode(document, 'unused-suppression').map(d => d.message)).toEqual([
            "'low-rech' is not a diagnostic code of Adopt, so this adopt-ignore silences nothing. Did you mean 'low-reach'? Correct the code or remove it.",
            "A syntax error cannot be ignored: correct the text instead, and remove 'syntax-error' from this adopt-ignore."
        ]);
    });

    test('a syntax error on the next line is never silenced', async () => {
        const { plan } = setUp();
        const document = await plan('/p', 'plan P "P" {\n  // adopt-ignore syntax-error\n  stage s "S" { project x "X" { involves } }\n}');
        expect(withCode(document, 'syntax-error').length).toBeGreaterThan(0);
    });

    test('adopt-ignore without a code silences nothing', async () => {
        const { plan } = setUp();
        const document = await plan('/p', ignored('    // adopt-ignore -- later'));
        expect(withCode(document, 'unused-suppression').map(d => d.message)).toEqual([
            'This adopt-ignore names no code, so it silences nothing. Write the codes to silence: // adopt-ignore CODE.'
        ]);
    });

    test('"// adopt-ignore" in a title and in a block comment is no suppression', async () => {
        const { plan } = setUp();
        const inTitle = RIVERSIDE.replace('project hashtagContest "Hashtag contest" {', 'project hashtagContest "Hashtag contest" {\n      metric m "// adopt-ignore low-reach" target 1');
        expect(withCode(await plan('/p', inTitle), 'unused-suppression')).toEqual([]);
        const inBlock = await plan('/p', ignored('    /* adopt-ignore low-reach */'));
        expect(withCode(inBlock, 'low-reach')).toHaveLength(1);
        expect(withCode(inBlock, 'unused-suppression')).toEqual([]);
    });

    test('a suppression of a code that the config turns off silences nothing', async () => {
        const { files, plan } = setUp();
        files.write('/p/adopt.config.json', JSON.stringify({ severity: { 'low-reach': 'off' } }));
        const document = await plan('/p', ignored('    // adopt-ignore low-reach'));
        expect(withCode(document, 'unused-suppression')).toHaveLength(1);
    });

    test('unused-suppression follows the config too: off, or another severity', async () => {
        const { files, plan } = setUp();
        files.write('/off/adopt.config.json', JSON.stringify({ severity: { 'unused-suppression': 'off' } }));
        files.write('/warn/adopt.config.json', JSON.stringify({ severity: { 'unused-suppression': 'warning' } }));
        expect(withCode(await plan('/off', ignored('    // adopt-ignore mantra-missing')), 'unused-suppression')).toEqual([]);
        expect(withCode(await plan('/warn', ignored('    // adopt-ignore mantra-missing')), 'unused-suppression').map(d => d.severity)).toEqual([SEVERITY.warning]);
    });

    test('an unused suppression can itself be silenced from the line above', async () => {
        const { plan } = setUp();
        const document = await plan('/p', ignored('    // adopt-ignore unused-suppression\n    // adopt-ignore mantra-missing'));
        expect(withCode(document, 'unused-suppression')).toEqual([]);
        const unusedAbove = await plan('/p', ignored('    // adopt-ignore unused-suppression\n\n    // adopt-ignore low-reach'));
        expect(withCode(unusedAbove, 'unused-suppression').map(d => unusedAbove.textDocument.getText(d.range))).toEqual(['unused-suppression']);
    });

    test('the data of an unused suppression names the code and the line (for its quick fix)', async () => {
        const { plan } = setUp();
        const document = await plan('/p', ignored('    // adopt-ignore naysayer-unreached'));
        expect(withCode(document, 'unused-suppression')[0].data).toEqual({ code: 'unused-suppression', ignoredCode: 'naysayer-unreached', line: 34 });
    });
});

describe('services without a file system', () => {
    test('the default services (no file system) find no config file and keep the defaults', async () => {
        const services: AdoptServices = createAdoptServices().Adopt;
        const document = await parseHelper<AdoptFile>(services)(RIVERSIDE, { documentUri: 'file:///p/plan.adopt', validation: true });
        expect(summary(document)).toEqual(RIVERSIDE_DEFAULTS);
    });
});
