// @ts-check
// The page of the "Quick wins" webview: renders the ranking the extension posts (DOM APIs
// only, no HTML strings), and tells the extension which project a person chose. Rows are
// buttons: Tab, Enter and Space work as everywhere; Up/Down/Home/End move between rows.
(function () {
    // @ts-ignore acquireVsCodeApi is provided by the webview host
    const vscode = acquireVsCodeApi();
    const list = /** @type {HTMLOListElement} */ (document.getElementById('projects'));
    const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
    const heading = /** @type {HTMLElement} */ (document.getElementById('heading'));

    /** @param {string} tag @param {string} className @param {string} [text] */
    function element(tag, className, text) {
        const node = document.createElement(tag);
        node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
    }

    /** @param {number} value */
    function format(value) {
        return Number.isInteger(value) ? String(value) : value.toFixed(1);
    }

    /** @param {number} count @param {string} one @param {string} many */
    function plural(count, one, many) {
        return `${count} ${count === 1 ? one : many}`;
    }

    function summaryText(result) {
        const total = result.projects.length;
        if (total === 0) return 'This plan has no projects yet.';
        const wins = result.projects.filter(p => p.quickWin).length;
        const errors = result.diagnostics.filter(d => d.severity === 'error').length;
        const lead = wins === 0
            ? `No quick wins yet among ${plural(total, 'project', 'projects')}.`
            : `${wins} of ${plural(total, 'project', 'projects')} ${wins === 1 ? 'is a quick win' : 'are quick wins'}.`;
        return errors > 0 ? `${lead} The plan has ${plural(errors, 'error', 'errors')}: scores may be incomplete.` : lead;
    }

    function partsText(parts) {
        return Object.entries(parts).map(([part, points]) => `${part} ${format(points)}`).join(' · ');
    }

    function row(project, data) {
        const item = element('li', project.quickWin ? 'project quick-win' : 'project');
        const button = /** @type {HTMLButtonElement} */ (element('button', 'row'));
        button.type = 'button';
        button.dataset.line = String(project.line);
        button.dataset.name = project.name;
        const missing = project.missing ?? [];
        button.setAttribute('aria-label',
            `Rank ${project.rank}: ${project.title}, score ${format(project.score)} of ${format(data.fullScore)}` +
            (project.quickWin ? ', quick win' : missing.length ? `, missing: ${missing.join('; ')}` : ''));

        button.append(element('span', 'rank', String(project.rank)));
        const main = element('span', 'main');
        const titleLine = element('span', 'title-line');
        titleLine.append(element('span', 'title', project.title || project.name), element('span', 'name', `${project.name} · stage ${project.stage}`));
        main.append(titleLine);

        const bar = element('span', 'bar');
        bar.setAttribute('aria-hidden', 'true');
        const fill = element('span', 'fill');
        fill.style.width = `${Math.max(0, Math.min(100, (project.score / data.fullScore) * 100))}%`;
        const threshold = element('span', 'threshold');
        threshold.style.left = `${Math.max(0, Math.min(100, (data.threshold / data.fullScore) * 100))}%`;
        threshold.title = `quick-win threshold ${format(data.threshold)}`;
        bar.append(fill, threshold);
        main.append(bar, element('span', 'parts', partsText(project.parts)));
        if (!project.quickWin && missing.length > 0) {
            const list = element('ul', 'missing');
            for (const reason of missing) list.append(element('li', '', reason));
            main.append(list);
        }
        button.append(main, element('span', 'score', format(project.score)));
        button.append(project.quickWin ? element('span', 'badge', 'Quick win') : element('span', 'badge none', ''));
        item.append(button);
        return item;
    }

    function render(data) {
        const focusedName = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.name : undefined;
        heading.textContent = `Quick wins — ${data.result.plan || 'plan'}`;
        summary.textContent = summaryText(data.result);
        list.replaceChildren(...data.result.projects.map(project => row(project, data)));
        if (focusedName) {
            const again = Array.from(list.querySelectorAll('button.row')).find(b => b instanceof HTMLElement && b.dataset.name === focusedName);
            if (again instanceof HTMLElement) again.focus();
        }
    }

    list.addEventListener('click', event => {
        const button = event.target instanceof Element ? event.target.closest('button.row') : null;
        if (button instanceof HTMLElement) vscode.postMessage({ type: 'reveal', line: Number(button.dataset.line) });
    });

    list.addEventListener('keydown', event => {
        const rows = Array.from(list.querySelectorAll('button.row'));
        const index = rows.indexOf(/** @type {Element} */ (document.activeElement));
        if (index < 0) return;
        const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        const target = rows[Math.max(0, Math.min(rows.length - 1, next))];
        if (target instanceof HTMLElement) target.focus();
    });

    window.addEventListener('message', event => {
        if (event.data && event.data.type === 'rank') render(event.data);
    });
    vscode.postMessage({ type: 'ready' });
})();
