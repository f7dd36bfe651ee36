/**
 * The "Details that the table leaves open" of SPEC section 3, one by one, and the edges of each
 * rule (exactly half is not low reach, whole words for vanity metrics, `comes after`, ...).
 */
import { describe, expect, test } from 'vitest';
import { blockStatements } from '../../support/grammar-words.js';
import { codesOf, createTestServices, parser, withCode } from '../../support/helpers.js';
import { SEVERITY, healthy, lineOf, lineOfText, textAt } from '../../support/plan-fixtures.js';

const parse = parser();

/** A plan named P around the given declarations. */
function plan(inner: string): string {
    return `plan P "A plan" {\n${inner}\n}\n`;
}

/** A coalition with two trained managers (so few-managers stays quiet) plus the given members. */
function coalition(extraMembers = ''): string {
    return `coalition {
  member m1 "Mo" role middle-manager trained
  member m2 "Max" role operational-manager trained
  ${extraMembers}
}`;
}

async function diagnosticsOf(text: string, code: string) {
    const document = await parse(text);
    return { document, found: withCode(document, code) };
}

describe('duplicate-name', () => {
    test('sits on every declaration after the first of that name and kind', async () => {
        const text = plan(`coalition {
  member ana "First" role middle-manager
  member ana "Second" role operational-manager
  member ana "Third" role staff
}`);
        const { document, found } = await diagnosticsOf(text, 'duplicate-name');
        expect(found.map(lineOf)).toEqual([lineOfText(text, 'Second'), lineOfText(text, 'Third')]);
        expect(found.map(d => textAt(document, d))).toEqual(['ana', 'ana']);
    });

    test.each([
        ['member (across coalition blocks)', `coalition { member x "A" role staff }\ncoalition { member x "B" role staff }`],
        ['channel', `channel x "A" on youtube\nchannel x "B" on facebook`],
        ['initiative', `initiative x "A"\ninitiative x "B"`],
        ['stage', `stage x "A" { }\nstage x "B" { }`],
        ['project (across stages)', `stage s "S" { project x "A" { } }\nstage t "T" { project x "B" { } }`],
        ['goal (across stages)', `stage s "S" { goal x "A" }\nstage t "T" { goal x "B" }`],
        ['story', `stage s "S" { project p "P" { } }\nstage t "T" { story x "A" from p\nstory x "B" from p }`],
        ['metric of a goal', `stage s "S" { goal g "G" { metric x "A" target 1\nmetric x "B" target 2 } }`],
        ['metric of a project', `stage s "S" { project p "P" { metric x "A" target 1\nmetric x "B" target 2 } }`]
    ])('applies to a %s', async (kind, inner) => {
        const text = plan(inner);
        const { document, found } = await diagnosticsOf(text, 'duplicate-name');
        expect(found).toHaveLength(1);
        expect(textAt(document, found[0])).toBe('x');
        expect(lineOf(found[0])).toBe(lineOfText(text, '"B"'));
        expect(found[0].message).toMatch(kind.startsWith('metric') ? /metric of (goal|project)/ : new RegExp(kind.split(' ')[0]));
    });

    test('each kind has its own namespace, and metrics are unique per goal or project only', async () => {
        const text = plan(`coalition { member x "M" role staff }
channel x "C" on youtube
initiative x "I"
stage x "S" {
  goal x "G" { metric m "M" target 1 }
  goal y "G2" { metric m "M" target 1 }
  project x "P" { metric m "M" target 1 }
  story x "St" from x
}`);
        expect(codesOf(await parse(text))).not.toContain('duplicate-name');
    });
});

