/**
 * The incremental re-parse (src/language/parser/adopt-incremental.ts, wired by
 * workspace/adopt-document-factory.ts): when a text changes only inside one declaration, after
 * its keyword and before its closing brace or up to its last token (a project; else its stage;
 * else the coalition, a channel or an initiative), only that declaration is parsed again, and
 * the result is what a full parse of the new text gives.
 *
 * Each case parses the old text, updates it (incrementally when it can, in full otherwise, as
 * the document factory does) and compares the result in full (parse-comparison.ts: AST, CST,
 * ranges, containers, key order) with a full parse of the new text, plus the
 * node and reference lists the linker and the validator walk. Valid edits inside a project (its
 * header included) must re-parse that project, valid edits elsewhere in a stage that stage, in
 * the coalition, a channel or an initiative that declaration; edits outside every declaration,
 * or breaking the text, must not. The node
 * and reference lists an update records are walked after a tree's first update and spliced after
 * the next ones (listUpdates counts which). Through
 * Langium's DocumentBuilder, an updated document's diagnostics, links and rank equal a fresh
 * build's.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { URI, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type ParseResult } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import type { Plan } from '../../../src/language/generated/ast.js';
import { AdoptCompositeCstNode } from '../../../src/language/parser/adopt-cst-nodes.js';
import { AdoptParser } from '../../../src/language/parser/adopt-parser.js';
import { isFastRoot, listUpdates, textChange } from '../../../src/language/parser/adopt-incremental.js';
import { buildRankResult } from '../../../src/language/score/rank-result.js';
import { allNodes, allReferences, takeParsedNodes, takeParsedReferences } from '../../../src/language/scoping/reference-walk.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { compareTrees, type Comparison } from './parse-comparison.js';

const updating = createAdoptServices().Adopt;
const fresh = createAdoptServices().Adopt;
const updatingParser = updating.parser.LangiumParser as AdoptParser;
/** Full parses by the same parser: trees of other services have other token types and grammar elements. */
const freshParser = updatingParser;

const PLAN = toAdopt(generatePlan({ projects: 40, seed: 11 }));

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

type Unit = keyof AdoptParser['incrementalParsesOf'];

/** The old tree updated to the new text the way the document factory does it; whether it went incrementally, and by which block. */
function update(oldRoot: AstNode, text: string): { result: ParseResult<AstNode>; incremental: boolean; unit?: Unit } {
    readRanges(oldRoot.$cstNode!);
    const before = updatingParser.incrementalParses;
    const beforeOf = { ...updatingParser.incrementalParsesOf };
    const result = updatingParser.parseIncrementally(oldRoot, text) ?? updatingParser.parse(text);
    const unit = (Object.keys(beforeOf) as Unit[]).find(kind => updatingParser.incrementalParsesOf[kind] > beforeOf[kind]);
    return { result, incremental: updatingParser.incrementalParses > before, unit };
}

/** The node and reference lists the linker and the validator use: the parsed ones, else a walk. */
function listsOf(root: AstNode): { nodes: AstNode[]; references: ReturnType<typeof allReferences> } {
    return { nodes: takeParsedNodes(root) ?? allNodes(root), references: takeParsedReferences(root) ?? allReferences(root) };
}

/** An updated result equals a fresh parse of the same text in every part. */
function expectSameAsFresh(text: string, ours: ParseResult<AstNode>): Comparison {
    const theirs = freshParser.parse(text);
    const comparison = compareTrees(text, ours.value, theirs.value);
    expect(ours.lexerErrors).toEqual(theirs.lexerErrors);
    expect(ours.parserErrors).toEqual(theirs.parserErrors);
    expect(ours.lexerReport).toEqual(theirs.lexerReport);
    const a = listsOf(ours.value);
    const b = listsOf(theirs.value);
    expect(a.nodes.length).toBe(b.nodes.length);
    a.nodes.forEach((node, i) => comparison.corresponding(`nodes[${i}]`, node, b.nodes[i]));
    expect(a.references.length).toBe(b.references.length);
    a.references.forEach((info, i) => {
        const other = b.references[i];
        expect(Object.keys(info)).toEqual(Object.keys(other));
        comparison.corresponding(`references[${i}].container`, info.container, other.container);
        expect([info.property, info.index, info.reference.$refText]).toEqual([other.property, other.index, other.reference.$refText]);
    });
    return comparison;
}

