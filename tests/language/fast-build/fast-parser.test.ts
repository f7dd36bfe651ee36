/**
 * The fast parser (src/language/fast-build/fast-parser.ts, compiled from the grammar) builds
 * exactly what Langium's parser builds for a plan without errors; broken plans get its recovered
 * tree (recovery.test.ts), lexed as Langium lexes them; a grammar outside what the fast parser
 * takes turns the fast path off.
 *
 * Every text is parsed twice by the same FastBuildParser (fast-build-parser.ts): with `fastPath`
 * on and off. The two results are compared in full (parse-comparison.ts): the syntax tree (each
 * node's own keys in order, values, containers, references' class, text and node), the concrete
 * syntax tree (every node's kind, class, offset, length, end, range, text, hidden flag, token
 * type and grammar element by identity, container, AST node, children in order), the node and
 * reference lists the linker and the validator take (syntax-trees.ts), and the lexer and parser
 * errors. Every text takes the fast path.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AstUtils, isCompositeCstNode, type AstNode, type CstNode, type ParseResult } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { FastCstNodeBuilder } from '../../../src/language/fast-build/cst-builder.js';
import { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import type { FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';
import { FastParser } from '../../../src/language/fast-build/fast-parser.js';
import { FastRootCstNode } from '../../../src/language/fast-build/lazy-cst.js';
import { allNodes, allReferences } from '../../../src/language/fast-build/tree-walk.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { mutatedPlan, validPlan, withoutNul } from '../../support/plan-arbitraries.js';
import { example } from '../../support/helpers.js';
import { ADOPT_GRAMMAR, adoptGrammarWith, servicesForGrammar } from './grammar-services.js';
import { Comparison, compareLists } from './parse-comparison.js';
import { expectWellFormed } from './recovered-tree.js';

const { Adopt } = createAdoptServices() as unknown as { Adopt: FastBuildServices };
const parser = Adopt.parser.LangiumParser as FastBuildParser;
const trees = Adopt.fastBuild.SyntaxTrees;

interface Parsed {
    result: ParseResult<AstNode>;
    fast: boolean;
}

function parseWith(text: string, fastPath: boolean): Parsed {
    parser.fastPath = fastPath;
    const before = parser.counts.fast;
    try {
        const result = parser.parse(text);
        return { result, fast: parser.counts.fast > before };
    } finally {
        parser.fastPath = true;
    }
}

/** Parses the text both ways and compares everything; returns what the fast side saw. */
function compare(text: string): { fast: boolean; leaves: number; comments: number } {
    const ours = parseWith(text, true);
    const theirs = parseWith(text, false);
    expect(theirs.fast).toBe(false);
    const comparison = new Comparison(text);
    const root = ours.result.value;
    const theirRoot = theirs.result.value;
    comparison.cst('cst', root.$cstNode!, theirRoot.$cstNode!);
    comparison.ast('ast', root, theirRoot);
    comparison.links('ast', root, theirRoot);
    comparison.astNodes('cst', root.$cstNode!, theirRoot.$cstNode!);
    expect(ours.result.lexerErrors).toEqual(theirs.result.lexerErrors);
    expect(ours.result.parserErrors).toEqual(theirs.result.parserErrors);
    expect(ours.result.lexerReport).toEqual(theirs.result.lexerReport);
    compareLists(comparison, trees, root, theirRoot);
    expect(trees.builtBy(root)).toBe(ours.fast ? 'fast' : 'langium');
    expect(trees.builtBy(theirRoot)).toBe('langium');
    return { fast: ours.fast, leaves: comparison.leaves, comments: comparison.comments };
}

/** A valid text: the fast parser must parse it, and build Langium's result. */
function expectFastAndEqual(text: string): { leaves: number; comments: number } {
    const seen = compare(text);
    expect(seen.fast, 'parsed by the fast parser').toBe(true);
    expect(seen.leaves).toBeGreaterThan(3);
    return seen;
}

