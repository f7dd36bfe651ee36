/**
 * The fast parser's recovery from syntax errors (src/language/fast-build/fast-parser.ts): a
 * broken plan keeps what can be read of it, and each problem is told once, where it is, in the
 * plan's words (src/language/parser/syntax-problems.ts).
 *
 * A keyword misspelled is read as the keyword (the tree is the one of the text as meant); a
 * keyword, a name or a closing brace left out is taken as present; parts of a declaration out of
 * order are taken where they stand; a stray token is left out. Whatever the text, the tree is
 * well formed (recovered-tree.ts) and built by the fast parser.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type AstNode, type ParseResult } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { replacementOf, SyntaxProblemError } from '../../../src/language/parser/parse-errors.js';
import { attributeOrder } from '../../../src/language/parser/grammar-order.js';
import { garbage, mutatedPlan, validPlan, withoutNul } from '../../support/plan-arbitraries.js';
import { expectWellFormed } from './recovered-tree.js';

const { Adopt } = createAdoptServices() as unknown as { Adopt: FastBuildServices };
const parser = Adopt.parser.LangiumParser as FastBuildParser;
const trees = Adopt.fastBuild.SyntaxTrees;
const lexer = Adopt.parser.Lexer;
/** A member's parts in the grammar's order (syntax-messages.test.ts pins role, unit, trained). */
const MEMBER_ORDER = attributeOrder(Adopt.Grammar, 'Member', 'trained', false)?.text;

function parse(text: string): ParseResult<AstNode> {
    const result = parser.parse(text);
    expect(trees.builtBy(result.value)).toBe('fast');
    expectWellFormed(text, result);
    return result;
}

/** Each syntax error as `line:column message` (1-based; `end` at the end of the text, `after line:column` after the token before). */
function problems(text: string): string[] {
    const result = parse(text);
    return result.parserErrors.map(error => {
        const token = error.token;
        if (Number.isFinite(token.startOffset) && token.startOffset >= 0) return `${token.startLine}:${token.startColumn} ${error.message}`;
        const previous = (error as { previousToken?: { endLine?: number; endColumn?: number } }).previousToken;
        return previous?.endLine ? `after ${previous.endLine}:${previous.endColumn} ${error.message}` : `end ${error.message}`;
    });
}

const problemOf = (error: unknown) => (error instanceof SyntaxProblemError ? error.problem : undefined);

/** The declarations of a tree as `Type name`, in tree order. */
function declarations(root: AstNode): string[] {
    return trees.nodes(root).filter(node => typeof (node as { name?: unknown }).name === 'string')
        .map(node => `${node.$type} ${(node as unknown as { name: string }).name}`);
}

/** A tree as plain data, without its links (to compare the tree of a text with the one of the text meant). */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value !== 'object' || value === null) return value;
    const reference = value as { $refText?: string };
    if (typeof reference.$refText === 'string') return `ref:${reference.$refText}`;
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('$') || key === '$type').map(([key, inner]) => [key, plain(inner)]));
}

