/**
 * What a file offers the files that use it: a shared block exports its members, channels and
 * initiatives (model/declaration-kinds.ts, SHARED_KINDS) to Langium's index of exported symbols;
 * a plan exports nothing, since no file can use a plan.
 */
import { Cancellation, DefaultScopeComputation, interruptAndCheck, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { isAdoptFile } from '../generated/ast.js';
import { allMembers } from '../model/plan-model.js';

export class AdoptScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const shared = isAdoptFile(root) ? root.shared : undefined;
        if (!shared) return [];
        await interruptAndCheck(cancelToken);
        const exported: AstNodeDescription[] = [];
        const declarations: AstNode[] = [...allMembers(shared), ...shared.channels, ...shared.initiatives];
        for (const node of declarations) {
            const name = this.nameProvider.getName(node);
            if (name) exported.push(this.descriptions.createDescription(node, name, document));
        }
        return exported;
    }
}
