/**
 * The editor's settings in force for a language instance: the quick-win settings
 * (`adopt.quickWins.*`) and the severity per code (`adopt.diagnostics.severity`). A bad value
 * leaves the defaults in force. A config file (`adopt.config.json`) wins over these: see
 * src/language/config/settings-in-force.ts.
 */
import { Emitter, type Event } from 'vscode-languageserver';
import { parseSeverityOverrides, type SeverityOverrides } from '../config/adopt-config-schema.js';
import { DEFAULT_SETTINGS, parseQuickWinSettings, type QuickWinSettings } from './quick-win-settings.js';

export class AdoptSettings {
    private settings: QuickWinSettings = DEFAULT_SETTINGS;
    private severityOverrides: SeverityOverrides = {};
    private readonly changed = new Emitter<QuickWinSettings>();

    get current(): QuickWinSettings {
        return this.settings;
    }

    /** The severity per code that the editor's setting gives (codes not named keep their default). */
    get severity(): SeverityOverrides {
        return this.severityOverrides;
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

    /**
     * Validates the raw severity setting and puts it in force. Returns the problems found; with
     * problems, every code keeps its default severity.
     */
    updateSeverity(raw: unknown, fieldPrefix = ''): readonly string[] {
        const result = parseSeverityOverrides(raw, fieldPrefix);
        const severity = result.ok ? result.severity : {};
        if (JSON.stringify(severity) !== JSON.stringify(this.severityOverrides)) {
            this.severityOverrides = severity;
            this.changed.fire(this.settings);
        }
        return result.ok ? [] : result.problems.map(problem => problem.message);
    }
}

function sameSettings(a: QuickWinSettings, b: QuickWinSettings): boolean {
    return a.threshold === b.threshold && Object.keys(a.weights).every(key => a.weights[key as keyof typeof a.weights] === b.weights[key as keyof typeof b.weights]);
}
