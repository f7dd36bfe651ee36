// @ts-check
// The page of the Plan Overview webview: shows the sections the extension renders from the
// plan's overview (its own escaping renderer; no plan text is ever run as script), keeps the
// reader's place (scroll and focus) across updates, and tells the extension what a person chose:
// a project, stage, action, story or line to reveal, a page of projects, the export, the
// comparison with the last commit. Every
// declaration is a button: Tab, Enter and Space work as everywhere; Up/Down/Home/End move
// between the buttons of a section.
(function () {
    // @ts-ignore acquireVsCodeApi is provided by the webview host
    const vscode = acquireVsCodeApi();
    const content = /** @type {HTMLElement} */ (document.getElementById('content'));
    const title = /** @type {HTMLElement} */ (document.getElementById('title'));
    const status = /** @type {HTMLElement} */ (document.getElementById('status'));
    const exportButton = /** @type {HTMLButtonElement} */ (document.getElementById('export'));
    const compareButton = /** @type {HTMLButtonElement} */ (document.getElementById('compare'));
    const historyNote = /** @type {HTMLElement} */ (document.getElementById('history-note'));

    /** @param {HTMLElement | null} element */
    function keyOf(element) {
        if (!element) return undefined;
        if (element.dataset.line) return `line:${element.dataset.line}:${element.textContent}`;
        if (element.dataset.page !== undefined) return `page:${element.dataset.page}:${element.textContent}`;
        return undefined;
    }

    function focusable() {
        return /** @type {HTMLElement[]} */ (Array.from(content.querySelectorAll('button')));
    }

    /** Puts the focus back on the button it was on (same line and text), if it is still there. */
    /** @param {string | undefined} key */
    function refocus(key) {
        if (!key) return;
        const again = focusable().find(button => keyOf(button) === key);
        if (again) again.focus({ preventScroll: true });
    }

    window.addEventListener('message', event => {
        const data = event.data;
        if (!data || typeof data !== 'object') return;
        const focused = document.activeElement instanceof HTMLElement && content.contains(document.activeElement) ? keyOf(document.activeElement) : undefined;
        if (data.type === 'overview') {
            const scroll = window.scrollY;
            title.textContent = data.title;
            status.textContent = data.status;
            content.innerHTML = data.html;
            window.scrollTo(0, scroll);
            refocus(focused);
        } else if (data.type === 'section') {
            const section = document.getElementById(data.id);
            if (section) {
                section.outerHTML = data.html;
                const again = document.getElementById(data.id);
                const first = again?.querySelector('tbody button.reveal');
                // A section redrawn for another reason (the matrix for a new width) keeps the focus where it was.
                if (data.focus && first instanceof HTMLElement) first.focus();
                else refocus(focused);
            }
        } else if (data.type === 'compare') {
            // Shown only where git gives the plan's last commit; pressed while the comparison is shown.
            compareButton.hidden = !data.available;
            compareButton.setAttribute('aria-pressed', data.pressed && data.available ? 'true' : 'false');
            // Where there is no history at all (the browser: no git), a line says why.
            historyNote.textContent = data.note || '';
            historyNote.hidden = !data.note;
        } else if (data.type === 'status') {
            status.textContent = data.status;
        }
    });

    content.addEventListener('click', event => {
        const target = event.target instanceof Element ? event.target : null;
        const reveal = target?.closest('[data-line]');
        if (reveal instanceof HTMLElement || reveal instanceof SVGElement) {
            const line = Number(reveal.getAttribute('data-line'));
            if (Number.isInteger(line) && line > 0) vscode.postMessage({ type: 'reveal', line });
            return;
        }
        const page = target?.closest('button[data-page]');
        if (page instanceof HTMLButtonElement && !page.disabled) {
            const value = page.dataset.page;
            vscode.postMessage({ type: 'page', page: value === 'top' ? 'top' : Number(value) });
        }
    });

    content.addEventListener('keydown', event => {
        const active = document.activeElement;
        if (!(active instanceof HTMLButtonElement)) return;
        const section = active.closest('section');
        if (!section) return;
        const buttons = /** @type {HTMLButtonElement[]} */ (Array.from(section.querySelectorAll('button.reveal')));
        const index = buttons.indexOf(active);
        if (index < 0) return;
        const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
    });

    exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
    compareButton.addEventListener('click', () => vscode.postMessage({ type: 'compare' }));

    // The header stays at the top: a section's link must land with its heading below it, whatever the header's height.
    const header = document.querySelector('.view-top');
    if (header instanceof HTMLElement) {
        const setHeaderHeight = () => document.documentElement.style.setProperty('--header-height', `${Math.ceil(header.getBoundingClientRect().height)}px`);
        new ResizeObserver(setHeaderHeight).observe(header);
        setHeaderHeight();
    }

    // The matrix is drawn for the page's width (in steps of 40 pixels), so that its texts keep their size.
    let sentWidth = 0;
    let resizeTimer = 0;
    function sendWidth() {
        const width = Math.floor(content.clientWidth / 40) * 40;
        if (width > 0 && width !== sentWidth) {
            sentWidth = width;
            vscode.postMessage({ type: 'width', width });
        }
    }
    window.addEventListener('resize', () => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(sendWidth, 200);
    });
    sendWidth();
    vscode.postMessage({ type: 'ready' });
})();
