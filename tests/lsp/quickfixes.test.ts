/**
 * Every quick fix of SPEC section 3: the text before and after, only where it applies, and the
 * result always parses.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, testCodeAction, validationHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type Command } from 'vscode-languageserver-types';
import type { Plan } from '../../src/language/generated/ast.js';
import { createTestServices, example, parser } from '../support/helpers.js';

const services = createTestServices();
const validate = validationHelper<Plan>(services);

/**
 * The code's own fixes: "Ignore CODE on this line", offered besides them for every diagnostic
 * that is not an error, is tested in tests/lsp/ignore-fixes.test.ts.
 */
const isIgnoreFix = (action: CodeAction | Command) => /^Ignore \S+ on this line$/.test(action.title);
const ownFixes: CodeActionProvider = {
    async getCodeActions(document, params) {
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, params))?.filter(action => !isIgnoreFix(action));
        return actions && actions.length > 0 ? actions : undefined;
    }
};
const ownFixServices = new Proxy(services, {
    get: (target, key) => (key === 'lsp' ? new Proxy(target.lsp, { get: (lsp, name) => (name === 'CodeActionProvider' ? ownFixes : Reflect.get(lsp, name)) }) : Reflect.get(target, key))
});
const checkFix = testCodeAction<Plan>(ownFixServices);

afterEach(() => clearDocuments(services));

/** Applies the one fix for `code` and expects `after`, which must parse without errors. */
async function expectFix(before: string, code: string, after: string): Promise<CodeAction> {
    const result = await checkFix(before, code, after);
    expect(result.action?.kind).toBe(CodeActionKind.QuickFix);
    expect(result.action?.diagnostics).toEqual([result.diagnosticRelevant]);
    await expectParses(after);
    return result.action!;
}

async function expectNoFix(text: string, code: string): Promise<void> {
    await checkFix(text, code, undefined);
}

async function expectParses(text: string): Promise<void> {
    const document = await parser(services)(text);
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
}

/** All actions offered for the diagnostics with `code`, and the text each one produces. */
async function fixesFor(text: string, code: string): Promise<Array<{ title: string; result: string }>> {
    const { document } = await validate(text);
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    const actions = await ownFixes.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri }, range: diagnostics[0].range, context: { diagnostics }
    }) ?? [];
    return (actions as CodeAction[]).map(action => ({
        title: action.title,
        result: TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), action.edit!.changes![document.textDocument.uri])
    }));
}

const COALITION = `  coalition {
    member ana "Ana Ortiz" role middle-manager trained
    member ben "Ben Hale" role operational-manager
  }`;

describe('virtual-before-human: move the launch to the next stage', () => {
    const before = `plan P "P" {
${COALITION}
  channel yt "YouTube" on youtube
  stage start "Start" {
    mantra "The status quo must go!"
    launch yt
  }
  stage next "Next" {
    goal g "G" { metric m "M" target 1 }
  }
}
`;

    test('moves the statement into the stage directly after the initial stage', async () => {
        const action = await expectFix(before, 'virtual-before-human', `plan P "P" {
${COALITION}
  channel yt "YouTube" on youtube
  stage start "Start" {
    mantra "The status quo must go!"
  }
  stage next "Next" {
    launch yt
    goal g "G" { metric m "M" target 1 }
  }
}
`);
        expect(action.title).toBe("Move the launch to stage 'next'");
    });

    test('directly after means: the stage whose predecessor is the initial stage', async () => {
        const text = `plan P "P" {
${COALITION}
  channel yt "YouTube" on youtube
  stage a "A" {
    mantra "The status quo must go!"
    launch yt
  }
  stage b "B" after c {}
  stage c "C" after a {}
}
`;
        await expectFix(text, 'virtual-before-human', `plan P "P" {
${COALITION}
  channel yt "YouTube" on youtube
  stage a "A" {
    mantra "The status quo must go!"
  }
  stage b "B" after c {}
  stage c "C" after a {
    launch yt
  }
}
`);
    });

    test('not offered when no stage follows the initial stage', async () => {
        await expectNoFix(`plan P "P" {
${COALITION}
  channel yt "YouTube" on youtube
  stage start "Start" {
    mantra "The status quo must go!"
    launch yt
  }
}
`, 'virtual-before-human');
    });

    test('not offered for a launch outside the initial stage (too few managers)', async () => {
        await expectNoFix(`plan P "P" {
  coalition {
    member ana "Ana Ortiz" role middle-manager trained
  }
  channel yt "YouTube" on youtube
  stage start "Start" {
    mantra "The status quo must go!"
  }
  stage next "Next" {
    launch yt
  }
}
`, 'virtual-before-human');
    });
});

