/**
 * The canonical formatter: one space between the tokens of a line, indentation by nesting,
 * comments kept, idempotent, on every construct. Properties (fast-check) on the examples, on
 * random valid plans with odd spacing and comments, and on generated plans: formatting changes
 * only whitespace, formatting twice changes nothing, and a canonical plan whose spacing was
 * scrambled comes back exactly.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import type { Plan } from '../../src/language/generated/ast.js';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { createTestServices, example } from '../support/helpers.js';
import { mutatedPlan, validPlan } from '../support/plan-arbitraries.js';

const services = createTestServices();
const parse = parseHelper<Plan>(services);
const RUNS = Number(process.env.FORMAT_RUNS ?? 150);

async function formatted(text: string, options = { tabSize: 4, insertSpaces: true }, range?: Range): Promise<string> {
    const document = await parse(text);
    const formatter = services.lsp.Formatter!;
    const params = { textDocument: { uri: document.textDocument.uri }, options };
    const edits = range ? await formatter.formatDocumentRange(document, { ...params, range }) : await formatter.formatDocument(document, params);
    return TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), edits);
}

/** The lexer's tokens (comments included): what formatting must never change. */
function tokens(text: string): string[] {
    const lexed = services.parser.Lexer.tokenize(text);
    return [...lexed.tokens, ...(lexed.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset).map(token => token.image);
}

async function expectCanonical(text: string): Promise<string> {
    const once = await formatted(text);
    expect(tokens(once)).toEqual(tokens(text));
    expect(once.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(await formatted(once)).toBe(once);
    return once;
}

const MESSY = `// Riverside
plan P "P" {
coalition { member ana "Ana" role middle-manager trained
        member ben "Ben" role operational-manager   unit "Nursing" }


      initiative rounds "Rounds"
  /* the stages */
  stage s "S" { mantra "The status quo must go!"
  goal g "G" { metric m "M" target 60 % }
  project    alpha "P" { supports rounds involves ana , ben
  asynchrony high // bridges the shifts
  }
  story st "St" from alpha audience ben
  }
}`;

const TIDY = `// Riverside
plan P "P" {
  coalition {
    member ana "Ana" role middle-manager trained
    member ben "Ben" role operational-manager unit "Nursing"
  }

  initiative rounds "Rounds"
  /* the stages */
  stage s "S" {
    mantra "The status quo must go!"
    goal g "G" {
      metric m "M" target 60%
    }
    project alpha "P" {
      supports rounds
      involves ana, ben
      asynchrony high // bridges the shifts
    }
    story st "St" from alpha audience ben
  }
}
`;

describe('the canonical layout', () => {
    test('the living plan (SPEC section 7): each action on its own line in a stage and in a project, a window in the header, effort, actual', async () => {
        const squashed = 'plan P "P" { coalition { member ana "Ana" role staff } stage s "S"   after s   from 2027-01-10\tto 2027-06-30 { action a "A" owner ana due 2027-02-15 doing ' +
            'action b "B" project p "P" { effort   low effort high metric m "M" target 500   actual 320 metric n "N" actual 45 % ' +
            'action c "C" owner ana done action d "D" due 2027-03-01 blocked } goal g "G" { metric x "X" target 60 % actual 45 % } } }';
        const tidy = `plan P "P" {
  coalition {
    member ana "Ana" role staff
  }
  stage s "S" after s from 2027-01-10 to 2027-06-30 {
    action a "A" owner ana due 2027-02-15 doing
    action b "B"
    project p "P" {
      effort low
      effort high
      metric m "M" target 500 actual 320
      metric n "N" actual 45%
      action c "C" owner ana done
      action d "D" due 2027-03-01 blocked
    }
    goal g "G" {
      metric x "X" target 60% actual 45%
    }
  }
}
`;
        expect(await formatted(squashed)).toBe(tidy);
        expect(await formatted(tidy)).toBe(tidy);
    });

    test('the example of a plan under way is canonical but for its aligned columns', async () => {
        const lakeshore = example('lakeshore-college.adopt');
        // Comments are left as they are written.
        expect(await formatted(lakeshore)).toBe(lakeshore.split('\n').map(line => (line.trim().startsWith('//') ? line : line.replace(/(\S) {2,}(?=\S)/g, '$1 '))).join('\n'));
    });

    test('an action with its parts out of order is a syntax error, and is left as it is', async () => {
        const text = 'plan P "P" {\n  stage s "S" {\n    action a "A"   done   due 2027-01-01\n  }\n}\n';
        expect(await formatted(text)).toBe(text);
    });

    test('a blank line after an opening brace is kept, one before a closing brace is not', async () => {
        expect(await formatted('plan P "P" {\n\n  stage s "S" {\n\n\n    mantra "M"\n\n  }\n\n}\n'))
            .toBe('plan P "P" {\n\n  stage s "S" {\n\n    mantra "M"\n  }\n}\n');
    });

    test('one statement per line, one space between tokens, two-space blocks, comments kept, one blank line at most', async () => {
        expect(await formatted(MESSY)).toBe(TIDY);
    });

    test('`project    alpha` gets one space, and so does every other run of blanks inside a line', async () => {
        expect(await formatted('plan P "P" {\n  stage s "S" {\n    project    alpha "A"\t\t{\n    }\n  }\n}\n'))
            .toBe('plan P "P" {\n  stage s "S" {\n    project alpha "A" {\n    }\n  }\n}\n');
    });

    test('columns aligned with spaces are not kept (one space is canonical)', async () => {
        const spec = example('riverside-health.adopt');
        const once = await formatted(spec);
        expect(once).toBe(spec.split('\n').map(line => line.replace(/(\S) {2,}(?=\S)/g, '$1 ')).join('\n'));
    });

    test('every construct: coalition, member, channel, initiative, stage with after, mantra, goal with and without metrics, launch, project, supports, involves, uses, traits, metric with target, story with audience', async () => {
        const squashed = 'plan P "P" { coalition { member ana "Ana" role middle-manager unit "U" trained member ben "Ben" role naysayer } ' +
            'channel yt "YT" on youtube initiative i "I" stage a "A" { mantra "M" goal g "G" goal h "H" { metric m "M" target 12.5 % } launch yt , yt } ' +
            'stage b "B" after a { project p "P" { supports i involves ana , ben uses yt asynchrony geography low crowdsourcing high metric v "V" target 5 } ' +
            'story s "S" from p audience ben , ana } }';
        expect(await formatted(squashed)).toBe(`plan P "P" {
  coalition {
    member ana "Ana" role middle-manager unit "U" trained
    member ben "Ben" role naysayer
  }
  channel yt "YT" on youtube
  initiative i "I"
  stage a "A" {
    mantra "M"
    goal g "G"
    goal h "H" {
      metric m "M" target 12.5%
    }
    launch yt, yt
  }
  stage b "B" after a {
    project p "P" {
      supports i
      involves ana, ben
      uses yt
      asynchrony
      geography low
      crowdsourcing high
      metric v "V" target 5
    }
    story s "S" from p audience ben, ana
  }
}
`);
    });

    test("a story's audience stays on the story's line or on its own line, as written", async () => {
        const ownLine = 'plan P "P" {\n  stage s "S" {\n    story st "St" from p\n        audience dee\n  }\n}\n';
        expect(await formatted(ownLine)).toBe('plan P "P" {\n  stage s "S" {\n    story st "St" from p\n    audience dee\n  }\n}\n');
    });

    test('comments: at the end of a line, on their own line, inside a statement, multi-line, before and after the plan', async () => {
        const text = `/* header
   two lines */   // and more
plan P "P" { // opening
      // before the coalition


  coalition { member ana /* her name */ "Ana"
role staff // a line comment inside a statement
trained }
  /* a block
       with its own
     indentation */
}
   // after the plan`;
        expect(await formatted(text)).toBe(`/* header
   two lines */ // and more
plan P "P" { // opening
  // before the coalition

  coalition {
    member ana /* her name */ "Ana" role staff // a line comment inside a statement
    trained
  }
  /* a block
       with its own
     indentation */
}
// after the plan
`);
    });

    test('CRLF files stay CRLF', async () => {
        expect(await formatted('plan P "P" {\r\nstage s "S" {  }\r\n}')).toBe('plan P "P" {\r\n  stage s "S" {\r\n  }\r\n}\r\n');
    });

    test('a comment that keeps a line break of the other kind: the most common ending is written, and formatting again changes nothing', async () => {
        const text = '/**/plan\r\nP "P" {/*\n*/ initiative i "I" coalition { member m "M" role staff } }';
        const once = await formatted(text);
        expect(once).toBe('/**/ plan P "P" { /*\n*/\r\n  initiative i "I"\r\n  coalition {\r\n    member m "M" role staff\r\n  }\r\n}\r\n');
        expect(await formatted(once)).toBe(once);
        expect(await formatted('plan P "P" { /*\r\n*/\nstage s "S" { }\n}\n')).toBe('plan P "P" { /*\r\n*/\n  stage s "S" {\n  }\n}\n');
    });

    test('the line ending is the one between the tokens: comments that hold more breaks of the other kind do not flip it', async () => {
        // Three \n between the tokens and two \r\n in the comment; formatting joins the plan's
        // first line, which leaves as many of each kind in the text: the ending stays \n.
        const text = '/*\r\n\r\n*/plan P\n  "P" {\n  } //\n';
        const once = await formatted(text);
        expect(once).toBe('/*\r\n\r\n*/ plan P "P" {\n} //\n');
        expect(await formatted(once)).toBe(once);
        expect(await formatted('/*\n\n\n*/plan P "P" {\r\n}\r\n')).toBe('/*\n\n\n*/ plan P "P" {\r\n}\r\n');
    });

    test('indentation is two spaces whatever the editor tab size', async () => {
        expect(await formatted('plan P "P" {\nstage s "S" {\n}\n}', { tabSize: 8, insertSpaces: false })).toBe('plan P "P" {\n  stage s "S" {\n  }\n}\n');
    });

    test('a plan that does not parse is left as it is', async () => {
        for (const broken of ['plan P "P" {\n   stage s "S" {', 'plan P "P" {  stage   s "S" { } } }', 'plan P "P {\n}', 'plan   P "P" { @ }', 'projet   hygieneVideos']) {
            expect(await formatted(broken)).toBe(broken);
        }
    });

    test('range formatting changes only the lines of the range', async () => {
        const text = 'plan P "P" {\nchannel   a "A" on x\nchannel   b "B" on x\n}\n';
        const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };
        expect(await formatted(text, undefined, range)).toBe('plan P "P" {\nchannel   a "A" on x\n  channel b "B" on x\n}\n');
    });

    test('an empty file and a file of comments', async () => {
        expect(await formatted('')).toBe('');
        expect(await formatted('  // only a comment  ')).toBe('  // only a comment  ');
    });
});

describe('properties (fast-check)', () => {
    test('the examples and the acceptance plans: only whitespace changes, and formatting twice changes nothing', async () => {
        const folders = [resolve(__dirname, '../../examples'), resolve(__dirname, '../acceptance/plans')];
        let parsedPlans = 0;
        for (const folder of folders) {
            for (const name of readdirSync(folder).filter(file => file.endsWith('.adopt'))) {
                const text = readFileSync(resolve(folder, name), 'utf8');
                const document = await parse(text);
                const once = await expectCanonical(text);
                if (document.parseResult.parserErrors.length === 0 && document.parseResult.lexerErrors.length === 0 && /\bplan\b/.test(text)) parsedPlans++;
                else expect(once, name).toBe(text);
            }
        }
        expect(parsedPlans).toBeGreaterThan(10);
    });

    test('random valid plans with odd spacing and comments: same tokens, the same tree, idempotent', async () => {
        await fc.assert(fc.asyncProperty(validPlan, async text => {
            const once = await expectCanonical(text);
            const document = await parse(once);
            expect(document.parseResult.parserErrors).toEqual([]);
            // The inside of a comment is the writer's text, spaces included: left as it is.
            for (const line of withoutComments(once).split(/\r?\n/)) {
                expect(line, JSON.stringify(line)).not.toMatch(/\s$/);
                expect(line.replace(/"(\\.|[^"\\])*"|\/\*.*?\*\/|\/\/.*$/g, '""')).not.toMatch(/\S {2,}\S/);
            }
        }), { numRuns: RUNS, seed: 20261 });
    });

    test('random broken plans: formatting never changes anything but whitespace', async () => {
        await fc.assert(fc.asyncProperty(mutatedPlan, async text => {
            const once = await formatted(text);
            expect(once.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        }), { numRuns: RUNS, seed: 20262 });
    });

    test('generated plans are canonical, and come back exactly after their spacing is scrambled', async () => {
        const gaps = fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 4000 });
        await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), gaps, async (projects, seed, choices) => {
            const canonical = toAdopt(generatePlan({ projects, seed }));
            expect(await formatted(canonical)).toBe(canonical);
            const scrambled = scramble(canonical, choices);
            expect(tokens(scrambled)).toEqual(tokens(canonical));
            expect(await formatted(scrambled)).toBe(canonical);
        }), { numRuns: Math.ceil(RUNS / 3), seed: 20263 });
    });
});

