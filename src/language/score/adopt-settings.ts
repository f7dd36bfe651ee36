/**
 * The quick-win settings in force for a language instance. The editor updates them from
 * `adopt.quickWins.*`, the CLI from `--config`; a bad value leaves the defaults in force.
 */
import { Emitter, type Event } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseQuickWinSettings, type QuickWinSettings } from './quick-win-settings.js';

export class AdoptSettings {
    private settings: QuickWinSettings = DEFAULT_SETTINGS;
    private readonly changed = new Emitter<QuickWinSettings>();

    get current(): QuickWinSettings {
        return this.settings;
    }

    get onDidChange(): Event<QuickWinSettings> {
        return this.changed.event;
    }

    /**
     * Validates raw settings and puts them in force. Returns the problems found (empty when the
     * settings were accepted); with problems the defaults are put in force.
     */
    update(raw: unknown, fieldPrefix = ''): readonly string[] {
        const result = parseQuickWinSettings(raw, fieldPrefix);
        this.set(result.ok ? result.settings : DEFAULT_SETTINGS);
        return result.ok ? [] : result.problems;
    }

    set(settings: QuickWinSettings): void {
        if (!sameSettings(settings, this.settings)) {
            this.settings = settings;
            this.changed.fire(settings);
        }
    }
}

function sameSettings(a: QuickWinSettings, b: QuickWinSettings): boolean {
    return a.threshold === b.threshold && Object.keys(a.weights).every(key => a.weights[key as keyof typeof a.weights] === b.weights[key as keyof typeof b.weights]);
}
