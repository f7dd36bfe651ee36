// @ts-check
// The page of the "Quick wins" webview: renders the ranking the extension posts (DOM APIs
// only; the one HTML string is each project's score bar, drawn and escaped by the extension), of this plan or of every plan of the workspace grouped by plan, and
// tells the extension which project or mode a person chose. Rows are buttons: Tab, Enter and
// Space work as everywhere; Up/Down/Home/End move between rows (across plans too).
(function () {
    // @ts-ignore acquireVsCodeApi is provided by the webview host
    const vscode = acquireVsCodeApi();
    const content = /** @type {HTMLElement} */ (document.getElementById('content'));
    const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
    const heading = /** @type {HTMLElement} */ (document.getElementById('heading'));
    const modes = /** @type {HTMLButtonElement[]} */ (Array.from(document.querySelectorAll('button.mode')));

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

    function errorsOf(result) {
        return (result.diagnostics ?? []).filter(d => d.severity === 'error').length;
    }

    function planSummary(result) {
        const total = result.projects.length;
        if (total === 0) return 'This plan has no projects yet.';
        const wins = result.projects.filter(p => p.quickWin).length;
        const errors = errorsOf(result);
        const lead = wins === 0
            ? `No quick wins yet among ${plural(total, 'project', 'projects')}.`
            : `${wins} of ${plural(total, 'project', 'projects')} ${wins === 1 ? 'is a quick win' : 'are quick wins'}.`;
        return errors > 0 ? `${lead} The plan has ${plural(errors, 'error', 'errors')}: scores may be incomplete.` : lead;
    }

    function workspaceSummary(plans) {
        if (plans.length === 0) return 'The workspace has no plans (.adopt files) yet.';
        const projects = plans.reduce((n, plan) => n + plan.result.projects.length, 0);
        const wins = plans.reduce((n, plan) => n + plan.result.projects.filter(p => p.quickWin).length, 0);
        return `${plural(plans.length, 'plan', 'plans')}, ${plural(projects, 'project', 'projects')}, ${plural(wins, 'quick win', 'quick wins')}.`;
    }

    function partsText(parts) {
        return Object.entries(parts).map(([part, points]) => `${part} ${format(points)}`).join(' · ');
    }

    /** @param {any} project @param {any} data @param {string} [uri] the plan's document, in workspace mode */
    function row(project, data, uri) {
        const item = element('li', project.quickWin ? 'project quick-win' : 'project');
        const button = /** @type {HTMLButtonElement} */ (element('button', 'row'));
        button.type = 'button';
        button.dataset.line = String(project.line);
        button.dataset.name = project.name;
        if (uri) button.dataset.uri = uri;
        const missing = project.missing ?? [];
        // The row's name is its text as shown (what a person reads is what a screen reader says and
        // what speech input matches); the scale of the score, not shown, follows it unseen.

        button.append(element('span', 'rank', String(project.rank)));
        const main = element('span', 'main');
        const titleLine = element('span', 'title-line');
        // Effort (SPEC section 7) is not part of the score: shown beside the stage, when stated.
        const effort = project.effort ? ` · effort ${project.effort}` : '';
        titleLine.append(element('span', 'title', project.title || project.name), element('span', 'name', `${project.name} · stage ${project.stage}${effort}`));
        main.append(titleLine);

        // The score bar (one segment per part, the threshold marked) comes drawn by the extension,
        // with the building block the Plan Overview and the report use (src/report/report-blocks.ts).
        const bar = element('span', 'bar');
        bar.setAttribute('aria-hidden', 'true');
        bar.innerHTML = typeof project.barHtml === 'string' ? project.barHtml : '';
        main.append(bar, element('span', 'parts', partsText(project.parts)));
        if (!project.quickWin && missing.length > 0) {
            const list = element('ul', 'missing');
            for (const reason of missing) list.append(element('li', '', reason));
            main.append(list);
        }
        button.append(main, element('span', 'score', format(project.score)));
        button.append(project.quickWin ? element('span', 'badge', 'Quick win') : element('span', 'badge none', ''));
        button.append(element('span', 'unseen', ` (score ${format(project.score)} of ${format(data.fullScore)})`));
        item.append(button);
        return item;
    }

    /** @param {any} result @param {any} data @param {string} label @param {string} [uri] */
    function projectList(result, data, label, uri) {
        const list = element('ol', 'projects');
        list.setAttribute('aria-label', label);
        list.replaceChildren(...result.projects.map(project => row(project, data, uri)));
        return list;
    }

    /** The shared files a plan uses: each file's path (as the plan's `use` writes it) and what it brings in. */
    function usedFiles(plan) {
        const list = element('ul', 'plan-uses');
        list.setAttribute('aria-label', `Shared files ${plan.result.plan || plan.file} uses`);
        list.replaceChildren(...plan.used.map(used => {
            const item = element('li', 'plan-use');
            item.append('uses ', element('span', 'file-mark', used.file), `: ${used.text}`);
            return item;
        }));
        return list;
    }

    /** One plan of the workspace: its name, file, summary and the shared files it uses, then its ranked projects. */
    function planSection(plan, data, index) {
        const section = element('section', 'plan');
        const headingId = `plan-${index}`;
        section.setAttribute('aria-labelledby', headingId);
        const title = element('h2', 'plan-heading');
        title.id = headingId;
        const wins = plan.result.projects.filter(p => p.quickWin).length;
        title.append(element('span', 'plan-name', plan.result.plan || 'Unnamed plan'), element('span', 'plan-file', plan.file));
        const counts = element('span', wins > 0 ? 'plan-count has-wins' : 'plan-count', plan.result.projects.length === 0
            ? 'no projects'
            : `${wins} of ${plan.result.projects.length} ${wins === 1 ? 'quick win' : 'quick wins'}`);
        title.append(counts);
        section.append(title);
        const errors = errorsOf(plan.result);
        if (errors > 0) section.append(element('p', 'plan-errors', `${plural(errors, 'error', 'errors')} in this plan: scores may be incomplete.`));
        if (plan.used.length > 0) section.append(usedFiles(plan));
        if (plan.result.projects.length > 0) section.append(projectList(plan.result, data, `Projects of ${plan.result.plan || plan.file}, best first`, plan.uri));
        return section;
    }

    function render(data) {
        const focused = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
        const focusedKey = focused?.dataset.name ? `${focused.dataset.uri ?? ''}#${focused.dataset.name}` : undefined;
        for (const button of modes) {
            const chosen = button.dataset.mode === data.mode;
            button.setAttribute('aria-checked', String(chosen));
            button.classList.toggle('chosen', chosen);
            button.disabled = button.dataset.mode === 'plan' && !data.hasPlan;
        }
        document.body.dataset.mode = data.mode;
        if (data.mode === 'workspace') {
            heading.textContent = 'Quick wins — workspace';
            summary.textContent = workspaceSummary(data.plans);
            content.replaceChildren(...data.plans.map((plan, index) => planSection(plan, data, index)));
        } else {
            heading.textContent = `Quick wins — ${data.result.plan || 'plan'}`;
            summary.textContent = planSummary(data.result);
            content.replaceChildren(projectList(data.result, data, 'Projects, best first'));
        }
        if (focusedKey) {
            const again = rows().find(b => `${b.dataset.uri ?? ''}#${b.dataset.name}` === focusedKey);
            if (again) again.focus();
        }
    }

    /** @returns {HTMLElement[]} */
    function rows() {
        return /** @type {HTMLElement[]} */ (Array.from(content.querySelectorAll('button.row')));
    }

    content.addEventListener('click', event => {
        const button = event.target instanceof Element ? event.target.closest('button.row') : null;
        if (button instanceof HTMLElement) vscode.postMessage({ type: 'reveal', line: Number(button.dataset.line), uri: button.dataset.uri });
    });

    content.addEventListener('keydown', event => {
        const all = rows();
        const index = all.indexOf(/** @type {HTMLElement} */ (document.activeElement));
        if (index < 0) return;
        const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: all.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        all[Math.max(0, Math.min(all.length - 1, next))]?.focus();
    });

    for (const button of modes) {
        button.addEventListener('click', () => {
            if (button.getAttribute('aria-checked') !== 'true') vscode.postMessage({ type: 'mode', mode: button.dataset.mode });
        });
    }

    window.addEventListener('message', event => {
        if (event.data && event.data.type === 'rank') render(event.data);
    });
    vscode.postMessage({ type: 'ready' });
})();
