/**
 * Langium 4.4's parser (chevrotain 13) calls Object.groupBy, which Node.js has from version 21.
 * The project's scripts run on the Node.js 24 it installs as a dev dependency; this shim lets the
 * bundled CLI and language server also run on an older system Node.js (20).
 * Import it first in every executable entry point.
 */
type GroupBy = <K extends PropertyKey, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Partial<Record<K, T[]>>;

const objectWithGroupBy = Object as ObjectConstructor & { groupBy?: GroupBy };
if (typeof objectWithGroupBy.groupBy !== 'function') {
    objectWithGroupBy.groupBy = <K extends PropertyKey, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
        const groups = Object.create(null) as Partial<Record<K, T[]>>;
        let index = 0;
        for (const item of items) {
            const k = key(item, index++);
            (groups[k] ??= []).push(item);
        }
        return groups;
    };
}

const mapWithGroupBy = Map as MapConstructor & { groupBy?: <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]> };
if (typeof mapWithGroupBy.groupBy !== 'function') {
    mapWithGroupBy.groupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
        const groups = new Map<K, T[]>();
        let index = 0;
        for (const item of items) {
            const k = key(item, index++);
            const group = groups.get(k);
            if (group) group.push(item);
            else groups.set(k, [item]);
        }
        return groups;
    };
}

export {};
