/**
 * The user-facing documents link to each other and into the repository with relative links:
 * every such link in README.md, BENCHMARKS.md and docs/*.md must name a file or folder that
 * exists, and a `#anchor` must name a heading of the page it points to (as GitHub makes anchors
 * from headings). The Mermaid diagrams of docs/ must parse with Mermaid's own parser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkMermaid } from '../report/mermaid-check.js';

const ROOT = resolve(__dirname, '../..');
const DOCS = join(ROOT, 'docs');

const pages = [
    join(ROOT, 'README.md'),
    join(ROOT, 'BENCHMARKS.md'),
    ...readdirSync(DOCS).filter(name => name.endsWith('.md')).map(name => join(DOCS, name))
];

/** The lines outside fenced code blocks (with their line numbers), and the fenced blocks with their language. */
function split(markdown: string): { prose: Array<{ text: string; line: number }>; blocks: Array<{ language: string; text: string }> } {
    const prose: Array<{ text: string; line: number }> = [];
    const blocks: Array<{ language: string; text: string }> = [];
    let fence: { marker: string; language: string; lines: string[] } | undefined;
    for (const [index, line] of markdown.split(/\r?\n/).entries()) {
        const opening = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
        if (fence) {
            if (opening && opening[1].startsWith(fence.marker) && line.trim() === opening[1]) {
                blocks.push({ language: fence.language, text: fence.lines.join('\n') });
                fence = undefined;
            } else {
                fence.lines.push(line);
            }
        } else if (opening) {
            fence = { marker: opening[1], language: opening[2], lines: [] };
        } else {
            prose.push({ text: line, line: index + 1 });
        }
    }
    return { prose, blocks };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2, … */
function anchorsOf(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const { text: line } of split(markdown).prose) {
        const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (!heading) continue;
        const text = heading[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
        const slug = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    return anchors;
}

/** The relative link targets of a page's prose (inline code left out), with their line numbers. */
function linksOf(markdown: string): Array<{ target: string; line: number }> {
    const links: Array<{ target: string; line: number }> = [];
    split(markdown).prose.forEach(({ text: line, line: number }) => {
        const text = line.replace(/`[^`]*`/g, '``');
        for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
            const target = match[1];
            if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
            links.push({ target, line: number });
        }
    });
    return links;
}

describe('the documentation', () => {
    test('docs/README.md, the index, links to every page of docs/', () => {
        const index = linksOf(readFileSync(join(DOCS, 'README.md'), 'utf8')).map(link => link.target.split('#')[0]);
        const unlisted = readdirSync(DOCS).filter(name => name.endsWith('.md') && name !== 'README.md' && !index.includes(name));
        expect(unlisted).toEqual([]);
    });

    test.each(pages.map(page => [relative(ROOT, page), page]))('%s: every relative link names a file and heading that exist', (_name, page) => {
        const markdown = readFileSync(page, 'utf8');
        const broken: string[] = [];
        for (const { target, line } of linksOf(markdown)) {
            const [path, anchor] = target.split('#', 2) as [string, string | undefined];
            const file = path === '' ? page : resolve(dirname(page), decodeURI(path));
            if (!existsSync(file)) {
                broken.push(`${target} (line ${line}): no such file`);
                continue;
            }
            if (anchor === undefined) continue;
            if (!statSync(file).isFile() || !file.endsWith('.md')) {
                broken.push(`${target} (line ${line}): an anchor into something that is not a Markdown page`);
            } else if (!anchorsOf(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor))) {
                broken.push(`${target} (line ${line}): no heading with the anchor #${anchor}`);
            }
        }
        expect(broken).toEqual([]);
    });

    test('the anchors are made as GitHub makes them', () => {
        const anchors = anchorsOf([
            '# The config file `adopt.config.json`',
            '## `adopt check` in CI: formats and `--max-warnings`',
            "## The editor's settings",
            '## Notes', '## Notes',
            '```', '# not a heading', '```'
        ].join('\n'));
        expect([...anchors]).toEqual(['the-config-file-adoptconfigjson', 'adopt-check-in-ci-formats-and---max-warnings', 'the-editors-settings', 'notes', 'notes-1']);
    });

    test('links inside code are not links, links outside it are', () => {
        expect(linksOf('see [a](a.md) and `[b](b.md)`\n```\n[c](c.md)\n```\n[d](https://example.org) [e](#e)').map(link => link.target)).toEqual(['a.md', '#e']);
    });

    const diagrams = pages.flatMap(page => split(readFileSync(page, 'utf8')).blocks
        .filter(block => block.language === 'mermaid')
        .map(block => [relative(ROOT, page), block.text] as const));

    test('has a Mermaid diagram of the architecture', () => {
        expect(diagrams.map(([name]) => name)).toContain(join('docs', 'architecture.md'));
    });

    test.each(diagrams)('%s: its Mermaid diagram parses', async (_name, text) => {
        await expect(checkMermaid(text)).resolves.toMatchObject({ type: 'flowchart-v2' });
    });
});
