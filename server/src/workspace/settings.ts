// The server's settings: one declaration (keys, defaults, allowed values) that the
// server sanitises against and a test compares with package.json
// `contributes.configuration`. Settings are read per resource through
// `workspace/configuration`; bad values fall back to the default for that resource
// only (like vscode-eslint), with a message naming the key.
import { isValidIsoDate } from '../analysis';
import { SETTINGS_SECTION } from '../shared/protocol';

export type UnattributedQuoteSetting = 'warning' | 'information' | 'off';

export interface Settings {
  diagnostics: { unattributedQuote: UnattributedQuoteSetting };
  /** Reference date for files without a valid header (YYYY-MM-DD), '' = none. */
  referenceDate: string;
  /** The most symbols an outline lists (documentSymbol). */
  outline: { maxItems: number };
  trace: { server: 'off' | 'messages' | 'verbose' };
}

interface SettingSpec {
  /** Path under the section, e.g. "diagnostics.unattributedQuote". */
  path: string;
  default: string | number;
  /** Allowed values, or a validator for free-form strings. */
  enum?: readonly string[];
  valid?: (v: string) => boolean;
  /** An integer setting, at least this. */
  minimum?: number;
}

/** Every setting the server reads (package.json must declare exactly these). */
export const SETTING_SPECS: readonly SettingSpec[] = [
  { path: 'diagnostics.unattributedQuote', default: 'warning', enum: ['warning', 'information', 'off'] },
  { path: 'referenceDate', default: '', valid: (v) => v === '' || isValidIsoDate(v) },
  { path: 'outline.maxItems', default: 500, minimum: 10 },
  // Read by vscode-languageclient itself (client id "seedAnnotator"); declared here so
  // the package.json agreement test covers it.
  { path: 'trace.server', default: 'off', enum: ['off', 'messages', 'verbose'] },
];

export const settingKey = (path: string) => `${SETTINGS_SECTION}.${path}`;

export function defaultSettings(): Settings {
  return sanitizeSettings(undefined).settings;
}

/**
 * Turns whatever the client answered (an object, null, junk) into valid settings.
 * `problems` lists the keys that had bad values, for a log line.
 */
export function sanitizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const read = (spec: SettingSpec): string | number => {
    const value = lookup(raw, spec.path);
    if (value === undefined || value === null) return spec.default;
    if (spec.minimum !== undefined) {
      if (Number.isInteger(value) && (value as number) >= spec.minimum) return value as number;
      problems.push(`${settingKey(spec.path)}: ${JSON.stringify(value)} is not an integer of at least ${spec.minimum}, using ${spec.default}`);
      return spec.default;
    }
    const ok = typeof value === 'string' && (spec.enum ? spec.enum.includes(value) : spec.valid ? spec.valid(value.trim()) : true);
    if (!ok) {
      problems.push(`${settingKey(spec.path)}: ${JSON.stringify(value)} is not valid, using ${JSON.stringify(spec.default)}`);
      return spec.default;
    }
    return (value as string).trim();
  };
  const [unattributed, referenceDate, maxItems, trace] = SETTING_SPECS.map(read);
  return {
    settings: {
      diagnostics: { unattributedQuote: unattributed as UnattributedQuoteSetting },
      referenceDate: referenceDate as string,
      outline: { maxItems: maxItems as number },
      trace: { server: trace as Settings['trace']['server'] },
    },
    problems,
  };
}

/** Reads "a.b" from a nested object, or from a flat `{"a.b": v}` as some clients send. */
function lookup(raw: unknown, path: string): unknown {
  if (!raw || typeof raw !== 'object') return undefined;
  const flat = (raw as Record<string, unknown>)[path];
  if (flat !== undefined) return flat;
  let cur: unknown = raw;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
