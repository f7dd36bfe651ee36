/**
 * Config files in the language server (docs/configuration.md). A config file's problem is published as
 * a diagnostic on the config file itself (and cleared once the file is good or gone); the plans
 * under it keep the defaults meanwhile. When a config file is created, changed or deleted (the
 * client's file watcher, which Langium registers for the whole workspace), or edited in a client
 * that opens it with the server, what was read is forgotten and every plan is validated again
 * with the rules now in force.
 */
import { URI } from 'langium';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { CONFIG_FILE_NAME } from '../config/adopt-config-schema.js';
import { isConfigFileUri, type ConfigFile } from '../config/adopt-config-files.js';
import { plansRevalidation } from './revalidate-plans.js';

/** The code of a config file's problem (not a plan diagnostic: it has no severity to configure). */
export const CONFIG_PROBLEM_CODE = 'invalid-config';

export function registerConfigSync(connection: Connection, services: AdoptServices): void {
    const files = services.config.Files;
    const revalidate = plansRevalidation(connection, services);
    /** What was last published for each config file, so that an unchanged answer is not sent again. */
    const published = new Map<string, string>();
    const publish = (uri: string, diagnostics: Diagnostic[]) => {
        const key = JSON.stringify(diagnostics);
        if (published.get(uri) === key) return;
        published.set(uri, key);
        void connection.sendDiagnostics({ uri, diagnostics });
    };
    files.onDidRead(file => publish(file.uri.toString(), configDiagnostics(file)));

    /** Config files changed: forget what was read, show each one's problem (or none), re-check the plans. */
    const changed = (uris: readonly URI[]) => {
        files.invalidate();
        void (async () => {
            for (const uri of uris) {
                if (!await files.readFileAsync(uri)) publish(uri.toString(), []);
            }
            await revalidate();
        })().catch(error => console.error(`Could not apply the changed ${CONFIG_FILE_NAME}:`, error));
    };
    services.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        const uris = params.changes.filter(change => isConfigFileUri(change.uri)).map(change => URI.parse(change.uri));
        if (uris.length > 0) changed(uris);
    });

    // A client that opens a config file with the server (VS Code does not: it keeps JSON files to
    // itself) has its text read from the editor, as it is typed; closed, it is read from disk again.
    const documents = services.shared.workspace.TextDocuments;
    files.readOpenDocuments(uri => documents.get(uri.toString())?.getText());
    documents.onDidChangeContent(event => {
        if (isConfigFileUri(event.document.uri)) changed([URI.parse(event.document.uri)]);
    });
    documents.onDidClose(event => {
        if (isConfigFileUri(event.document.uri)) changed([URI.parse(event.document.uri)]);
    });
}

/** The diagnostics of a config file: its one problem, or none. */
export function configDiagnostics(file: ConfigFile): Diagnostic[] {
    if (!file.problem) return [];
    return [{
        range: file.problem.range,
        severity: DiagnosticSeverity.Error,
        code: CONFIG_PROBLEM_CODE,
        source: 'adopt',
        message: `${capitalized(file.problem.message)}. Until this is corrected, the plans under this folder use the default rules (and the editor's settings).`
    }];
}

/** "The file is empty: …", but "severity.low-reach must be …" as the field is written. */
function capitalized(text: string): string {
    return text.startsWith('the ') ? 'T' + text.slice(1) : text;
}
