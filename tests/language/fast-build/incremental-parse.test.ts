/**
 * The incremental re-parse (src/language/fast-build/incremental-parse.ts, asked for by the
 * document factory, document-factory.ts): when a text changes only inside one declaration, after
 * its keyword, only that declaration is parsed again, and the result is what a full parse of the
 * new text gives. Which declarations can be re-parsed alone comes from the grammar: every rule
 * that starts with a keyword of its own and is gathered into a list (a member, a channel, a
 * project, a clause such as `involves`, a story...); the smallest one around the change is tried
 * first, then the ones around it (a member edited into two members: the coalition).
 *
 * Each case parses the old text, updates it (incrementally when it can, in full otherwise, as the
 * document factory does) and compares the result in full with a full parse of the new text
 * (parse-comparison.ts: AST, CST, ranges, containers, key order, the node and reference lists the
 * linker and the validator take). Valid edits must be incremental and re-parse the declaration
 * the edit is in (counted by rule name: `parser.counts.incremental`); edits outside every
 * declaration, of a declaration's keyword, or breaking the text, must not. The lists an update
 * records are walked after a tree's first update and spliced after the next ones
 * (`parser.counts.spliced`). Through Langium's DocumentBuilder, an updated document's diagnostics,
 * links and rank equal a fresh build's.
 *
 * The plan edited is small (12 projects, every construct): each case parses and compares it a few
 * times, and what is proved does not depend on its size.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AstUtils, GrammarUtils, URI, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type ParseResult } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { textChange } from '../../../src/language/fast-build/incremental-parse.js';
import { lineStartsOf } from '../../../src/language/parser/text-lines.js';
import { AdoptCompositeCstNode } from '../../../src/language/fast-build/lazy-cst.js';
import { allNodes } from '../../../src/language/fast-build/tree-walk.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { buildRankResult } from '../../../src/language/score/rank-result.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { compareLists, compareTrees, type Comparison } from './parse-comparison.js';

const updating = createAdoptServices() as unknown as { shared: AdoptServices['shared']; Adopt: FastBuildServices };
const fresh = createAdoptServices().Adopt;
const parser = updating.Adopt.parser.LangiumParser as FastBuildParser;
const trees = updating.Adopt.fastBuild.SyntaxTrees;

const PLAN = toAdopt(generatePlan({ projects: 12, seed: 11 }));

/**
 * Reads CST nodes' ranges and makes leaves before an update, in turn: in every node (each
 * composite node that keeps its range has it then: a stale one would show after the update), in
 * none (the build makes no leaf: the update moves leaves not made yet), in every other composite
 * node (both kinds side by side).
 */
let readMode = 0;
function readRanges(root: CstNode): void {
    const mode = readMode++ % 3;
    let count = 0;
    const visit = (node: CstNode): void => {
        void node.range;
        if (node instanceof AdoptCompositeCstNode) {
            const made = mode === 0 || (mode === 2 && count++ % 2 === 0);
            const children = made ? node.content : node.children;
            for (const child of children) if (typeof child !== 'number') visit(child);
        } else if (isCompositeCstNode(node)) {
            node.content.forEach(visit);
        }
    };
    if (mode === 1) void root.range;
    else visit(root);
}

const totalIncremental = () => Object.values(parser.counts.incremental).reduce((sum, count) => sum + count, 0);

interface Updated {
    readonly result: ParseResult<AstNode>;
    /** The rule of the declaration parsed again, if the update was incremental. */
    readonly unit: string | undefined;
    readonly spliced: boolean;
}

/** The old tree updated to the new text the way the document factory does it; which declaration was parsed again, if any. */
function update(oldRoot: AstNode, text: string): Updated {
    readRanges(oldRoot.$cstNode!);
    const before = { ...parser.counts.incremental };
    const total = totalIncremental();
    const spliced = parser.counts.spliced;
    const result = parser.parseIncrementally(oldRoot, text) ?? parser.parse(text);
    const unit = Object.keys(parser.counts.incremental).find(rule => parser.counts.incremental[rule] > (before[rule] ?? 0));
    expect(totalIncremental() - total).toBe(unit ? 1 : 0);
    return { result, unit, spliced: parser.counts.spliced > spliced };
}

/** An updated result equals a fresh parse of the same text in every part. */
function expectSameAsFresh(text: string, ours: ParseResult<AstNode>): Comparison {
    const theirs = parser.parse(text);
    const comparison = compareTrees(text, ours.value, theirs.value);
    expect(ours.lexerErrors).toEqual(theirs.lexerErrors);
    expect(ours.parserErrors).toEqual(theirs.parserErrors);
    expect(ours.lexerReport).toEqual(theirs.lexerReport);
    compareLists(comparison, trees, ours.value, theirs.value);
    return comparison;
}

/** The old tree of a text: a fresh parse (the update takes it apart). */
const oldTreeOf = (text: string) => parser.parse(text).value;

/** Each project's inside: from just after its `{` to its `}` (offsets in the text); the last text's, kept. */
let insidesOf: { text: string; insides: Array<readonly [number, number]> } | undefined;
function projectInsides(text: string): Array<readonly [number, number]> {
    if (insidesOf?.text === text) return insidesOf.insides;
    const root = (fresh.parser.LangiumParser.parse(text).value as AdoptFile).plan!;
    const insides = root.stages.flatMap(stage => stage.projects).map(project => {
        const content = (project.$cstNode as unknown as { content: Array<{ text: string; offset: number; end: number; hidden: boolean }> }).content;
        const open = content.find(child => !child.hidden && child.text === '{')!;
        return [open.end, content[content.length - 1].offset] as const;
    });
    insidesOf = { text, insides };
    return insides;
}

