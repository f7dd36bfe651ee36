/**
 * The editor features of the Adopt language: hover, code lens, quick fixes, completion, outline,
 * formatting, rename, semantic highlighting and the links of `use` paths, plus the shared
 * services they need (node kinds, the settings reader, the workspace manager that loads the
 * workspace's plans). Merged into the language's module by createAdoptServices.
 */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { AdoptServices } from '../adopt-module.js';
import { AdoptWorkspaceManager } from '../workspace/adopt-workspace-manager.js';
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
        WorkspaceManager: services => new AdoptWorkspaceManager(services)
    }
};