describe('goal-without-metric: insert a metric skeleton', () => {
    const plan = (goal: string) => `plan P "P" {
${COALITION}
  stage start "Start" {
    mantra "The status quo must go!"
${goal}
  }
}
`;

    test('a goal without braces gets braces with a metric', async () => {
        const action = await expectFix(plan('    goal buyIn "Managers buy in"'), 'goal-without-metric',
            plan('    goal buyIn "Managers buy in" { metric buyInMetric "Describe the measure" target 1 }'));
        expect(action.title).toBe("Add a metric to goal 'buyIn'");
    });

    test('empty braces on one line are filled', async () => {
        await expectFix(plan('    goal buyIn "Managers buy in" { }'), 'goal-without-metric',
            plan('    goal buyIn "Managers buy in" { metric buyInMetric "Describe the measure" target 1 }'));
    });

    test('braces over several lines get an indented line, and their comment stays', async () => {
        await expectFix(plan('    goal buyIn "Managers buy in" {\n      // to do\n    }'), 'goal-without-metric',
            plan('    goal buyIn "Managers buy in" {\n      // to do\n      metric buyInMetric "Describe the measure" target 1\n    }'));
    });
});

const projectPlan = (body: string, extra = '') => `plan P "P" {
  coalition {
    member ana "Ana Ortiz" role middle-manager trained
    member ben "Ben Hale" role operational-manager
    member cho "Dr. Mei Cho" role early-adopter trained
    member eve "Eve Stone" role staff
  }
  initiative rounds "Grand rounds"
${extra}  stage start "Start" {
    mantra "The status quo must go!"
    project p "Project" {
${body}
    }
  }
}
`;

describe('freestanding-project: supports X, one fix per initiative', () => {
    test('adds supports as the first statement of the project', async () => {
        const action = await expectFix(projectPlan('      involves ana, ben, cho\n      asynchrony'), 'freestanding-project',
            projectPlan('      supports rounds\n      involves ana, ben, cho\n      asynchrony'));
        expect(action.title).toBe("Support initiative 'rounds'");
    });

    test('offers one fix per declared initiative, each of which parses', async () => {
        const text = projectPlan('      involves ana, ben, cho', '  initiative classes "Patient classes"\n');
        const fixes = await fixesFor(text, 'freestanding-project');
        expect(fixes.map(fix => fix.title)).toEqual(["Support initiative 'rounds'", "Support initiative 'classes'"]);
        expect(fixes[1].result).toBe(projectPlan('      supports classes\n      involves ana, ben, cho', '  initiative classes "Patient classes"\n'));
        for (const fix of fixes) await expectParses(fix.result);
    });

    test('not offered when the plan declares no initiative', async () => {
        await expectNoFix(projectPlan('      involves ana, ben, cho').replace('  initiative rounds "Grand rounds"\n', ''), 'freestanding-project');
    });
});

describe('untapped-opportunity: add each missing trait at low', () => {
    test('adds the missing trait after the other traits', async () => {
        const action = await expectFix(projectPlan('      supports rounds\n      involves ana, ben, cho\n      asynchrony high\n      geography\n      uses x'), 'untapped-opportunity',
            projectPlan('      supports rounds\n      involves ana, ben, cho\n      asynchrony high\n      geography\n      crowdsourcing low\n      uses x'));
        expect(action.title).toBe('Add crowdsourcing at low');
    });

    test('one fix per missing trait; without traits they go after involves', async () => {
        const fixes = await fixesFor(projectPlan('      supports rounds\n      involves ana, ben, cho // the team\n      uses x'), 'untapped-opportunity');
        expect(fixes.map(fix => fix.title)).toEqual(['Add asynchrony at low', 'Add geography at low', 'Add crowdsourcing at low']);
        expect(fixes[0].result).toBe(projectPlan('      supports rounds\n      involves ana, ben, cho // the team\n      asynchrony low\n      uses x'));
        for (const fix of fixes) await expectParses(fix.result);
    });
});

describe('low-reach: involve every trained willing member not yet involved', () => {
    test('extends the existing involves', async () => {
        const action = await expectFix(projectPlan('      supports rounds\n      involves ben'), 'low-reach',
            projectPlan('      supports rounds\n      involves ben, ana, cho'));
        expect(action.title).toBe("Involve the trained members 'ana', 'cho'");
    });

    test('adds an involves after supports when there is none', async () => {
        await expectFix(projectPlan('      supports rounds\n      asynchrony'), 'low-reach',
            projectPlan('      supports rounds\n      involves ana, cho\n      asynchrony'));
    });

    test('not offered when every trained willing member is involved already', async () => {
        await expectNoFix(projectPlan('      supports rounds\n      involves ana').replace(/ trained\n    member cho/, '\n    member cho').replace('role early-adopter trained', 'role early-adopter'),
            'low-reach');
    });
});

