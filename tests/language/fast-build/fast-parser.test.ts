/**
 * The fast parser (src/language/parser/adopt-fast-parser.ts) builds exactly what Langium's
 * parser builds for a plan without errors, and broken plans still get Langium's result.
 *
 * Every text is parsed twice by the same AdoptParser: with `fastPath` on and off. The two
 * results are compared in full: the syntax tree (each node's own keys in order, values,
 * containers, references' class, text and node), the concrete syntax tree (every node's kind,
 * class, offset, length, end, range, text, hidden flag, token type and grammar element by
 * identity, container, AST node, children in order), the node and reference lists made while
 * parsing, and the lexer and parser errors. Valid plans must take the fast path, broken ones
 * must not.
 */
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import type { AstNode, ParseResult } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import { AdoptParser } from '../../../src/language/parser/adopt-parser.js';
import { FastPlanParser, lexPlan } from '../../../src/language/parser/adopt-fast-parser.js';
import { allNodes, allReferences, takeParsedNodes, takeParsedReferences } from '../../../src/language/scoping/reference-walk.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { garbage, mutatedPlan, validPlan } from '../../support/plan-arbitraries.js';
import { example } from '../../support/helpers.js';
import { Comparison } from './parse-comparison.js';

const { Adopt } = createAdoptServices();
const parser = Adopt.parser.LangiumParser as AdoptParser;

interface Parsed {
    result: ParseResult<AstNode>;
    nodes: AstNode[] | undefined;
    references: ReturnType<typeof takeParsedReferences>;
    fast: boolean;
}

function parseWith(text: string, fastPath: boolean): Parsed {
    parser.fastPath = fastPath;
    const before = parser.fastParses;
    try {
        const result = parser.parse(text);
        return { result, nodes: takeParsedNodes(result.value), references: takeParsedReferences(result.value), fast: parser.fastParses > before };
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
    expect(ours.nodes?.length).toBe(theirs.nodes?.length);
    ours.nodes?.forEach((node, i) => comparison.corresponding(`nodes[${i}]`, node, theirs.nodes![i]));
    expect(ours.references?.length).toBe(theirs.references?.length);
    ours.references?.forEach((info, i) => {
        const other = theirs.references![i];
        expect(Object.keys(info)).toEqual(Object.keys(other));
        comparison.corresponding(`references[${i}].container`, info.container, other.container);
        expect([info.property, info.index, info.reference.$refText]).toEqual([other.property, other.index, other.reference.$refText]);
    });
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
        expect(parser).toBeInstanceOf(AdoptParser);
        expect(parser.fastPath).toBe(true);
    });

    for (const [projects, seed] of [[10, 1], [200, 7], [1000, 20260501]] as const) {
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

    test('random valid plans (fast-check: every construct, comments and odd spacing)', () => {
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
        const { Adopt } = createAdoptServices();
        const fast = FastPlanParser.create(Adopt)!;
        return fast.parse(text, (Adopt.parser.LangiumParser as unknown as { nodeBuilder: Parameters<FastPlanParser['parse']>[1] }).nodeBuilder)!;
    }

    test('in a plan whose children of each kind sit together, the parse order is the order of Langium\'s walk', () => {
        const parsed = fastParse(GROUPED);
        expect(parsed.inTreeOrder).toBe(true);
        expect(parsed.nodes).toEqual(allNodes(parsed.root));
        expect(parsed.references).toEqual(allReferences(parsed.root));
        expectFastAndEqual(GROUPED);
    });

    test('in a plan whose children interleave, the parser says so and the walk lists them (same lists as Langium\'s)', () => {
        const parsed = fastParse(INTERLEAVED);
        expect(parsed.inTreeOrder).toBe(false);
        expect(parsed.nodes).not.toEqual(allNodes(parsed.root));
        expectFastAndEqual(INTERLEAVED);
    });

    test('every node has the container, property and index Langium gives it, set last', () => {
        for (const text of [GROUPED, INTERLEAVED]) {
            const ours = parseWith(text, true).result.value;
            const theirs = parseWith(text, false).result.value;
            const [a, b] = [allNodes(ours), allNodes(theirs)];
            expect(a.length).toBe(b.length);
            a.forEach((node, i) => {
                expect(Object.keys(node)).toEqual(Object.keys(b[i]));
                expect(node.$containerProperty).toBe(b[i].$containerProperty);
                expect(node.$containerIndex).toBe(b[i].$containerIndex);
                expect(node.$container ? a.indexOf(node.$container) : -1).toBe(b[i].$container ? b.indexOf(b[i].$container!) : -1);
            });
        }
    });
});

