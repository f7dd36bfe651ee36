/**
 * "Did you mean": an `unresolved-reference` names the declared names of the same kind that are
 * close to the one written (another case, or a small edit distance), closest first, and offers a
 * quick fix per suggestion that replaces the name; the fixed plan resolves the name. A keyword
 * written one or two letters off is a syntax error that names the keyword meant, with a fix that
 * writes it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, validationHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Plan } from '../../src/language/generated/ast.js';
import { allowedEdits, didYouMean, similarNames } from '../../src/language/validation/name-suggestions.js';
import { createTestServices } from '../support/helpers.js';

const services = createTestServices();
const validate = validationHelper<Plan>(services);
afterEach(() => clearDocuments(services));

const PLAN = (inner: string) => `plan P "A plan" {
  coalition {
    member flu "Flu nurse" role middle-manager trained
    member fluFaq "FAQ writer" role operational-manager trained
    member ana "Ana" role staff
  }
  channel youtube "YouTube" on youtube
  initiative rounds "Rounds"
  stage start "Start" {
    mantra "The status quo must go!"
  }
${inner}
}
`;

async function unresolved(text: string): Promise<{ diagnostics: Diagnostic[]; fixes: (d: Diagnostic) => Promise<Array<{ title: string; preferred: boolean; text: string }>> }> {
    const { document } = await validate(text);
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === 'unresolved-reference');
    const fixes = async (diagnostic: Diagnostic) => {
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) ?? []) as CodeAction[];
        return actions.map(action => ({
            title: action.title,
            preferred: action.isPreferred === true,
            text: TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), action.edit!.changes![document.textDocument.uri])
        }));
    };
    return { diagnostics, fixes };
}

describe('similarNames', () => {
    test('another case is the closest; a small edit distance qualifies; far names do not', () => {
        expect(similarNames('fluFAQ', ['flu', 'fluFaq', 'ana'])).toEqual(['fluFaq']);
        expect(similarNames('flue', ['ana', 'flu', 'fluFaq'])).toEqual(['flu']);
        expect(similarNames('strat', ['start', 'share'])).toEqual(['start']);
        expect(similarNames('ghost', ['ana', 'ben', 'cho'])).toEqual([]);
    });

    test('short names allow one edit, and never as many edits as the shorter name has letters', () => {
        expect(allowedEdits('ab')).toBe(1);
        expect(similarNames('ab', ['a', 'abc', 'xy'])).toEqual(['abc']);
        expect(similarNames('x', ['y', 'z'])).toEqual([]);
        expect(similarNames('streamRound', ['streamRounds', 'streamRoundz', 'dreamRounds', 'other'])).toEqual(['streamRounds', 'streamRoundz', 'dreamRounds']);
    });

    test('at most three, closest first, declaration order between equals, each once', () => {
        expect(similarNames('abcd', ['abce', 'abcf', 'ABCD', 'abcg', 'abch', 'abce'])).toEqual(['ABCD', 'abce', 'abcf']);
    });

    test('a spent budget stops the search', () => {
        const budget = { remaining: 1 };
        expect(similarNames('flue', ['flu'], budget)).toEqual(['flu']);
        expect(similarNames('flue', ['flu'], budget)).toEqual([]);
    });

    test('the sentence', () => {
        expect(didYouMean([])).toBe('');
        expect(didYouMean(['a'])).toBe(" Did you mean 'a'?");
        expect(didYouMean(['a', 'b', 'c'])).toBe(" Did you mean 'a', 'b' or 'c'?");
    });
});

describe('unresolved-reference with suggestions', () => {
    test('a name in another case: the message asks, the data lists it, the fix replaces it', async () => {
        const text = PLAN(`  stage go "Go" {
    project p "P" {
      involves fluFAQ
    }
  }`);
        const { diagnostics, fixes } = await unresolved(text);
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].message).toBe("There is no member named 'fluFAQ' in this plan. Did you mean 'fluFaq'? Add them to the coalition, or correct the name.");
        expect(diagnostics[0].data).toMatchObject({ code: 'unresolved-reference', kind: 'member', name: 'fluFAQ', suggestions: ['fluFaq'] });
        const offered = await fixes(diagnostics[0]);
        expect(offered.map(fix => [fix.title, fix.preferred])).toEqual([["Change 'fluFAQ' to 'fluFaq'", true]]);
        expect(offered[0].text).toBe(text.replace('involves fluFAQ', 'involves fluFaq'));
        const after = await unresolved(offered[0].text);
        expect(after.diagnostics).toEqual([]);
    });

    test('one letter too many: `flue` for `flu`', async () => {
        const { diagnostics, fixes } = await unresolved(PLAN(`  stage go "Go" { project p "P" { involves ana, flue } }`));
        expect(diagnostics[0].message).toContain("Did you mean 'flu'?");
        expect((await fixes(diagnostics[0])).map(fix => fix.title)).toEqual(["Change 'flue' to 'flu'"]);
    });

    test('only names of the same kind are suggested', async () => {
        // `start` is a stage; in `involves` only members count.
        const { diagnostics } = await unresolved(PLAN(`  stage go "Go" after strat { project p "P" { involves strat } }`));
        const byProperty = diagnostics.map(d => [String(d.message).includes('no stage named') ? 'stage' : 'member', (d.data as { suggestions: string[] }).suggestions]);
        expect(byProperty).toEqual([['stage', ['start']], ['member', []]]);
    });

    test.each([
        ['channel', `  stage go "Go" { launch youTube }`, 'youtube'],
        ['initiative', `  stage go "Go" { project p "P" { supports round } }`, 'rounds'],
        ['project', `  stage go "Go" { project stream "P" { } }\n  stage show "Show" { story s "S" from streams }`, 'stream']
    ])('a %s', async (_kind, inner, expected) => {
        const { diagnostics, fixes } = await unresolved(PLAN(inner));
        expect(diagnostics).toHaveLength(1);
        expect((diagnostics[0].data as { suggestions: string[] }).suggestions).toEqual([expected]);
        const [fix] = await fixes(diagnostics[0]);
        expect((await unresolved(fix.text)).diagnostics).toEqual([]);
    });

    test('no suggestion, no "did you mean" and no fix', async () => {
        const { diagnostics, fixes } = await unresolved(PLAN(`  stage go "Go" { project p "P" { involves ghost } }`));
        expect(diagnostics[0].message).toBe("There is no member named 'ghost' in this plan. Add them to the coalition, or correct the name.");
        expect(await fixes(diagnostics[0])).toEqual([]);
    });

    test('a fix asked for with a diagnostic whose name has changed since offers nothing', async () => {
        const first = await unresolved(PLAN(`  stage go "Go" { project p "P" { involves flue } }`));
        const stale = first.diagnostics[0];
        const now = await unresolved(PLAN(`  stage go "Go" { project p "P" { involves flu } }`));
        expect(now.diagnostics).toEqual([]);
        expect(await now.fixes(stale)).toEqual([]);
    });
});

describe('a keyword one or two letters off: the syntax error says the keyword meant, and its fix writes it', () => {
    async function syntaxFixes(text: string) {
        const { document } = await validate(text);
        const diagnostics = (document.diagnostics ?? []).filter(d => d.code === 'syntax-error');
        const actions = await Promise.all(diagnostics.map(async diagnostic => (await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) ?? []) as CodeAction[]));
        return { diagnostics, actions: actions.flat(), uri: document.textDocument.uri };
    }

    test.each([
        ['a statement keyword', '  stage go "Go" {\n    projet p "P" { }\n  }', 'projet', 'project'],
        ['an attribute keyword', '  stage go "Go" {\n    project p "P" { asyncrony high }\n  }', 'asyncrony', 'asynchrony'],
        ['a level', '  stage go "Go" {\n    project p "P" { geography hihg }\n  }', 'hihg', 'high'],
        ['a keyword in capitals', '  Stage go "Go" { }', 'Stage', 'stage']
    ])('%s', async (_name, inner, word, keyword) => {
        const text = PLAN(inner);
        const { diagnostics, actions, uri } = await syntaxFixes(text);
        expect(diagnostics).toHaveLength(1);
        expect(String(diagnostics[0].message)).toContain(`'${keyword}'`);
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([[`Change '${word}' to '${keyword}'`, true]]);
        const fixed = TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), actions[0].edit!.changes![uri]);
        expect(fixed).toBe(text.replace(word, keyword));
        const after = await validate(fixed);
        expect(after.document.parseResult.parserErrors).toEqual([]);
        expect((after.document.diagnostics ?? []).filter(d => d.code === 'syntax-error')).toEqual([]);
    });

    test('a syntax error that is not a word read as a keyword offers no such fix', async () => {
        const { diagnostics, actions } = await syntaxFixes(PLAN('  stage go { }'));
        expect(diagnostics).toHaveLength(1);
        expect(actions.filter(action => action.title.startsWith('Change'))).toEqual([]);
    });
});
