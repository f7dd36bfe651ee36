/**
 * Mermaid's own parser in Node, for the tests of the Markdown report's diagrams: mermaid 12 with
 * a small DOM (linkedom) for its sanitiser, no browser. `checkMermaid` parses a diagram as
 * GitHub's Mermaid would, then builds its data (a gantt's dates, a quadrant chart's points),
 * which catches what the grammar alone lets through (a date that is not one).
 */
import { parseHTML } from 'linkedom';

type Mermaid = typeof import('mermaid').default;
let loaded: Promise<Mermaid> | undefined;

function mermaid(): Promise<Mermaid> {
    loaded ??= (async () => {
        const { window } = parseHTML('<!DOCTYPE html><html><body></body></html>') as unknown as { window: { document: unknown } };
        const global = globalThis as Record<string, unknown>;
        global.window ??= window;
        global.document ??= window.document;
        return (await import('mermaid')).default;
    })();
    return loaded;
}

export interface MermaidCheck {
    readonly type: string;
    /** A gantt's tasks: name, start and end (ISO dates), milestone or not. */
    readonly tasks?: ReadonlyArray<{ task: string; start: string; end: string; milestone: boolean }>;
    /** A quadrant chart's points: their texts. */
    readonly points?: readonly string[];
}

/** Parses and builds a diagram; throws Mermaid's own error when it does not parse or build. */
export async function checkMermaid(text: string): Promise<MermaidCheck> {
    const api = await mermaid();
    const { diagramType } = await api.parse(text);
    const diagram = await api.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db as unknown as {
        getTasks?: () => Array<{ task: string; startTime: Date; endTime: Date; milestone?: boolean }>;
        getQuadrantData?: () => { points: Array<{ text: { text: string } }> };
    };
    if (db.getTasks) {
        return {
            type: diagramType,
            tasks: db.getTasks().map(task => ({
                task: task.task.trim(), start: iso(task.startTime), end: iso(task.endTime), milestone: task.milestone === true
            }))
        };
    }
    if (db.getQuadrantData) return { type: diagramType, points: db.getQuadrantData().points.map(point => point.text.text) };
    return { type: diagramType };
}

function iso(date: Date): string {
    if (Number.isNaN(date.getTime())) throw new Error('an invalid date');
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