let gcFunction: (() => void) | undefined;

/** V8's `gc()`, exposed once for the memory tests. */
function collectGarbage(): () => void {
    if (!gcFunction) {
        setFlagsFromString('--expose-gc');
        gcFunction = runInNewContext('gc') as () => void;
    }
    return gcFunction;
}

/**
 * The heap one parse result keeps (kept alive in `kept`; the parse after it frees the node
 * builder's hold on it), with the fast path on or off.
 */
function retainedByParse(text: string, fastPath: boolean, kept: unknown[]): number {
    const gc = collectGarbage();
    parser.fastPath = fastPath;
    try {
        parser.parse('plan x "x" { }');
        gc();
        const before = process.memoryUsage().heapUsed;
        kept.push(parser.parse(text));
        parser.parse('plan x "x" { }');
        gc();
        return process.memoryUsage().heapUsed - before;
    } finally {
        parser.fastPath = true;
    }
}

describe('the fast parser\'s tree takes less memory', () => {
    test('its lists have no room to grow (a plan with four two-item lists per project)', () => {
        const projects = 3000;
        const lines = ['plan P "P" { coalition { member a "A" role staff member b "B" role staff }',
            'initiative i "I" initiative j "J" channel c "C" on x channel d "D" on y stage s "S" {'];
        for (let i = 0; i < projects; i++) lines.push(`project p${i} "P" { involves a, b supports i, j uses c, d asynchrony geography }`);
        const text = [...lines, '} }'].join('\n');
        const kept: unknown[] = [];
        const retained = (fastPath: boolean): number => retainedByParse(text, fastPath, kept);
        retained(true);
        const saved = (retained(false) - retained(true)) / projects;
        // Lists grown by push keep room for 16 more items (about 120 bytes a list); measured: about
        // 950 bytes less per project, 400 of them without exact lists.
        expect(saved).toBeGreaterThan(650);
        expect(kept).toHaveLength(3);
    });

    test('a name referred to many times is kept once (measured: many references to one name against as many names)', () => {
        const projects = 3000;
        const plan = (name: (project: number, i: number) => string) => {
            const lines = ['plan P "P" { stage s "S" {'];
            for (let p = 0; p < projects; p++) {
                lines.push(`project p${p} "P" { involves ${Array.from({ length: 8 }, (_, i) => name(p, i)).join(', ')} }`);
            }
            return [...lines, '} }'].join('\n');
        };
        const one = plan(() => 'memberA000000');
        const many = plan((p, i) => `m${String(p * 8 + i).padStart(12, '0')}`);
        const kept: unknown[] = [];
        const retained = (text: string): number => retainedByParse(text, true, kept);
        retained(one);
        const perReference = (retained(many) - retained(one)) / (projects * 8);
        // A name of 13 characters costs a string of its own (at least 32 bytes) where it is not shared.
        expect(perReference).toBeGreaterThan(24);
        expect(kept).toHaveLength(3);
    });
});