describe('stage-cycle', () => {
    test.each([
        ['a stage after itself', `stage a "A" after a { }`, ['a']],
        ['two stages after each other', `stage a "A" { }\nstage b "B" after c { }\nstage c "C" after b { }`, ['c', 'b']],
        ['an after that points to a later stage whose implicit predecessor leads back', `stage a "A" after b { }\nstage b "B" { }`, ['b']]
    ])('%s is a cycle, reported on each `after` in it', async (_name, inner, at) => {
        const { document, found } = await diagnosticsOf(plan(inner), 'stage-cycle');
        expect(found.map(d => textAt(document, d))).toEqual(at);
        expect(found.every(d => d.severity === SEVERITY.error)).toBe(true);
    });

    test('a stage after a cycle is not itself part of it', async () => {
        const { document, found } = await diagnosticsOf(plan(`stage a "A" { }\nstage b "B" after c { }\nstage c "C" after b { }\nstage d "D" after c { }`), 'stage-cycle');
        expect(found.map(d => textAt(document, d))).toEqual(['c', 'b']);
    });

    test('forward chains and branches are no cycle', async () => {
        const text = plan(`stage a "A" { mantra "Go" }\nstage b "B" after a { }\nstage c "C" after a { }\nstage d "D" after b { }`);
        expect(codesOf(await parse(text))).not.toContain('stage-cycle');
    });

    test('when every stage is in a cycle there is no initial stage: no mantra-missing', async () => {
        const codes = codesOf(await parse(plan(`stage a "A" after b { }\nstage b "B" { }`)));
        expect(codes).toContain('stage-cycle');
        expect(codes).not.toContain('mantra-missing');
    });
});

describe('unresolved-reference names the kind and the name', () => {
    test.each([
        ['member', 'involves', `stage s "S" { project p "P" { involves ghost } }`],
        ['member', 'audience', `stage s "S" { project p "P" { } }\nstage t "T" { story st "St" from p audience ghost }`],
        ['channel', 'launch', `stage s "S" { launch ghost }`],
        ['channel', 'uses', `stage s "S" { project p "P" { uses ghost } }`],
        ['initiative', 'supports', `stage s "S" { project p "P" { supports ghost } }`],
        ['stage', 'after', `stage s "S" after ghost { }`],
        ['project', 'from', `stage s "S" { story st "St" from ghost }`]
    ])('a %s in `%s`', async (kind, _keyword, inner) => {
        const { document, found } = await diagnosticsOf(plan(inner), 'unresolved-reference');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(SEVERITY.error);
        expect(textAt(document, found[0])).toBe('ghost');
        expect(found[0].message).toContain(`no ${kind} named 'ghost'`);
    });

    test('every unresolved name of a list is reported, the resolved ones are not', async () => {
        const text = plan(`${coalition()}\nstage s "S" { project p "P" { involves m1, ghost, m2, phantom } }`);
        const { document, found } = await diagnosticsOf(text, 'unresolved-reference');
        expect(found.map(d => textAt(document, d))).toEqual(['ghost', 'phantom']);
    });
});

