/**
 * The ten checks of the living plan (SPEC section 7), one by one, at their edges: where each
 * diagnostic sits, its severity, what its message says, and when it stays quiet. "Today" is fixed
 * at 1 March 2027. The healthy plan (tests/support/plan-fixtures.ts) has none of these
 * diagnostics; each test edits it.
 */
import { describe, expect, test } from 'vitest';
import { createTestServices, parser, withCode } from '../../support/helpers.js';
import { HEALTHY_PLAN, SEVERITY, healthy, lineOf, lineOfText, textAt } from '../../support/plan-fixtures.js';

const TODAY = '2027-03-01';

function parserOn(today = TODAY) {
    const services = createTestServices();
    services.model.Today.set(today);
    return parser(services);
}

const parse = parserOn();

async function found(text: string, code: string, parseWith = parse) {
    const document = await parseWith(text);
    const diagnostics = withCode(document, code);
    return { document, diagnostics, texts: diagnostics.map(diagnostic => textAt(document, diagnostic)), messages: diagnostics.map(diagnostic => String(diagnostic.message)) };
}

const NEW_CODES = [
    'invalid-date', 'stage-window-reversed', 'channel-not-launched', 'untrained-managers', 'action-outside-stage', 'overdue-action',
    'stage-window-order', 'untold-quick-win', 'story-from-non-quick-win', 'action-without-owner'
];

/** The roll-out stage of the healthy plan with a window. */
const WINDOW: [string, string] = ['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-01-10 to 2027-06-30 {'];

/** An action in the roll-out stage, owned by ana. */
function action(attributes: string): [string, string] {
    return ['    launch yt\n', `    launch yt\n    action act "An action" owner ana ${attributes}\n`];
}

test('the healthy plan has none of the new diagnostics', async () => {
    const document = await parse(HEALTHY_PLAN);
    expect((document.diagnostics ?? []).map(d => d.code)).toEqual([]);
    for (const code of NEW_CODES) expect(withCode(document, code)).toEqual([]);
});

describe('invalid-date', () => {
    test.each([
        ['a stage\'s from', ['stage start "Build human bandwidth" {', 'stage start "Build human bandwidth" from 2027-02-30 {'], '2027-02-30', /^2027-02-30 is not a date: February 2027 has 28 days\. Correct the date of stage 'start'\.$/],
        ['a stage\'s to', ['stage start "Build human bandwidth" {', 'stage start "Build human bandwidth" to 2027-13-01 {'], '2027-13-01', /the month must be 01 to 12\. Correct the date of stage 'start'/],
        ['an action\'s due date', action('due 0000-01-01'), '0000-01-01', /^0000-01-01 is not a date: there is no year 0000\. Correct the due date of action 'act'\.$/]
    ])('%s: an error on the date, saying why it is none', async (_name, replacement, date, message) => {
        const { diagnostics, texts, messages } = await found(healthy(replacement as [string, string]), 'invalid-date');
        expect(texts).toEqual([date]);
        expect(diagnostics[0].severity).toBe(SEVERITY.error);
        expect(messages[0]).toMatch(message);
    });

    test('a date that is not a calendar date takes part in no other check', async () => {
        const text = healthy(
            ['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-02-30 to 2027-01-01 {'],
            action('due 2027-02-29')
        );
        const document = await parse(text);
        expect(withCode(document, 'invalid-date').map(d => textAt(document, d))).toEqual(['2027-02-30', '2027-02-29']);
        for (const code of ['stage-window-reversed', 'stage-window-order', 'action-outside-stage', 'overdue-action']) expect(withCode(document, code)).toEqual([]);
    });
});

