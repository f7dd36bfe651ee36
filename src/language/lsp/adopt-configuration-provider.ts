/**
 * Reads the client's settings. Langium keeps the `adopt` section up to date from
 * `workspace/didChangeConfiguration` when the client pushes the settings; a client that only
 * says "something changed" (settings null: the pull model) gets its `adopt` section fetched again
 * with `workspace/configuration`.
 */
import { DefaultConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { DidChangeConfigurationParams } from 'vscode-languageserver';

export class AdoptConfigurationProvider extends DefaultConfigurationProvider {
    private readonly services: LangiumSharedServices;
    private canFetch = false;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.services = services;
    }

    override initialize(params: Parameters<DefaultConfigurationProvider['initialize']>[0]): void {
        super.initialize(params);
        this.canFetch = params.capabilities.workspace?.configuration ?? false;
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        if (typeof change.settings === 'object' && change.settings !== null) {
            super.updateConfiguration(change);
            return;
        }
        void this.fetchAgain();
    }

    private async fetchAgain(): Promise<void> {
        const connection = this.services.lsp.Connection;
        if (!connection || !this.canFetch) return;
        const sections = this.serviceRegistry.all.map(language => this.toSectionName(language.LanguageMetaData.languageId));
        try {
            const values: unknown[] = await connection.workspace.getConfiguration(sections.map(section => ({ section })));
            super.updateConfiguration({ settings: Object.fromEntries(sections.map((section, index) => [section, values[index]])) });
        } catch (error) {
            console.error('Could not read the settings:', error);
        }
    }
}