describe('syntax-error', () => {
    test.each([
        ['an empty file', ''],
        ['only blanks', '   \n\n  '],
        ['only comments', '// nothing yet\n/* still nothing */\n']
    ])('%s gets one syntax-error saying a plan is expected', async (_name, text) => {
        const document = await parse(text);
        expect(codesOf(document)).toEqual(['syntax-error']);
        const [diagnostic] = withCode(document, 'syntax-error');
        expect(diagnostic.severity).toBe(SEVERITY.error);
        expect(diagnostic.message).toMatch(/This file holds no plan yet/);
        expect(diagnostic.message).toMatch(/plan Name "Title" \{ \}/);
    });

    test.each([
        ['a file that does not start with plan', 'hello', /'plan' is missing in the plan: add it before the name 'hello'\./],
        ['a plan without a name', 'plan "Title" { }', /A name is missing in the plan: add it after the keyword 'plan'\./],
        ['an unknown role', plan('coalition { member a "A" role boss }'), /Expected a role \(executive, middle-manager, operational-manager, early-adopter, staff or naysayer\) here in the member 'a', but found the name 'boss'\./],
        ['a misspelled statement in a stage', plan('stage s "S" { proj p "P" { } }'), /Unknown word 'proj' in the stage 's': did you mean 'project'\? The plan is read as if it were 'project'\./],
        ['a level that is not one', plan('stage s "S" { project p "P" { asynchrony extreme } }'), /The name 'extreme' does not fit here in the project 'p'\. What may stand here: a level \(low, medium or high\)\./],
        ['a target that is no number', plan('stage s "S" { goal g "G" { metric m "M" target lots } }'), /Expected a number here in the metric 'm', but found the name 'lots'\./],
        ['an empty involves list', plan('stage s "S" { project p "P" { involves } }'), /A name is missing in the project 'p': add it after the keyword 'involves'\./],
        ['a missing closing brace', 'plan P "T" {\n  stage s "S" { }\n', /Expected '\}' in the plan 'P', but the file ends here\. Add it, and close every \{ with \}\./],
        ['a title without its closing quote', 'plan P "Title {\n}', /no closing double quote/],
        ['a comment never closed', 'plan P "T" { /* oops }', /comment is never closed/],
        ['a character the language has no use for', 'plan P "T" { @ }', /Unexpected character '@'/],
        ['a second plan', 'plan P "T" { }\nplan Q "U" { }', /A file holds one plan/],
        ['a keyword in capitals', plan('Stage s "S" { }'), /Keywords are written in lower case: stage, not Stage in the plan 'P'\. The plan is read as if it were 'stage'\./],
        ['a level in capitals', plan('stage s "S" { project p "P" { crowdsourcing HIGH } }'), /Keywords are written in lower case: high, not HIGH in the project 'p'\./],
        ['a list without commas', plan('coalition { member a "A" role staff\nmember b "B" role staff }\nstage s "S" { project p "P" { involves a b } }'), /',' is missing in the project 'p': add it before the name 'b'\. Separate the names of a list with commas: a, b\./]
    ])('%s: the message says what was expected, in words', async (_name, text, pattern) => {
        const found = withCode(await parse(text), 'syntax-error');
        expect(found.length).toBeGreaterThan(0);
        expect(found.map(d => d.message).join('\n')).toMatch(pattern);
        for (const diagnostic of found) {
            expect(diagnostic.message).not.toMatch(/\b(ID|STRING|NUMBER|EOF|token|MismatchedToken|NoViableAlt)\b/);
            expect(diagnostic.severity).toBe(SEVERITY.error);
        }
    });

    test('an unknown statement in a project: the message lists what may stand in a project, in the grammar\'s order', async () => {
        const [found] = withCode(await parse(plan('stage s "S" { project p "P" { owns x } }')), 'syntax-error');
        const message = String(found.message);
        const start = "The name 'owns' does not fit here in the project 'p'. What may stand here: ";
        const end = '. The 2 tokens from here are left out until the text fits again.';
        expect(message.startsWith(start) && message.endsWith(end), message).toBe(true);
        const listed = message.slice(start.length, -end.length);
        const words = blockStatements(createTestServices().Grammar, 'Project').flat();
        const at = words.map(word => listed.search(new RegExp(`\\b${word}\\b`)));
        expect(at.every(index => index >= 0), listed).toBe(true);
        expect(at).toEqual([...at].sort((a, b) => a - b));
    });

    test.each([
        ['project', 'stage s "S" { project middle-manager "L" { } }', 'middle-manager'],
        ['member', 'coalition { member early-adopter "S" role staff }', 'early-adopter'],
        ['stage', 'stage operational-manager "L" { }', 'operational-manager']
    ])('a keyword that is no identifier used as the name of a %s: the message says what a name is made of', async (kind, inner, word) => {
        const found = withCode(await parse(plan(inner)), 'syntax-error');
        expect(found.length).toBeGreaterThan(0);
        expect(found[0].message).toBe(`Expected a name here in the ${kind}, but found the keyword '${word}'. A name starts with a letter or _, followed by letters, digits or _ (no spaces, dashes or accents).`);
    });

    test.each([
        ['a project', 'stage s "S" { project low "L" { } }'],
        ['a member, and a reference to it', 'coalition { member staff "S" role staff }\nstage s "S" { project p "P" { involves staff } }'],
        ['a stage', 'stage launch "L" { }']
    ])('a word of the language as the name of %s: no syntax error', async (_name, inner) => {
        expect(withCode(await parse(plan(inner)), 'syntax-error')).toEqual([]);
    });

    test('no message speaks of a declaration whose name did not parse as \'undefined\'', async () => {
        const texts = [
            plan('stage low "L" { project high "H" { metric fans "F" } goal medium "G" }'),
            plan('coalition { member staff "N" role naysayer }\nstage s "S" { mantra "Go" }\nstage t "T" { story low "St" from ghost }'),
            plan('coalition { member m "M" role staff trained }\ninitiative i "I"\nstage s "S" { project low "L" { supports i involves m asynchrony geography crowdsourcing } }')
        ];
        for (const text of texts) {
            const messages = ((await parse(text)).diagnostics ?? []).map(d => d.message);
            expect(messages.length).toBeGreaterThan(0);
            expect(messages.filter(message => /undefined/.test(String(message)))).toEqual([]);
        }
    });

    test.each([
        ['a word of garbage', 'hello', ['syntax-error', 'syntax-error']],
        ['a plan header without its body', 'plan P "Title"', ['syntax-error']],
        ['a plan without the keyword plan', 'P "Title" { }', ['syntax-error', 'few-managers']]
    ])('%s: plan-wide checks only run once the plan has a body', async (_name, text, codes) => {
        expect(codesOf(await parse(text))).toEqual(codes);
    });

    test('the rest of the file keeps its diagnostics after a syntax error', async () => {
        const text = healthy(['role operational-manager trained', 'role boss trained'], ['      supports rounds\n', '']);
        const codes = codesOf(await parse(text));
        expect(codes).toContain('syntax-error');
        expect(codes).toContain('freestanding-project');
    });
});

