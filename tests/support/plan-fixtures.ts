/**
 * Plans for the language tests: a healthy plan with no diagnostic at all, small edits of it that
 * must fail loudly when the text to replace is not there, and readers for where a diagnostic sits.
 */
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * A plan that walks into no hurdle: two trained managers, a mantra in the initial stage, a measured
 * goal, one quick win that supports an initiative, and a later story that reaches the naysayer.
 */
export const HEALTHY_PLAN = `plan Healthy "A healthy plan" {
  coalition {
    member ana "Ana" role middle-manager unit "Cardiology" trained
    member ben "Ben" role operational-manager trained
    member dee "Dee" role naysayer
  }
  channel yt "YouTube channel" on youtube
  initiative rounds "Grand rounds"
  stage start "Build human bandwidth" {
    mantra "The status quo must go!"
    goal buyIn "Managers buy in" {
      metric convinced "Managers who can explain the need" target 60%
    }
  }
  stage rollout "Roll-out" {
    launch yt
    project stream "Stream grand rounds" {
      supports rounds
      involves ana, ben
      asynchrony
      geography
      crowdsourcing
      uses yt
      metric views "Archive views per month" target 500
    }
  }
  stage show "Road show" {
    story reachStory "Rounds reach three campuses" from stream
    audience dee
  }
}
`;

/** Applies text replacements in order; each `from` must occur in the text (else the test is wrong). */
export function edit(text: string, ...replacements: Array<[from: string, to: string]>): string {
    let result = text;
    for (const [from, to] of replacements) {
        if (!result.includes(from)) {
            throw new Error(`fixture edit: ${JSON.stringify(from)} is not in the plan`);
        }
        result = result.replace(from, to);
    }
    return result;
}

/** The healthy plan with some edits. */
export function healthy(...replacements: Array<[from: string, to: string]>): string {
    return edit(HEALTHY_PLAN, ...replacements);
}

/** The source text a diagnostic's range covers. */
export function textAt(document: LangiumDocument, diagnostic: Diagnostic): string {
    return document.textDocument.getText(diagnostic.range);
}

/** The 1-based line a diagnostic starts on. */
export function lineOf(diagnostic: Diagnostic): number {
    return diagnostic.range.start.line + 1;
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
export function lineOfText(text: string, needle: string, occurrence = 1): number {
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`fixture: ${JSON.stringify(needle)} occurs fewer than ${occurrence} times`);
    }
    return text.slice(0, index).split('\n').length;
}

/** LSP severities by SPEC name. */
export const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** Every kind of declaration named `§`, and every kind of reference to it. */
const NAMING_EVERYTHING = `plan § "Keywords as names" {
  coalition {
    member § "A member" role middle-manager unit "Unit" trained
    member other "Another" role operational-manager trained
  }
  channel § "A channel" on §
  initiative § "An initiative"
  stage § "The first stage" from 2027-01-01 {
    mantra "Go"
    launch §
    goal § "A goal" { metric § "A metric" target 60% actual 20% }
    project § "A project" {
      supports §
      involves §, other
      asynchrony high
      geography medium
      uses §
      metric § "Views" target 500 actual 20
      effort low
      action § "An action" owner § due 2027-02-01 doing
    }
  }
  stage next "The next stage" after § {
    story § "A story" from § audience §, other
  }
}
`;

/** A plan whose every declaration is named `name`, and every reference refers to it (10 references). */
export const planNamingEverything = (name: string): string => NAMING_EVERYTHING.replaceAll('§', name);
