/**
 * A trailing-edge debounce for editor events: many edits in a row cause one refresh.
 */
export interface Debounced<A extends unknown[]> {
    (...args: A): void;
    cancel(): void;
}

export function debounce<A extends unknown[]>(action: (...args: A) => void, waitMs: number): Debounced<A> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const debounced = (...args: A): void => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
            timer = undefined;
            action(...args);
        }, waitMs);
    };
    debounced.cancel = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
    };
    return debounced;
}