describe('road-show-missing: a story for the top quick win', () => {
    const withoutStory = example('riverside-health.adopt').replace(/\n    story reach[^\n]*\n    audience dee/, '');

    test('in the last stage when it comes after the project\'s stage', async () => {
        const action = await expectFix(withoutStory, 'road-show-missing', withoutStory.replace(
            '  stage diffusion "Internal road show" after rollout {\n',
            '  stage diffusion "Internal road show" after rollout {\n    story streamRoundsStory "Success story: Stream and archive grand rounds" from streamRounds audience dee\n'));
        expect(action.title).toBe("Add a success story for 'streamRounds' to stage 'diffusion'");
    });

    test('else in a new stage after the last one', async () => {
        const noDiffusion = withoutStory.replace(/\n  stage diffusion[^\n]*\n  \}/, '');
        const action = await expectFix(noDiffusion, 'road-show-missing', noDiffusion.replace(/\n\}\n$/,
            '\n\n  stage roadShow "Internal road show" after rollout {\n    story streamRoundsStory "Success story: Stream and archive grand rounds" from streamRounds audience dee\n  }\n}\n'));
        expect(action.title).toBe("Add stage 'roadShow' after 'rollout' with a success story for 'streamRounds'");
    });
});

describe('naysayer-unreached: add them to the first story\'s audience', () => {
    const EXAMPLE = example('riverside-health.adopt');

    test('adds an audience to a story without one', async () => {
        const action = await expectFix(EXAMPLE.replace('\n    audience dee', ''), 'naysayer-unreached', EXAMPLE.replace('\n    audience dee', ' audience dee'));
        expect(action.title).toBe("Add 'dee' to the audience of story 'reach'");
    });

    test('extends the audience of the first story', async () => {
        const text = EXAMPLE.replace('member dee "Dee Park"    role naysayer            unit "Finance"',
            'member dee "Dee Park"    role naysayer            unit "Finance"\n    member fay "Fay Lu" role naysayer');
        await expectFix(text, 'naysayer-unreached', text.replace('audience dee', 'audience dee, fay'));
    });

    test('not offered when the plan has no story', async () => {
        await expectNoFix(EXAMPLE.replace(/\n    story reach[^\n]*\n    audience dee/, ''), 'naysayer-unreached');
    });
});

describe('mantra-missing: insert the mantra in the initial stage', () => {
    test('as the first line of the initial stage', async () => {
        const EXAMPLE = example('riverside-health.adopt');
        const action = await expectFix(EXAMPLE.replace('    mantra "The status quo must go!"\n', ''), 'mantra-missing', EXAMPLE);
        expect(action.title).toBe('Add the mantra "The status quo must go!" to stage \'initiation\'');
    });

    test('into an empty initial stage written on one line', async () => {
        await expectFix('plan P "P" {\n  stage s "S" {}\n}\n', 'mantra-missing', 'plan P "P" {\n  stage s "S" {\n    mantra "The status quo must go!"\n  }\n}\n');
    });
});

describe('line breaks', () => {
    test('inserted lines use the file\'s CRLF line breaks', async () => {
        const crlf = (text: string) => text.replace(/\n/g, '\r\n');
        await expectFix(crlf('plan P "P" {\n  stage s "S" {\n    goal g "G" { metric m "M" target 1 }\n  }\n}\n'), 'mantra-missing',
            crlf('plan P "P" {\n  stage s "S" {\n    mantra "The status quo must go!"\n    goal g "G" { metric m "M" target 1 }\n  }\n}\n'));
    });

    test('a moved launch takes its CRLF line with it', async () => {
        const crlf = (text: string) => text.replace(/\n/g, '\r\n');
        const before = `plan P "P" {\n${COALITION}\n  channel yt "YouTube" on youtube\n  stage a "A" {\n    mantra "The status quo must go!"\n    launch yt\n  }\n  stage b "B" {\n  }\n}\n`;
        await expectFix(crlf(before), 'virtual-before-human', crlf(before.replace('    launch yt\n', '').replace('stage b "B" {\n', 'stage b "B" {\n    launch yt\n')));
    });
});

describe('the code action provider', () => {
    test('offers only "Ignore CODE on this line" for codes without a fix, and nothing when other kinds are asked for', async () => {
        const { document } = await validate(example('riverside-health.adopt').replace('target 500', ''));
        const diagnostics = (document.diagnostics ?? []).filter(d => d.code === 'metric-without-target');
        expect(diagnostics).toHaveLength(1);
        const params = { textDocument: { uri: document.textDocument.uri }, range: diagnostics[0].range };
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, { ...params, context: { diagnostics } });
        expect(actions?.map(action => action.title)).toEqual(['Ignore metric-without-target on this line']);
        const mantra = await validate('plan P "P" {\n  stage s "S" {}\n}\n');
        const mantraDiagnostics = (mantra.document.diagnostics ?? []).filter(d => d.code === 'mantra-missing');
        const only = await services.lsp.CodeActionProvider!.getCodeActions(mantra.document, {
            textDocument: { uri: mantra.document.textDocument.uri }, range: mantraDiagnostics[0].range,
            context: { diagnostics: mantraDiagnostics, only: [CodeActionKind.Refactor] }
        });
        expect(only).toBeUndefined();
    });
});
