/**
 * The settings from the editor: `adopt.quickWins.weights`, `adopt.quickWins.threshold` and
 * `adopt.diagnostics.severity`, read once the client is initialized and again on every change.
 * A bad value is shown to the user as a warning that names the field; the defaults stay in
 * force. When the settings in force change, open documents are validated again so scores, code
 * lenses and diagnostics follow. (A config file `adopt.config.json` wins over these settings.)
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { plansRevalidation } from './revalidate-plans.js';

export const SETTINGS_SECTION = 'adopt';
export const QUICK_WINS_FIELD = 'adopt.quickWins';
export const SEVERITY_FIELD = 'adopt.diagnostics.severity';

export function registerSettingsSync(connection: Connection, services: AdoptServices): void {
    const shared = services.shared;
    const configuration = shared.workspace.ConfigurationProvider;
    configuration.ready.then(async () => {
        apply(connection, services, await configuration.getConfiguration(SETTINGS_SECTION, 'quickWins'));
        applySeverity(connection, services, await configuration.getConfiguration(SETTINGS_SECTION, 'diagnostics'));
    }).catch(error => console.error('Could not read the settings:', error));
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section === SETTINGS_SECTION) {
            apply(connection, services, fieldOf(update.configuration, 'quickWins'));
            applySeverity(connection, services, fieldOf(update.configuration, 'diagnostics'));
        }
    });
    const revalidate = plansRevalidation(connection, services);
    services.score.Settings.onDidChange(() => {
        void revalidate().catch(error => console.error('Could not apply the new settings:', error));
    });
}

/** Validates the raw `adopt.quickWins` value and puts it in force (or the defaults, with a warning). */
export function apply(connection: Connection, services: AdoptServices, raw: unknown): readonly string[] {
    const problems = services.score.Settings.update(withoutNulls(raw), QUICK_WINS_FIELD);
    if (problems.length > 0) {
        // A plain window/showMessage notification: every client shows it, none has to answer.
        void connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `Adopt: ${problems.join('; ')}. The default weights and threshold stay in force.`
        });
    }
    return problems;
}

/** Validates the raw `adopt.diagnostics` value's `severity` and puts it in force (or the defaults, with a warning). */
export function applySeverity(connection: Connection, services: AdoptServices, diagnosticsSection: unknown): readonly string[] {
    const problems = services.score.Settings.updateSeverity(fieldOf(diagnosticsSection, 'severity') ?? undefined, SEVERITY_FIELD);
    if (problems.length > 0) {
        void connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `Adopt: ${problems.join('; ')}. Every diagnostic keeps its default severity.`
        });
    }
    return problems;
}

function fieldOf(section: unknown, field: string): unknown {
    return typeof section === 'object' && section !== null ? (section as Record<string, unknown>)[field] : undefined;
}

/** A setting that is null is not set (some clients send null for settings without a value). */
function withoutNulls(raw: unknown): unknown {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw ?? undefined;
    return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
}
