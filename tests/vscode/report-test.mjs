// The HTML report in a real browser (Debian's chromium, headless, driven by playwright-core):
// `adopt report` of two plans (tests/report/plans/), each opened from its file with every
// network request recorded, shown on screen (screenshots), laid out for print on A4 (no table
// or figure wider than the page's content box, so nothing is cut off) and printed to PDF
// (test-results/report/), and its quick-wins matrix measured with the browser's own fonts: no
// two labels overlap and no label covers a point. Run by scripts/test-vscode.mjs (--only=report).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runLayoutTests } from './report-layout-test.mjs';

const root = resolve(import.meta.dirname, '../..');
const PLANS = [
    { name: 'harbour-museum', file: 'tests/report/plans/harbour-museum.adopt' },
    { name: 'fifty-projects', file: 'tests/report/plans/fifty-projects.adopt' }
];
/** A4's width less the report's print margins (12 mm each side), in CSS pixels. */
const A4_CONTENT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

/**
 * @param {{ chromiumPath: string, screenshots: string, record: (title: string, error?: unknown) => void }} options
 */
export async function runReportTests({ chromiumPath, screenshots, record }) {
    const out = join(root, 'test-results/report');
    mkdirSync(out, { recursive: true });
    mkdirSync(screenshots, { recursive: true });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    try {
        for (const plan of PLANS) {
            const html = join(out, `${plan.name}.html`);
            const cli = spawnSync(process.execPath, [join(root, 'bin/adopt.cjs'), 'report', plan.file, '--today', '2027-03-01', '--out', html], { cwd: root, encoding: 'utf8' });
            if (cli.status !== 0 || cli.stderr) {
                record(`report ${plan.name}: adopt report writes it`, `exit ${cli.status}: ${cli.stderr}`);
                continue;
            }
            const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
            const requests = [];
            page.on('request', request => requests.push(request.url()));
            const check = async (title, action) => {
                try {
                    await action();
                    record(`report ${plan.name}: ${title}`);
                } catch (error) {
                    record(`report ${plan.name}: ${title}`, error instanceof Error ? error.message : error);
                }
            };
            await page.goto(pathToFileURL(html).href);
            await check('fetches nothing but its own file', async () => {
                await page.waitForLoadState('networkidle');
                const others = requests.filter(url => url !== pathToFileURL(html).href);
                if (others.length > 0) throw new Error(`requests: ${others.join(', ')}`);
            });
            await check('on screen: every section, and a screenshot of the first screen and of the matrix', async () => {
                const ids = await page.locator('main > section').evaluateAll(sections => sections.map(section => section.id));
                if (ids.length !== 9) throw new Error(`sections: ${ids.join(', ')}`);
                await page.screenshot({ path: join(screenshots, `report-${plan.name}-screen.png`) });
                await page.locator('#matrix figure').screenshot({ path: join(screenshots, `report-${plan.name}-matrix.png`) });
            });
            await check('the matrix as the browser draws it: no two labels overlap, no label covers a point', async () => {
                const problems = await page.evaluate(() => {
                    const boxes = selector => [...document.querySelectorAll(selector)].map(element => ({ element, box: element.getBoundingClientRect() }));
                    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                    const labels = boxes('svg.matrix text.label-text');
                    const points = boxes('svg.matrix g.point circle');
                    const found = [];
                    for (let i = 0; i < labels.length; i++) {
                        for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i].box, labels[j].box)) found.push(`${labels[i].element.textContent} / ${labels[j].element.textContent}`);
                        if (points.length <= 60) for (const point of points) if (overlap(labels[i].box, point.box)) found.push(`${labels[i].element.textContent} over a point`);
                    }
                    return { found, labels: labels.length };
                });
                if (problems.labels === 0) throw new Error('no labels drawn');
                if (problems.found.length > 0) throw new Error(problems.found.join('; '));
            });
            await check('laid out for print on A4: no table, figure or line wider than the page, and printed to PDF', async () => {
                await page.emulateMedia({ media: 'print' });
                await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1100 });
                const wide = await page.evaluate(limit => [...document.querySelectorAll('table, figure, svg, pre, p, li, h1, h2, h3')]
                    .filter(element => element.getBoundingClientRect().right > limit + 1 || element.scrollWidth > element.clientWidth + 1)
                    .map(element => `${element.tagName.toLowerCase()}.${element.className?.baseVal ?? element.className} (${Math.round(element.getBoundingClientRect().right)} px)`), A4_CONTENT_WIDTH);
                if (wide.length > 0) throw new Error(`wider than A4: ${wide.slice(0, 8).join(', ')}`);
                const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
                if (pageWidth > A4_CONTENT_WIDTH + 1) throw new Error(`the page is ${pageWidth} px wide`);
                const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
                writeFileSync(join(out, `${plan.name}.pdf`), pdf);
                const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
                if (pages < 2) throw new Error(`${pages} pages`);
                const size = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
                if (!size || Math.abs(Number(size[1]) - 595.92) > 2 || Math.abs(Number(size[2]) - 842.88) > 2) throw new Error(`not A4: ${size?.[0]}`);
            });
            await page.close();
        }
        const check = async (title, action) => {
            try {
                await action();
                record(`layout: ${title}`);
            } catch (error) {
                record(`layout: ${title}`, error instanceof Error ? error.message : error);
            }
        };
        await runLayoutTests({ browser, out, screenshots, check });
    } finally {
        await browser.close();
    }
}
