// What the UI tests share: waiting for what the page shows, filtering a view, going to a line,
// waiting for a code lens, the example's problems and its ranking in the Quick wins view, running a
// command from the palette, switching the colour theme (and waiting until the webviews have it),
// finding a webview's page, and checking a page with axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A bound on each wait, only to report a step that never comes: a busy machine may take a minute. */
export const STEP_TIMEOUT = 120_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The class VS Code gives a webview's body in a theme of each kind. */
const WEBVIEW_THEME_CLASS = { vs: 'vscode-light', 'vs-dark': 'vscode-dark', 'hc-black': 'vscode-high-contrast' };

/** Polls `probe` (each answer an event of the page: a text shown, a file written) until it holds, or fails naming `what`. */
export async function waitUntil(probe, what, timeoutMs = STEP_TIMEOUT) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        if (await probe().catch(error => { last = error; return false; })) return;
        await new Promise(resolve => setTimeout(resolve, 150));
    }
    // What the last probe ran into, if it threw: a failure says what the page showed.
    const seen = last instanceof Error ? ` (the last probe: ${last.message.split('\n')[0]})` : '';
    throw new Error(`timed out waiting for ${what}${seen}`);
}

export function expectMatch(text, pattern) {
    if (!pattern.test(text)) throw new Error(`expected ${pattern} in: ${String(text).slice(0, 500)}`);
}

export async function expectText(locator, pattern) {
    expectMatch(await locator.innerText(), pattern);
}

/** Ctrl+G to a line of the active editor; waits until the status bar shows the cursor there. */
export async function goToLine(page, line) {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).waitFor();
}

/**
 * Fills a view's filter box with `text` and waits until `probe` holds, filling the box again
 * whenever it is found without the text: on a loaded machine a view still opening has emptied
 * its box after a fill.
 */
export async function filterUntil(input, text, probe, what) {
    await waitUntil(async () => {
        if ((await input.inputValue()) !== text) await input.fill(text);
        return await probe();
    }, what);
}

/**
 * Waits until a code lens whose text holds `text` shows in the editor. The editor draws only the
 * lenses of the lines in view, so the caller brings the line into view first. A failure lists the
 * lenses the editor holds, shown or not, so that a lens never answered and a lens out of view differ.
 */
export async function waitForCodeLens(page, text) {
    try {
        await page.locator('.codelens-decoration', { hasText: text }).first().waitFor();
    } catch (error) {
        const held = await page.locator('.codelens-decoration')
            .evaluateAll(nodes => nodes.map(node => `'${node.textContent}' (${node.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }) ? 'shown' : 'not shown'})`))
            .catch(() => []);
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new Error(`${message} No code lens '${text}' shows; the editor holds ${held.length > 0 ? held.join(', ') : 'no code lens'}.`);
    }
}

/** The filter box of the Problems panel. */
export function problemsFilter(page) {
    return page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
}

/**
 * examples/riverside-health.adopt open, its hashtagContest project as a person checks it: the
 * squiggles and the Problems count, the Problems panel filtered to the project (the panel lists
 * every plan of the workspace) with its freestanding-project problem, and its code lens.
 */
export async function showRiversideProblems(page) {
    await goToLine(page, 35);
    await page.locator('.squiggly-info').first().waitFor();
    const problems = page.locator('#status\\.problems');
    await waitUntil(async () => /Infos: ([3-9]|\d\d+)/.test((await problems.getAttribute('aria-label')) ?? ''), 'the Problems count in the status bar');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'hashtagContest' }).filter({ hasText: 'freestanding-project' });
    await filterUntil(problemsFilter(page), 'hashtagContest', async () => (await row.count()) > 0,
        'the freestanding-project problem of hashtagContest in the Problems panel');
    // The panel took the lower part of the editor: the project's line is brought into view again.
    await goToLine(page, 35);
    await waitForCodeLens(page, 'score 0 · rank 2 of 2');
}

/** The Quick wins view of examples/riverside-health.adopt, once open: its two ranked rows and its summary (`webview` is the view's page). */
export async function expectRiversideRanking(page, webview) {
    await page.locator('.tab', { hasText: 'Quick wins — RiversideHealth' }).waitFor();
    const rows = webview.locator('button.row');
    await rows.nth(1).waitFor();
    const texts = await rows.allInnerTexts();
    if (texts.length !== 2) throw new Error(`expected 2 ranked rows, saw ${texts.length}: ${texts.join(' | ')}`);
    expectMatch(texts[0], /^1\b[\s\S]*Stream and archive grand rounds[\s\S]*\b88\b[\s\S]*Quick win/);
    expectMatch(texts[1], /^2\b[\s\S]*Hashtag contest[\s\S]*\b0\b/);
    await expectText(webview.locator('#summary'), /1 of 2 projects is a quick win/);
}

export async function runCommand(page, title) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
}

/**
 * Switches VS Code's colour theme with "Preferences: Color Theme"; waits until the workbench
 * shows it (its theme's kind is a class) and every webview's page has taken it (its body's class).
 */
export async function setTheme(page, label, kind) {
    // Ctrl+K Ctrl+T: the colour theme picker.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await page.locator('.quick-input-widget .monaco-list-row.focused').first().waitFor();
    await page.keyboard.type(label);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.monaco-workbench.${kind}`).waitFor();
    const wanted = WEBVIEW_THEME_CLASS[kind];
    await waitUntil(async () => {
        for (const frame of page.frames()) {
            if (frame.isDetached()) continue;
            const classes = await frame.evaluate(() => document.body?.className ?? '').catch(() => '');
            if (/\bvscode-(light|dark|high-contrast)\b/.test(classes) && !classes.split(/\s+/).includes(wanted)) return false;
        }
        return true;
    }, `the webviews in the theme ${label}`);
}

/** The page of a webview whose document has the given title (and, if given, holds `selector`). */
export async function webviewFrame(page, title, selector = 'body') {
    let found;
    await waitUntil(async () => {
        for (const frame of page.frames()) {
            if (frame.isDetached()) continue;
            if ((await frame.evaluate(() => document.title).catch(() => '')) !== title) continue;
            if ((await frame.locator(selector).count().catch(() => 0)) > 0) {
                found = frame;
                return true;
            }
        }
        return false;
    }, `the ${title} page`);
    return found;
}

/** Runs axe-core in the page (CSP does not stop a script run through the browser's debugging protocol) and fails on serious or critical violations. */
export async function expectAccessible(frame) {
    await frame.evaluate(axeSource);
    const violations = await frame.evaluate(async () => {
        // @ts-ignore axe is what the script above defined
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
    });
    const serious = violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    if (serious.length > 0) throw new Error(`axe-core: ${JSON.stringify(serious, null, 1)}`);
}