type Edit = (text: string) => string;
/** An edit, and the rule of the declaration it must re-parse alone. */
type EditOf = readonly [Edit, string];

const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);

/** A place inside one project, by fractions: which project, where in it (spread evenly: fast-check's bias favours 0 and 1). */
const inside = fc.tuple(fc.noBias(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })), fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })));

function placeInside(text: string, [which, where]: readonly [number, number]): { at: number; start: number; end: number } {
    const insides = projectInsides(text);
    const [start, end] = insides[Math.floor(which * insides.length)];
    return { at: start + Math.floor(where * (end - start)), start, end };
}

/** The declarations an edit inside a project's braces re-parses alone: the project, or one of its clauses. */
const PROJECT_UNITS = ['Project', 'Supports', 'Involves', 'Uses'];

/** Edits that keep one valid project: they must take the incremental path. */
const validEditInside: fc.Arbitrary<Edit> = fc.oneof(
    // A trait's level changed, added or removed (the bench's edit).
    fc.tuple(inside, fc.constantFrom(' low', ' medium', ' high', '')).map(([place, level]) => (text: string) => {
        const { start, end } = placeInside(text, place);
        const match = /(asynchrony|geography|crowdsourcing)( (low|medium|high))?/.exec(text.slice(start, end));
        if (!match) return splice(text, start, start, ` asynchrony${level}`);
        const from = start + match.index + match[1].length;
        return splice(text, from, from + (match[2]?.length ?? 0), level);
    }),
    // A clause added at the start of the block.
    fc.tuple(inside, fc.constantFrom(' geography low', '\n      crowdsourcing', ' metric extra "Extra" target 5 %', ' uses yt', ' involves nobody, nobody2', ' supports x')).map(([place, clause]) => (text: string) => {
        const { start } = placeInside(text, place);
        return splice(text, start, start, clause);
    }),
    // A comment (or spacing) before a line of the block, or at its end.
    fc.tuple(inside, fc.constantFrom(' /* note */ ', ' // note\n', '\n\n', '\t', '/**/', '\r\n  // two\r\n  /* lines\n */ ')).map(([place, comment]) => (text: string) => {
        const { at, start, end } = placeInside(text, place);
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const where = lineStart > start && lineStart <= end ? lineStart : end;
        return splice(text, where, where, comment);
    }),
    // A clause line removed.
    inside.map(place => (text: string) => {
        const { at, start, end } = placeInside(text, place);
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const lineEnd = text.indexOf('\n', lineStart);
        return lineStart > start && lineEnd < end ? splice(text, lineStart, lineEnd + 1, '') : splice(text, start, end, ' ');
    }),
    // A name referred to renamed (the reference may then be unresolved: still valid syntax).
    fc.tuple(inside, fc.constantFrom('renamed', 'x', 'a_very_long_name_123')).map(([place, name]) => (text: string) => {
        const { start, end } = placeInside(text, place);
        const match = /(involves|uses|supports) (\w+)/.exec(text.slice(start, end));
        if (!match) return splice(text, start, start, ` involves ${name}`);
        const from = start + match.index + match[1].length + 1;
        return splice(text, from, from + match[2].length, name);
    })
);

const STRAY = ['{', '}', '"', '/*', '*/', '//', ',', '%', 'x', ' project q "Q" {', '} project q "Q" {', ' 12 ', '\u00e9', '-', 'middle-'];

/** Edits anywhere inside a project's braces, valid or not: characters and tokens inserted, deleted, replaced. */
const anyEditInside: fc.Arbitrary<Edit> = fc.oneof(
    validEditInside,
    fc.tuple(inside, fc.constantFrom(...STRAY)).map(([place, stray]) => (text: string) => {
        const { at } = placeInside(text, place);
        return splice(text, at, at, stray);
    }),
    fc.tuple(inside, fc.nat({ max: 12 })).map(([place, length]) => (text: string) => {
        const { at, end } = placeInside(text, place);
        return splice(text, at, Math.min(end, at + length), '');
    }),
    fc.tuple(inside, fc.nat({ max: 6 }), fc.string({ maxLength: 4 })).map(([place, length, replacement]) => (text: string) => {
        const { at, end } = placeInside(text, place);
        return splice(text, at, Math.min(end, at + length), replacement);
    })
);

/** Replaces the `n`-th match (counting round) of a global pattern; the text unchanged if none. */
function replaceNth(pattern: RegExp, replacement: (match: RegExpMatchArray) => string): fc.Arbitrary<Edit> {
    return fc.nat({ max: 1000 }).map(n => (text: string) => {
        const matches = [...text.matchAll(pattern)];
        if (matches.length === 0) return text;
        const match = matches[n % matches.length];
        return splice(text, match.index, match.index + match[0].length, replacement(match));
    });
}

const alone = (unit: string) => (edit: fc.Arbitrary<Edit>): fc.Arbitrary<EditOf> => edit.map(e => [e, unit] as const);

/** Each project's whole text: from its keyword to its `}` (offsets in the text). */
function projectSpans(text: string): Array<readonly [number, number]> {
    const root = (fresh.parser.LangiumParser.parse(text).value as AdoptFile).plan!;
    return root.stages.flatMap(stage => stage.projects).map(project => [project.$cstNode!.offset, project.$cstNode!.end] as const);
}

