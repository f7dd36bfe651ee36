// The TextMate grammar VS Code loads (out/adopt.tmLanguage.json, written by scripts/build.mjs from
// syntaxes/adopt.tmLanguage.json and the grammar's keywords) tokenized the way VS Code does it, with
// the vscode-textmate and vscode-oniguruma that code-server bundles: every keyword of
// src/language/adopt.langium gets a keyword scope, and the example plan's declarations,
// references, roles, traits, levels, strings, numbers and comments get theirs; in the example of a
// plan under way, its dates, statuses, actions, owners, effort and actual; a word of the language
// used as a name (`channel medium`, `involves staff`) gets a name's scope.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { grammarKeywords } from '../../scripts/textmate-grammar.mjs';
import { hostDir } from './code-server.mjs';

const root = join(import.meta.dirname, '../..');
const vscodeModules = join(hostDir, 'node_modules/code-server/lib/vscode/node_modules');

async function loadGrammar() {
    const require = createRequire(join(vscodeModules, 'index.js'));
    const textmate = require('vscode-textmate');
    const oniguruma = require('vscode-oniguruma');
    const wasm = readFileSync(join(vscodeModules, 'vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: sources => new oniguruma.OnigScanner(sources), createOnigString: text => new oniguruma.OnigString(text) }),
        loadGrammar: async () => textmate.parseRawGrammar(readFileSync(join(root, 'out/adopt.tmLanguage.json'), 'utf8'), 'adopt.tmLanguage.json')
    });
    return { grammar: await registry.loadGrammar('source.adopt'), INITIAL: textmate.INITIAL };
}

/** Tokenizes text into [text, innermost scope] pairs, line by line. */
function tokenize({ grammar, INITIAL }, text) {
    const tokens = [];
    let state = INITIAL;
    for (const line of text.split(/\r?\n/)) {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
        state = result.ruleStack;
    }
    return tokens;
}

const scopeOf = (tokens, text, nth = 0) => tokens.filter(token => token.text === text)[nth]?.scopes.at(-1);


