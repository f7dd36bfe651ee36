/**
 * The quick-win settings from the editor: `adopt.quickWins.weights` and
 * `adopt.quickWins.threshold`, read once the client is initialized and again on every change.
 * A bad value is shown to the user as a warning that names the field; the defaults stay in
 * force. When the settings in force change, open documents are validated again so scores, code
 * lenses and diagnostics follow.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';

export const SETTINGS_SECTION = 'adopt';
export const QUICK_WINS_FIELD = 'adopt.quickWins';

export function registerSettingsSync(connection: Connection, services: AdoptServices): void {
    const shared = services.shared;
    const configuration = shared.workspace.ConfigurationProvider;
    configuration.ready.then(async () => {
        apply(connection, services, await configuration.getConfiguration(SETTINGS_SECTION, 'quickWins'));
    }).catch(error => console.error('Could not read the settings:', error));
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section === SETTINGS_SECTION) {
            apply(connection, services, quickWinsOf(update.configuration));
        }
    });
    let codeLensRefresh = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport ?? false;
    });
    services.score.Settings.onDidChange(() => {
        void revalidateOpenDocuments(shared).then(() => {
            if (codeLensRefresh) return connection.sendRequest(CodeLensRefreshRequest.type);
        }).catch(error => console.error('Could not apply the new settings:', error));
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

function quickWinsOf(section: unknown): unknown {
    return typeof section === 'object' && section !== null ? (section as Record<string, unknown>).quickWins : undefined;
}

/** A setting that is null is not set (some clients send null for settings without a value). */
function withoutNulls(raw: unknown): unknown {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw ?? undefined;
    return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
}

/** Validates every built document again, so diagnostics are published with the new scores. */
async function revalidateOpenDocuments(shared: LangiumSharedServices): Promise<void> {
    const documents: LangiumDocument[] = shared.workspace.LangiumDocuments.all.filter(doc => doc.state >= DocumentState.Validated).toArray();
    if (documents.length === 0) return;
    await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
}