const ALL_PARTS = `// a plan with every optional part
plan Full "Every part" {
    coalition { }
    coalition {
        member ana "Ana" role executive unit "Board" trained
        member ben "Ben" role middle-manager
        member cho "Cho" role operational-manager unit "Ops"
        member dee "Dee" role early-adopter trained
        member eve "Eve" role staff
        member fay "Fay" role naysayer
    }
    channel yt "YouTube" on youtube
    channel med "Medium" on medium
    channel geo "Geo" on geography
    channel boss "Boss" on executive
    channel mm "MM" on middle-manager
    initiative rounds "Rounds"
    stage first "First" {
        mantra "Go"
        goal empty "No metrics"
        goal braces "Empty braces" { }
        goal full "Metrics" { metric a "A" metric b "B" target 12 metric c "C" target 60.5 % }
        launch yt
        launch yt, med, geo
    }
    stage second "Second" after first {
        project p "P" { }
        project q "Q" {
            supports rounds
            supports rounds, rounds
            involves ana, ben
            asynchrony
            geography low crowdsourcing medium asynchrony high
            uses yt, med
            metric views "Views" target 3 %
        }
        story s "S" from q
        story t "T" from q audience fay
        story u "U" from q audience fay, ana, ben
    }
}
`;

/** Comments before, after and inside every construct, at the start of blocks, at the end of the file. */
const COMMENTED = `/* header
   over lines */ // and a line
plan /*a*/ C /*b*/ "C" /*c*/ { // start of the plan's block
    // before a coalition
    coalition /*d*/ { /* start of block */ member /*e*/ a /*f*/ "A" /*g*/ role /*h*/ staff /*i*/ unit /*j*/ "U" /*k*/ trained /*l*/ }
    /* before a channel */ channel ch "Ch" on /* before the platform */ medium
    initiative /**/ i "I" //
    stage s "S" /* before after */ after /* before the name */ s { // block
        /* before a mantra */ mantra "M"
        goal g "G" { /* first in goal */ metric m "M" target /* before the number */ 5 /* before % */ % }
        launch /*1*/ ch /*2*/ , /*3*/ ch
        project p "P" {
            /* before a trait */ asynchrony /* before the level */ low
            // before supports
            supports i , /* between */ i
            involves a uses ch
            metric n "N"
        }
        story st "St" from /* x */ p audience /* y */ a /* z */ , a
        /* last in the stage */
    }
    /* last in the plan */
}
/* trailing
   block */
// trailing line`;

const LINE_ENDS = 'plan L "L" {\r\n\tcoalition {\r\n\t\tmember a "A" role staff\r\n\t}\r\n\t// comment\r\n\tinitiative i "I"\r\r\n\tstage s "S" {\r\t\tproject p "P" { involves a /* a\r\nb\rc\nd */ supports i }\r\t}\n}\r\n';

const NON_ASCII = 'plan U "Ünïcødé 🙂 日本" {\n  // commentaire: naïve 🙂 façade\n  channel c "Chaîne 🎉" on medium /* 🙂\n 🙂 */ initiative i "\\"quoted\\" \\\\ and é"\n  stage s "𝔘𝔫𝔦" { mantra "🙂🙂" project p "p" { uses c } }\n}\n\u00a0\ufeff';

