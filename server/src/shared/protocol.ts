// The contract between the language server and the VS Code client: command ids the
// server's code actions run (the client implements them) and their argument shapes.
// Plain data only: this file is imported by both sides, so it must not import
// `vscode` or `vscode-languageserver`.

/** The language id of seed files (package.json `contributes.languages`). */
export const SEED_LANGUAGE_ID = 'seed';

/** The configuration section of every setting (`seedAnnotator.*`). */
export const SETTINGS_SECTION = 'seedAnnotator';

/** An LSP position: zero-based line and UTF-16 character. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/**
 * A span of a seed file as the server saw it when it offered the action.
 * `range` is for the editor; `start`/`end` are UTF-16 offsets in the text with a
 * leading BOM removed (the analysis' offsets, what sidecars store); `exact` is the
 * text of the span, so the client can re-anchor it if the document moved on.
 */
export interface SpanArgs {
  /** The document URI as the client sent it. */
  uri: string;
  range: ProtocolRange;
  start: number;
  end: number;
  exact: string;
}

export const Commands = {
  /**
   * Attribute a quote to a speaker: `[AnnotateSpeakerArgs]`. With `speaker` the client
   * writes the annotation directly; without it the client prompts for a name
   * (offering `candidates`).
   */
  annotateSpeaker: 'seed.annotateSpeaker',
  /** Mark a quote as a term (scare quotes, a title), not speech: `[MarkTermArgs]`. */
  markTerm: 'seed.markTerm',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export interface AnnotateSpeakerArgs extends SpanArgs {
  /** Canonical actor name; absent = ask the user. */
  speaker?: string;
  /** Nearby actors to offer when prompting (nearest first). */
  candidates?: string[];
}

export type MarkTermArgs = SpanArgs;

// ---- seed/quotes: the client's views read the server's analysis ------------------------

/**
 * `seed/quotes` (client → server request): the quotes of an open document as the server
 * analysed it, the file's human annotations applied, for the client's CodeLenses, status
 * bar, navigation and pickers, so the extension host never analyses a text itself.
 *
 * Every `start`/`end` in the answer is a UTF-16 offset into the document's text AS THE
 * EDITOR HAS IT (a leading BOM, if the editor kept one, counts), so the client converts
 * them with its own `document.positionAt`. The answer is for the latest version the
 * server has; when the client names a version the server has not seen yet, the server
 * waits for it (a few seconds at most, then the request fails).
 */
export const QuotesRequestMethod = 'seed/quotes';

export interface QuotesParams {
  /** The document URI as the client sends it in textDocument/didOpen. */
  uri: string;
  /** The document version the client has. */
  version: number;
  /**
   * An opaque key of the sidecar as the client last wrote or read it. When it differs
   * from the key of the previous request for this document (while it stays open), the
   * server re-reads the sidecar before answering: its file watcher event may not have
   * arrived yet. The first key is only noted.
   */
  sidecar?: string;
  /**
   * The span a picker is for. With it the answer also carries `actors` (distinct
   * names, the one mentioned nearest this span first), `places` and `dates`.
   */
  near?: { start: number; end: number };
  /**
   * The `analysis` of an answer the client holds. When the server's analysis is still
   * that one, the answer says `unchanged: true` and its `quotes` are empty: the client
   * asks again after every diagnostics change, most of which leave the quotes alone.
   * Ignored with `near`.
   */
  known?: number;
  /**
   * The client can apply a `QuotesDelta` (shared/quotesDelta.ts). The server then
   * remembers the last few analyses it answered this document with (requests with
   * `deltas`, without `near`), and when `known` names one of them but the analysis
   * changed since, the answer carries `delta`, the quotes as a change of the ones named,
   * with `quotes` empty: a typing session moves a few quotes per keystroke over the wire,
   * not the whole list. Otherwise the answer is as without it (full, or "unchanged").
   * Ignored with `near`.
   */
  deltas?: boolean;
}

/**
 * The quotes of the answer as an edit of the quotes of analysis `from` (the client's,
 * named in `known`): the first `keep` of them stay as they are, the next `drop` are
 * replaced by `insert`, and every one after those moves by `shift` characters (added to
 * `start` and `end`; nothing else about them changed). Applied, it gives exactly the
 * `quotes` a full answer would carry.
 */
export interface QuotesDelta {
  from: number;
  keep: number;
  drop: number;
  insert: QuoteInfo[];
  shift: number;
}

export interface QuoteInfo {
  start: number;
  end: number;
  kind: 'speech' | 'term';
  /** Canonical name of the speaker; null when unattributed. */
  speaker: string | null;
  /** How the speaker was found (an AttributionVia; 'annotation' = a person said so). */
  via: string | null;
  /** The cue ("said", "according to", ":"), when the attribution has one. */
  cue: string | null;
}

export interface DateInfo {
  start: number;
  end: number;
  /** Normalised value: 2023-03-27, 2023-03, 2023, 2023-W14. */
  value: string;
}

export interface QuotesResult {
  uri: string;
  /** The version these offsets index (the latest the server has, ≥ the version asked). */
  version: number;
  /** Names the server's analysis this answer comes from (one per version and sidecar/names state). */
  analysis: number;
  /** The analysis is the one named by `known`: `quotes` is left empty, the client's copy holds. */
  unchanged?: true;
  /** With `deltas`: the quotes as a change of the client's (`quotes` is then empty). */
  delta?: QuotesDelta;
  quotes: QuoteInfo[];
  /** With `near` only: distinct actor names, nearest mention first. */
  actors?: string[];
  /** With `near` only: distinct place names, in order of first mention. */
  places?: string[];
  /** With `near` only: every date with its value. */
  dates?: DateInfo[];
}
