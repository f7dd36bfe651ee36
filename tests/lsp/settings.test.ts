/**
 * Settings from the client: `adopt.quickWins.*` read at start and on change, a bad value shown
 * to the user naming the field (defaults stay), and open documents validated again on a change.
 */
import { describe, expect, test } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import { registerSettingsSync } from '../../src/language/lsp/adopt-settings-sync.js';
import { DEFAULT_SETTINGS } from '../../src/language/score/quick-win-settings.js';
import { codesOf, example, parser } from '../support/helpers.js';

/** A stand-in for the LSP connection: records warnings, answers workspace/configuration. */
function fakeConnection(configuration: () => unknown = () => ({})) {
    const warnings: string[] = [];
    const connection = {
        sendNotification: (type: { method: string }, params: { type: number; message: string }) => {
            if (type.method === 'window/showMessage' && params.type === 2) warnings.push(params.message);
            return Promise.resolve();
        },
        workspace: { getConfiguration: (items: Array<{ section: string }>) => Promise.resolve(items.map(() => configuration())) },
        sendRequest: () => Promise.resolve(undefined)
    };
    return { connection: connection as unknown as Connection, warnings };
}

async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise(resolve => setImmediate(resolve));
}

describe('settings pushed by the client (didChangeConfiguration)', () => {
    test('a valid change is put in force and open documents are validated again', async () => {
        const { shared, Adopt } = createAdoptServices();
        const { connection, warnings } = fakeConnection();
        registerSettingsSync(connection, Adopt);
        const document = await parser(Adopt)(example('riverside-health.adopt'));
        expect(codesOf(document)).not.toContain('no-quick-wins');
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { adopt: { quickWins: { threshold: 95, weights: { reach: 30 } } } } });
        expect(Adopt.score.Settings.current.threshold).toBe(95);
        await until(() => codesOf(document).includes('no-quick-wins'));
        expect(warnings).toEqual([]);
    });

    test('a bad weight warns the user, naming the field, and the defaults stay in force', async () => {
        const { shared, Adopt } = createAdoptServices();
        const { connection, warnings } = fakeConnection();
        registerSettingsSync(connection, Adopt);
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { adopt: { quickWins: { threshold: 80 } } } });
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { adopt: { quickWins: { weights: { reach: -3 }, threshold: 50 } } } });
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/adopt\.quickWins\.weights\.reach must be at least 0/);
        expect(warnings[0]).toMatch(/defaults? .*stay in force/);
        expect(Adopt.score.Settings.current).toEqual(DEFAULT_SETTINGS);
    });

    test('other sections and settings without quickWins leave the defaults', async () => {
        const { shared, Adopt } = createAdoptServices();
        const { connection, warnings } = fakeConnection();
        registerSettingsSync(connection, Adopt);
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { other: { quickWins: { threshold: 1 } }, adopt: { trace: 'off' } } });
        expect(Adopt.score.Settings.current).toEqual(DEFAULT_SETTINGS);
        expect(warnings).toEqual([]);
    });
});

describe('settings pulled from the client (workspace/configuration)', () => {
    test('read once the client is initialized, and fetched again when a change carries no settings', async () => {
        let threshold: unknown = 10;
        const { connection, warnings } = fakeConnection(() => ({ quickWins: { threshold, weights: null } }));
        const { shared, Adopt } = createAdoptServices({ connection });
        registerSettingsSync(connection, Adopt);
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.initialize({ capabilities: { workspace: { configuration: true } }, processId: null, rootUri: null });
        await configuration.initialized({ fetchConfiguration: items => connection.workspace.getConfiguration(items) });
        await until(() => Adopt.score.Settings.current.threshold === 10);
        threshold = 'high';
        configuration.updateConfiguration({ settings: null });
        await until(() => warnings.length > 0);
        expect(warnings[0]).toMatch(/adopt\.quickWins\.threshold must be a number/);
        expect(Adopt.score.Settings.current).toEqual(DEFAULT_SETTINGS);
    });
});