describe('virtual-before-human', () => {
    const stages = (launches: string) => `stage start "Start" {\n  mantra "Go"\n  ${launches}\n}\nstage next "Next" { }`;
    const channels = `channel yt "YouTube" on youtube\nchannel fb "Facebook" on facebook`;

    test('a launch in the initial stage, with enough managers: the reason is the initial stage', async () => {
        const { found } = await diagnosticsOf(plan(`${coalition()}\n${channels}\n${stages('launch yt')}`), 'virtual-before-human');
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/'start' is the initial stage/);
        expect(found[0].message).not.toMatch(/fewer than 2 managers/);
        expect(found[0].data).toMatchObject({ code: 'virtual-before-human', targetStage: 'next' });
    });

    test('a launch in a later stage while the coalition has fewer than two managers: the reason is the managers', async () => {
        const text = plan(`coalition { member m1 "Mo" role middle-manager }\n${channels}\nstage start "Start" { mantra "Go" }\nstage next "Next" { launch yt }`);
        const { found } = await diagnosticsOf(text, 'virtual-before-human');
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/fewer than 2 managers/);
        expect(found[0].message).not.toMatch(/initial stage/);
        expect(found[0].message).toMatch(/Win over more managers first/);
        expect(found[0].data).not.toHaveProperty('targetStage');
    });

    test('both reasons: still one diagnostic per launch statement, giving both reasons', async () => {
        const text = plan(`${channels}\n${stages('launch yt\n  launch fb')}`);
        const { document, found } = await diagnosticsOf(text, 'virtual-before-human');
        expect(found.map(d => textAt(document, d))).toEqual(['launch yt', 'launch fb']);
        for (const diagnostic of found) {
            expect(diagnostic.message).toMatch(/initial stage/);
            expect(diagnostic.message).toMatch(/fewer than 2 managers/);
        }
    });

    test('one launch statement of several channels is one diagnostic', async () => {
        const { found } = await diagnosticsOf(plan(`${coalition()}\n${channels}\n${stages('launch yt, fb')}`), 'virtual-before-human');
        expect(found).toHaveLength(1);
    });

    test('a launch in a later stage with two managers is fine', async () => {
        const text = plan(`${coalition()}\n${channels}\nstage start "Start" { mantra "Go" }\nstage next "Next" { launch yt, fb }`);
        expect(codesOf(await parse(text))).not.toContain('virtual-before-human');
    });

    test('the fix target is the stage that has the initial stage as predecessor, not merely the next declared', async () => {
        const text = plan(`${coalition()}\n${channels}\nstage start "Start" { mantra "Go"\n launch yt }\nstage later "L" after mid { }\nstage mid "M" after start { }`);
        const { found } = await diagnosticsOf(text, 'virtual-before-human');
        expect(found[0].data).toMatchObject({ targetStage: 'mid' });
    });

    test('no target stage when nothing comes directly after the initial stage', async () => {
        const { found } = await diagnosticsOf(plan(`${coalition()}\n${channels}\nstage start "Start" { mantra "Go"\n launch yt }`), 'virtual-before-human');
        expect(found).toHaveLength(1);
        expect(found[0].data).not.toHaveProperty('targetStage');
    });
});