/** Each project's inside: from just after its `{` to its `}` (offsets in the text). */
function projectInsides(text: string): Array<readonly [number, number]> {
    const root = freshParser.parse(text).value as Plan;
    return root.stages.flatMap(stage => stage.projects).map(project => {
        const content = (project.$cstNode as unknown as { content: Array<{ text: string; offset: number; end: number; hidden: boolean }> }).content;
        const open = content.find(child => !child.hidden && child.text === '{')!;
        return [open.end, content[content.length - 1].offset] as const;
    });
}

type Edit = (text: string) => string;

const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);

/** A place inside one project, by fractions: which project, where in it (spread evenly: fast-check's bias favours 0 and 1). */
const inside = fc.tuple(fc.noBias(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })), fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })));

function placeInside(text: string, [which, where]: readonly [number, number]): { at: number; start: number; end: number } {
    const insides = projectInsides(text);
    const [start, end] = insides[Math.floor(which * insides.length)];
    return { at: start + Math.floor(where * (end - start)), start, end };
}

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

/** Each project's whole text: from its keyword to its `}` (offsets in the text). */
function projectSpans(text: string): Array<readonly [number, number]> {
    const root = freshParser.parse(text).value as Plan;
    return root.stages.flatMap(stage => stage.projects).map(project => [project.$cstNode!.offset, project.$cstNode!.end] as const);
}