describe('the fast parser builds what Langium builds', () => {
    test('the parser has the fast path (a grammar change that turns it off fails here)', () => {
        expect(parser).toBeInstanceOf(FastBuildParser);
        expect(parser.fastParserOff).toBeUndefined();
        expect(parser.fastParser).toBeInstanceOf(FastParser);
        expect(parser.fastPath).toBe(true);
    });

    for (const [projects, seed] of [[10, 1], [150, 7], [300, 20260501]] as const) {
        test(`a generated plan of ${projects} projects (seed ${seed})`, () => {
            expectFastAndEqual(toAdopt(generatePlan({ projects, seed })));
        });
    }

    test('the SPEC example', () => {
        expectFastAndEqual(example('riverside-health.adopt'));
    });

    test('every optional part present and absent, empty blocks, platforms of every kind', () => {
        expectFastAndEqual(ALL_PARTS);
    });

    test('comments before, after and inside every construct', () => {
        const seen = expectFastAndEqual(COMMENTED);
        expect(seen.comments).toBe(COMMENTED.match(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g)!.length);
    });

    test('\\r\\n and lone \\r line ends, tabs, comments over such lines', () => {
        expectFastAndEqual(LINE_ENDS);
    });

    test('non-ASCII in strings and comments (surrogate pairs), escapes, unicode spaces', () => {
        expectFastAndEqual(NON_ASCII);
    });

    test('words that are keywords only in part, names that are object keys, numbers', () => {
        expectFastAndEqual('plan planning "p" { channel __proto__ "x" on medium_ initiative constructor "c" stage stages "s" after stage_ { goal g "g" { metric m "m" target 007.50 % } } }');
    });

    test('random valid plans (fast-check: plans made from the grammar, comments and odd spacing)', () => {
        let comments = 0;
        fc.assert(fc.property(validPlan, text => {
            comments += expectFastAndEqual(text).comments;
        }), { numRuns: 300, seed: 5150 });
        expect(comments).toBeGreaterThan(0);
    });
});

describe('the fast parser links containers and lists nodes and references as it parses', () => {
    const GROUPED = `plan G "g" { coalition { member a "A" role staff } initiative i "I" channel c "C" on wiki
        stage s "S" after s { mantra "m" goal g "G" { metric m "M" } launch c, c project p "P" { supports i, i involves a asynchrony uses c metric x "X" target 5 } project q "Q" { }
            story t "T" from p audience a, a } }`;
    const INTERLEAVED = `plan I "i" { initiative i "I" coalition { member a "A" role staff } initiative j "J" channel c "C" on wiki
        stage s "S" { project p "P" { involves a supports i asynchrony involves a, a geography supports j } goal g "G" project q "Q" { uses c } story t "T" from p launch c }
        stage u "U" { project r "R" { } } }`;

    function fastParse(text: string) {
        const fast = parser.fastParser!;
        return fast.parse(text, new FastCstNodeBuilder(fast))!;
    }

    test('in a plan whose children of each kind sit together, the parse order is the order of Langium\'s walk, and the tree keeps the lists', () => {
        const parsed = fastParse(GROUPED);
        expect(parsed.inTreeOrder).toBe(true);
        expect(parsed.nodes).toEqual(AstUtils.streamAst(parsed.root).toArray());
        expect(parsed.references).toEqual(allReferences(parsed.root));
        const root = parser.parse(GROUPED).value;
        expect(trees.stateOf(root)?.nodes).toBeDefined();
        expect(trees.stateOf(root)?.parsedReferences).toBeDefined();
        expectFastAndEqual(GROUPED);
    });

    test('in a plan whose children interleave, the parser says so and the walk lists them (same lists as Langium\'s)', () => {
        const parsed = fastParse(INTERLEAVED);
        expect(parsed.inTreeOrder).toBe(false);
        expect(parsed.nodes).not.toEqual(allNodes(parsed.root));
        const root = parser.parse(INTERLEAVED).value;
        expect(trees.stateOf(root)?.nodes).toBeUndefined();
        expect(trees.stateOf(root)?.parsedReferences).toBeUndefined();
        expectFastAndEqual(INTERLEAVED);
    });

    test('every node has the container, property and index Langium\'s linkContentToContainer gives it, set last', () => {
        for (const text of [GROUPED, INTERLEAVED, example('riverside-health.adopt')]) {
            const root = parseWith(text, true).result.value;
            const nodes = allNodes(root);
            const position = new Map(nodes.map((node, index) => [node, index]));
            const linksOf = () => nodes.map(node => [
                node.$container ? position.get(node.$container) ?? -2 : -1, node.$containerProperty, node.$containerIndex, Object.keys(node).join()
            ]);
            const ours = linksOf();
            expect(ours.length).toBeGreaterThan(10);
            for (const node of nodes) {
                const links = node as { $container?: unknown; $containerProperty?: unknown; $containerIndex?: unknown };
                delete links.$container;
                delete links.$containerProperty;
                delete links.$containerIndex;
            }
            AstUtils.linkContentToContainer(root, { deep: true });
            expect(ours).toEqual(linksOf());
        }
    });
});

