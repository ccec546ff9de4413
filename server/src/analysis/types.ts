// The typed result of analysing one seed file. Pure data: every offset is a
// UTF-16 code unit index into the text as an editor shows it (a leading BOM
// removed, line ends kept), `start` inclusive and `end` exclusive.

export interface Span {
  start: number;
  end: number;
}

export interface Header extends Span {
  /** The publication date as written in the header, when it is a valid ISO date. */
  date: string | null;
  /** The raw date token of the header, valid or not (e.g. "2023-02-30"). */
  rawDate: string | null;
  /** Span of the raw date token, when there is one. */
  dateSpan: Span | null;
  title: string | null;
}

export interface Paragraph extends Span {
  /** A short line without final punctuation: a section heading. */
  heading: boolean;
}

export interface Section extends Span {
  /** The heading text, or the article title for the first, untitled section. */
  title: string;
  /** Span of the heading line itself (null for the section before the first heading). */
  heading: Span | null;
}

export type QuoteKind = 'speech' | 'term';

export type AttributionVia =
  | 'cue'            // a speech verb before or after the quote ("X said", "said X")
  | 'according-to'   // "according to X"
  | 'colon'          // "X warned:" right before the quote
  | 'continuation'   // continues the previous quote of the same speaker
  | 'pronoun'        // "he said": resolved to the most recent fitting actor
  | 'interview'      // transcript line "NAME: …"
  | 'annotation';    // a human annotation (sidecar)

export interface Speaker extends Span {
  /** Canonical actor name ("Gurgen Simonyan" for "he" or "Simonyan"). */
  name: string;
  /** The mention the attribution rests on, as written ("he", "the headquarters"). */
  text: string;
  via: AttributionVia;
}

export interface Quote extends Span {
  /** The quote as written, marks included. */
  text: string;
  kind: QuoteKind;
  speaker: Speaker | null;
  /** The cue word ("said", "according to", ":"), when the attribution has one. */
  cue: string | null;
  cueSpan: Span | null;
  /** False when the quote never closed before the end of its paragraph run. */
  closed: boolean;
  /** Number of paragraphs the quote runs over (news convention: each reopens). */
  paragraphs: number;
}

export interface DateMention extends Span {
  text: string;
  /** TIMEX3-style value: 2023-03-27, 2023-03, 2023, 2023-W14. */
  value: string;
}

export type EntityKind = 'place' | 'actor';
export type ActorType = 'person' | 'organization' | 'group' | 'country';

export interface Entity extends Span {
  kind: EntityKind;
  /** The mention as written. */
  text: string;
  /** The canonical name this mention refers to. */
  name: string;
  /** Actors only. */
  type?: ActorType;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'unattributed-quote'
  | 'unclosed-quote'
  | 'missing-header'
  | 'invalid-date'
  | 'orphaned-annotation';

export interface RelatedInfo extends Span {
  message: string;
}

export interface Diagnostic extends Span {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  related?: RelatedInfo[];
}

export interface Analysis {
  header: Header | null;
  /** Reference date actually used for relative dates (header date, or the option). */
  referenceDate: string | null;
  paragraphs: Paragraph[];
  sections: Section[];
  quotes: Quote[];
  dates: DateMention[];
  places: Entity[];
  actors: Entity[];
  diagnostics: Diagnostic[];
}

/** One known name: a place or an actor with its aliases. */
export interface GazetteerEntry {
  name: string;
  kind: EntityKind;
  type?: ActorType;
  aliases?: string[];
  /** Adjective and demonym forms for countries ("Azerbaijani", "Azerbaijanis"). */
  adjectives?: string[];
  /** Where the entry comes from: the built-in list or the user's annotations. */
  origin?: 'builtin' | 'user';
}

export interface AnalyzeOptions {
  /** Reference date for files without a (valid) header, YYYY-MM-DD. */
  date?: string;
  /** Extra names (from the user's annotations) merged over the built-in gazetteer. */
  gazetteer?: GazetteerEntry[];
}
