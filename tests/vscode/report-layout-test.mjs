// The layout of the HTML report and of the Plan Overview in headless chromium, at the widths
// people read them: a phone (390 px), the editor's pane beside a plan (480 and 660 px), a desktop
// (1280 px), in a light and a dark colour scheme, and printed on A4. Pages from report-pages.ts
// (bundled here with esbuild): the report of a living plan, of 300 projects and of a stage of 199
// actions; the overview's own shell and script with the variables of a light or dark VS Code
// theme. What is checked: nothing scrolls sideways but a drawing that says so, no word cut in a
// table, no serious or critical axe-core violation, rows and labels of a readable size, a compact
// overview header that a section's link lands below, a report printed in full every time and a
// full-page capture with content to its end. Screenshots in test-results/screenshots/layout/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { expectAccessible } from './ui/ui-support.mjs';

const root = resolve(import.meta.dirname, '../..');
// pngjs, as playwright-core bundles it: to read a screenshot's pixels.
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');
/** A4 less the report's print margins (12 mm each side, 14 and 15 mm top and bottom), in CSS pixels. */
const A4_CONTENT = { width: Math.floor(((210 - 24) / 25.4) * 96), height: Math.floor(((297 - 29) / 25.4) * 96) };
const REPORT_WIDTHS = [390, 660, 1280];
const VIEW_WIDTHS = [480, 660];
const SCHEMES = ['light', 'dark'];

/** Bundles report-pages.ts (and the product code it renders with) for Node, `vscode` replaced by a stand-in. */
async function loadPages(out) {
    const outfile = join(out, 'report-pages.cjs');
    await esbuild.build({
        entryPoints: [join(root, 'tests/vscode/report-pages.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'error',
        alias: { 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
        // The test plans' files are read from tests/report/, as in vitest.
        define: { __dirname: JSON.stringify(join(root, 'tests/report')), 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
        plugins: [{
            name: 'vscode-stand-in',
            setup(build) {
                build.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'stand-in' }));
                build.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({ contents: 'export const Uri = { joinPath: () => ({}) };', loader: 'js' }));
            }
        }]
    });
    return createRequire(import.meta.url)(outfile);
}

/** In the page: words of a table's cells (or of `selector`) that the layout cut across two lines. */
function cutWords(selector) {
    const cut = [];
    for (const cell of document.querySelectorAll(selector)) {
        // A table's header kept for screen readers only (a narrow page shows each cell's name beside it).
        const hidden = element => element !== null && element !== document.body && (element.getBoundingClientRect().width < 4 || hidden(element.parentElement));
        if (hidden(cell)) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            for (const match of node.data.matchAll(/[^\s\-–—/,·:]{2,}/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].filter(rect => rect.width > 0).map(rect => Math.round(rect.bottom)));
                if (lines.size > 1) cut.push(match[0]);
            }
        }
    }
    return cut;
}

/** In the page: what is wider than its place (the page itself, a table in its wrapper, a drawing in the editor's pane). */
function overflowing(selectors) {
    const found = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page (${document.documentElement.scrollWidth} px in ${window.innerWidth})`);
    for (const element of document.querySelectorAll(selectors)) {
        if (element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class')} (${element.scrollWidth} px in ${element.clientWidth})`);
    }
    return found;
}

