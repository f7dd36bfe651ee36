/**
 * Outline, go to definition, find references, rename, folding and semantic tokens.
 */
import { describe, expect, test } from 'vitest';
import {
    expectFindReferences, expectGoToDefinition, expectSemanticToken, expectSymbols, highlightHelper, parseHelper
} from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SemanticTokenTypes, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Plan } from '../../src/language/generated/ast.js';
import { createTestServices, example, parser } from '../support/helpers.js';

const services = createTestServices();
const EXAMPLE = example('riverside-health.adopt');

function tree(symbols: DocumentSymbol[]): unknown[] {
    return symbols.map(symbol => (symbol.children?.length ? { [symbol.name]: tree(symbol.children) } : symbol.name));
}

describe('outline', () => {
    test('plan > coalition > members, channels, initiatives, stages > goals, projects, stories', async () => {
        await expectSymbols(services)({
            text: EXAMPLE,
            assert: symbols => {
                expect(tree(symbols)).toEqual([{
                    RiversideHealth: [
                        { coalition: ['ana', 'ben', 'cho', 'dee'] },
                        'youtube', 'facebook', 'grandRounds', 'patientEd',
                        { initiation: [{ managersBuyIn: ['managersConvinced'] }] },
                        { rollout: [{ streamRounds: ['archiveViews'] }, 'hashtagContest'] },
                        { diffusion: ['reach'] }
                    ]
                }]);
                const plan = symbols[0];
                expect(plan.kind).toBe(SymbolKind.Module);
                expect(plan.children?.[0].kind).toBe(SymbolKind.Struct);
                expect(plan.children?.[0].children?.[0].kind).toBe(SymbolKind.Constant);
                expect(plan.children?.find(s => s.name === 'rollout')?.children?.[0].kind).toBe(SymbolKind.Class);
            }
        });
    });
});

describe('go to definition and find references', () => {
    const text = `plan P "P" {
  coalition {
    member <|ana|> "Ana" role middle-manager trained
  }
  stage s "S" {
    project p "P" {
      involves <|>ana
    }
    story st "St" from p
    audience <|>ana
  }
}`;

    test('from a member in involves and in an audience to its declaration', async () => {
        await expectGoToDefinition(services)({ text, index: 0, rangeIndex: 0 });
        await expectGoToDefinition(services)({ text, index: 1, rangeIndex: 0 });
    });

    test('every reference of a member, with or without its declaration', async () => {
        await expectFindReferences(services)({
            text: `plan P "P" {
  coalition {
    member <|<|>ana|> "Ana" role middle-manager trained
  }
  stage s "S" {
    project p "P" {
      involves <|ana|>
    }
    story st "St" from p
    audience <|ana|>
  }
}`,
            includeDeclaration: true
        });
    });
});

describe('rename', () => {
    test('a member renamed at its declaration follows in involves and audience', async () => {
        const document = await parseHelper<Plan>(services)(EXAMPLE);
        const offset = EXAMPLE.indexOf('dee "');
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.textDocument.uri },
            position: document.textDocument.positionAt(offset),
            newName: 'deePark'
        });
        const renamed = TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, EXAMPLE), edit!.changes![document.textDocument.uri]);
        expect(renamed).toBe(EXAMPLE.replace('member dee ', 'member deePark ').replace('involves dee', 'involves deePark').replace('audience dee', 'audience deePark'));
        const reparsed = await parser(services)(renamed);
        expect(reparsed.diagnostics?.filter(d => d.code === 'unresolved-reference')).toEqual([]);
    });

    test('renaming from a reference renames the declaration too', async () => {
        const document = await parseHelper<Plan>(services)(EXAMPLE);
        const offset = EXAMPLE.indexOf('from streamRounds') + 'from '.length;
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.textDocument.uri },
            position: document.textDocument.positionAt(offset),
            newName: 'rounds'
        });
        const renamed = TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, EXAMPLE), edit!.changes![document.textDocument.uri]);
        expect(renamed).toBe(EXAMPLE.replace('project streamRounds', 'project rounds').replace('from streamRounds', 'from rounds'));
    });
});