/**
 * The canonical text with its whitespace replaced: blank lines stay blank lines (the formatter
 * keeps them), a line comment keeps its line break, `audience` stays on its line, and any other
 * gap becomes spaces, tabs or line breaks.
 */
function scramble(text: string, choices: readonly number[]): string {
    const lexed = services.parser.Lexer.tokenize(text);
    const all = [...lexed.tokens, ...(lexed.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    let out = '';
    let position = 0;
    all.forEach((token, index) => {
        const gap = text.slice(position, token.startOffset);
        const choice = choices[index % choices.length];
        const previous = all[index - 1]?.image ?? '';
        let replacement: string;
        if (index === 0) replacement = ['', '\n', '  '][choice % 3];
        else if ((gap.match(/\n/g)?.length ?? 0) >= 2) replacement = ['\n\n', '\n \n\t', '\n\n\n\n', '  \n\n  '][choice % 4];
        else if (previous.startsWith('//')) replacement = ['\n', '\n\t  ', '\n    '][choice % 3];
        else if (token.image === 'audience') replacement = [' ', '  ', '\t', ' \t '][choice % 4];
        else if (gap === '') replacement = ['', ' ', '\n', '\t'][choice % 4];
        else replacement = [' ', '    ', '\t', '\n', '\n        ', ' \t\n'][choice];
        out += replacement + token.image;
        position = token.startOffset + token.image.length;
    });
    return out + ['', '\n', '\n\n  '][choices[0] % 3];
}

/** The text with each comment's characters (its line breaks too) turned into `c`, as the lexer finds the comments. */
function withoutComments(text: string): string {
    const characters = [...text];
    let offset = 0;
    const byOffset: number[] = [];
    characters.forEach((character, index) => {
        byOffset[offset] = index;
        offset += character.length;
    });
    for (const comment of services.parser.Lexer.tokenize(text).hidden) {
        for (let at = comment.startOffset; at <= comment.endOffset!; at++) {
            const index = byOffset[at];
            if (index !== undefined) characters[index] = 'c';
        }
    }
    return characters.join('');
}
