/**
 * The kinds of declaration (model/declaration-kinds.ts) are what the grammar says: the node types
 * with a name, each declared by the keyword its rule starts with; every kind a reference names
 * has its namespace in the plan, where the reference finds its target. The tables per kind are
 * typed by these kinds, so the compiler names each one a new kind is missing from; these tests
 * hold the types to the grammar at run time too.
 */
import { describe, expect, test } from 'vitest';
import { GrammarAST, GrammarUtils } from 'langium';
import { reflection } from '../../../src/language/generated/ast.js';
import { DECLARATION_KEYWORDS, NAMESPACES, isDeclarationKind, withArticle } from '../../../src/language/model/declaration-kinds.js';
import { createTestServices, referencedTypes } from '../../support/helpers.js';

const grammar = createTestServices().Grammar;
const namedTypes = reflection.getAllTypes().filter(type => 'name' in reflection.getTypeMetaData(type).properties);
const referenced = referencedTypes(reflection);

describe('the kinds of declaration', () => {
    test('are the node types of the grammar that have a name, each with a keyword and a namespace', () => {
        expect(namedTypes.length).toBeGreaterThan(0);
        expect(Object.keys(DECLARATION_KEYWORDS).sort()).toEqual([...namedTypes].sort());
        expect(Object.keys(NAMESPACES).sort()).toEqual([...namedTypes].sort());
        for (const type of reflection.getAllTypes()) expect(isDeclarationKind(type), type).toBe(namedTypes.includes(type));
    });

    test("each is declared by its keyword: the first word of its grammar rule", () => {
        const rules = grammar.rules.filter(GrammarAST.isParserRule).filter(rule => !rule.dataType && isDeclarationKind(GrammarUtils.getRuleTypeName(rule)));
        expect(rules.map(rule => GrammarUtils.getRuleTypeName(rule)).sort()).toEqual([...namedTypes].sort());
        for (const rule of rules) {
            const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : rule.definition;
            expect(GrammarAST.isKeyword(first) ? first.value : undefined, rule.name)
                .toBe(DECLARATION_KEYWORDS[GrammarUtils.getRuleTypeName(rule) as keyof typeof DECLARATION_KEYWORDS]);
        }
    });

    test('a kind that a reference names has its namespace in the whole plan, where the reference finds it', () => {
        expect(referenced.size).toBeGreaterThan(0);
        for (const type of referenced) {
            expect(isDeclarationKind(type), type).toBe(true);
            // A shared block is named by its file's path (`use "PATH"`), not by a name in the plan.
            const namespace = NAMESPACES[type as keyof typeof NAMESPACES];
            expect(namespace === 'file' ? 'file' : typeof namespace, type).toBe(type === 'Shared' ? 'file' : 'function');
        }
    });

    test('a kind in a message takes its article: a member, an action', () => {
        expect(withArticle('member')).toBe('a member');
        expect(withArticle('action')).toBe('an action');
        expect(withArticle('initiative')).toBe('an initiative');
    });
});