/** Valid edits of a block's header (after its keyword, before its `{`): that block alone (the project, or the stage). */
const validEditOfHeader: fc.Arbitrary<readonly [Edit, Unit]> = fc.oneof(
    replaceNth(/project (\w+) "/g, match => `project ${match[1]}x "`).map(edit => [edit, 'project'] as const),
    replaceNth(/project (\w+) "([^"]*)"/g, match => `project ${match[1]} "${match[2]} renamed"`).map(edit => [edit, 'project'] as const),
    replaceNth(/(project \w+ "[^"]*") \{/g, match => `${match[1]} /* c */{`).map(edit => [edit, 'project'] as const),
    replaceNth(/stage (\w+) "/g, match => `stage ${match[1]}x "`).map(edit => [edit, 'stage'] as const),
    replaceNth(/stage (\w+) "([^"]*)"/g, match => `stage ${match[1]} "${match[2]} renamed"`).map(edit => [edit, 'stage'] as const),
    replaceNth(/(stage \w+ "[^"]*") after \w+/g, match => match[1]).map(edit => [edit, 'stage'] as const),
    replaceNth(/(stage \w+ "[^"]*") \{/g, match => `${match[1]} after initiation {`).map(edit => [edit, 'stage'] as const),
    replaceNth(/\n( *)stage /g, match => `\n${match[1]}stage /* right after the keyword */ `).map(edit => [edit, 'stage'] as const),
    replaceNth(/coalition \{/g, () => 'coalition /* here */ {').map(edit => [edit, 'coalition'] as const)
);

/** Valid edits in a stage's braces outside its projects: the stage must be re-parsed alone. */
const validEditInStage: fc.Arbitrary<Edit> = fc.oneof(
    replaceNth(/\n( *)project /g, match => `\n${match[1]}// a comment before a project\n${match[1]}project `),
    replaceNth(/story (\w+)/g, match => `story ${match[1]}x`),
    replaceNth(/goal (\w+) "/g, match => `goal ${match[1]}Renamed "`),
    replaceNth(/mantra "([^"]*)"/g, match => `mantra "${match[1]}!"`),
    replaceNth(/launch (\w+)/g, match => `launch ${match[1]}, blog`),
    fc.tuple(inside, fc.constantFrom(' // after a project', ' project extra "E" { geography }', '\n    story late "Late" from p1 audience m4')).map(([place, insert]) => (text: string) => {
        const { end } = placeInside(text, place);
        return splice(text, end + 1, end + 1, insert);
    }),
    // A whole project removed.
    fc.noBias(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(which => (text: string) => {
        const spans = projectSpans(text);
        const [start, end] = spans[Math.floor(which * spans.length)];
        return splice(text, start, end, '');
    })
);

/** Valid edits in the coalition's braces: the coalition must be re-parsed alone. */
const validEditInCoalition: fc.Arbitrary<Edit> = fc.oneof(
    replaceNth(/member (\w+)/g, match => `member ${match[1]}x`),
    replaceNth(/unit "([^"]*)"/g, match => `unit "${match[1]} East"`),
    replaceNth(/ trained\n/g, () => '\n'),
    replaceNth(/(unit "[^"]*")\n/g, match => `${match[1]} trained\n`),
    replaceNth(/\n( *)member /g, match => `\n${match[1]}member newcomer "New Comer" role staff\n${match[1]}member `),
    replaceNth(/\n *member [^\n]*/g, () => ''),
    replaceNth(/\n( *)member /g, match => `\n${match[1]}/* a comment */ member `)
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
const validEditOfDeclaration: fc.Arbitrary<readonly [Edit, Unit]> = fc.oneof(
    replaceNth(/channel (\w+) "/g, match => `channel ${match[1]}x "`).map(edit => [edit, 'channel'] as const),
    replaceNth(/(channel \w+ "[^"]*" on )(\w+)/g, match => `${match[1]}${match[2]}Live`).map(edit => [edit, 'channel'] as const),
    replaceNth(/(channel \w+) ("[^"]*")/g, match => `${match[1]}\n    /* renamed */ ${match[2]}`).map(edit => [edit, 'channel'] as const),
    replaceNth(/initiative (\w+) "([^"]*)"/g, match => `initiative ${match[1]} "${match[2]} renamed"`).map(edit => [edit, 'initiative'] as const),
    replaceNth(/initiative (\w+) "/g, match => `initiative ${match[1]}2 "`).map(edit => [edit, 'initiative'] as const),
    replaceNth(/(initiative \w+ "[^"]*")/g, match => `${match[1]} `).map(edit => [edit, 'initiative'] as const)
);

/** Edits outside every declaration (or of a declaration's keyword): never incremental. */
const editOutsideBlocks: fc.Arbitrary<Edit> = fc.constantFrom<Edit>(
    text => text.replace(/plan (\w+) "/, 'plan $1 "Renamed '),
    text => text.replace(/(initiative \w+ "[^"]*")/, '$1 // after an initiative'),
    text => text.replace(/(channel \w+ "[^"]*" on \w+)/, '$1 /* after a channel */'),
    text => text.replace(/\n( *)initiative /, '\n$1initiative extra "Extra"\n$1initiative '),
    text => text.replace(/\n( *)initiative /, '\n$1/* before an initiative */ initiative '),
    text => text.replace(/\n( *)initiative [^\n]*/, ''),
    text => text.replace(/\n( *)stage /, '\n$1// a comment before a stage\n$1stage '),
    text => text.replace(/\n {2}\}\n/, '\n  } // after a stage\n'),
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
    validEditOfHeader.map(([edit]) => edit), validEditOfDeclaration.map(([edit]) => edit), validEditInStage, validEditInCoalition, brokenEditInBlock, editOutsideBlocks
);

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
        }), { numRuns: 500, seed: 42 });
    });
});

describe('an edit inside one block (a project, else its stage, else the coalition) re-parses only that block, and gives what a full parse gives', () => {
    test('the parser of these tests takes the fast path and the incremental path is on', () => {
        expect(updatingParser.fastPath).toBe(true);
        expect(updatingParser.incremental).toBe(true);
        expect(isFastRoot(updatingParser.parse(PLAN).value)).toBe(true);
        expect(isFastRoot(updatingParser.parse('plan P "P" {').value)).toBe(false);
    });

    test('the bench\'s edit (a trait level) in the first, a middle and the last project', () => {
        const levels = [...PLAN.matchAll(/asynchrony (low|medium|high)/g)];
        expect(levels.length).toBeGreaterThan(3);
        for (const match of [levels[0], levels[levels.length >> 1], levels[levels.length - 1]]) {
            const at = match.index + 'asynchrony '.length;
            const text = splice(PLAN, at, at + match[1].length, match[1] === 'medium' ? 'low' : 'medium');
            const old = updatingParser.parse(PLAN).value;
            const updated = update(old, text);
            expect(updated.incremental).toBe(true);
            expect(isFastRoot(updated.result.value)).toBe(true);
            expect(updated.result.value).not.toBe(old);
            expectSameAsFresh(text, updated.result);
        }
    });

    test('untouched nodes are reused: every other project keeps its node', () => {
        const old = updatingParser.parse(PLAN).value as Plan;
        const projects = old.stages.flatMap(stage => stage.projects);
        const text = validEditsFor(PLAN)[0];
        const updated = update(old, text);
        expect(updated.incremental).toBe(true);
        const now = (updated.result.value as Plan).stages.flatMap(stage => stage.projects);
        const kept = now.filter((project, i) => project === projects[i]).length;
        expect(kept).toBe(projects.length - 1);
        expect((updated.result.value as Plan).stages.every(stage => stage.$container === updated.result.value)).toBe(true);
    });

    test('the node and reference lists: walked after the first update of a tree, spliced after the next ones, Langium\'s order either way', () => {
        let text = PLAN;
        let root = updatingParser.parse(text).value;
        const expected = [['walked'], ['spliced'], ['spliced']];
        for (const [way] of expected) {
            const before = { ...listUpdates };
            text = validEditsFor(text)[0];
            const updated = update(root, text);
            expect(updated.incremental).toBe(true);
            expect(listUpdates[way as keyof typeof listUpdates]).toBe(before[way as keyof typeof listUpdates] + 1);
            expectSameAsFresh(text, updated.result);
            root = updated.result.value;
        }
        // A block without references (a project emptied of them, the coalition): when the new one has none
        // either, the reference list stays; when it has some, nothing says where they go in the list, so a walk.
        text = text.replace(/(project \w+ "[^"]*" \{)[^}]*\}/, '$1 asynchrony low }');
        root = updatingParser.parse(text).value;
        const steps: Array<[Edit, Unit, keyof typeof listUpdates]> = [
            [t => t.replace(/(project \w+ "[^"]*" \{ asynchrony )\w+ \}/, '$1medium }'), 'project', 'walked'],
            [t => t.replace(/(project \w+ "[^"]*" \{ asynchrony )\w+ \}/, '$1high }'), 'project', 'spliced'],
            [t => t.replace(/unit "([^"]*)"/, 'unit "$1 East"'), 'coalition', 'spliced'],
            [t => t.replace(/(project \w+ "[^"]*" \{) asynchrony (\w+) \}/, '$1 involves m1 asynchrony $2 }'), 'project', 'walked'],
            [t => t.replace(/story (\w+)/, 'story $1x'), 'stage', 'spliced']
        ];
        for (const [edit, unit, way] of steps) {
            const next = edit(text);
            expect(next).not.toBe(text);
            text = next;
            const before = { ...listUpdates };
            const updated = update(root, text);
            expect(updated.unit).toBe(unit);
            expect(listUpdates[way]).toBe(before[way] + 1);
            expectSameAsFresh(text, updated.result);
            root = updated.result.value;
        }
    });

    test('valid edits inside a project (levels, clauses, comments, names; fast-check): incremental and equal', () => {
        fc.assert(fc.property(validEditInside, edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(updatingParser.parse(PLAN).value, text);
            expect(updated.incremental, JSON.stringify(textChange(PLAN, text))).toBe(true);
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 150, seed: 901 });
    });

    test('any edit inside a project (characters, tokens, broken text; fast-check): equal, incremental only when valid', () => {
        let incremental = 0;
        let full = 0;
        fc.assert(fc.property(anyEditInside, edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(updatingParser.parse(PLAN).value, text);
            if (updated.incremental) incremental++;
            else full++;
            if (updated.incremental) expect(updated.result.parserErrors).toEqual([]);
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 300, seed: 902 });
        expect(incremental).toBeGreaterThan(50);
        expect(full).toBeGreaterThan(30);
    });

    /** Each edit, made to the plan, re-parses the declaration it names alone, and the result equals a full parse. */
    function expectReparsedAlone(edits: fc.Arbitrary<readonly [Edit, Unit]>, numRuns: number, seed: number): void {
        fc.assert(fc.property(edits, ([edit, unit]) => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(updatingParser.parse(PLAN).value, text);
            expect(updated.unit, JSON.stringify(textChange(PLAN, text))).toBe(unit);
            expectSameAsFresh(text, updated.result);
        }), { numRuns, seed });
    }

    test('valid edits of a block\'s header (a project\'s or a stage\'s name, title, `after`, before its `{`; fast-check): that block alone, equal', () => {
        expectReparsedAlone(validEditOfHeader, 120, 909);
    });

    test('valid edits of a channel or an initiative (names, titles, platforms, comments inside; fast-check): that declaration alone, equal', () => {
        expectReparsedAlone(validEditOfDeclaration, 80, 910);
    });

    test('valid edits in a stage outside its projects (comments, goals, stories, launches, projects added and removed; fast-check): the stage alone, equal', () => {
        expectReparsedAlone(validEditInStage.map(edit => [edit, 'stage'] as const), 120, 906);
    });

    test('valid edits in the coalition (members renamed, trained, added, removed, comments; fast-check): the coalition alone, equal', () => {
        expectReparsedAlone(validEditInCoalition.map(edit => [edit, 'coalition'] as const), 80, 907);
    });

    test('edits outside every declaration, of a declaration\'s keyword, or breaking one (fast-check): a full parse, equal', () => {
        fc.assert(fc.property(fc.oneof(editOutsideBlocks, brokenEditInBlock), edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(updatingParser.parse(PLAN).value, text);
            expect(updated.incremental).toBe(false);
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 100, seed: 903 });
    });

    test('any edit anywhere (characters, tokens, broken text; fast-check): equal to a full parse, by a block only when valid', () => {
        const units = new Set<string>();
        let full = 0;
        fc.assert(fc.property(anyEditAnywhere, edit => {
            const text = edit(PLAN);
            fc.pre(text !== PLAN);
            const updated = update(updatingParser.parse(PLAN).value, text);
            if (updated.unit) {
                units.add(updated.unit);
                expect([updated.result.lexerErrors, updated.result.parserErrors]).toEqual([[], []]);
            } else {
                full++;
            }
            expectSameAsFresh(text, updated.result);
        }), { numRuns: 300, seed: 908 });
        for (const unit of ['coalition', 'project', 'stage']) expect(units, unit).toContain(unit);
        expect(full).toBeGreaterThan(30);
    });

    test('a stage grown by a second stage typed inside it: a full parse, equal', () => {
        const at = PLAN.indexOf('\n', PLAN.indexOf('stage rollout1'));
        const text = splice(PLAN, at, at, '\n  }\n  stage extra "Extra" {');
        const updated = update(updatingParser.parse(PLAN).value, text);
        expect(updated.incremental).toBe(false);
        expect(updated.result.parserErrors).toEqual([]);
        expectSameAsFresh(text, updated.result);
    });

    test('comments, \\r\\n and lone \\r line ends, non-ASCII around and inside the edited project', () => {
        const text = '/* head */ plan P "P" {\r\n  initiative i "I" // é 🙂\r  stage s "S" {\r\n    project a "A" { /* a */ asynchrony low // x\r\n }\r\n    // between\r\n'
            + '    project b "B 🙂" {\r  geography /* in */ high\r\n  }\r    story t "T" from b\r\n  } /* after */\r\n}\r\n// tail';
        for (const [from, to] of [['asynchrony low', 'asynchrony medium'], ['geography /* in */ high', 'geography\r\n\r\n high'], ['/* a */', ''], ['high\r\n  }', 'high }']]) {
            const edited = text.replace(from, to);
            const updated = update(updatingParser.parse(text).value, edited);
            expect(updated.incremental, `${from} -> ${to}`).toBe(true);
            expectSameAsFresh(edited, updated.result);
        }
    });

    test('only a tree the fast parser built is updated (not one with errors, nor one Langium\'s parser built)', () => {
        const broken = PLAN.replace('plan ', 'plan { ');
        const brokenRoot = updatingParser.parse(broken).value;
        expect(updatingParser.parseIncrementally(brokenRoot, broken.replace('asynchrony low', 'asynchrony high'))).toBeUndefined();
        updatingParser.fastPath = false;
        let langiumRoot: AstNode;
        try {
            langiumRoot = updatingParser.parse(PLAN).value;
        } finally {
            updatingParser.fastPath = true;
        }
        expect(updatingParser.parseIncrementally(langiumRoot, validEditsFor(PLAN)[0])).toBeUndefined();
    });

    test('switched off, it never updates a tree', () => {
        updatingParser.incremental = false;
        try {
            expect(updatingParser.parseIncrementally(updatingParser.parse(PLAN).value, validEditsFor(PLAN)[0])).toBeUndefined();
        } finally {
            updatingParser.incremental = true;
        }
    });

    test('50 edits in a row (each from the last result; fast-check): equal to a fresh parse at every step', () => {
        const edits = fc.array(fc.oneof({ weight: 3, arbitrary: validEditInside }, { weight: 2, arbitrary: anyEditInside }, { weight: 1, arbitrary: editOutside }), { minLength: 50, maxLength: 50 });
        fc.assert(fc.property(edits, steps => {
            let valid = PLAN;
            let text = PLAN;
            let root = updatingParser.parse(PLAN).value;
            let incremental = 0;
            for (const edit of steps) {
                // After an edit that broke the plan, the next step goes back to the last valid text.
                text = text === valid ? edit(valid) : valid;
                const updated = update(root, text);
                if (updated.incremental) incremental++;
                expectSameAsFresh(text, updated.result);
                root = updated.result.value;
                if (updated.result.parserErrors.length === 0 && updated.result.lexerErrors.length === 0) valid = text;
            }
            expect(incremental).toBeGreaterThan(15);
        }), { numRuns: 4, seed: 904, endOnFailure: true });
    });
});

/** A few valid edits inside projects of a text (trait levels changed). */
function validEditsFor(text: string): string[] {
    return [...text.matchAll(/asynchrony (low|medium|high)/g)].slice(0, 5).map(match => {
        const at = match.index + 'asynchrony '.length;
        return splice(text, at, at + match[1].length, match[1] === 'high' ? 'low' : 'high');
    });
}

describe('through Langium\'s DocumentBuilder, an updated document equals a fresh build', () => {
    const uri = URI.parse('file:///incremental/plan.adopt');

    /** What a build gives to compare: diagnostics, each reference's target, the rank result. */
    function outcome(document: LangiumDocument<Plan>, services: AdoptServices) {
        const root = document.parseResult.value;
        const locator = services.workspace.AstNodeLocator;
        return {
            diagnostics: document.diagnostics,
            links: allReferences(root).map(({ reference }) => {
                const target = 'ref' in reference ? reference.ref : undefined;
                return `${reference.$refText} -> ${target ? locator.getAstNodePath(target) : 'unresolved'}`;
            }),
            rank: buildRankResult(document, services)
        };
    }

    async function freshOutcome(text: string) {
        const document = fresh.shared.workspace.LangiumDocumentFactory.fromString<Plan>(text, uri);
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
        const document = shared.workspace.LangiumDocumentFactory.fromTextDocument<Plan>(textDocument, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const edits = fc.sample(fc.oneof({ weight: 4, arbitrary: validEditInside }, { weight: 1, arbitrary: anyEditInside }, { weight: 1, arbitrary: editOutside }), { numRuns: 25, seed: 905 });
        const before = updatingParser.incrementalParses;
        let text = PLAN;
        try {
            for (const edit of edits) {
                const next = edit(text);
                if (freshParser.parse(next).parserErrors.length === 0) text = next;
                else if (next === text) continue;
                textDocument = TextDocument.update(textDocument, [{ text: next }], textDocument.version + 1);
                documents.set(textDocument);
                await shared.workspace.DocumentBuilder.update([uri], []);
                expect(outcome(document, updating)).toEqual(await freshOutcome(next));
                if (next !== text) {
                    // Back to the last valid text, in full.
                    textDocument = TextDocument.update(textDocument, [{ text }], textDocument.version + 1);
                    documents.set(textDocument);
                    await shared.workspace.DocumentBuilder.update([uri], []);
                }
            }
            expect(updatingParser.incrementalParses - before).toBeGreaterThan(10);
            expect(document.diagnostics?.length).toBeGreaterThan(0);
        } finally {
            await shared.workspace.DocumentBuilder.update([], [uri]);
            documents.delete(uri.toString());
        }
    });
});
