/**
 * The settings schema of SPEC section 2: weights (any subset of the five parts) and threshold,
 * each a finite number of at least 0; a bad value gives a message that names the field.
 */
import { describe, expect, test } from 'vitest';
import { AdoptSettings } from '../../../src/language/score/adopt-settings.js';
import { DEFAULT_SETTINGS, parseQuickWinSettings } from '../../../src/language/score/quick-win-settings.js';

describe('good settings merge over the defaults', () => {
    test.each([
        ['nothing', undefined, {}],
        ['null', null, {}],
        ['an empty object', {}, {}],
        ['an empty weights object', { weights: {} }, {}],
        ['one weight', { weights: { reach: 10 } }, { reach: 10 }],
        ['every weight', { weights: { reach: 1, initiative: 2, asynchrony: 3, geography: 4, crowdsourcing: 5 } }, { reach: 1, initiative: 2, asynchrony: 3, geography: 4, crowdsourcing: 5 }],
        ['zero weights', { weights: { geography: 0, crowdsourcing: 0 } }, { geography: 0, crowdsourcing: 0 }],
        ['fractional weights', { weights: { asynchrony: 0.5 } }, { asynchrony: 0.5 }]
    ])('%s', (_name, raw, weights) => {
        const result = parseQuickWinSettings(raw);
        expect(result).toEqual({ ok: true, settings: { weights: { ...DEFAULT_SETTINGS.weights, ...weights }, threshold: 70 } });
    });

    test.each([0, 55.5, 70, 1000])('threshold %s', threshold => {
        expect(parseQuickWinSettings({ threshold })).toEqual({ ok: true, settings: { weights: DEFAULT_SETTINGS.weights, threshold } });
    });
});

describe('bad settings name the field and what is wrong', () => {
    test.each([
        ['a negative weight', { weights: { reach: -1 } }, ['weights.reach must be at least 0']],
        ['a negative threshold', { threshold: -0.5 }, ['threshold must be at least 0']],
        ['a weight as text', { weights: { geography: '12' } }, ['weights.geography must be a number, not the text "12"']],
        ['a weight as a boolean', { weights: { asynchrony: true } }, ['weights.asynchrony must be a number, not a boolean']],
        ['a weight as null', { weights: { initiative: null } }, ['weights.initiative must be a number, not null']],
        ['a threshold as a list', { threshold: [70] }, ['threshold must be a number, not a list']],
        ['an infinite weight', { weights: { crowdsourcing: Infinity } }, ['weights.crowdsourcing must be a finite number, not Infinity']],
        ['a negative infinite threshold', { threshold: -Infinity }, ['threshold must be a finite number, not -Infinity']],
        ['a weight that is not a number at all', { weights: { reach: NaN } }, ['weights.reach must be a finite number, not NaN']],
        ['an unknown weight', { weights: { speed: 1 } }, ["weights: unknown field 'speed'; the known fields are 'reach', 'initiative', 'asynchrony', 'geography', 'crowdsourcing'"]],
        ['an unknown top-level field', { weight: { reach: 1 } }, ["unknown field 'weight'; the known fields are 'weights' and 'threshold'"]],
        ['weights that are no object', { weights: 5 }, ['weights must be an object, not 5']],
        ['settings that are a list', [], ['settings must be an object, not a list']],
        ['settings that are text', 'fast', ['settings must be an object, not the text "fast"']],
        ['several problems at once', { weights: { reach: -1, geography: 'x' }, threshold: -2 },
            ['weights.reach must be at least 0', 'weights.geography must be a number, not the text "x"', 'threshold must be at least 0']]
    ])('%s', (_name, raw, problems) => {
        expect(parseQuickWinSettings(raw)).toEqual({ ok: false, problems });
    });

    test('a field prefix names the editor setting', () => {
        expect(parseQuickWinSettings({ weights: { reach: -1 } }, 'adopt.quickWins')).toEqual({ ok: false, problems: ['adopt.quickWins.weights.reach must be at least 0'] });
        expect(parseQuickWinSettings({ extra: 1 }, 'adopt.quickWins')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^adopt\.quickWins: unknown field 'extra'/)] });
    });
});

describe('settings in force', () => {
    test('good settings are put in force; bad ones put the defaults back and return the problems', () => {
        const settings = new AdoptSettings();
        expect(settings.update({ weights: { reach: 5 }, threshold: 10 })).toEqual([]);
        expect(settings.current).toEqual({ weights: { ...DEFAULT_SETTINGS.weights, reach: 5 }, threshold: 10 });
        expect(settings.update({ weights: { reach: -5 } })).toEqual(['weights.reach must be at least 0']);
        expect(settings.current).toEqual(DEFAULT_SETTINGS);
    });
});
