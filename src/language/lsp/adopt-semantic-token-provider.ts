/**
 * Semantic highlighting: each name gets the token type of its kind, both where it is declared
 * (with the `declaration` modifier) and where it is referenced; roles, levels and platforms are
 * enum members.
 */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isChannel, isInvolves, isLaunch, isMember, isStage, isStory, isSupports, isTrait, isUses
} from '../generated/ast.js';

/** The token type of each kind of declaration. */
export const NAME_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Plan: SemanticTokenTypes.namespace,
    Member: SemanticTokenTypes.variable,
    Channel: SemanticTokenTypes.interface,
    Initiative: SemanticTokenTypes.enum,
    Stage: SemanticTokenTypes.namespace,
    Goal: SemanticTokenTypes.event,
    Metric: SemanticTokenTypes.property,
    Project: SemanticTokenTypes.class,
    Story: SemanticTokenTypes.struct
};

export class AdoptSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const nameType = NAME_TOKEN_TYPES[node.$type];
        if (nameType && 'name' in node && node.name) {
            acceptor({ node, property: 'name' as never, type: nameType, modifier: SemanticTokenModifiers.declaration });
        }
        if (isMember(node) && node.role) {
            acceptor({ node, property: 'role', type: SemanticTokenTypes.enumMember });
        } else if (isChannel(node) && node.platform) {
            acceptor({ node, property: 'platform', type: SemanticTokenTypes.enumMember });
        } else if (isTrait(node) && node.level) {
            acceptor({ node, property: 'level', type: SemanticTokenTypes.enumMember });
        } else if (isStage(node) && node.after) {
            acceptor({ node, property: 'after', type: NAME_TOKEN_TYPES.Stage });
        } else if (isStory(node)) {
            if (node.project) acceptor({ node, property: 'project', type: NAME_TOKEN_TYPES.Project });
            node.audience.forEach((_, index) => acceptor({ node, property: 'audience', index, type: NAME_TOKEN_TYPES.Member }));
        } else if (isInvolves(node)) {
            node.members.forEach((_, index) => acceptor({ node, property: 'members', index, type: NAME_TOKEN_TYPES.Member }));
        } else if (isSupports(node)) {
            node.initiatives.forEach((_, index) => acceptor({ node, property: 'initiatives', index, type: NAME_TOKEN_TYPES.Initiative }));
        } else if (isUses(node) || isLaunch(node)) {
            node.channels.forEach((_, index) => acceptor({ node, property: 'channels', index, type: NAME_TOKEN_TYPES.Channel }));
        }
    }
}