describe('each problem told once, where it is, in the plan\'s words', () => {
    const CASES: Array<[string, string, string[]]> = [
        ['an empty file', '', ['end This file holds no plan yet. Start it with: plan Name "Title" { }']],
        ['only comments', '// nothing\n/* here */', ['end This file holds no plan yet. Start it with: plan Name "Title" { }']],
        ['a misspelled keyword', 'plan P "P" {\n  stge s "S" { }\n}', [
            "2:3 Unknown word 'stge' in the plan 'P': did you mean 'stage'? The plan is read as if it were 'stage'."
        ]],
        ['a misspelled level', 'plan P "P" {\n  stage s "S" { project p "P" { effort hihg } }\n}', [
            "2:40 Unknown word 'hihg' in the project 'p': did you mean 'high'? A level is low, medium or high. The plan is read as if it were 'high'."
        ]],
        ['a role left out after its keyword', 'plan P "P" { coalition { member a "A" role } }', [
            "after 1:42 A role (executive, middle-manager, operational-manager, early-adopter, staff or naysayer) is missing in the member 'a': add it after the keyword 'role'."
        ]],
        ['a missing title', 'plan P "P" {\n  stage s {\n  }\n}', [
            "after 2:9 A title in double quotes is missing in the stage 's': add it after the name 's'."
        ]],
        ['a keyword that is no name', 'plan P "P" { initiative middle-manager "S" }', [
            "1:25 Expected a name here in the initiative, but found the keyword 'middle-manager'. A name starts with a letter or _, followed by letters, digits or _ (no spaces, dashes or accents)."
        ]],
        ['a keyword out of order that could be a name after a missing keyword', 'plan P "P" { stage s "S" { story st "St" audience m from p } }', [
            "1:42 'audience' is out of order here in the story 'st'. After a story's name and title come, in this order: from PROJECT, then audience MEMBER (optional)."
        ]],
        ['a part twice', 'plan P "P" { stage s "S" { goal g "G" { metric m "M" target 5 actual 3 target 6 } } }', [
            "1:72 The metric 'm' has its target already: remove this one or the first. The first one holds."
        ]],
        ['parts out of order', 'plan P "P" {\n  coalition { member a "A" trained role staff }\n}', [
            `2:28 'trained' is out of order here in the member 'a'. After a member's name and title come, in this order: ${MEMBER_ORDER}.`
        ]],
        ['a project not closed', 'plan P "P" {\n  stage s "S" {\n    project p "P" { involves a\n    project q "Q" { }\n  }\n}', [
            "after 3:30 The project 'p' is not closed: add } before the keyword 'project'."
        ]],
        ['a missing closing brace at the end', 'plan P "P" { stage s "S" {', [
            "after 1:26 Expected '}' in the stage 's', but the file ends here. Add it, and close every { with }."
        ]],
        ['text after the plan', 'plan P "P" { } plan Q "Q" { }', [
            "1:16 The keyword 'plan' comes after the end of the plan. A file holds one plan: move this inside the plan's braces or remove it."
        ]],
        ['a block closed one brace early (the goal\'s { is missing)', 'plan P "P" {\n  stage s "S" {\n    goal g "G" }\n  }\n  coalition { }\n}', [
            "4:3 This } closes the plan 'P', but more of it follows. If a block before it lacks its {, add it; else remove this }. The plan is read as if the plan went on."
        ]],
        ['a stray token', 'plan P "P" {\n  stage s "S" 42 {\n  }\n}', [
            "2:15 The number 42 does not fit here in the stage 's'. What may stand here: '{'."
        ]]
    ];

    for (const [name, text, expected] of CASES) {
        test(name, () => {
            expect(problems(text)).toEqual(expected);
        });
    }

    test('a misspelled keyword carries the keyword meant (the quick fix writes it)', () => {
        const result = parse('plan P "P" {\n  stge s "S" { }\n}');
        expect(result.parserErrors.map(error => (error as { replacement?: string }).replacement)).toEqual(['stage']);
    });

    test('what the recovery read is in the tree: the stage after a misspelled one, the member after parts out of order', () => {
        const result = parse('plan P "P" {\n  coalition { member a "A" trained role staff member b "B" role executive }\n  stge s "S" { project p "P" { involves a } }\n  stage t "T" { }\n}');
        expect(declarations(result.value)).toEqual(['Plan P', 'Member a', 'Member b', 'Stage s', 'Project p', 'Stage t']);
    });
});

/**
 * The keywords of a valid text that its rules write (not a keyword used as a name, a role or a
 * level: words of data type rules): their offset and image.
 */
function keywordTokens(text: string): Array<{ offset: number; image: string }> {
    const root = parser.parse(text).value.$cstNode!;
    return CstUtils.streamCst(root).filter(isLeafCstNode).filter(leaf => GrammarAST.isKeyword(leaf.grammarSource)
        && !AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.dataType
        && !GrammarUtils.isDataTypeRule(AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)!))
        .map(leaf => ({ offset: leaf.offset, image: leaf.text })).toArray();
}