describe('folding', () => {
    test('blocks, multi-line comments and runs of line comments fold', async () => {
        const document = await parseHelper<Plan>(services)(`/* A plan
   in two lines */
// first
// second
plan P "P" {
  coalition {
    member ana "Ana" role middle-manager
  }
  stage s "S" {
    project p "P" {
      involves ana
    }
  }
}`);
        const foldings = await services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.textDocument.uri } });
        expect(foldings.map(f => [f.startLine, f.endLine, f.kind]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
            [0, 1, 'comment'], [2, 3, 'comment'], [4, 12, undefined], [5, 6, undefined], [8, 11, undefined], [9, 10, undefined]
        ]);
    });
});

describe('semantic tokens', () => {
    test('names get the token type of their kind, declared or referenced', async () => {
        const tokens = await highlightHelper(services)(`plan P "P" {
  coalition {
    member <|ana|> "Ana" role <|middle-manager|>
  }
  channel <|yt|> "YT" on youtube
  initiative <|rounds|> "Rounds"
  stage <|s|> "S" {
    project <|p|> "P" {
      supports <|rounds|>
      involves <|ana|>
      uses <|yt|>
    }
  }
  stage t "T" after <|s|> {
    story st "St" from <|p|>
  }
}`);
        const expected = [
            SemanticTokenTypes.variable, SemanticTokenTypes.enumMember, SemanticTokenTypes.interface, SemanticTokenTypes.enum,
            SemanticTokenTypes.namespace, SemanticTokenTypes.class, SemanticTokenTypes.enum, SemanticTokenTypes.variable,
            SemanticTokenTypes.interface, SemanticTokenTypes.namespace, SemanticTokenTypes.class
        ];
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });
});

describe('the living plan (SPEC section 7): actions and their owners', () => {
    const LAKESHORE = example('lakeshore-college.adopt');

    test('the outline shows the actions of stages and projects, as functions', async () => {
        await expectSymbols(services)({
            text: LAKESHORE,
            assert: symbols => {
                const stages = symbols[0].children!.filter(symbol => symbol.kind === SymbolKind.Namespace);
                const rollout = stages.find(stage => stage.name === 'rollout')!;
                expect(tree([rollout])).toEqual([{
                    rollout: [
                        'setUpChannel', 'captionPolicy',
                        { lectureArchive: ['archiveViews', 'pilotBiology', 'recordChemistry', 'allCourses'] },
                        { studyWiki: ['guidesWritten', 'seedGuides'] }
                    ]
                }]);
                expect(rollout.children?.find(symbol => symbol.name === 'captionPolicy')?.kind).toBe(SymbolKind.Function);
                expect(tree([stages[0]])).toEqual([{ initiation: [{ deansOnBoard: ['deansConvinced'] }, 'briefDeans', 'trainChairs'] }]);
            }
        });
    });

    const OWNED = `plan P "P" {
  coalition {
    member <|ana|> "Ana" role middle-manager trained
  }
  stage s "S" {
    action a "A" owner <|>ana due 2027-01-01
    project p "P" {
      involves ana
      action b "B" owner <|>ana done
    }
  }
}`;

    test('go to definition from an owner to the member', async () => {
        await expectGoToDefinition(services)({ text: OWNED, index: 0, rangeIndex: 0 });
        await expectGoToDefinition(services)({ text: OWNED, index: 1, rangeIndex: 0 });
    });

    test("find references of a member includes the actions' owners", async () => {
        await expectFindReferences(services)({
            text: `plan P "P" {
  coalition {
    member <|<|>ana|> "Ana" role middle-manager trained
  }
  stage s "S" {
    action a "A" owner <|ana|> due 2027-01-01
    project p "P" {
      involves <|ana|>
      action b "B" owner <|ana|> done
    }
  }
}`,
            includeDeclaration: true
        });
    });

    test('semantic tokens: action names, owners as members, dates as numbers, statuses and effort as enum members', async () => {
        const tokens = await highlightHelper(services)(`plan P "P" {
  coalition {
    member <|ana|> "Ana" role <|staff|>
  }
  stage <|s|> "S" from <|2027-01-01|> to <|2027-06-30|> {
    action <|a|> "A" owner <|ana|> due <|2027-02-01|> <|doing|>
    project <|p|> "P" {
      effort <|high|>
    }
  }
}`);
        const expected = [
            SemanticTokenTypes.variable, SemanticTokenTypes.enumMember, SemanticTokenTypes.namespace, SemanticTokenTypes.number,
            SemanticTokenTypes.number, SemanticTokenTypes.function, SemanticTokenTypes.variable, SemanticTokenTypes.number,
            SemanticTokenTypes.enumMember, SemanticTokenTypes.class, SemanticTokenTypes.enumMember
        ];
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });
});