describe('few-managers', () => {
    test('sits on the plan name when there is no coalition', async () => {
        const { document, found } = await diagnosticsOf(plan('initiative i "I"'), 'few-managers');
        expect(found).toHaveLength(1);
        expect(textAt(document, found[0])).toBe('P');
        expect(found[0].message).toMatch(/has no managers/);
    });

    test('sits on the first coalition keyword, and counts the managers of every coalition block', async () => {
        const split = plan(`coalition { member m1 "Mo" role middle-manager }\ncoalition { member m2 "Max" role operational-manager }`);
        expect(codesOf(await parse(split))).not.toContain('few-managers');
        const text = plan(`coalition { member m1 "Mo" role middle-manager }\ncoalition { member s "Sam" role staff }`);
        const { document, found } = await diagnosticsOf(text, 'few-managers');
        expect(found).toHaveLength(1);
        expect(textAt(document, found[0])).toBe('coalition');
        expect(lineOf(found[0])).toBe(2);
    });

    test('counts distinct member names: a manager declared twice is one manager', async () => {
        const { found } = await diagnosticsOf(plan(`coalition {\n member m1 "Mo" role middle-manager\n member m1 "Mo" role middle-manager\n}`), 'few-managers');
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/only 1 manager\b/);
    });

    test.each(['executive', 'early-adopter', 'staff', 'naysayer'])('a %s is not a manager', async role => {
        const { found } = await diagnosticsOf(plan(`coalition {\n member m1 "Mo" role middle-manager\n member x "X" role ${role}\n}`), 'few-managers');
        expect(found).toHaveLength(1);
    });
});

describe('untrained-project', () => {
    const withProject = (members: string, involves: string) =>
        plan(`${coalition(members)}\nstage s "S" { mantra "Go" }\nstage t "T" { project p "P" { involves ${involves} } }`);

    test.each([
        ['only untrained willing members', 'member u "U" role staff', 'u', true],
        ['a trained naysayer and an untrained willing member', 'member u "U" role staff\nmember n "N" role naysayer trained', 'u, n', true],
        ['a trained willing member', 'member u "U" role staff', 'u, m1', false],
        ['only a naysayer', 'member n "N" role naysayer', 'n', false],
        ['only a name that is not declared', '', 'ghost', false]
    ])('a project that involves %s: %s', async (_name, members, involves, expected) => {
        const codes = codesOf(await parse(withProject(members, involves)));
        expect(codes.includes('untrained-project')).toBe(expected);
    });

    test('a project that involves nobody is not reported', async () => {
        const text = plan(`${coalition()}\nstage s "S" { mantra "Go" }\nstage t "T" { project p "P" { } }`);
        expect(codesOf(await parse(text))).not.toContain('untrained-project');
    });
});