/** @param {{ record: (title: string, error?: unknown) => void }} options */
export async function runGrammarTests({ record }) {
    let loaded;
    try {
        loaded = await loadGrammar();
    } catch (error) {
        record('grammar: the TextMate grammar loads in vscode-textmate', error);
        return;
    }
    const unscoped = (await grammarKeywords()).filter(keyword => {
        const scope = scopeOf(tokenize(loaded, `${keyword} someName`), keyword);
        return !scope || scope.startsWith('variable.other.adopt');
    });
    record('grammar: every keyword of adopt.langium has a keyword scope', unscoped.length ? `no keyword scope for: ${unscoped.join(', ')}` : undefined);

    const tokens = tokenize(loaded, readFileSync(join(root, 'examples/riverside-health.adopt'), 'utf8') + '\n/* a block\n   comment */');
    const expected = [
        ['// Riverside Health: …', 'comment.line.double-slash.adopt', ' Riverside Health: bringing social media into clinical education'],
        ['plan', 'storage.type.plan.adopt'],
        ['RiversideHealth', 'entity.name.type.plan.adopt'],
        ['"Social media at Riverside Health"', 'string.quoted.double.adopt', 'Social media at Riverside Health'],
        ['ana', 'variable.other.constant.member.adopt'],
        ['middle-manager', 'support.constant.role.adopt'],
        ['naysayer', 'support.constant.role.adopt'],
        ['trained', 'storage.modifier.trained.adopt'],
        ['youtube', 'entity.name.function.channel.adopt'],
        ['grandRounds', 'entity.name.function.initiative.adopt'],
        ['initiation', 'entity.name.type.stage.adopt'],
        ['60', 'constant.numeric.adopt'],
        ['%', 'keyword.other.unit.percent.adopt'],
        ['streamRounds', 'entity.name.function.project.adopt'],
        ['asynchrony', 'support.type.trait.adopt'],
        ['high', 'constant.language.level.adopt'],
        ['medium', 'constant.language.level.adopt'],
        ['500', 'constant.numeric.adopt'],
        ['supports', 'keyword.other.supports.adopt'],
        ['a block', 'comment.block.adopt']
    ];
    const wrong = [];
    for (const [text, scope, inner] of expected) {
        const token = tokens.find(t => t.text === (inner ?? text)) ?? tokens.find(t => t.text.includes(inner ?? text));
        if (!token?.scopes.includes(scope)) wrong.push(`${text}: expected ${scope}, got ${token?.scopes.join(' ') ?? 'no token'}`);
    }
    const involved = tokens.filter(t => ['ana', 'cho', 'ben'].includes(t.text) && t.scopes.includes('variable.other.reference.adopt')).length;
    if (involved !== 3) wrong.push(`the names after 'involves' are references: found ${involved} of 3`);
    record('grammar: the example plan is highlighted by kind (declarations, references, roles, traits, levels, strings, numbers, comments)', wrong.length ? wrong.join('\n') : undefined);

    // The living plan (SPEC section 7): dates, statuses, actions and their owners, effort, actual.
    const living = tokenize(loaded, readFileSync(join(root, 'examples/lakeshore-college.adopt'), 'utf8'));
    const livingExpected = [
        ['2026-09-01', 'constant.numeric.date.adopt'],
        ['2027-02-20', 'constant.numeric.date.adopt'],
        ['from', 'keyword.other.from.adopt'],
        ['to', 'keyword.other.to.adopt'],
        ['due', 'keyword.other.due.adopt'],
        ['owner', 'keyword.other.owner.adopt'],
        ['done', 'constant.language.status.done.adopt'],
        ['doing', 'constant.language.status.doing.adopt'],
        ['briefDeans', 'entity.name.function.action.adopt'],
        ['actual', 'keyword.other.actual.adopt'],
        ['effort', 'keyword.other.effort.adopt'],
        ['320', 'constant.numeric.adopt']
    ];
    const livingWrong = [];
    for (const [text, scope] of livingExpected) {
        const token = living.find(t => t.text === text && !t.scopes.some(s => s.startsWith('comment') || s.startsWith('string')));
        if (!token?.scopes.includes(scope)) livingWrong.push(`${text}: expected ${scope}, got ${token?.scopes.join(' ') ?? 'no token'}`);
    }
    // Every name after `owner` is a reference (8 actions of the example have an owner).
    const owners = living.flatMap((t, i) => (t.text === 'owner' && t.scopes.includes('keyword.other.owner.adopt') ? [living.slice(i + 1).find(n => n.text.trim() !== '')] : []));
    const notReferences = owners.filter(t => !t?.scopes.includes('variable.other.reference.adopt')).map(t => t?.text);
    if (owners.length !== 8 || notReferences.length > 0) livingWrong.push(`owners: ${owners.length} of 8, not references: ${notReferences.join(', ')}`);
    const blocked = scopeOf(tokenize(loaded, 'action a "A" due 2027-01-01 blocked'), 'blocked');
    if (blocked !== 'constant.language.status.blocked.adopt') livingWrong.push(`blocked: got ${blocked}`);
    const todo = scopeOf(tokenize(loaded, 'action a "A" todo'), 'todo');
    if (todo !== 'constant.language.status.todo.adopt') livingWrong.push(`todo: got ${todo}`);
    // A date is one token, not a number and a dash; a word of a title is no keyword.
    if (scopeOf(tokenize(loaded, 'due 2027-02-15'), '2027-02-15') !== 'constant.numeric.date.adopt') livingWrong.push('2027-02-15 is not one date token');
    if (scopeOf(tokenize(loaded, 'action a "Go to the show"'), 'to') !== undefined) livingWrong.push('a word of a title got a token of its own');
    record('grammar: the living plan is highlighted (dates, statuses, actions and owners, effort, actual)', livingWrong.length ? livingWrong.join('\n') : undefined);

    // Every word of the language may be a name: where a name is declared or referred to, it is scoped as a name.
    const named = tokenize(loaded, [
        'plan plan "P" {',
        '  coalition { member staff "S" role staff trained }',
        '  channel medium "M" on medium',
        '  initiative low "L"',
        '  stage story "S" {',
        '    launch medium',
        '    project unit "U" { supports low involves staff geography high uses medium',
        '      action trained "T" owner staff due 2027-01-01 done }',
        '  }',
        '  stage role "R" after story { story geography "G" from unit audience staff }',
        '}'
    ].join('\n'));
    const isName = token => token?.scopes.some(scope => /^(entity\.name|variable\.other\.(constant|reference))/.test(scope));
    const namesWrong = [];
    const words = named.filter(token => token.text.trim() !== '');
    for (const [keyword, word] of [['plan', 'plan'], ['member', 'staff'], ['channel', 'medium'], ['initiative', 'low'], ['stage', 'story'], ['launch', 'medium'],
        ['project', 'unit'], ['supports', 'low'], ['involves', 'staff'], ['uses', 'medium'], ['action', 'trained'], ['owner', 'staff'], ['stage', 'role'],
        ['after', 'story'], ['story', 'geography'], ['from', 'unit'], ['audience', 'staff']]) {
        const pairs = words.flatMap((token, i) => (token.text === keyword && words[i + 1]?.text === word ? [words[i + 1]] : []));
        if (pairs.length === 0 || !pairs.every(isName)) namesWrong.push(`${keyword} ${word}: ${pairs.map(token => token.scopes.join(' ')).join('; ') || 'not found'}`);
    }
    record('grammar: a word of the language used as a name is highlighted as a name', namesWrong.length ? namesWrong.join('\n') : undefined);
}
