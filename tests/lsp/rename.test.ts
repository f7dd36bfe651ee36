/**
 * Rename leaves a plan that parses: prepareRename accepts names and refuses keywords, titles and
 * undeclared names with a message; rename refuses a new name that is not an identifier (a word of
 * the language is one) or that another declaration of the same kind has.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, parseHelper } from 'langium/test';
import { ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Plan } from '../../src/language/generated/ast.js';
import { DECLARATION_KEYWORDS } from '../../src/language/model/declaration-kinds.js';
import { grammarKeywords } from '../../src/language/model/grammar-words.js';
import { createTestServices, example, parser } from '../support/helpers.js';

const services = createTestServices();
const EXAMPLE = example('riverside-health.adopt');
const provider = services.lsp.RenameProvider!;
afterEach(() => clearDocuments(services));

async function at(text: string, marker: string, shift = 0) {
    const document = await parseHelper<Plan>(services)(text);
    const offset = text.indexOf(marker);
    if (offset < 0) throw new Error(`${marker} not in the text`);
    return { document, params: { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset + shift) } };
}

async function refusal(action: () => unknown): Promise<ResponseError<unknown>> {
    try {
        await action();
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return error as ResponseError<unknown>;
    }
    throw new Error('expected a refusal');
}

describe('prepareRename', () => {
    test('the range of a declared name, at its declaration or at a reference', async () => {
        const declaration = await at(EXAMPLE, 'dee "Dee', 1);
        const range = await provider.prepareRename(declaration.document, declaration.params);
        expect(declaration.document.textDocument.getText(range!)).toBe('dee');
        const reference = await at(EXAMPLE, 'streamRounds\n', 3);
        expect(reference.document.textDocument.getText((await provider.prepareRename(reference.document, reference.params))!)).toBe('streamRounds');
    });

    test.each([
        ['a role', 'naysayer', 2, /'naysayer' is a word of the Adopt language, not a name/],
        ['a statement keyword', 'project hashtagContest', 2, /'project' is a word of the Adopt language/],
        ['a level', 'high\n', 1, /'high' is a word of the Adopt language/],
        ['a title', '"Dee Park"', 3, /Titles are not renamed/],
        ['blank space', '\n\n  channel', 1, /Put the cursor on a name/]
    ])('refuses %s with a message', async (_what, marker, shift, message) => {
        const { document, params } = await at(EXAMPLE, marker, shift);
        const error = await refusal(() => provider.prepareRename(document, params));
        expect(error.message).toMatch(message);
    });

    test('refuses a name that is not declared', async () => {
        const { document, params } = await at(EXAMPLE.replace('involves dee', 'involves ghost'), 'ghost', 1);
        expect((await refusal(() => provider.prepareRename(document, params))).message).toBe("'ghost' is not declared in this plan, so there is nothing to rename.");
    });
});

describe('rename', () => {
    const rename = async (marker: string, newName: string, text = EXAMPLE) => {
        const { document, params } = await at(text, marker, 1);
        return provider.rename(document, { ...params, newName });
    };

    test('a good name renames the declaration and every reference, and the plan still parses', async () => {
        const edit = await rename('dee "Dee', 'deePark');
        const renamed = TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, EXAMPLE), Object.values(edit!.changes!)[0]);
        const reparsed = await parser(services)(renamed);
        expect(reparsed.parseResult.parserErrors).toEqual([]);
        expect(renamed.match(/\bdeePark\b/g)).toHaveLength(3);
    });

    test.each(['staff', 'plan', 'low', 'medium', 'trained', 'audience', 'on', 'role'])('a word of the language is a good name: %s', async keyword => {
        const edit = await rename('dee "Dee', keyword);
        const renamed = TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, EXAMPLE), Object.values(edit!.changes!)[0]);
        const reparsed = await parser(services)(renamed);
        expect(reparsed.parseResult.parserErrors).toEqual([]);
        expect(reparsed.parseResult.value.plan!.stages[2].stories[0].audience.map(member => member.ref?.name)).toEqual([keyword]);
    });

    test('a name written like a keyword is renamed from its declaration and from a reference', async () => {
        const text = EXAMPLE.replaceAll(/\bdee\b/g, 'staff');
        const fromDeclaration = await rename('staff "Dee', 'deePark', text);
        const fromReference = await rename('staff\n', 'deePark', text);
        for (const edit of [fromDeclaration, fromReference]) {
            const renamed = TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), Object.values(edit!.changes!)[0]);
            expect(renamed).toBe(EXAMPLE.replaceAll(/\bdee\b/g, 'deePark'));
        }
    });

    test.each(['two words', '1abc', 'middle-manager', 'café', '', 'a.b', '"quoted"'])('refuses %j, which is not an identifier', async newName => {
        const error = await refusal(() => rename('dee "Dee', newName));
        expect(error.message).toMatch(/is not a name\. A name starts with a letter or _, followed by letters, digits or _/);
    });

    test('refuses a name that another declaration of the same kind has; another kind may share it', async () => {
        expect((await refusal(() => rename('dee "Dee', 'ana'))).message).toBe("There is already a member named 'ana' in this plan. Choose another name.");
        // A stage and a member may share a name: each kind has its namespace.
        expect(await rename('dee "Dee', 'rollout')).toBeDefined();
        const withTwoMetrics = EXAMPLE.replace('metric archiveViews "Archive views per month" target 500', 'metric archiveViews "Archive views per month" target 500\n      metric shares "Shares" target 5');
        expect((await refusal(() => rename('shares "', 'archiveViews', withTwoMetrics))).message).toBe("There is already a metric named 'archiveViews' in this project. Choose another name.");
        // A metric of another goal or project may have the same name.
        expect(await rename('managersConvinced', 'archiveViews')).toBeDefined();
    });

    test('where prepareRename refuses, rename answers no edit (as Langium does)', async () => {
        expect(await rename('project hashtagContest', 'other')).toBeUndefined();
        expect(await rename('involves ghost', 'other', EXAMPLE.replace('involves dee', 'involves ghost'))).toBeUndefined();
    });

    test('the keywords come from the grammar, all of them', () => {
        const keywords = grammarKeywords(services.Grammar);
        for (const word of ['plan', 'coalition', 'member', 'role', 'staff', 'naysayer', 'on', 'after', 'supports', 'asynchrony', 'low', 'story', 'from', 'audience', 'trained', 'unit', 'target']) {
            expect(keywords.has(word), word).toBe(true);
        }
    });
});

describe('rename in the living plan (SPEC section 7)', () => {
    const PLAN = `plan P "P" {
  coalition {
    member ana "Ana" role middle-manager trained
    member doing "A member named like a status" role staff
  }
  stage s "S" {
    action film "Film" owner ana due 2027-01-01 doing
    project p "P" {
      action edit "Edit" owner doing done
    }
  }
}`;
    const apply = (text: string, edit: Awaited<ReturnType<typeof provider.rename>>) =>
        TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), Object.values(edit!.changes!)[0]);

    test('a member renamed from an owner follows at its declaration and every owner', async () => {
        const { document, params } = await at(PLAN, 'owner ana', 'owner '.length + 1);
        const renamed = apply(PLAN, await provider.rename(document, { ...params, newName: 'anaOrtiz' }));
        expect(renamed).toBe(PLAN.replace('member ana ', 'member anaOrtiz ').replace('owner ana ', 'owner anaOrtiz '));
    });

    test('a member named like a status is a name: renamed at its declaration, its owner follows, the status stays', async () => {
        const { document, params } = await at(PLAN, 'doing "A member', 1);
        expect(document.textDocument.getText((await provider.prepareRename(document, params))!)).toBe('doing');
        const renamed = apply(PLAN, await provider.rename(document, { ...params, newName: 'dora' }));
        expect(renamed).toBe(PLAN.replace('member doing ', 'member dora ').replace('owner doing ', 'owner dora '));
        expect((await parser(services)(renamed)).parseResult.value.plan!.stages[0].actions[0].status).toBe('doing');
    });

    test('an action is renamed; another action of the plan (in a project too) may not share its name, another kind may', async () => {
        const { document, params } = await at(PLAN, 'film "', 1);
        expect(apply(PLAN, await provider.rename(document, { ...params, newName: 'record' }))).toBe(PLAN.replace('action film ', 'action record '));
        expect((await refusal(() => provider.rename(document, { ...params, newName: 'edit' }))).message).toBe("There is already an action named 'edit' in this plan. Choose another name.");
        expect(await provider.rename(document, { ...params, newName: 'p' })).toBeDefined();
    });

    test('a status word is no name: prepareRename says so', async () => {
        const { document, params } = await at(PLAN, 'doing\n', 1);
        const message = (await refusal(() => provider.prepareRename(document, params))).message;
        expect(message).toMatch(/^'doing' is a word of the Adopt language, not a name: only the names of declarations \(.*\) can be renamed\.$/);
        for (const keyword of Object.values(DECLARATION_KEYWORDS)) expect(message).toMatch(new RegExp(`[(, ]${keyword}[,)]`));
    });
});