describe('broken plans: the fast parser\'s too, lexed as Langium lexes them', () => {
    const BROKEN: Record<string, string> = {
        'a syntax error': 'plan P "P" { coalition { member a "A" role } }',
        'a lexer error (@)': 'plan P "P" { @ }',
        'a half keyword (middle-)': 'plan P "P" { coalition { member a "A" role middle- } }',
        'a hyphenated keyword run into a word': 'plan P "P" { coalition { member a "A" role middle-managerx } }',
        'an unclosed string': 'plan P "P { }',
        'a string over a line break': 'plan P "P\n" { }',
        'an escape before a line break': 'plan P "P\\\n" { }',
        'an unclosed block comment': 'plan P "P" { /* }',
        'a keyword that is no name': 'plan P "P" { initiative middle-manager "S" }',
        'a number cut short': 'plan P "P" { stage s "S" { goal g "G" { metric m "M" target 5. } } }',
        'text after the plan': 'plan P "P" { } plan Q "Q" { }',
        'a missing closing brace': 'plan P "P" { stage s "S" {',
        'a non-ASCII letter in a name': 'plan Pé "P" { }',
        'an empty file': '',
        'only comments': '// nothing\n/* here */'
    };

    /** The fast parser's result: built by it, well formed, with the lexer errors Langium's parser reports. */
    function brokenBoth(text: string): ParseResult<AstNode> {
        const ours = parseWith(text, true);
        const theirs = parseWith(text, false);
        expect(ours.fast).toBe(true);
        expect(trees.builtBy(ours.result.value)).toBe('fast');
        expectWellFormed(text, ours.result);
        expect(ours.result.lexerErrors).toEqual(theirs.result.lexerErrors);
        expect(ours.result.parserErrors.length > 0 || ours.result.lexerErrors.length > 0).toBe(theirs.result.parserErrors.length > 0 || theirs.result.lexerErrors.length > 0);
        return ours.result;
    }

    for (const [name, text] of Object.entries(BROKEN)) {
        test(name, () => {
            const result = brokenBoth(text);
            expect(result.parserErrors.length + result.lexerErrors.length).toBeGreaterThan(0);
        });
    }

    test('a rule other than the entry rule goes to Langium\'s parser', () => {
        const before = { ...parser.counts };
        const result = parser.parse('initiative i "I"', { rule: 'Initiative' });
        expect(parser.counts.fast).toBe(before.fast);
        expect(parser.counts.langium).toBe(before.langium + 1);
        expect(result.value.$type).toBe('Initiative');
        expect(result.parserErrors).toEqual([]);
    });

    test('random broken plans (fast-check: mutated valid plans): the fast parser\'s, the same as Langium\'s when valid', () => {
        let valid = 0;
        let broken = 0;
        fc.assert(fc.property(mutatedPlan.map(withoutNul), text => {
            const result = brokenBoth(text);
            if (result.parserErrors.length === 0 && result.lexerErrors.length === 0) {
                compare(text);
                valid++;
            } else {
                broken++;
            }
        }), { numRuns: 300, seed: 6262 });
        expect(broken).toBeGreaterThan(100);
        expect(valid).toBeGreaterThan(0);
    });
});

