/**
 * The outline, folding and semantic-token providers of src/language/lsp/ read the trees with
 * plain loops (editors ask for all three after every change); they must answer exactly what
 * Langium's generic code answers with the same rules: compared here on generated plans, the
 * examples, plans full of comments, plans whose clauses interleave and broken plans.
 */
import { describe, expect, test } from 'vitest';
import { CstUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import {
    AbstractSemanticTokenProvider, DefaultDocumentSymbolProvider, DefaultFoldingRangeProvider, type FoldingRangeAcceptor, type SemanticTokenPropertyOptions
} from 'langium/lsp';
import { FoldingRange, FoldingRangeKind, type DocumentSymbol } from 'vscode-languageserver';
import { createAdoptServices, type AdoptServices } from '../../src/language/adopt-module.js';
import { isCoalition, type Plan } from '../../src/language/generated/ast.js';
import { AdoptDocumentSymbolProvider } from '../../src/language/lsp/adopt-document-symbol-provider.js';
import { AdoptFoldingRangeProvider } from '../../src/language/lsp/adopt-folding-range-provider.js';
import { AdoptSemanticTokenProvider } from '../../src/language/lsp/adopt-semantic-token-provider.js';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { example } from '../support/helpers.js';

/** The outline as Langium's provider builds it, with the coalition rule of ours. */
class LangiumOutline extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (isCoalition(astNode) && astNode.$cstNode) {
            const members = astNode.members.length;
            return [{
                name: 'coalition', detail: `${members} member${members === 1 ? '' : 's'}`, kind: this.nodeKindProvider.getSymbolKind(astNode),
                range: astNode.$cstNode.range, selectionRange: astNode.$cstNode.range, children: this.getChildSymbols(document, astNode) ?? []
            }];
        }
        return super.getSymbol(document, astNode);
    }
}

/** Folding as Langium's provider computes it, with the rules of ours (the root, comments of two lines, runs of `//`). */
class LangiumFolding extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value;
        if (root) this.collectObjectFolding(document, root, acceptor);
        super.collectFolding(document, acceptor);
        const cst = root?.$cstNode;
        if (!cst) return;
        let run: ReturnType<typeof CstUtils.flattenCst> extends Iterable<infer T> ? T[] : never = [];
        const flush = () => {
            if (run.length > 1) {
                const last = run[run.length - 1];
                acceptor(FoldingRange.create(run[0].range.start.line, last.range.end.line, run[0].range.start.character, last.range.end.character, FoldingRangeKind.Comment));
            }
            run = [];
        };
        for (const leaf of CstUtils.flattenCst(cst)) {
            const isLineComment = leaf.hidden && leaf.text.startsWith('//');
            const previous = run[run.length - 1];
            if (isLineComment && (!previous || previous.range.end.line + 1 === leaf.range.start.line)) run.push(leaf);
            else {
                flush();
                if (isLineComment) run.push(leaf);
            }
        }
        flush();
    }

    protected override toFoldingRange(document: LangiumDocument, node: Parameters<DefaultFoldingRangeProvider['toFoldingRange']>[1], kind?: string) {
        const { start, end } = node.range;
        if (kind === FoldingRangeKind.Comment) {
            return end.line > start.line ? FoldingRange.create(start.line, end.line, start.character, end.character, kind) : undefined;
        }
        return super.toFoldingRange(document, node, kind);
    }
}

/** Our semantic tokens computed by Langium's walk and property lookup. */
class LangiumTokens extends AdoptSemanticTokenProvider {
    protected override computeHighlighting(...args: Parameters<AdoptSemanticTokenProvider['computeHighlighting']>) {
        return (AbstractSemanticTokenProvider.prototype as unknown as { computeHighlighting: AdoptSemanticTokenProvider['computeHighlighting'] }).computeHighlighting.apply(this, args);
    }

    protected override highlightProperty<N extends AstNode>(options: SemanticTokenPropertyOptions<N>): void {
        (AbstractSemanticTokenProvider.prototype as unknown as { highlightProperty(options: SemanticTokenPropertyOptions<N>): void }).highlightProperty.call(this, options);
    }
}

const COMMENTED = `// A plan
// with a header
plan P "p" { /* block
   comment */
  coalition { member a "A" role staff trained // trailing
    // line one
    // line two
    member b "B" role executive }
  initiative i "I" channel c "C" on medium
  stage s "S" { // stage comment
    // before a project
    // and again
    project p "P" { involves a, b // one
      // two
      supports i asynchrony low geography
      /* block */ // after block
      // next
      uses c metric likes "Likes" }
    goal g "G" { metric m "M" target 5% }
    project q "Q" { }
    story t "T" from p audience a
  }
}
`;