describe('goal-without-metric and metric-without-target', () => {
    test.each([
        ['a goal without a block', 'goal g "G"', 1],
        ['a goal with an empty block', 'goal g "G" { }', 1],
        ['a goal with a metric', 'goal g "G" { metric m "M" target 1 }', 0]
    ])('%s', async (_name, goal, count) => {
        const { found } = await diagnosticsOf(plan(`stage s "S" { ${goal} }`), 'goal-without-metric');
        expect(found).toHaveLength(count);
    });

    test.each([
        ['a goal metric without a target', 'goal g "G" { metric m "M" }', 1],
        ['a project metric without a target', 'project p "P" { metric m "M" }', 1],
        ['a percentage target', 'goal g "G" { metric m "M" target 60% }', 0],
        ['a decimal target', 'goal g "G" { metric m "M" target 12.5 }', 0],
        ['a count target', 'project p "P" { metric m "M" target 500 }', 0]
    ])('%s', async (_name, body, count) => {
        const { document, found } = await diagnosticsOf(plan(`stage s "S" { ${body} }`), 'metric-without-target');
        expect(found).toHaveLength(count);
        if (count) expect(textAt(document, found[0])).toBe('m');
    });
});

describe('vanity-metric', () => {
    const goalWith = (...metrics: string[]) => plan(`stage s "S" { goal g "G" {\n${metrics.map(m => `metric ${m} target 1`).join('\n')}\n} }`);

    test.each([
        ['likes in the title', 'm "Page likes"', true],
        ['a singular like', 'm "Every like counts"', true],
        ['upper-case FOLLOWERS', 'm "New FOLLOWERS"', true],
        ['follower', 'm "Cost per follower"', true],
        ['subscribers', 'm "Channel subscribers"', true],
        ['subscriber', 'm "Subscriber growth"', true],
        ['fans', 'm "Fans of the page"', true],
        ['fan', 'm "Fan count"', true],
        ['a vanity word in the name only', 'fans "Audience size"', true],
        ['a vanity word as a word of a camelCase name', 'pageLikes "Audience size"', true],
        ['a vanity word as a word of a snake_case name', 'fan_count "Audience size"', true],
        ['likelihood (not a whole word)', 'm "Likelihood of adoption"', false],
        ['fanatics (not a whole word)', 'm "Fanatics converted"', false],
        ['unlike (not a whole word)', 'm "Unlike last year"', false],
        ['subscriptions (not the word)', 'm "Newsletter subscriptions"', false],
        ['a metric of real change', 'm "Questions answered"', false]
    ])('a goal measured only by a metric with %s: %s', async (_name, metric, expected) => {
        expect(codesOf(await parse(goalWith(metric))).includes('vanity-metric')).toBe(expected);
    });

    test('every metric must count vanity: one real metric among vanity ones is enough', async () => {
        expect(withCode(await parse(goalWith('a "Likes"', 'b "Followers"')), 'vanity-metric')).toHaveLength(1);
        expect(withCode(await parse(goalWith('a "Likes"', 'b "Staff trained"')), 'vanity-metric')).toHaveLength(0);
    });

    test('sits on the goal or project name; a goal or project without metrics does not trigger it', async () => {
        const text = plan(`stage s "S" {\n goal g "G"\n goal h "H" { metric a "Likes" target 1 }\n project p "P" { metric b "Fans" target 1 }\n project q "Q" { }\n}`);
        const { document, found } = await diagnosticsOf(text, 'vanity-metric');
        expect(found.map(d => textAt(document, d))).toEqual(['h', 'p']);
        expect(found[0].message).toMatch(/^Goal 'h'/);
        expect(found[1].message).toMatch(/^Project 'p'/);
    });
});

