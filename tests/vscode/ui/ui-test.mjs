// The UI test: what a person sees in VS Code (code-server in Debian's chromium, driven by
// playwright-core) with the packaged extension installed. Opens the example plan, sees the
// squiggles and the Problems count, hovers a project for its score, runs "Adopt: Rank Quick
// Wins" from the command palette, reads the ranked rows, checks the view with axe-core in a dark, a
// light and a high contrast theme, chooses rows (keyboard and mouse), sees
// the view follow an edit and the active plan, switches it to the workspace ranking (grouped by
// plan), creates a plan with "Adopt: New Plan", opens the getting-started walkthrough, sees a
// bad adopt.config.json in the Problems panel, and a plan under way (dates and statuses
// highlighted, an overdue action, a metric's progress on hover). Saves a screenshot at each step.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expectAccessible, expectMatch, expectRiversideRanking, expectText, filterUntil, goToLine, problemsFilter, setTheme, showRiversideProblems, STEP_TIMEOUT, waitForCodeLens, waitUntil, webviewFrame } from './ui-support.mjs';

/**
 * @param {{ url: string, workspace: string, chromiumPath: string, screenshots: string,
 *           record: (title: string, error?: unknown) => void }} options
 */
export async function runUiTests({ url, workspace, chromiumPath, screenshots, record }) {
    rmSync(screenshots, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    const shot = name => page.screenshot({ path: join(screenshots, `${name}.png`) });
    let broken = false;
    /** Runs one step; after a failed step the later ones are recorded as failed (they depend on it). */
    const step = async (title, action) => {
        if (broken) return record(`UI: ${title}`, 'skipped: an earlier UI step failed');
        try {
            await action();
            record(`UI: ${title}`);
        } catch (error) {
            broken = true;
            await shot(`failed-${title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
            record(`UI: ${title}`, error instanceof Error ? error.message : error);
        }
    };
    const editorLine = text => page.locator('.monaco-editor .view-line', { hasText: text });
    const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

    try {
        await step('opens the example plan with the Adopt language', async () => {
            await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
            await page.waitForSelector('.monaco-workbench');
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'riverside-health.adopt' }).click();
            await page.locator('#status\\.editor\\.mode', { hasText: 'Adopt' }).waitFor();
            await editorLine('project streamRounds').waitFor();
        });

        await step('shows squiggles, the Problems count, the problems with their codes and the code lens', async () => {
            await showRiversideProblems(page);
            await shot('01-diagnostics');
            await editorLine('project hashtagContest').click();
            await page.keyboard.press('Control+J');
            await page.locator('.markers-panel').waitFor({ state: 'hidden' });
            await goToLine(page, 1);
        });

        await step('hovers a project and reads its score and rank', async () => {
            const name = editorLine('project streamRounds').locator('span span', { hasText: /^streamRounds$/ });
            await name.hover();
            const hover = page.locator('.monaco-hover-content', { hasText: 'score 88' });
            await hover.first().waitFor();
            await expectText(hover.first(), /rank 1 of 2/);
            await expectHoverFits(hover.first());
            await shot('02-hover');
            await page.mouse.move(5, 845);
            await page.keyboard.press('Escape');
            // A project that is not a quick win: what it lacks, in the box too (hovered on its keyword:
            // the squiggles of its name would add their messages to the hover).
            await editorLine('project hashtagContest').locator('span span', { hasText: /^project$/ }).hover();
            const lacking = page.locator('.monaco-hover-content', { hasText: 'To become a quick win' });
            await lacking.first().waitFor();
            await expectHoverFits(lacking.first());
            await shot('02-hover-not-a-quick-win');
            await page.mouse.move(5, 845);
            await page.keyboard.press('Escape');
        });

        await step('runs "Adopt: Rank Quick Wins" from the command palette and reads the ranked rows', async () => {
            await editorLine('project streamRounds').click();
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input');
            await input.fill('>Adopt: Rank Quick Wins');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Adopt: Rank Quick Wins' }).first().waitFor();
            await page.keyboard.press('Enter');
            await expectRiversideRanking(page, webview());
            const csp = (await webview().locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
            expectMatch(csp, /^default-src 'none';/);
            expectMatch(csp, /script-src 'nonce-[^']+'(;|$)/);
            // webview.cspSource ('self' and VS Code's own resource origin) serves the extension's files.
            const beyondOwnFiles = csp.replaceAll("'self'", '').replaceAll('https://*.vscode-cdn.net', '');
            if (/unsafe-|https?:|\*/.test(beyondOwnFiles)) throw new Error(`the content security policy allows too much: ${csp}`);
            const missing = await webview().locator('.project').nth(1).locator('.missing li').count();
            if (missing === 0) throw new Error('the second row lists what is missing');
            await shot('03-rank-view');
        });

        await step('the Quick wins view in a dark, a light and a high contrast theme: axe-core finds no serious or critical violation', async () => {
            const frame = () => webviewFrame(page, 'Quick wins', '.project .missing li');
            await expectAccessible(await frame());
            await setTheme(page, 'Light Modern', 'vs');
            await shot('03-rank-view-light');
            await expectAccessible(await frame());
            await setTheme(page, 'Dark High Contrast', 'hc-black');
            await shot('03-rank-view-high-contrast');
            await expectAccessible(await frame());
            await setTheme(page, 'Dark Modern', 'vs-dark');
        });

        await step('choosing a row with the keyboard reveals the project in the editor', async () => {
            const first = webview().locator('button.row').first();
            await first.focus();
            await page.keyboard.press('ArrowDown');
            await page.keyboard.press('Enter');
            await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 35, Col 5' }).waitFor();
        });

        await step('choosing a row with the mouse reveals the project in the editor', async () => {
            await webview().locator('button.row').first().click();
            await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 26, Col 5' }).waitFor();
        });

        await step('the ranking follows an edit of the plan', async () => {
            await editorLine('project hashtagContest').click();
            await page.keyboard.press('End');
            await page.keyboard.press('Enter');
            await page.keyboard.type('supports patientEd');
            const second = webview().locator('button.row').nth(1);
            await waitUntil(async () => /\b25\b/.test(await second.innerText()), 'hashtagContest to score 25 in the view');
            await shot('04-follows-edits');
        });

        await step('the status bar counts the quick wins, and a click opens the ranking', async () => {
            await closeQuickWinsTab(page);
            await page.locator('.statusbar-item', { hasText: '1 quick win' }).first().click();
            await webview().locator('button.row').nth(1).waitFor();
        });

        await step('the editor title has the "Rank Quick Wins" action for .adopt files', async () => {
            await closeQuickWinsTab(page);
            await editorLine('project streamRounds').click();
            await page.locator('.editor-actions .action-label[aria-label*="Rank Quick Wins"]').first().click();
            await webview().locator('button.row').nth(1).waitFor();
        });

        await step('the ranking follows the active editor to another plan', async () => {
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'northfield-university.adopt' }).click();
            await page.locator('.tab', { hasText: 'Quick wins — NorthfieldUniversity' }).waitFor();
            await expectText(webview().locator('#heading'), /Quick wins — NorthfieldUniversity/);
            await webview().locator('button.row').first().waitFor();
            await shot('05-follows-the-active-plan');
        });

        await step('the Workspace switch ranks every plan of the workspace, grouped by plan', async () => {
            await webview().locator('button.mode[data-mode="workspace"]').click();
            await page.locator('.tab', { hasText: 'Quick wins — workspace' }).waitFor();
            const sections = webview().locator('section.plan');
            await waitUntil(async () => (await sections.count()) >= 4, 'a section per plan');
            const names = await webview().locator('.plan-name').allInnerTexts();
            for (const name of ['CoastalResearch', 'NorthfieldUniversity', 'QuickFixes', 'RiversideHealth']) {
                if (!names.includes(name)) throw new Error(`${name} is not among the plans: ${names.join(', ')}`);
            }
            if (names.join() !== [...names].sort((a, b) => a.localeCompare(b)).join()) throw new Error(`plans out of order: ${names.join(', ')}`);
            await expectText(webview().locator('#summary'), /\d+ plans, \d+ projects, \d+ quick wins?\./);
            await expectText(sections.filter({ hasText: 'RiversideHealth' }).locator('.plan-file'), /riverside-health\.adopt/);
            // A project's effort (SPEC section 7) beside its stage.
            await expectText(sections.filter({ hasText: 'LakeshoreCollege' }).locator('button.row').first(), /lectureArchive · stage rollout · effort low/);
            await shot('06-workspace-ranking');
        });

        await step('choosing a row of another plan in the workspace ranking opens that plan at the project', async () => {
            const coastal = webview().locator('section.plan', { hasText: 'CoastalResearch' });
            const first = coastal.locator('button.row').first();
            const line = Number(await first.getAttribute('data-line'));
            await first.click();
            await page.locator('.tab.active', { hasText: 'coastal-research-institute.adopt' }).waitFor();
            await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).waitFor();
            await expectText(webview().locator('#heading'), /Quick wins — workspace/);
        });

        await step('"Adopt: New Plan" from the command palette opens the commented starter plan', async () => {
            await page.keyboard.press('F1');
            await page.locator('.quick-input-widget input').fill('>Adopt: New Plan');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Adopt: New Plan' }).first().waitFor();
            await page.keyboard.press('Enter');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Untitled plan' }).first().click();
            await editorLine('Our adoption plan').waitFor();
            await page.locator('#status\\.editor\\.mode', { hasText: 'Adopt' }).waitFor();
            await waitForCodeLens(page, 'quick win');
            await shot('07-new-plan');
        });

        await step('the getting-started walkthrough opens from the command palette', async () => {
            await page.locator('.tab', { hasText: 'Quick wins — workspace' }).click({ button: 'middle' });
            await page.keyboard.press('F1');
            await page.locator('.quick-input-widget input').fill('>Welcome: Open Walkthrough');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
            await page.keyboard.press('Enter');
            await page.locator('.quick-input-widget input').fill('Get Started with Adopt');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Adopt' }).first().click();
            const walkthrough = page.locator('.gettingStartedContainer');
            await walkthrough.locator('text=Write your first plan').first().waitFor();
            await walkthrough.locator('text=Rank the quick wins').first().waitFor();
            // The step's media (markdown) renders in a webview of its own.
            await walkthrough.locator('.getting-started-media iframe.webview.ready').waitFor();
            await page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('#active-frame').locator('text=A plan in one file').waitFor();
            await shot('08-walkthrough');
            // A later step: a plan under way (actions, dates, effort, results), its media in the same webview.
            await walkthrough.locator('text=Follow the plan as it runs').first().click();
            await page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: 'A plan under way' }).waitFor();
            await shot('08-walkthrough-plan-under-way');
        });

        await step('shows a bad adopt.config.json in the Problems panel, on the config file, with the JSON schema\'s check', async () => {
            const explorerRow = name => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
            await explorerRow('team-rules').first().click();
            await explorerRow('team-plan.adopt').click();
            await editorLine('plan TeamRules').waitFor();
            await explorerRow('adopt.config.json').click();
            await editorLine('"vanity-metric": "loud"').waitFor();
            // VS Code's JSON support with the extension's schema: a squiggle under the wrong value.
            await page.locator('.squiggly-error, .squiggly-warning').first().waitFor();
            await page.keyboard.press('Control+Shift+M');
            const filter = problemsFilter(page);
            const adoptRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'severity.vanity-metric must be one of error, warning, information, hint or off' });
            await filterUntil(filter, 'adopt.config.json', async () => (await adoptRow.count()) > 0,
                'the invalid-config problem of adopt.config.json in the Problems panel');
            await expectText(adoptRow.first(), /invalid-config/);
            // The JSON schema's own check of the value, beside Adopt's.
            await page.locator('.markers-panel .monaco-list-row', { hasText: /Value is not accepted/ }).first().waitFor();
            await shot('09-config-error');
            await filter.fill('');
        });

        await step('a plan under way: dates and statuses highlighted, the overdue action squiggled, the actions done in the code lens, a metric\'s progress on hover', async () => {
            // The editor alone, as wide as the window: the Problems panel and the side bar closed.
            await page.keyboard.press('Control+J');
            await page.locator('.markers-panel').waitFor({ state: 'hidden' });
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'lakeshore-college.adopt' }).click();
            await editorLine('plan LakeshoreCollege').waitFor();
            await page.keyboard.press('Control+B');
            await page.locator('.explorer-folders-view').waitFor({ state: 'hidden' });
            await goToLine(page, 66);
            await editorLine('project lectureArchive').waitFor();
            await waitForCodeLens(page, '1/3 actions done');
            // ADOPT_TODAY=2027-03-01 (scripts/test-vscode.mjs): recordChemistry, due 20 February and doing, is overdue.
            await page.locator('.squiggly-warning').first().waitFor();
            // The TextMate grammar gives dates and statuses their own scopes: they are not coloured as plain names.
            const date = editorLine('action pilotBiology').locator('span span', { hasText: /^2027-02-01$/ });
            const status = editorLine('action pilotBiology').locator('span span', { hasText: /^done$/ });
            const name = editorLine('action pilotBiology').locator('span span', { hasText: /^lin$/ });
            const colours = await Promise.all([date, status, name].map(token => token.first().evaluate(node => getComputedStyle(node).color)));
            if (new Set(colours).size < 3) throw new Error(`a date, a status and a name share a colour: ${colours.join(', ')}`);
            await shot('10-plan-under-way');
            const metric = editorLine('metric archiveViews').locator('span span', { hasText: /^archiveViews$/ });
            await metric.hover();
            const hover = page.locator('.monaco-hover-content', { hasText: '320 of 500, 64%' });
            await hover.first().waitFor();
            await shot('11-metric-progress-hover');
            await page.mouse.move(5, 845);
            await page.keyboard.press('Escape');
            const action = editorLine('action recordChemistry').locator('span span', { hasText: /^recordChemistry$/ });
            await action.hover();
            const actionHover = page.locator('.monaco-hover-content', { hasText: 'overdue' });
            await actionHover.first().waitFor();
            await expectText(actionHover.first(), /20 February 2027/);
            await shot('12-overdue-action-hover');
            await page.mouse.move(5, 845);
            await page.keyboard.press('Escape');
        });
    } finally {
        await browser.close();
    }
}

async function closeQuickWinsTab(page) {
    const tab = page.locator('.tab', { hasText: 'Quick wins — RiversideHealth' });
    await tab.click({ button: 'middle' });
    await tab.waitFor({ state: 'detached' });
}

/**
 * A hover shows all of its content without scrolling (its box is at most 250 px high), and the
 * headings of its table stand apart (at least 6 px between one heading's text and the next).
 */
async function expectHoverFits(content) {
    const measured = await content.evaluate(node => {
        const box = node.closest('.monaco-scrollable-element') ?? node.parentElement;
        // Each heading's word as drawn (its leading spaces left out).
        const texts = Array.from(node.querySelectorAll('th')).map(cell => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            const words = [];
            for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                const value = text.nodeValue ?? '';
                const start = value.search(/[^\s\u00a0]/);
                if (start < 0) continue;
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, value.replace(/[\s\u00a0]+$/, '').length);
                words.push(range.getBoundingClientRect());
            }
            return { text: cell.textContent?.trim(), left: Math.min(...words.map(r => r.left)), right: Math.max(...words.map(r => r.right)) };
        });
        return { content: node.scrollHeight, box: box.clientHeight, headings: texts };
    });
    if (measured.content > measured.box) throw new Error(`the hover needs scrolling: ${measured.content} px of content in a ${measured.box} px box`);
    for (let i = 1; i < measured.headings.length; i++) {
        const gap = measured.headings[i].left - measured.headings[i - 1].right;
        if (gap < 6) throw new Error(`the headings "${measured.headings[i - 1].text}" and "${measured.headings[i].text}" are ${gap.toFixed(1)} px apart`);
    }
    if (measured.headings.length !== 4) throw new Error(`the table has ${measured.headings.length} headings`);
}