const KEYWORDS = new Set(lexer.definition ? Object.values(lexer.definition).flatMap(type => typeof type.PATTERN === 'string' ? [type.PATTERN] : []) : []);

/** One letter of a word dropped, doubled or swapped with the next: a typo. */
function typos(word: string): string[] {
    const made = new Set<string>();
    for (let i = 0; i < word.length; i++) {
        made.add(word.slice(0, i) + word.slice(i + 1));
        made.add(word.slice(0, i) + word[i] + word.slice(i));
        if (i + 1 < word.length) made.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
    return [...made].filter(typo => typo.length >= 3 && /^[a-z][\w-]*[a-z\d]$/i.test(typo) && !KEYWORDS.has(typo) && !typo.includes('--'));
}

describe('recovery on generated plans (fast-check)', () => {
    test('a keyword with a typo: one problem, the keyword meant as its fix, and the very tree of the plan as written right', () => {
        let checked = 0;
        fc.assert(fc.property(validPlan, fc.nat(), fc.nat(), (text, which, how) => {
            const words = keywordTokens(text).filter(token => /^[a-z]{4,}$/.test(token.image) && typos(token.image).length > 0);
            fc.pre(words.length > 0);
            const { offset, image } = words[which % words.length];
            const candidates = typos(image);
            const typo = candidates[how % candidates.length];
            const broken = text.slice(0, offset) + typo + text.slice(offset + image.length);
            const result = parse(broken);
            // A typo that makes another valid plan (`on igh`: any name is a platform) is no error.
            fc.pre(result.parserErrors.length > 0);
            expect(result.lexerErrors).toEqual([]);
            expect(result.parserErrors.map(problemOf).map(problem => problem?.kind), broken).toEqual(['misspelled']);
            expect(replacementOf(result.parserErrors[0])).toBe(image);
            expect(plain(result.value)).toEqual(plain(parser.parse(text).value));
            checked++;
        }), { numRuns: 150, seed: 4242 });
        expect(checked).toBeGreaterThan(100);
    });

    test('a keyword left out: one problem (none if it may be left out), and every declaration of the plan still in the tree', () => {
        let checked = 0;
        fc.assert(fc.property(validPlan, fc.nat(), (text, which) => {
            const words = keywordTokens(text);
            fc.pre(words.length > 1);
            const at = 1 + which % (words.length - 1);
            const { offset, image } = words[at];
            // Not a keyword whose declaration is named with a keyword (`project action "A"`): left
            // out, the name reads as the keyword of another declaration.
            const after = lexer.tokenize(text.slice(offset + image.length)).tokens[0];
            fc.pre(!after || typeof after.tokenType.PATTERN !== 'string' || words[at + 1]?.offset === offset + image.length + after.startOffset);
            const broken = text.slice(0, offset) + ' '.repeat(image.length) + text.slice(offset + image.length);
            const result = parse(broken);
            // None when the keyword could be left out (`trained`).
            expect(result.parserErrors.length, broken).toBeLessThanOrEqual(1);
            // By name: where several declarations read alike (`x "X"` is a goal or an action without
            // its keyword), the recovery may take another kind than the one left out.
            const kept = declarations(result.value).map(declaration => declaration.split(' ')[1]);
            for (const declaration of declarations(parser.parse(text).value)) expect(kept, broken).toContain(declaration.split(' ')[1]);
            if (result.parserErrors.length === 1) checked++;
        }), { numRuns: 150, seed: 4343 });
        expect(checked).toBeGreaterThan(100);
    });

    test('mutated plans and garbage: a well-formed tree from the fast parser, every problem in words', () => {
        fc.assert(fc.property(fc.oneof(mutatedPlan, garbage).map(withoutNul), text => {
            parse(text);
        }), { numRuns: 400, seed: 4444 });
    });
});