const INTERLEAVED = `plan I "i" { initiative i "I" coalition { member a "A" role staff } initiative j "J" channel c "C" on wiki
  stage s "S" { project p "P" { involves a supports i asynchrony involves a, a geography supports j } goal g "G" project q "Q" { uses c } story t "T" from p launch c }
  stage u "U" after s { project r "R" { } } }`;

const BROKEN = `plan B "b" {
  coalition { member a "A" role boss member b "B" }
  stage s "S" { project p "P" { involves a, supports } project q { asynchrony high
  story t "T" from nowhere
}`;

const texts: Array<[string, string]> = [
    ['a generated plan', toAdopt(generatePlan({ projects: 300, seed: 12 }))],
    ['the SPEC example', example('riverside-health.adopt')],
    ['a plan full of comments', COMMENTED],
    ['a plan full of comments with \\r\\n line ends', COMMENTED.replace(/\n/g, '\r\n')],
    ['a plan full of comments with lone \\r line ends', COMMENTED.replace(/\n/g, '\r')],
    ['a plan whose clauses interleave', INTERLEAVED],
    ['a broken plan', BROKEN],
    ['an empty file', '']
];

async function built(services: { shared: ReturnType<typeof createAdoptServices>['shared'] }, text: string, name: string): Promise<LangiumDocument<Plan>> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Plan>(text, URI.parse(`file:///${name}.adopt`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

function lspOf(Adopt: AdoptServices) {
    return Adopt.lsp as unknown as Required<AdoptServices['lsp']>;
}

describe.each(texts)('%s', (name, text) => {
    test('the outline is Langium\'s', async () => {
        const { shared, Adopt } = createAdoptServices();
        expect(lspOf(Adopt).DocumentSymbolProvider).toBeInstanceOf(AdoptDocumentSymbolProvider);
        const document = await built({ shared }, text, `outline-${name.length}`);
        const params = { textDocument: { uri: document.uri.toString() } };
        const ours = await lspOf(Adopt).DocumentSymbolProvider.getSymbols(document, params);
        expect(ours).toEqual(await new LangiumOutline(Adopt).getSymbols(document, params));
    });

    test('folding is Langium\'s, each range once (the file and its plan span the same lines)', async () => {
        const { shared, Adopt } = createAdoptServices();
        expect(lspOf(Adopt).FoldingRangeProvider).toBeInstanceOf(AdoptFoldingRangeProvider);
        const document = await built({ shared }, text, `folding-${name.length}`);
        const params = { textDocument: { uri: document.uri.toString() } };
        const ours = await lspOf(Adopt).FoldingRangeProvider.getFoldingRanges(document, params);
        const langium = await new LangiumFolding(Adopt).getFoldingRanges(document, params);
        const once = langium.filter((range, index) => langium.findIndex(other => JSON.stringify(other) === JSON.stringify(range)) === index);
        expect(ours).toEqual(once);
    });

    test('semantic tokens are Langium\'s, for the document and for a range', async () => {
        const { shared, Adopt } = createAdoptServices();
        const provider = lspOf(Adopt).SemanticTokenProvider;
        expect(provider).toBeInstanceOf(AdoptSemanticTokenProvider);
        const reference = new LangiumTokens(Adopt);
        const document = await built({ shared }, text, `tokens-${name.length}`);
        const params = { textDocument: { uri: document.uri.toString() } };
        const ours = await provider.semanticHighlight(document, params);
        expect(ours.data).toEqual((await reference.semanticHighlight(document, params)).data);
        const range = { start: { line: 2, character: 3 }, end: { line: 9, character: 0 } };
        const oursInRange = await provider.semanticHighlightRange(document, { ...params, range });
        expect(oursInRange.data).toEqual((await reference.semanticHighlightRange(document, { ...params, range })).data);
    });
});

test('the generated plan has symbols, foldings and tokens to compare', async () => {
    const { shared, Adopt } = createAdoptServices();
    const document = await built({ shared }, texts[0][1], 'counts');
    const params = { textDocument: { uri: document.uri.toString() } };
    const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    expect(count(await lspOf(Adopt).DocumentSymbolProvider.getSymbols(document, params))).toBeGreaterThan(300);
    expect((await lspOf(Adopt).FoldingRangeProvider.getFoldingRanges(document, params)).length).toBeGreaterThan(300);
    expect((await lspOf(Adopt).SemanticTokenProvider.semanticHighlight(document, params)).data.length).toBeGreaterThan(300 * 5 * 4);
});