describe('Langium\'s parser with the fast build\'s node builder (cst-builder.ts)', () => {
    const plain = createAdoptServices({ fastBuild: false }).Adopt.parser.LangiumParser;
    const TEXTS: Record<string, () => string> = {
        'a generated plan': () => toAdopt(generatePlan({ projects: 100, seed: 5 })),
        'the SPEC example': () => example('riverside-health.adopt'),
        'a broken plan with comments': () => `/* a */ plan P "P" { coalition { member a "A" role } // b
            stage s "S" { project p "P" { involves a, } /* c */ project q { } } stage`,
        'an empty file': () => ''
    };

    /** The CST as nested arrays: each node's offset, length, hidden flag, grammar element and token type. */
    function shape(node: CstNode): unknown {
        const own = [node.offset, node.length, node.hidden, node.grammarSource, (node as { tokenType?: { name: string } }).tokenType?.name];
        return isCompositeCstNode(node) ? [own, node.content.map(shape)] : own;
    }

    for (const [name, text] of Object.entries(TEXTS)) {
        test(`${name}: the tree plain Langium builds, errors alike`, () => {
            const ours = parseWith(text(), false).result;
            const theirs = plain.parse(text());
            expect(ours.value.$cstNode).toBeInstanceOf(FastRootCstNode);
            expect(theirs.value.$cstNode).not.toBeInstanceOf(FastRootCstNode);
            expect(plainTree(ours.value)).toEqual(plainTree(theirs.value));
            expect(shape(ours.value.$cstNode!)).toEqual(shape(theirs.value.$cstNode!));
            expect(ours.parserErrors.map(error => error.message)).toEqual(theirs.parserErrors.map(error => error.message));
        });
    }
});

describe('a grammar the fast parser does not take', () => {
    // The Adopt grammar with an action: outside the fast parser's subset (grammar-analysis.ts).
    const grammar = adoptGrammarWith(/Initiative:\n(\s*)'initiative'/, "Initiative:\n$1{infer Initiative} 'initiative'");
    const text = example('riverside-health.adopt');

    test('turns the fast path off, says why, and Langium\'s parser parses every text as without the fast build', async () => {
        const fastBuild = await servicesForGrammar(grammar, true);
        const plain = await servicesForGrammar(grammar, false);
        const off = fastBuild.parser.LangiumParser as FastBuildParser;
        expect(off).toBeInstanceOf(FastBuildParser);
        expect(FastParser.create(fastBuild)).toBe('an action in rule Initiative');
        expect(off.fastParser).toBeUndefined();
        expect(off.fastParserOff).toBe('an action in rule Initiative');
        expect(off.fastPath).toBe(false);
        const before = { ...off.counts };
        const result = off.parse(text);
        expect(off.counts.fast).toBe(before.fast);
        expect(off.counts.langium).toBe(before.langium + 1);
        expect(result.parserErrors).toEqual([]);
        expect(fastBuild.fastBuild.SyntaxTrees.builtBy(result.value)).toBe('langium');
        expect(plainTree(result.value)).toEqual(plainTree(plain.parser.LangiumParser.parse(text).value));
        expect(off.parseIncrementally(result.value, text.replace('grandRounds "', 'grandRounds2 "'))).toBeUndefined();
    });

    test('the same grammar without the action, made at run time too, gets its fast parser', async () => {
        const services = await servicesForGrammar(ADOPT_GRAMMAR, true);
        const on = services.parser.LangiumParser as FastBuildParser;
        expect(on.fastParserOff).toBeUndefined();
        expect(on.parse(text).parserErrors).toEqual([]);
        expect(on.counts.fast).toBe(1);
    });
});

/** A syntax tree as plain data: every property in its own order, references as their text. */
function plainTree(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plainTree);
    if (typeof value !== 'object' || value === null) return value;
    if ('$refText' in value) return { ref: (value as { $refText: string }).$refText };
    return Object.entries(value).filter(([key]) => key === '$type' || !key.startsWith('$')).map(([key, item]) => [key, plainTree(item)]);
}