/** Valid edits of a block's header (after its keyword, before its `{`): that block alone (the project, the stage, the coalition). */
const validEditOfHeader: fc.Arbitrary<EditOf> = fc.oneof(
    alone('Project')(replaceNth(/project (\w+) "/g, match => `project ${match[1]}x "`)),
    alone('Project')(replaceNth(/project (\w+) "([^"]*)"/g, match => `project ${match[1]} "${match[2]} renamed"`)),
    alone('Project')(replaceNth(/(project \w+ "[^"]*") \{/g, match => `${match[1]} /* c */{`)),
    alone('Stage')(replaceNth(/stage (\w+) "/g, match => `stage ${match[1]}x "`)),
    alone('Stage')(replaceNth(/stage (\w+) "([^"]*)"/g, match => `stage ${match[1]} "${match[2]} renamed"`)),
    alone('Stage')(replaceNth(/(stage \w+ "[^"]*") after \w+/g, match => match[1])),
    alone('Stage')(replaceNth(/(stage \w+ "[^"]*") \{/g, match => `${match[1]} after initiation {`)),
    alone('Stage')(replaceNth(/\n( *)stage /g, match => `\n${match[1]}stage /* right after the keyword */ `)),
    alone('Coalition')(replaceNth(/coalition \{/g, () => 'coalition /* here */ {'))
);

/** Valid edits in a stage's braces outside its projects: the declaration edited alone (a goal, a story...), else the stage. */
const validEditInStage: fc.Arbitrary<EditOf> = fc.oneof(
    alone('Stage')(replaceNth(/\n( *)project /g, match => `\n${match[1]}// a comment before a project\n${match[1]}project `)),
    alone('Story')(replaceNth(/story (\w+)/g, match => `story ${match[1]}x`)),
    alone('Goal')(replaceNth(/goal (\w+) "/g, match => `goal ${match[1]}Renamed "`)),
    alone('Mantra')(replaceNth(/mantra "([^"]*)"/g, match => `mantra "${match[1]}!"`)),
    alone('Launch')(replaceNth(/launch (\w+)/g, match => `launch ${match[1]}, blog`)),
    // After a project's `}`: the project alone does not take it, its stage does.
    alone('Stage')(fc.tuple(inside, fc.constantFrom(' // after a project', ' project extra "E" { geography }', '\n    story late "Late" from p1 audience m4')).map(([place, insert]) => (text: string) => {
        const { end } = placeInside(text, place);
        return splice(text, end + 1, end + 1, insert);
    })),
    // A whole project removed.
    alone('Stage')(fc.noBias(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(which => (text: string) => {
        const spans = projectSpans(text);
        const [start, end] = spans[Math.floor(which * spans.length)];
        return splice(text, start, end, '');
    }))
);

/** Valid edits in the coalition's braces: inside one member, that member alone; members added, removed or commented, the coalition. */
const validEditInCoalition: fc.Arbitrary<EditOf> = fc.oneof(
    alone('Member')(replaceNth(/member (\w+)/g, match => `member ${match[1]}x`)),
    alone('Member')(replaceNth(/unit "([^"]*)"/g, match => `unit "${match[1]} East"`)),
    alone('Member')(replaceNth(/ trained\n/g, () => '\n')),
    alone('Member')(replaceNth(/(unit "[^"]*")\n/g, match => `${match[1]} trained\n`)),
    alone('Coalition')(replaceNth(/\n( *)member /g, match => `\n${match[1]}member newcomer "New Comer" role staff\n${match[1]}member `)),
    alone('Coalition')(replaceNth(/\n *member [^\n]*/g, () => '')),
    alone('Coalition')(replaceNth(/\n( *)member /g, match => `\n${match[1]}/* a comment */ member `))
);

/** Edits inside a stage or the coalition that break the text: a full parse. */
const brokenEditInBlock: fc.Arbitrary<Edit> = fc.oneof(
    replaceNth(/role ([\w-]+)/g, match => `role ${match[1]} role`),
    replaceNth(/\n( *)member /g, match => `\n${match[1]}member "no name" `),
    replaceNth(/story (\w+)/g, () => 'story'),
    // A project's braces removed.
    fc.tuple(inside, fc.constantFrom('open', 'close', 'both')).map(([place, which]) => (text: string) => {
        const { start, end } = placeInside(text, place);
        if (which === 'open') return splice(text, start - 1, start, '');
        if (which === 'close') return splice(text, end, end + 1, '');
        return splice(text, start - 1, end + 1, '');
    })
);

/** Valid edits of a channel or an initiative (after its keyword, up to its last token): that declaration alone. */
const validEditOfDeclaration: fc.Arbitrary<EditOf> = fc.oneof(
    alone('Channel')(replaceNth(/channel (\w+) "/g, match => `channel ${match[1]}x "`)),
    alone('Channel')(replaceNth(/(channel \w+ "[^"]*" on )(\w+)/g, match => `${match[1]}${match[2]}Live`)),
    alone('Channel')(replaceNth(/(channel \w+) ("[^"]*")/g, match => `${match[1]}\n    /* renamed */ ${match[2]}`)),
    alone('Initiative')(replaceNth(/initiative (\w+) "([^"]*)"/g, match => `initiative ${match[1]} "${match[2]} renamed"`)),
    alone('Initiative')(replaceNth(/initiative (\w+) "/g, match => `initiative ${match[1]}2 "`)),
    alone('Initiative')(replaceNth(/(initiative \w+ "[^"]*")/g, match => `${match[1]} `))
);

/** Edits outside every declaration (or of a declaration's keyword, or after its last token): never incremental. */
const editOutsideBlocks: fc.Arbitrary<Edit> = fc.constantFrom<Edit>(
    text => text.replace(/plan (\w+) "/, 'plan $1 "Renamed '),
    text => text.replace(/(initiative \w+ "[^"]*")/, '$1 // after an initiative'),
    text => text.replace(/(channel \w+ "[^"]*" on \w+)/, '$1 /* after a channel */'),
    text => text.replace(/\n( *)initiative /, '\n$1initiative extra "Extra"\n$1initiative '),
    text => text.replace(/\n( *)initiative /, '\n$1/* before an initiative */ initiative '),
    text => text.replace(/\n( *)initiative [^\n]*/, ''),
    text => text.replace(/\n( *)stage /, '\n$1// a comment before a stage\n$1stage '),
    text => text.replace(/\n {2}\}\n/, '\n  } // after a block\n'),
    text => text.replace(/\n( *)project /, '\n$1proj\u00e9ct '),
    text => text + '// trailing\n',
    text => '/* leading */' + text
);

/** Any edit anywhere in the text (characters and tokens inserted, deleted, replaced), valid or not. */
const anyEditAnywhere: fc.Arbitrary<Edit> = fc.tuple(fc.noBias(fc.nat()), fc.nat({ max: 8 }), fc.oneof(fc.constantFrom(...STRAY, '', ' ', '\n'), fc.string({ maxLength: 3 })))
    .map(([where, length, insert]) => (text: string) => {
        // A place spread evenly over the text (fast-check's own bias favours its ends).
        const at = where % (text.length + 1);
        return splice(text, at, Math.min(text.length, at + length), insert);
    });

/** Any edit outside every project's braces. */
const editOutside: fc.Arbitrary<Edit> = fc.oneof(
    validEditOfHeader.map(([edit]) => edit), validEditOfDeclaration.map(([edit]) => edit), validEditInStage.map(([edit]) => edit),
    validEditInCoalition.map(([edit]) => edit), brokenEditInBlock, editOutsideBlocks
);

/** A few valid edits inside projects of a text (trait levels changed). */
function validEditsFor(text: string): string[] {
    return [...text.matchAll(/asynchrony (low|medium|high)/g)].slice(0, 5).map(match => {
        const at = match.index + 'asynchrony '.length;
        return splice(text, at, at + match[1].length, match[1] === 'high' ? 'low' : 'high');
    });
}

describe('textChange', () => {
    test('finds the one stretch where two texts differ (fast-check)', () => {
        fc.assert(fc.property(fc.string({ maxLength: 600 }), fc.nat(), fc.nat({ max: 300 }), fc.string({ maxLength: 300 }), (old, at, length, insert) => {
            const start = at % (old.length + 1);
            const changed = splice(old, start, start + length, insert);
            const change = textChange(old, changed);
            expect(change.oldEnd).toBeGreaterThanOrEqual(change.start);
            expect(change.newEnd).toBeGreaterThanOrEqual(change.start);
            expect(old.slice(0, change.start) + changed.slice(change.start, change.newEnd) + old.slice(change.oldEnd)).toBe(changed);
            // No longer than the edit made.
            expect(change.oldEnd - change.start).toBeLessThanOrEqual(Math.min(length, old.length - start));
            expect(change.newEnd - change.start).toBeLessThanOrEqual(insert.length);
        }), { numRuns: 300, seed: 42 });
    });

    test('in texts of hundreds of kilobytes (stretches compared in growing chunks): the stretch a comparison character by character finds (fast-check)', () => {
        const big = PLAN.repeat(60);
        const naive = (a: string, b: string) => {
            let start = 0;
            while (start < Math.min(a.length, b.length) && a[start] === b[start]) start++;
            let suffix = 0;
            while (suffix < Math.min(a.length, b.length) - start && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
            return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix };
        };
        fc.assert(fc.property(fc.nat(), fc.nat({ max: 5000 }), fc.string({ maxLength: 200 }), (at, length, insert) => {
            const start = at % (big.length + 1);
            const changed = splice(big, start, start + length, insert);
            expect(textChange(big, changed)).toEqual(naive(big, changed));
        }), { numRuns: 60, seed: 7 });
        expect(textChange(big, big + 'x')).toEqual({ start: big.length, oldEnd: big.length, newEnd: big.length + 1 });
        expect(textChange('x' + big, big)).toEqual({ start: 0, oldEnd: 1, newEnd: 0 });
    });
});

describe('the line starts of an updated tree come from the old tree\'s, moved', () => {
    test('edits that add, remove and keep lines, with line feeds or carriage returns and line feeds (fast-check): the starts a search of the new text finds', () => {
        for (const base of [PLAN, PLAN.replace(/\n/g, '\r\n')]) {
            fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '\n', '\n      // note\n', 'x'), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 6 }), steps => {
                let root = oldTreeOf(base);
                let text = base;
                void trees.stateOf(root)!.lineStarts;
                for (const [pick, insert, remove] of steps) {
                    // Inside a project's braces, where an update re-parses the project alone.
                    const insides = projectInsides(text);
                    const [from, to] = insides[pick % insides.length];
                    const at = from + 1 + (pick % Math.max(1, to - from - 2));
                    const next = splice(text, at, Math.min(at + remove, to), insert.replace(/\n/g, base.includes('\r') ? '\r\n' : '\n'));
                    root = update(root, next).result.value;
                    text = next;
                    expect(Array.from(trees.stateOf(root)!.lineStarts)).toEqual(Array.from(lineStartsOf(text)));
                }
            }), { numRuns: 40, seed: 5 });
        }
    });
});

describe('an edit inside one declaration re-parses only that declaration, and gives what a full parse gives', () => {
    test('the parser of these tests takes the fast path and the incremental path is on', () => {
        expect(parser.fastPath).toBe(true);
        expect(parser.incremental).toBe(true);
        expect(trees.stateOf(oldTreeOf(PLAN))?.updatable).toBe(true);
        expect(trees.stateOf(oldTreeOf('plan P "P" {'))?.updatable).toBe(false);
    });

    test('the bench\'s edit (a trait level) in the first, a middle and the last project: the project alone', () => {
        const levels = [...PLAN.matchAll(/asynchrony (low|medium|high)/g)];
        expect(levels.length).toBeGreaterThan(3);
        for (const match of [levels[0], levels[levels.length >> 1], levels[levels.length - 1]]) {
            const at = match.index + 'asynchrony '.length;
            const text = splice(PLAN, at, at + match[1].length, match[1] === 'medium' ? 'low' : 'medium');
            const old = oldTreeOf(PLAN);
            const updated = update(old, text);
            expect(updated.unit).toBe('Project');
            expect(trees.builtBy(updated.result.value)).toBe('fast');
            expect(trees.stateOf(updated.result.value)?.updatable).toBe(true);
            // The old tree was taken apart: never updated again.
            expect(trees.stateOf(old)?.updatable).toBe(false);
            expect(updated.result.value).not.toBe(old);
            expectSameAsFresh(text, updated.result);
        }
    });

    test('a comment typed right after the keyword of any declaration the grammar lets an edit re-parse alone: that declaration alone', () => {
        const units = parser.fastParser!.units;
        const old = oldTreeOf(PLAN);
        const exercised = new Set<string>();
        for (const unit of units) {
            const rule = unit.rule.name;
            const type = GrammarUtils.getRuleTypeName(unit.rule);
            const declarations = AstUtils.streamAst(old)
                .filter(node => node.$type === type && node.$containerProperty === unit.property && node.$container?.$type === unit.containerType).toArray();
            if (declarations.length === 0) continue;
            const declaration = declarations[declarations.length >> 1];
            const keywordEnd = declaration.$cstNode!.offset + /^[\w-]+/.exec(declaration.$cstNode!.text)![0].length;
            const text = splice(PLAN, keywordEnd, keywordEnd, ' /* typed */');
            const updated = update(oldTreeOf(PLAN), text);
            expect(updated.unit, rule).toBe(rule);
            expectSameAsFresh(text, updated.result);
            exercised.add(rule);
        }
        // Every kind of declaration the plan has: members, clauses, goals, stories...
        expect([...exercised].sort()).toEqual(['Channel', 'Coalition', 'Goal', 'Initiative', 'Involves', 'Launch', 'Mantra', 'Member', 'Metric', 'Project', 'Stage', 'Story', 'Supports', 'Uses']);
    });

    test('an edit that changes the length moves the leaves of what follows without making them, to where a full parse puts them', () => {
        /** The tokens of a subtree's composite nodes that are leaves not made yet, and those made (comments apart). */
        const census = (node: CstNode | number, counts = { waiting: 0, made: 0 }): { waiting: number; made: number } => {
            if (typeof node === 'number') counts.waiting++;
            else if (node instanceof AdoptCompositeCstNode) node.children.forEach(child => census(child, counts));
            else if (isCompositeCstNode(node)) node.content.forEach(child => census(child, counts));
            else if (!node.hidden) counts.made++;
            return counts;
        };
        /** The declarations after the one at `offset`: the projects after it in its stage, the stages after its stage. */
        const following = (root: AstNode, offset: number): CstNode[] => {
            const stages = (root as AdoptFile).plan!.stages;
            const at = stages.findIndex(stage => stage.$cstNode!.end > offset);
            const projects = stages[at].projects.filter(project => project.$cstNode!.offset > offset);
            return [...projects, ...stages.slice(at + 1)].map(node => node.$cstNode!);
        };
        for (const [from, to] of [['asynchrony medium', 'asynchrony low'], ['asynchrony medium', 'asynchrony medium geography high']]) {
            const offset = PLAN.indexOf(from);
            const text = splice(PLAN, offset, offset + from.length, to);
            const old = oldTreeOf(PLAN);
            const before = following(old, offset).map(node => census(node));
            const updated = parser.parseIncrementally(old, text)!;
            expect(updated).toBeDefined();
            const after = following(updated.value, offset).map(node => census(node));
            expect(after.length).toBeGreaterThan(5);
            expect(after).toEqual(before);
            expect(after.every(counts => counts.made === 0 && counts.waiting > 0)).toBe(true);
            expectSameAsFresh(text, updated);
        }
    });

    test('children packed in a string (a trait\'s kind and level) move without being unpacked: the same string, edit after edit', () => {
        const kept = (node: CstNode): unknown => (node as unknown as { kept: unknown }).kept;
        /** The traits' composite nodes of the last projects: after every edit below. */
        const lastTraits = (root: AstNode): CstNode[] =>
            (root as AdoptFile).plan!.stages.flatMap(stage => stage.projects).slice(-4).flatMap(project => project.traits).map(trait => trait.$cstNode!);
        let text = PLAN;
        let root = oldTreeOf(text);
        let last: ParseResult<AstNode> | undefined;
        const traits = lastTraits(root);
        const packed = traits.map(kept);
        expect(traits.length).toBeGreaterThan(5);
        expect(packed.every(value => typeof value === 'string')).toBe(true);
        for (const [from, to] of [['asynchrony medium', 'asynchrony low'], ['asynchrony low', 'asynchrony high geography medium'], ['asynchrony high', 'asynchrony medium']]) {
            const offset = text.indexOf(from);
            expect(offset).toBeGreaterThanOrEqual(0);
            text = splice(text, offset, offset + from.length, to);
            const updated = parser.parseIncrementally(root, text);
            expect(updated).toBeDefined();
            last = updated;
            root = updated!.value;
            expect(lastTraits(root)).toEqual(traits);
            expect(traits.map(kept)).toEqual(packed);
            expect(traits.every((trait, i) => kept(trait) === packed[i])).toBe(true);
        }
        // (A comparison makes every leaf: once, at the end.)
        expectSameAsFresh(text, last!);
    });

    test('untouched nodes are reused: every other project keeps its node; the file\'s plan is made anew, as the root is', () => {
        const old = oldTreeOf(PLAN) as AdoptFile;
        const oldPlan = old.plan!;
        const projects = oldPlan.stages.flatMap(stage => stage.projects);
        const text = validEditsFor(PLAN)[0];
        const updated = update(old, text);
        expect(updated.unit).toBe('Project');
        const root = updated.result.value as AdoptFile;
        // What is kept by the old plan (such as its scopes) is not reused.
        const newPlan = root.plan!;
        expect(newPlan).not.toBe(oldPlan);
        expect(newPlan.$container).toBe(root);
        expect(newPlan.$cstNode?.astNode).toBe(newPlan);
        const now = newPlan.stages.flatMap(stage => stage.projects);
        const kept = now.filter((project, i) => project === projects[i]).length;
        expect(kept).toBe(projects.length - 1);
        expect(newPlan.stages.every(stage => stage.$container === newPlan)).toBe(true);
    });

    test('a member edited re-parses the member, not the coalition; edited into two members, the coalition', () => {
        const one = PLAN.replace(/member m3 "([^"]*)"/, 'member m3 "$1 Jr."');
        expect(update(oldTreeOf(PLAN), one).unit).toBe('Member');
        const two = PLAN.replace(/(member m3 "[^"]*" role [\w-]+)/, '$1 member m3b "B" role staff');
        const updated = update(oldTreeOf(PLAN), two);
        expect(updated.unit).toBe('Coalition');
        expectSameAsFresh(two, updated.result);
    });

    test('the node and reference lists: walked after the first update of a tree, spliced after the next ones, Langium\'s order either way', () => {
        let text = PLAN;
        let root = oldTreeOf(text);
        for (const spliced of [false, true, true]) {
            text = validEditsFor(text)[0];
            const updated = update(root, text);
            expect(updated.unit).toBe('Project');
            expect(updated.spliced).toBe(spliced);
            expectSameAsFresh(text, updated.result);
            root = updated.result.value;
        }
        // A declaration without references (a project emptied of them, a member): when the new one has none
        // either, the reference list stays; when it has some, nothing says where they go in the list, so a walk.
        text = text.replace(/(project \w+ "[^"]*" \{)[^}]*\}/, '$1 asynchrony low }');
        root = oldTreeOf(text);
        const steps: Array<[Edit, string, boolean]> = [
            [t => t.replace(/(project \w+ "[^"]*" \{ asynchrony )\w+ \}/, '$1medium }'), 'Project', false],
            [t => t.replace(/(project \w+ "[^"]*" \{ asynchrony )\w+ \}/, '$1high }'), 'Project', true],
            [t => t.replace(/unit "([^"]*)"/, 'unit "$1 East"'), 'Member', true],
            [t => t.replace(/(project \w+ "[^"]*" \{) asynchrony (\w+) \}/, '$1 involves m1 asynchrony $2 }'), 'Project', false],
            [t => t.replace(/story (\w+)/, 'story $1x'), 'Story', true]
        ];
        for (const [edit, unit, spliced] of steps) {
            const next = edit(text);
            expect(next).not.toBe(text);
            text = next;
            const updated = update(root, text);
            expect(updated.unit).toBe(unit);
            expect(updated.spliced).toBe(spliced);
            expectSameAsFresh(text, updated.result);
            root = updated.result.value;
        }
    });

    test('sequences of edits inside projects, each updating the tree the one before made (fast-check): the lists are spliced in place, and equal', () => {
        let spliced = 0;
        fc.assert(fc.property(fc.array(validEditInside, { minLength: 2, maxLength: 5 }), edits => {
            let text = PLAN;
            let root = oldTreeOf(text);
            let lists: { nodes: readonly AstNode[]; references: unknown } | undefined;
            for (const edit of edits) {
                const next = edit(text);
                if (next === text) continue;
                text = next;
                const updated = update(root, text);
                expect(PROJECT_UNITS).toContain(updated.unit);
                root = updated.result.value;
                // The lists the update recorded (before the comparison below takes the references).
                const state = trees.stateOf(root)!;
                const recorded = { nodes: trees.nodes(root), references: state.parsedReferences };
                if (updated.spliced) {
                    spliced++;
                    expect(recorded.nodes).toBe(lists!.nodes);
                    expect(recorded.references).toBe(lists!.references);
                }
                expectSameAsFresh(text, updated.result);
                lists = recorded;
            }
        }), { numRuns: 25, seed: 911 });
        expect(spliced).toBeGreaterThan(20);
    });

    test('a declaration of more nodes than one call can splice (a stage of 200 projects parsed again): the lists are made anew, and equal', () => {
        const plan = toAdopt(generatePlan({ projects: 400, seed: 12 }));
        let text = plan;
        let root = oldTreeOf(text);
        const steps: Array<[Edit, string, boolean]> = [
            [t => t.replace(/(asynchrony )(low|medium|high)/, (_all, kind: string, level: string) => kind + (level === 'low' ? 'high' : 'low')), 'Project', false],
            [t => t.replace(/(project \w+ "[^"]*" \{)/, '$1 } project q "Q" {'), 'Stage', true],
            [t => t.replace(/(geography )(low|medium|high)/, (_all, kind: string, level: string) => kind + (level === 'low' ? 'high' : 'low')), 'Project', true]
        ];
        for (const [edit, unit, spliced] of steps) {
            const next = edit(text);
            expect(next).not.toBe(text);
            text = next;
            const before = trees.nodes(root);
            const updated = update(root, text);
            expect(updated.unit).toBe(unit);
            expect(updated.spliced).toBe(spliced);
            root = updated.result.value;
            if (unit === 'Stage') {
                const stage = (root as AdoptFile).plan!.stages.find(candidate => candidate.projects.some(project => project.name === 'q'))!;
                expect(allNodes(stage).length).toBeGreaterThan(1000);
                expect(trees.nodes(root)).not.toBe(before);
            }
            expectSameAsFresh(text, updated.result);
        }
    });

    test('valid edits inside a project (levels, clauses, comments, names; fast-check): the project or one of its clauses alone, equal', () => {
        fc.assert(fc.property(validEditInside, edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(oldTreeOf(PLAN), text);
            expect(PROJECT_UNITS, JSON.stringify(textChange(PLAN, text))).toContain(updated.unit);
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 60, seed: 901 });
    });

    test('any edit inside a project (characters, tokens, broken text; fast-check): equal, incremental only when valid', () => {
        let incremental = 0;
        let full = 0;
        fc.assert(fc.property(anyEditInside, edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(oldTreeOf(PLAN), text);
            if (updated.unit) {
                incremental++;
                expect(updated.result.parserErrors).toEqual([]);
            } else {
                full++;
            }
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 120, seed: 902 });
        expect(incremental).toBeGreaterThan(25);
        expect(full).toBeGreaterThan(15);
    });

    /** Each edit, made to the plan, re-parses the declaration it names alone, and the result equals a full parse. */
    function expectReparsedAlone(edits: fc.Arbitrary<EditOf>, numRuns: number, seed: number): void {
        const seen = new Set<string>();
        fc.assert(fc.property(edits, ([edit, unit]) => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(oldTreeOf(PLAN), text);
            expect(updated.unit, JSON.stringify(textChange(PLAN, text))).toBe(unit);
            expectSameAsFresh(text, updated.result);
            seen.add(unit);
        }), { numRuns, seed });
        expect(seen.size).toBeGreaterThan(1);
    }

    test('valid edits of a block\'s header (a project\'s or a stage\'s name, title, `after`, before its `{`; fast-check): that block alone, equal', () => {
        expectReparsedAlone(validEditOfHeader, 50, 909);
    });

    test('valid edits of a channel or an initiative (names, titles, platforms, comments inside; fast-check): that declaration alone, equal', () => {
        expectReparsedAlone(validEditOfDeclaration, 40, 910);
    });

    test('valid edits in a stage outside its projects (goals, stories, launches, mantras; comments, projects added and removed; fast-check): that declaration, else the stage, alone, equal', () => {
        expectReparsedAlone(validEditInStage, 50, 906);
    });

    test('valid edits in the coalition (members renamed, trained, added, removed, comments; fast-check): the member, else the coalition, alone, equal', () => {
        expectReparsedAlone(validEditInCoalition, 40, 907);
    });

    test('edits outside every declaration, of a declaration\'s keyword, or breaking one (fast-check): a full parse, equal', () => {
        fc.assert(fc.property(fc.oneof(editOutsideBlocks, brokenEditInBlock), edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(oldTreeOf(PLAN), text);
            expect(updated.unit).toBeUndefined();
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 50, seed: 903 });
    });

    test('any edit anywhere (characters, tokens, broken text; fast-check): equal to a full parse, by a declaration only when valid', () => {
        const units = new Set<string>();
        let full = 0;
        fc.assert(fc.property(anyEditAnywhere, edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(oldTreeOf(PLAN), text);
            if (updated.unit) {
                units.add(updated.unit);
                expect([updated.result.lexerErrors, updated.result.parserErrors]).toEqual([[], []]);
            } else {
                full++;
            }
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 150, seed: 908 });
        for (const unit of ['Member', 'Project', 'Stage']) expect(units, unit).toContain(unit);
        expect(full).toBeGreaterThan(15);
    });

    test('a stage grown by a second stage typed inside it: a full parse, equal', () => {
        const at = PLAN.indexOf('\n', PLAN.indexOf('stage rollout1'));
        const text = splice(PLAN, at, at, '\n  }\n  stage extra "Extra" {');
        const updated = update(oldTreeOf(PLAN), text);
        expect(updated.unit).toBeUndefined();
        expect(updated.result.parserErrors).toEqual([]);
        expectSameAsFresh(text, updated.result);
    });

    test('comments, \\r\\n and lone \\r line ends, non-ASCII around and inside the edited project', () => {
        const text = '/* head */ plan P "P" {\r\n  initiative i "I" // é 🙂\r  stage s "S" {\r\n    project a "A" { /* a */ asynchrony low // x\r\n }\r\n    // between\r\n'
            + '    project b "B 🙂" {\r  geography /* in */ high\r\n  }\r    story t "T" from b\r\n  } /* after */\r\n}\r\n// tail';
        for (const [from, to] of [['asynchrony low', 'asynchrony medium'], ['geography /* in */ high', 'geography\r\n\r\n high'], ['/* a */', ''], ['high\r\n  }', 'high }']]) {
            const edited = text.replace(from, to);
            const updated = update(oldTreeOf(text), edited);
            expect(updated.unit, `${from} -> ${to}`).toBe('Project');
            expectSameAsFresh(edited, updated.result);
        }
    });

    test('a NUL typed inside a project\'s title (which the lexer takes): a full parse, to the one error of a text that is not text', () => {
        const at = PLAN.indexOf('"', PLAN.indexOf('project ')) + 1;
        const text = `${PLAN.slice(0, at)}\u0000${PLAN.slice(at)}`;
        const updated = update(oldTreeOf(PLAN), text);
        expect(updated.unit).toBeUndefined();
        expect(updated.result.parserErrors.map(error => error.message)).toEqual([expect.stringMatching(/^This is not a text file: it holds a NUL character/)]);
        expectSameAsFresh(text, updated.result);
    });

    test('only a tree the fast parser built is updated (not one with errors, nor one Langium\'s parser built)', () => {
        const broken = PLAN.replace('plan ', 'plan { ');
        const brokenRoot = oldTreeOf(broken);
        expect(parser.parseIncrementally(brokenRoot, broken.replace('asynchrony low', 'asynchrony high'))).toBeUndefined();
        parser.fastPath = false;
        let langiumRoot: AstNode;
        try {
            langiumRoot = oldTreeOf(PLAN);
        } finally {
            parser.fastPath = true;
        }
        expect(parser.parseIncrementally(langiumRoot, validEditsFor(PLAN)[0])).toBeUndefined();
        // Nor a tree already taken apart by an update.
        const old = oldTreeOf(PLAN);
        expect(parser.parseIncrementally(old, validEditsFor(PLAN)[0])).toBeDefined();
        expect(parser.parseIncrementally(old, validEditsFor(PLAN)[1])).toBeUndefined();
    });

    test('switched off, it never updates a tree', () => {
        parser.incremental = false;
        try {
            expect(parser.parseIncrementally(oldTreeOf(PLAN), validEditsFor(PLAN)[0])).toBeUndefined();
        } finally {
            parser.incremental = true;
        }
    });

    test('30 edits in a row (each from the last result; fast-check): equal to a fresh parse at every step', () => {
        const edits = fc.array(fc.oneof({ weight: 3, arbitrary: validEditInside }, { weight: 2, arbitrary: anyEditInside }, { weight: 1, arbitrary: editOutside }), { minLength: 30, maxLength: 30 });
        fc.assert(fc.property(edits, steps => {
            let valid = PLAN;
            let text = PLAN;
            let root = oldTreeOf(PLAN);
            let incremental = 0;
            for (const edit of steps) {
                // After an edit that broke the plan, the next step goes back to the last valid text.
                text = text === valid ? edit(valid) : valid;
                const updated = update(root, text);
                if (updated.unit) incremental++;
                expectSameAsFresh(text, updated.result);
                root = updated.result.value;
                if (updated.result.parserErrors.length === 0 && updated.result.lexerErrors.length === 0) valid = text;
            }
            expect(incremental).toBeGreaterThan(8);
        }), { numRuns: 3, seed: 904, endOnFailure: true });
    });
});

describe('through Langium\'s DocumentBuilder, an updated document equals a fresh build', () => {
    const uri = URI.parse('file:///incremental/plan.adopt');

    /** What a build gives to compare: diagnostics, each reference's target, the rank result. */
    function outcome(document: LangiumDocument<AdoptFile>, services: AdoptServices) {
        const root = document.parseResult.value;
        const locator = services.workspace.AstNodeLocator;
        return {
            diagnostics: document.diagnostics,
            links: AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).map(({ reference }) => {
                const target = 'ref' in reference ? reference.ref : undefined;
                return `${reference.$refText} -> ${target ? locator.getAstNodePath(target) : 'unresolved'}`;
            }).toArray(),
            rank: buildRankResult(document, services)
        };
    }

    async function freshOutcome(text: string) {
        const document = fresh.shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, uri);
        fresh.shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await fresh.shared.workspace.DocumentBuilder.build([document], { validation: true });
            return outcome(document, fresh);
        } finally {
            await fresh.shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }

    test('a sequence of edits (inside and outside projects; fast-check): diagnostics, links and rank equal a fresh build\'s', async () => {
        const shared = updating.shared;
        const documents = shared.workspace.TextDocuments!;
        let textDocument = TextDocument.create(uri.toString(), 'adopt', 1, PLAN);
        documents.set(textDocument);
        const document = shared.workspace.LangiumDocumentFactory.fromTextDocument<AdoptFile>(textDocument, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const edits = fc.sample(fc.oneof({ weight: 4, arbitrary: validEditInside }, { weight: 1, arbitrary: anyEditInside }, { weight: 1, arbitrary: editOutside }), { numRuns: 25, seed: 905 });
        const before = totalIncremental();
        let text = PLAN;
        try {
            for (const edit of edits) {
                const next = edit(text);
                if (fresh.parser.LangiumParser.parse(next).parserErrors.length === 0) text = next;
                else if (next === text) continue;
                textDocument = TextDocument.update(textDocument, [{ text: next }], textDocument.version + 1);
                documents.set(textDocument);
                await shared.workspace.DocumentBuilder.update([uri], []);
                expect(outcome(document, updating.Adopt)).toEqual(await freshOutcome(next));
                if (next !== text) {
                    // Back to the last valid text, in full.
                    textDocument = TextDocument.update(textDocument, [{ text }], textDocument.version + 1);
                    documents.set(textDocument);
                    await shared.workspace.DocumentBuilder.update([uri], []);
                }
            }
            expect(totalIncremental() - before).toBeGreaterThan(10);
            expect(document.diagnostics?.length).toBeGreaterThan(0);
        } finally {
            await shared.workspace.DocumentBuilder.update([], [uri]);
            documents.delete(uri.toString());
        }
    });
});