describe('broken plans still get Langium\'s result', () => {
    const BROKEN: Record<string, string> = {
        'a syntax error': 'plan P "P" { coalition { member a "A" role } }',
        'a lexer error (@)': 'plan P "P" { @ }',
        'a half keyword (middle-)': 'plan P "P" { coalition { member a "A" role middle- } }',
        'a hyphenated keyword run into a word': 'plan P "P" { coalition { member a "A" role middle-managerx } }',
        'an unclosed string': 'plan P "P { }',
        'a string over a line break': 'plan P "P\n" { }',
        'an escape before a line break': 'plan P "P\\\n" { }',
        'an unclosed block comment': 'plan P "P" { /* }',
        'a keyword as a name': 'plan P "P" { initiative stage "S" }',
        'a number cut short': 'plan P "P" { stage s "S" { goal g "G" { metric m "M" target 5. } } }',
        'text after the plan': 'plan P "P" { } plan Q "Q" { }',
        'a missing closing brace': 'plan P "P" { stage s "S" {',
        'a non-ASCII letter in a name': 'plan Pé "P" { }',
        'an empty file': '',
        'only comments': '// nothing\n/* here */'
    };

    for (const [name, text] of Object.entries(BROKEN)) {
        test(name, () => {
            const seen = compare(text);
            expect(seen.fast).toBe(false);
        });
    }

    test('a rule other than the entry rule goes to Langium\'s parser', () => {
        const before = parser.fastParses;
        const result = parser.parse('initiative i "I"', { rule: 'Initiative' });
        expect(parser.fastParses).toBe(before);
        expect(result.value.$type).toBe('Initiative');
        expect(result.parserErrors).toEqual([]);
    });

    test('random broken plans (fast-check: mutated valid plans): the same result either way', () => {
        let fast = 0;
        let slow = 0;
        fc.assert(fc.property(mutatedPlan, text => {
            if (compare(text).fast) fast++;
            else slow++;
        }), { numRuns: 300, seed: 6262 });
        expect(slow).toBeGreaterThan(100);
        expect(fast).toBeGreaterThan(0);
    });
});

describe('the fast lexer', () => {
    /** The fast lexer's tokens and comments as [start, end) pairs, or undefined where it gives up. */
    function fastTokens(text: string): { tokens: number[][]; hidden: number[][] } | undefined {
        const tokens = lexPlan(text);
        if (!tokens) return undefined;
        return {
            tokens: Array.from({ length: tokens.count }, (_, i) => [tokens.starts[i], tokens.ends[i]]),
            hidden: tokens.hiddenStarts.map((start, i) => [start, tokens.hiddenEnds[i]])
        };
    }

    /** Chevrotain's, or undefined where it reports a lexer error. */
    function chevrotainTokens(text: string): { tokens: number[][]; hidden: number[][] } | undefined {
        const result = Adopt.parser.Lexer.tokenize(text);
        if (result.errors.length > 0) return undefined;
        return {
            tokens: result.tokens.map(token => [token.startOffset, token.endOffset! + 1]),
            hidden: result.hidden.map(token => [token.startOffset, token.endOffset! + 1])
        };
    }

    test('gives Chevrotain\'s tokens, comments apart', () => {
        const text = COMMENTED + '\n' + ALL_PARTS.replace('plan Full', 'plan_x') + NON_ASCII;
        const ours = fastTokens(text);
        expect(ours?.tokens.length).toBeGreaterThan(200);
        expect(ours).toEqual(chevrotainTokens(text));
    });

    test('gives up exactly where Chevrotain reports an error, else gives its tokens (fast-check: broken plans, garbage)', () => {
        let errors = 0;
        fc.assert(fc.property(fc.oneof(mutatedPlan, garbage), text => {
            const expected = chevrotainTokens(text);
            if (!expected) errors++;
            expect(fastTokens(text)).toEqual(expected);
        }), { numRuns: 1500, seed: 7373 });
        expect(errors).toBeGreaterThan(100);
    });

    test('skips exactly the characters of JavaScript\'s \\s between tokens', () => {
        const spaces: number[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            const char = String.fromCharCode(code);
            if (/[\w"{}%,/-]/.test(char)) continue;
            const lexed = lexPlan(`a${char}b`);
            if (lexed) spaces.push(code);
            expect(lexed !== undefined, `U+${code.toString(16)}`).toBe(/\s/.test(char));
        }
        expect(spaces.length).toBeGreaterThan(20);
    });
});