describe('stage-window-reversed', () => {
    test('a stage whose to is before its from: an error on to', async () => {
        const { diagnostics, texts, messages } = await found(healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-06-30 to 2027-01-10 {']), 'stage-window-reversed');
        expect(texts).toEqual(['2027-01-10']);
        expect(diagnostics[0].severity).toBe(SEVERITY.error);
        expect(messages[0]).toBe("Stage 'rollout' ends (to 2027-01-10) before it starts (from 2027-06-30). Swap the two dates, or correct one of them.");
    });

    test('a window of one day, or with one end only, is fine', async () => {
        for (const window of ['from 2027-01-10 to 2027-01-10', 'from 2027-01-10', 'to 2027-01-10']) {
            expect((await found(healthy(['stage rollout "Roll-out" {', `stage rollout "Roll-out" ${window} {`]), 'stage-window-reversed')).diagnostics).toEqual([]);
        }
    });
});

describe('channel-not-launched', () => {
    test('a project uses a channel that no launch opens: a warning on the channel in uses, with the stage to launch it in', async () => {
        const { diagnostics, texts, messages, document } = await found(healthy(['    launch yt\n', '']), 'channel-not-launched');
        expect(texts).toEqual(['yt']);
        expect(lineOf(diagnostics[0])).toBe(lineOfText(document.textDocument.getText(), 'uses yt'));
        expect(diagnostics[0].severity).toBe(SEVERITY.warning);
        expect(messages[0]).toBe("Project 'stream' uses the channel 'yt', which no launch opens by its stage 'rollout'. Launch it in that stage or in one before it (launch yt), or use a channel that is launched.");
        expect(diagnostics[0].data).toMatchObject({ code: 'channel-not-launched', channel: 'yt', stage: 'rollout' });
    });

    test('a launch in a later stage does not open it in time', async () => {
        const text = healthy(['    launch yt\n', ''], ['  stage show "Road show" {\n', '  stage show "Road show" {\n    launch yt\n']);
        expect((await found(text, 'channel-not-launched')).texts).toEqual(['yt']);
    });

    test('a launch in a stage the project\'s stage comes after, or in its own stage after the project, opens it', async () => {
        const earlier = healthy(['    launch yt\n', ''], ['    mantra "The status quo must go!"\n', '    mantra "The status quo must go!"\n    launch yt\n']);
        expect((await found(earlier, 'channel-not-launched')).diagnostics).toEqual([]);
        const later = healthy(['    launch yt\n', ''], ['      metric views "Archive views per month" target 500\n    }\n', '      metric views "Archive views per month" target 500\n    }\n    launch yt\n']);
        expect((await found(later, 'channel-not-launched')).diagnostics).toEqual([]);
    });

    test('each unlaunched channel of a list, once per mention; an undeclared one is left to unresolved-reference', async () => {
        const text = healthy(
            ['  channel yt "YouTube channel" on youtube\n', '  channel yt "YouTube channel" on youtube\n  channel fb "Facebook page" on facebook\n  channel wiki "Wiki" on wiki\n'],
            ['      uses yt\n', '      uses fb, yt, ghost, wiki\n']
        );
        expect((await found(text, 'channel-not-launched')).texts).toEqual(['fb', 'wiki']);
    });
});

describe('untrained-managers', () => {
    test('fewer than half of the managers trained, and a launch: a warning on the first coalition keyword', async () => {
        const text = healthy(['    member ben "Ben" role operational-manager trained\n', '    member ben "Ben" role operational-manager\n    member cy "Cy" role middle-manager\n']);
        const { diagnostics, texts, messages } = await found(text, 'untrained-managers');
        expect(texts).toEqual(['coalition']);
        expect(diagnostics[0].severity).toBe(SEVERITY.warning);
        expect(messages[0]).toBe("Only 1 of the coalition's 3 managers is trained, and the plan launches channels. Train at least half of the managers (mark them trained) before the launch: they are the ones who show the others how.");
    });

    test('no manager trained', async () => {
        const text = healthy(['role middle-manager unit "Cardiology" trained', 'role middle-manager unit "Cardiology"'], ['role operational-manager trained', 'role operational-manager']);
        expect((await found(text, 'untrained-managers')).messages).toEqual([expect.stringMatching(/^None of the coalition's 2 managers are trained/)]);
    });

    test('quiet when half are trained, without a launch, or with fewer than two managers', async () => {
        const half = healthy(['role operational-manager trained', 'role operational-manager']);
        const noLaunch = healthy(['role operational-manager trained', 'role operational-manager'], ['role middle-manager unit "Cardiology" trained', 'role middle-manager unit "Cardiology"'], ['    launch yt\n', '']);
        const oneManager = healthy(['member ben "Ben" role operational-manager trained', 'member ben "Ben" role staff'], ['role middle-manager unit "Cardiology" trained', 'role middle-manager unit "Cardiology"']);
        for (const text of [half, noLaunch, oneManager]) expect((await found(text, 'untrained-managers')).diagnostics).toEqual([]);
    });

    test('managers count once per name, over every coalition block', async () => {
        // ana (trained) and ben (not) in the first block; ben again in a second block: 1 of 2 trained, half.
        const text = healthy(['role operational-manager trained', 'role operational-manager'], ['  channel yt', '  coalition {\n    member ben "Ben again" role middle-manager\n  }\n  channel yt']);
        expect((await found(text, 'untrained-managers')).diagnostics).toEqual([]);
    });
});

describe('action-outside-stage', () => {
    test.each([
        ['after the window', 'due 2027-07-01', 'after', '1 July 2027'],
        ['before the window', 'due 2027-01-09', 'before', '9 January 2027']
    ])('due %s: a warning on the due date', async (_name, due, side, spoken) => {
        const { diagnostics, texts, messages } = await found(healthy(WINDOW, action(due)), 'action-outside-stage');
        expect(texts).toEqual([due.slice(4)]);
        expect(diagnostics[0].severity).toBe(SEVERITY.warning);
        expect(messages[0]).toBe(`Action 'act' is due on ${spoken}, ${side} its stage 'rollout' (from 2027-01-10 to 2027-06-30). Move the due date into the stage's window, or the action to the stage it belongs to.`);
    });

    test('an action in a project is judged by the project\'s stage', async () => {
        const text = healthy(WINDOW, ['      uses yt\n', '      uses yt\n      action inside "Inside" owner ana due 2027-09-01 done\n']);
        expect((await found(text, 'action-outside-stage')).texts).toEqual(['2027-09-01']);
    });

    test('on the first and the last day, with one end of the window only, or without a window: quiet', async () => {
        const cases = [
            healthy(WINDOW, action('due 2027-01-10')),
            healthy(WINDOW, action('due 2027-06-30')),
            healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-01-10 {'], action('due 2030-01-01')),
            healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" to 2027-06-30 {'], action('due 2020-01-01')),
            healthy(action('due 2020-01-01 done'))
        ];
        for (const text of cases) expect((await found(text, 'action-outside-stage')).diagnostics).toEqual([]);
    });

    test('one end of the window is enough to fall outside it', async () => {
        const text = healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" to 2027-06-30 {'], action('due 2027-07-01 done'));
        expect((await found(text, 'action-outside-stage')).messages[0]).toMatch(/after its stage 'rollout' \(to 2027-06-30\)/);
    });
});

describe('overdue-action (today: 1 March 2027)', () => {
    test('due before today and not done: a warning on the due date', async () => {
        const { diagnostics, texts, messages } = await found(healthy(action('due 2027-02-28 doing')), 'overdue-action');
        expect(texts).toEqual(['2027-02-28']);
        expect(diagnostics[0].severity).toBe(SEVERITY.warning);
        expect(messages[0]).toBe("Action 'act' was due on 28 February 2027 and is not done. Mark it done if it is, or give it a new due date.");
        expect(diagnostics[0].data).toMatchObject({ code: 'overdue-action', action: 'act' });
    });

    test('a blocked action says so', async () => {
        expect((await found(healthy(action('due 2027-02-01 blocked')), 'overdue-action')).messages[0]).toMatch(/is not done\. It is blocked: unblock it or plan it again\./);
    });

    test('without a status (todo) it is overdue too', async () => {
        expect((await found(healthy(action('due 2027-02-01')), 'overdue-action')).texts).toEqual(['2027-02-01']);
    });

    test('quiet when due today or later, when done, or without a due date', async () => {
        for (const attributes of ['due 2027-03-01', 'due 2027-03-02 todo', 'due 2027-01-01 done', 'doing']) {
            expect((await found(healthy(action(attributes)), 'overdue-action')).diagnostics, attributes).toEqual([]);
        }
    });

    test('today decides: the same plan judged on another day', async () => {
        const text = healthy(action('due 2027-02-28'));
        expect((await found(text, 'overdue-action', parserOn('2027-02-28'))).diagnostics).toEqual([]);
        expect((await found(text, 'overdue-action', parserOn('2027-03-01'))).texts).toEqual(['2027-02-28']);
    });
});

describe('stage-window-order', () => {
    const rolloutFrom = (date: string): [string, string] => ['stage rollout "Roll-out" {', `stage rollout "Roll-out" from ${date} {`];
    const showFrom = (date: string): [string, string] => ['stage show "Road show" {', `stage show "Road show" from ${date} {`];

    test('a stage that starts before its predecessor starts: a warning on its from', async () => {
        const { diagnostics, texts, messages } = await found(healthy(rolloutFrom('2027-03-01'), showFrom('2027-02-01')), 'stage-window-order');
        expect(texts).toEqual(['2027-02-01']);
        expect(diagnostics[0].severity).toBe(SEVERITY.warning);
        expect(messages[0]).toBe("Stage 'show' starts on 1 February 2027, before the stage it follows, 'rollout', starts (1 March 2027). Start it later, or change the order of the stages.");
    });

    test('the predecessor is the after stage when one is named', async () => {
        // show comes after start (not rollout): start from 2027-01-01, show from 2027-02-01 is in order, though rollout starts later.
        const text = healthy(['stage start "Build human bandwidth" {', 'stage start "Build human bandwidth" from 2027-01-01 {'], rolloutFrom('2027-03-01'),
            ['stage show "Road show" {', 'stage show "Road show" after start from 2027-02-01 {']);
        expect((await found(text, 'stage-window-order')).diagnostics).toEqual([]);
    });

    test('quiet on the same start, a later start, or where either start is not given', async () => {
        const cases = [
            healthy(rolloutFrom('2027-03-01'), showFrom('2027-03-01')),
            healthy(rolloutFrom('2027-03-01'), showFrom('2027-04-01')),
            healthy(showFrom('2020-01-01')),
            healthy(rolloutFrom('2027-03-01'), ['stage show "Road show" {', 'stage show "Road show" to 2027-01-01 {'])
        ];
        for (const text of cases) expect((await found(text, 'stage-window-order')).diagnostics).toEqual([]);
    });
});

describe('untold-quick-win', () => {
    const SECOND_QUICK_WIN = `    project wiki "Shared wiki" {
      supports rounds
      involves ana, ben
      asynchrony
      geography
      crowdsourcing
      uses yt
    }
`;

    test('a quick win no story is told from, in a plan with a story: information on its name', async () => {
        const text = healthy(['  stage show', `  stage extra "Extra" {\n    launch yt\n${SECOND_QUICK_WIN}  }\n  stage show`]);
        const { diagnostics, texts, messages } = await found(text, 'untold-quick-win');
        expect(texts).toEqual(['wiki']);
        expect(diagnostics[0].severity).toBe(SEVERITY.information);
        expect(messages[0]).toBe("Project 'wiki' is a quick win (score 100) that no story is told from. Turn it into a success story for the internal road show.");
        expect(diagnostics[0].data).toMatchObject({ code: 'untold-quick-win', project: 'wiki' });
    });

    test('without any story, road-show-missing speaks instead', async () => {
        const text = healthy(['    story reachStory "Rounds reach three campuses" from stream\n    audience dee\n', '']);
        const document = await parse(text);
        expect(withCode(document, 'untold-quick-win')).toEqual([]);
        expect(withCode(document, 'road-show-missing')).toHaveLength(1);
    });
});

describe('story-from-non-quick-win', () => {
    test('a story from a project that is not a quick win: information on the project named in the story', async () => {
        const text = healthy(['      crowdsourcing\n', '']);
        const { diagnostics, texts, messages } = await found(text, 'story-from-non-quick-win');
        expect(texts).toEqual(['stream']);
        expect(diagnostics[0].severity).toBe(SEVERITY.information);
        expect(messages[0]).toBe("Story 'reachStory' is told from 'stream', which is not a quick win (score 79): add the trait crowdsourcing. A road show needs success stories: tell one from a quick win, or make 'stream' one first.");
    });

    test('a story from a name that is not declared is left to unresolved-reference', async () => {
        const document = await parse(healthy(['from stream', 'from ghost']));
        expect(withCode(document, 'story-from-non-quick-win')).toEqual([]);
        expect(withCode(document, 'unresolved-reference')).toHaveLength(1);
    });
});

describe('action-without-owner', () => {
    test('an action not done without an owner: information on its name', async () => {
        const text = healthy(['    launch yt\n', '    launch yt\n    action loose "Loose end" due 2027-04-01 doing\n']);
        const { diagnostics, texts, messages } = await found(text, 'action-without-owner');
        expect(texts).toEqual(['loose']);
        expect(diagnostics[0].severity).toBe(SEVERITY.information);
        expect(messages[0]).toBe("Action 'loose' has no owner. Name the coalition member who sees it through: owner NAME, after its title.");
    });

    test('quiet for a done action, or one with an owner (a naysayer may own one)', async () => {
        const cases = [
            healthy(['    launch yt\n', '    launch yt\n    action finished "Finished" done\n']),
            healthy(['    launch yt\n', '    launch yt\n    action owned "Owned" owner dee\n'])
        ];
        for (const text of cases) expect((await found(text, 'action-without-owner')).diagnostics).toEqual([]);
    });
});

test('actions have a namespace of their own: a second action of a name is a duplicate, an action may share a project\'s name', async () => {
    const text = healthy(['    launch yt\n', '    launch yt\n    action stream "Same name as the project" owner ana\n    action twice "First" owner ana\n'],
        ['      uses yt\n', '      uses yt\n      action twice "Second" owner ana\n']);
    const { texts } = await found(text, 'duplicate-name');
    expect(texts).toEqual(['twice']);
});