/** The share of a PNG's pixels that differ from its most common colour (its background). */
function inkShare(png) {
    const image = PNG.sync.read(png);
    const counts = new Map();
    for (let at = 0; at < image.data.length; at += 4) {
        const key = (image.data[at] << 16) | (image.data[at + 1] << 8) | image.data[at + 2];
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const background = Math.max(...counts.values());
    return 1 - background / (image.width * image.height);
}

/**
 * @param {{ browser: import('playwright-core').Browser, out: string, screenshots: string, check: (title: string, action: () => Promise<void>) => Promise<void> }} options
 */
export async function runLayoutTests({ browser, out, screenshots, check }) {
    const shots = join(screenshots, 'layout');
    mkdirSync(shots, { recursive: true });
    const pages = await loadPages(out);
    const reports = {};
    for (const plan of Object.keys(pages.PLANS)) {
        reports[plan] = join(out, `layout-${plan}.html`);
        writeFileSync(reports[plan], await pages.reportPage(plan));
    }

    for (const plan of Object.keys(pages.PLANS)) {
        for (const scheme of SCHEMES) {
            for (const width of REPORT_WIDTHS) {
                // The report of 300 projects: on a phone, and on a desktop in the light scheme (its tables as the others').
                if (plan === 'three-hundred-projects' && width !== 390 && !(width === 1280 && scheme === 'light')) continue;
                const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
                await page.goto(pathToFileURL(reports[plan]).href);
                const name = `report ${plan} at ${width} px, ${scheme}`;
                await check(`${name}: nothing wider than the page, no table wider than its place, no word cut in a table`, async () => {
                    const wide = await page.evaluate(overflowing, '.table-wrap, table');
                    if (wide.length > 0) throw new Error(wide.slice(0, 6).join('; '));
                    const cut = await page.evaluate(cutWords, 'main tr:nth-child(-n+40) td, main th, .window');
                    if (cut.length > 0) throw new Error(`cut words: ${cut.slice(0, 10).join(', ')}`);
                    await page.screenshot({ path: join(shots, `report-${plan}-${width}-${scheme}.png`) });
                });
                await check(`${name}: in the colours of the scheme`, async () => {
                    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
                    const dark = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(background)?.slice(1).map(Number).every(channel => channel < 60);
                    if (dark !== (scheme === 'dark')) throw new Error(`background ${background}`);
                });
                await check(`${name}: axe-core finds no serious or critical violation`, () => expectAccessible(page));
                if (width === 390) {
                    await check(`${name}: ranked rows of their content's height, the matrix's labels at 9 px or more`, async () => {
                        const tall = await page.evaluate(() => [...document.querySelectorAll('#projects tbody tr')].slice(0, 40)
                            .map(row => ({ height: row.getBoundingClientRect().height, content: [...row.children].reduce((sum, cell) => sum + cell.getBoundingClientRect().height, 0) }))
                            .filter(row => row.height > 1.1 * row.content + 20 || row.height > 320));
                        if (tall.length > 0) throw new Error(`rows: ${JSON.stringify(tall.slice(0, 4))}`);
                        const labels = await page.evaluate(() => [...document.querySelectorAll('svg.matrix text.label-text, svg.matrix text.column-label')]
                            .map(text => text.getBoundingClientRect().height).filter(height => height < 9));
                        if (labels.length > 0) throw new Error(`labels ${labels.length} under 9 px: ${labels.slice(0, 4).join(', ')}`);
                    });
                }
                if (plan === 'harbour-museum' && width === 1280) {
                    await check(`${name}: no pointer over the matrix's points (no script acts on them)`, async () => {
                        const cursors = await page.evaluate(() => [...document.querySelectorAll('svg.matrix .point, svg.matrix .point *')].map(element => getComputedStyle(element).cursor));
                        if (cursors.length === 0 || cursors.some(cursor => cursor === 'pointer')) throw new Error(`cursors: ${[...new Set(cursors)].join(', ')}`);
                    });
                }
                await page.close();
            }
        }
    }

    const report = pathToFileURL(reports['three-hundred-projects']).href;
    await check('report of 300 projects: a full-page capture has content to its end', async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(report);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (height < 20_000) throw new Error(`the page is ${height} px high`);
        const bottom = await page.screenshot({ fullPage: true, clip: { x: 0, y: height - 2500, width: 1280, height: 2400 } });
        writeFileSync(join(shots, 'report-300-full-page-bottom.png'), bottom);
        const ink = inkShare(bottom);
        if (ink < 0.02) throw new Error(`the last 2,400 px are blank (${(ink * 100).toFixed(2)} % ink)`);
        await page.close();
    });
    await check('report of 300 projects in print: no forced page break, "What it lacks" 150 px wide or more, no word cut, light in a dark scheme', async () => {
        const page = await browser.newPage({ viewport: { width: A4_CONTENT.width, height: 1100 }, colorScheme: 'dark' });
        await page.goto(report);
        await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
        const forced = await page.evaluate(() => [...document.querySelectorAll('*')].filter(element => ['page', 'left', 'right'].includes(getComputedStyle(element).breakBefore)).map(element => element.className));
        if (forced.length > 0) throw new Error(`forced breaks before: ${forced.join(', ')}`);
        const lacks = await page.evaluate(() => document.querySelector('#projects thead th:nth-child(6)')?.getBoundingClientRect().width ?? 0);
        if (lacks < 150) throw new Error(`"What it lacks" is ${Math.round(lacks)} px wide`);
        const cut = await page.evaluate(cutWords, 'main tr:nth-child(-n+40) td, main th');
        if (cut.length > 0) throw new Error(`cut words: ${cut.slice(0, 10).join(', ')}`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (background !== 'rgb(255, 255, 255)') throw new Error(`printed on ${background}`);
        await page.close();
    });
    await check('report of 300 projects printed on A4 three times: every time the same number of pages, all of the report', async () => {
        // The print layout's height, in pages: a lower bound (each break where a row or figure would be cut adds room).
        const measure = await browser.newPage({ viewport: { width: A4_CONTENT.width, height: 1100 } });
        await measure.goto(report);
        await measure.addStyleTag({ content: '* { content-visibility: visible !important; }' });
        await measure.emulateMedia({ media: 'print' });
        const expected = Math.floor(await measure.evaluate(() => document.documentElement.scrollHeight) / A4_CONTENT.height);
        await measure.close();
        const counts = [];
        for (let run = 0; run < 3; run++) {
            const page = await browser.newPage({ viewport: { width: A4_CONTENT.width, height: 1100 } });
            await page.goto(report);
            const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
            if (run === 0) writeFileSync(join(out, 'three-hundred-projects.pdf'), pdf);
            counts.push((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length);
            await page.close();
        }
        if (new Set(counts).size !== 1 || counts[0] < expected) throw new Error(`pages ${counts.join(', ')}; the print layout holds at least ${expected}`);
    });

    const script = pathToFileURL(join(root, 'media/overview.js')).href;
    for (const plan of Object.keys(pages.PLANS)) {
        for (const theme of SCHEMES) {
            for (const width of VIEW_WIDTHS) {
                const { html, message } = await pages.overviewPage(plan, theme, script, width);
                const file = join(out, `layout-view-${plan}-${theme}-${width}.html`);
                writeFileSync(file, html);
                const page = await browser.newPage({ viewport: { width, height: 800 } });
                // The webview's API: the page's messages to the extension are dropped; the extension's message is posted below.
                await page.addInitScript(() => { window.acquireVsCodeApi = () => ({ postMessage() {} }); });
                await page.goto(pathToFileURL(file).href);
                await page.evaluate(data => window.postMessage(data, '*'), message);
                await page.waitForSelector('#projects tbody tr');
                const name = `overview ${plan} at ${width} px, ${theme}`;
                await check(`${name}: no sideways scrolling (the page, a table, a drawing), no word cut in a table`, async () => {
                    const wide = await page.evaluate(overflowing, '.table-wrap, table, figure');
                    if (wide.length > 0) throw new Error(wide.slice(0, 6).join('; '));
                    const drawings = await page.evaluate(() => [...document.querySelectorAll('figure svg')].filter(svg => svg.getBoundingClientRect().right > svg.parentElement.getBoundingClientRect().right + 1).length);
                    if (drawings > 0) throw new Error(`${drawings} drawings cut at the right`);
                    const cut = await page.evaluate(cutWords, 'main tr td, main th');
                    if (cut.length > 0) throw new Error(`cut words: ${cut.slice(0, 10).join(', ')}`);
                    await page.screenshot({ path: join(shots, `overview-${plan}-${width}-${theme}.png`) });
                });
                await check(`${name}: a compact header, and a section's link lands with its heading below it`, async () => {
                    const header = await page.evaluate(() => document.querySelector('.view-top').getBoundingClientRect().height);
                    const most = width >= 660 ? 100 : 120;
                    if (header > most) throw new Error(`the header is ${Math.round(header)} px high (at most ${most})`);
                    for (const id of ['stages', 'diagnostics']) {
                        await page.locator(`.toc a[href="#${id}"]`).click();
                        await page.waitForFunction(target => location.hash === `#${target}`, id);
                        const place = await page.evaluate(target => ({
                            heading: document.getElementById(`${target}-heading`).getBoundingClientRect().top,
                            header: document.querySelector('.view-top').getBoundingClientRect().bottom,
                            scrolled: window.scrollY,
                            room: document.documentElement.scrollHeight - window.innerHeight
                        }), id);
                        if (place.heading < place.header) throw new Error(`#${id}: its heading at ${Math.round(place.heading)} px, under the header (to ${Math.round(place.header)} px)`);
                        if (place.scrolled < place.room - 1 && place.heading > place.header + 40) throw new Error(`#${id}: its heading at ${Math.round(place.heading)} px, far below the header`);
                    }
                    await page.evaluate(() => window.scrollTo(0, 0));
                });
                await check(`${name}: axe-core finds no serious or critical violation`, () => expectAccessible(page));
                await page.close();
            }
        }
    }
}