describe('no-quick-wins', () => {
    test('a plan without projects does not trigger it', async () => {
        expect(codesOf(await parse(plan(`${coalition()}\nstage s "S" { mantra "Go" }`)))).not.toContain('no-quick-wins');
    });

    test('sits on the plan name and names the best candidate with what it lacks', async () => {
        const text = healthy(['involves ana, ben', 'involves dee']);
        const { document, found } = await diagnosticsOf(text, 'no-quick-wins');
        expect(found).toHaveLength(1);
        expect(textAt(document, found[0])).toBe('Healthy');
        expect(found[0].message).toMatch(/'stream'/);
        expect(found[0].message).toMatch(/involve at least one trained, willing member/);
    });
});

describe('story-before-project', () => {
    const stories = (stageHeaders: [string, string, string], storyStage: 0 | 1 | 2) => {
        const body = ['', 'project p "P" { }', ''];
        body[storyStage] += '\nstory st "St" from p';
        return plan(stageHeaders.map((header, i) => `${header} {\n${body[i]}\n}`).join('\n'));
    };
    const chain: [string, string, string] = ['stage a "A"', 'stage b "B"', 'stage c "C"'];

    test.each([
        ['in the same stage as its project', chain, 1, true],
        ['in an earlier stage', chain, 0, true],
        ['in a later stage (declaration order)', chain, 2, false],
        ['in a later stage (after)', ['stage a "A"', 'stage b "B"', 'stage c "C" after b'], 2, false],
        ['in a sibling branch that does not come after the project stage', ['stage a "A"', 'stage b "B"', 'stage c "C" after a'], 2, true]
    ] as const)('a story %s: %s', async (_name, headers, storyStage, expected) => {
        const codes = codesOf(await parse(stories([...headers] as [string, string, string], storyStage)));
        expect(codes.includes('story-before-project')).toBe(expected);
    });

    test('a story of an unresolved project is only unresolved', async () => {
        const codes = codesOf(await parse(plan('stage a "A" { story st "St" from ghost }')));
        expect(codes).toContain('unresolved-reference');
        expect(codes).not.toContain('story-before-project');
    });
});

describe('freestanding-project', () => {
    test('a project whose only supported initiative is not declared is freestanding too', async () => {
        const codes = codesOf(await parse(healthy(['supports rounds', 'supports ghost'])));
        expect(codes).toContain('freestanding-project');
        expect(codes).toContain('unresolved-reference');
    });
});

describe('untapped-opportunity', () => {
    test.each([
        ['no traits', '', ['asynchrony', 'geography', 'crowdsourcing']],
        ['asynchrony only', 'asynchrony low', ['geography', 'crowdsourcing']],
        ['geography and crowdsourcing', 'crowdsourcing medium\ngeography', ['asynchrony']]
    ])('one diagnostic per project listing what is missing: %s', async (_name, traits, missing) => {
        const { found } = await diagnosticsOf(plan(`stage s "S" { project p "P" {\n${traits}\n} }`), 'untapped-opportunity');
        expect(found).toHaveLength(1);
        expect(found[0].data).toMatchObject({ missingTraits: missing });
        expect(found[0].message).toContain(`leaves untapped: ${missing.join(', ')}.`);
    });

    test('all three traits at any level leave nothing untapped', async () => {
        const text = plan('stage s "S" { project p "P" { asynchrony low geography medium crowdsourcing } }');
        expect(codesOf(await parse(text))).not.toContain('untapped-opportunity');
    });
});

