// Writes the TextMate grammar VS Code loads (out/adopt.tmLanguage.json): the hand-written
// syntaxes/adopt.tmLanguage.json, with its `grammar-keywords` patterns filled with every word
// keyword of src/language/adopt.langium, read with Langium's own grammar parser. The hand-written
// patterns give finer scopes to the keywords they know; a keyword added to the grammar is
// highlighted as a keyword without further edits.
// Usage: node scripts/textmate-grammar.mjs (scripts/build.mjs runs it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, GrammarAST, URI } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';
import { NodeFileSystem } from 'langium/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const GRAMMAR_PATH = join(root, 'src/language/adopt.langium');

/** The Langium grammar of a .langium file, read with Langium's own grammar parser: its text and its grammar object. */
export function parseGrammar(grammarPath = GRAMMAR_PATH) {
    const services = createLangiumGrammarServices(NodeFileSystem).grammar;
    const text = readFileSync(grammarPath, 'utf8');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(grammarPath));
    return { text, grammar: document.parseResult.value };
}

/** The word keywords of the Langium grammar (not punctuation), in grammar order. */
export async function grammarKeywords(grammarPath = GRAMMAR_PATH) {
    const keywords = AstUtils.streamAst(parseGrammar(grammarPath).grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value);
    return [...new Set(keywords)].filter(keyword => /^[A-Za-z][\w-]*$/.test(keyword));
}

function escape(word) {
    return word.replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&');
}

export async function writeTextMateGrammar(out = join(root, 'out/adopt.tmLanguage.json')) {
    const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/adopt.tmLanguage.json'), 'utf8'));
    // Longest first, so that `middle-manager` is not read as `middle` then a hyphen.
    const keywords = (await grammarKeywords()).sort((a, b) => b.length - a.length);
    grammar.repository['grammar-keywords'].patterns = [{
        match: `(?<![\\w-])(${keywords.map(escape).join('|')})(?![\\w-])`,
        name: 'keyword.other.$1.adopt'
    }];
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await writeTextMateGrammar();
}
