/**
 * The editor features of the Adopt language: hover, code lens, quick fixes, completion, outline,
 * formatting, rename, semantic highlighting and the links of `use` paths, plus the shared
 * services they need (node kinds, the settings reader). Merged into the language's module by createAdoptServices.
 */
import { DefaultWorkspaceManager, type Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { AdoptServices } from '../adopt-module.js';
import { AdoptCodeActionProvider } from './adopt-code-action-provider.js';
import { AdoptCodeLensProvider } from './adopt-code-lens-provider.js';
import { AdoptCompletionProvider } from './adopt-completion-provider.js';
import { AdoptConfigurationProvider } from './adopt-configuration-provider.js';
import { AdoptDocumentLinkProvider } from './adopt-document-link-provider.js';
import { AdoptDocumentSymbolProvider } from './adopt-document-symbol-provider.js';
import { AdoptDocumentUpdateHandler } from './adopt-document-update-handler.js';
import { AdoptFoldingRangeProvider } from './adopt-folding-range-provider.js';
import { AdoptFormatter } from './adopt-formatter.js';
import { AdoptHoverProvider } from './adopt-hover-provider.js';
import { AdoptNodeKindProvider } from './adopt-node-kind-provider.js';
import { AdoptRenameProvider } from './adopt-rename-provider.js';
import { AdoptSemanticTokenProvider } from './adopt-semantic-token-provider.js';

export const AdoptLspModule: Module<AdoptServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => new AdoptHoverProvider(services),
        CodeLensProvider: services => new AdoptCodeLensProvider(services),
        CodeActionProvider: services => new AdoptCodeActionProvider(services),
        CompletionProvider: services => new AdoptCompletionProvider(services),
        DocumentSymbolProvider: services => new AdoptDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new AdoptFoldingRangeProvider(services),
        Formatter: services => new AdoptFormatter(services),
        SemanticTokenProvider: services => new AdoptSemanticTokenProvider(services),
        RenameProvider: services => new AdoptRenameProvider(services),
        DocumentLinkProvider: services => new AdoptDocumentLinkProvider(services)
    }
};

export const AdoptSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new AdoptNodeKindProvider(),
        DocumentUpdateHandler: services => new AdoptDocumentUpdateHandler(services)
    },
    workspace: {
        ConfigurationProvider: services => new AdoptConfigurationProvider(services),
        WorkspaceManager: services => validatingWorkspaceManager(services)
    }
};

/**
 * Langium's workspace manager, validating the plans of the workspace folders when it loads them
 * (Langium only links them): their problems show before they are opened, and the workspace
 * ranking (`adopt/rankWorkspace`) has every plan's diagnostics.
 */
function validatingWorkspaceManager(services: LangiumSharedServices): DefaultWorkspaceManager {
    const manager = new DefaultWorkspaceManager(services);
    manager.initialBuildOptions = { validation: true };
    return manager;
}
