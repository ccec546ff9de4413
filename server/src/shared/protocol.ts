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