describe('low-reach counts heads of willing members', () => {
    const reach = (members: string, involves: string) =>
        plan(`coalition {\n${members}\n}\nstage s "S" { project p "P" { involves ${involves} } }`);
    const four = 'member a "A" role middle-manager trained\nmember b "B" role operational-manager\nmember c "C" role staff\nmember d "D" role staff';

    test.each([
        ['exactly half (2 of 4) is not low', four, 'a, b', false],
        ['exactly half, untrained heads (2 of 4)', four, 'c, d', false],
        ['fewer than half (1 of 4)', four, 'a', true],
        ['fewer than half (1 of 3)', 'member a "A" role staff\nmember b "B" role staff\nmember c "C" role staff', 'a', true],
        ['a name listed twice counts once (1 of 4)', four, 'a, a', true],
        ['naysayers are not willing: 1 of 2 willing is half', 'member a "A" role staff\nmember b "B" role staff\nmember n "N" role naysayer\nmember o "O" role naysayer', 'a', false],
        ['involving naysayers adds no head (0 of 2)', 'member a "A" role staff\nmember b "B" role staff\nmember n "N" role naysayer', 'n', true],
        ['an unresolved name adds no head (1 of 4)', four, 'a, ghost', true],
        ['no willing members: nothing to reach', 'member n "N" role naysayer', 'n', false],
        ['nobody involved in an empty coalition', '', 'ghost', false]
    ])('%s', async (_name, members, involves, expected) => {
        const { document, found } = await diagnosticsOf(reach(members, involves), 'low-reach');
        expect(found).toHaveLength(expected ? 1 : 0);
        if (expected) expect(textAt(document, found[0])).toBe('p');
    });
});

describe('road-show-missing', () => {
    test('sits on the plan name and names the top quick win in its data', async () => {
        const text = healthy(
            ['story reachStory "Rounds reach three campuses" from stream\n    audience dee', ''],
            ['    project stream', '    project second "Second" { supports rounds involves ana, ben asynchrony geography crowdsourcing medium }\n    project stream']
        );
        const { document, found } = await diagnosticsOf(text, 'road-show-missing');
        expect(found).toHaveLength(1);
        expect(textAt(document, found[0])).toBe('Healthy');
        expect(found[0].message).toMatch(/2 quick wins but no story/);
        expect(found[0].data).toMatchObject({ project: 'stream' });
    });

    test('no quick wins and no story: nothing to put on the road show', async () => {
        const text = healthy(['story reachStory "Rounds reach three campuses" from stream\n    audience dee', ''], ['supports rounds', '']);
        expect(codesOf(await parse(text))).not.toContain('road-show-missing');
    });
});

describe('naysayer-unreached', () => {
    test('one per naysayer outside every audience, with the first story in its data', async () => {
        const text = healthy(['member dee "Dee" role naysayer', 'member dee "Dee" role naysayer\n    member nell "Nell" role naysayer\n    member ned "Ned" role naysayer'],
            ['    audience dee', '    audience dee\n    story other "Other" from stream audience ned']);
        const { document, found } = await diagnosticsOf(text, 'naysayer-unreached');
        expect(found.map(d => textAt(document, d))).toEqual(['nell']);
        expect(found[0].data).toMatchObject({ story: 'reachStory' });
    });

    test('without any story the naysayer is unreached and no story is offered', async () => {
        const text = plan(`${coalition('member n "N" role naysayer')}\nstage s "S" { mantra "Go" }`);
        const { found } = await diagnosticsOf(text, 'naysayer-unreached');
        expect(found).toHaveLength(1);
        expect(found[0].data).not.toHaveProperty('story');
    });
});

describe('mantra-missing', () => {
    test('only the initial stage needs the mantra: one in a later stage does not count', async () => {
        const { document, found } = await diagnosticsOf(plan('stage a "A" { }\nstage b "B" { mantra "The status quo must go!" }'), 'mantra-missing');
        expect(found.map(d => textAt(document, d))).toEqual(['a']);
    });

    test('a later stage without a mantra is fine, and so is a plan without stages', async () => {
        expect(codesOf(await parse(plan('stage a "A" { mantra "Go" }\nstage b "B" { }')))).not.toContain('mantra-missing');
        expect(codesOf(await parse(plan('initiative i "I"')))).not.toContain('mantra-missing');
    });
});
