// Where a command applies: from its arguments (tests, code actions, CodeLenses) or from
// the active editor's selection. Arguments carry UTF-16 offsets (`start`/`end`, as the
// analysis and the sidecars count) and/or an LSP `range`; `exact` lets a span that the
// document has moved past be found again (shared anchoring).
import * as vscode from 'vscode';
import { anchor } from '../../../server/src/sidecar/anchor';
import type { ProtocolRange } from '../../../server/src/shared/protocol';
import { SEED_LANGUAGE_ID } from '../../../server/src/shared/protocol';
import { spanAt, trimSpan } from '../annotations/model';
import type { AnalysisService } from '../analysisService';

export interface SpanInput {
  uri?: string | vscode.Uri;
  start?: number;
  end?: number;
  range?: ProtocolRange;
  exact?: string;
}

export interface ResolvedSpan {
  uri: vscode.Uri;
  doc: vscode.TextDocument;
  start: number;
  end: number;
  exact: string;
}

import { UserError } from '../errors';

export { UserError };

export function toUri(u: string | vscode.Uri): vscode.Uri {
  return typeof u === 'string' ? (/^[a-z][a-z0-9+.-]+:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u;
}

export async function documentFor(uri?: string | vscode.Uri): Promise<vscode.TextDocument> {
  if (uri !== undefined) return vscode.workspace.openTextDocument(toUri(uri));
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== SEED_LANGUAGE_ID) throw new UserError('Open a seed article first.');
  return doc;
}

/** The span given by the arguments, found again through `exact` if the text moved. */
export async function spanFromArgs(args: SpanInput): Promise<ResolvedSpan> {
  const doc = await documentFor(args.uri);
  const text = doc.getText();
  let start = args.start;
  let end = args.end;
  if ((start === undefined || end === undefined) && args.range) {
    start = doc.offsetAt(new vscode.Position(args.range.start.line, args.range.start.character));
    end = doc.offsetAt(new vscode.Position(args.range.end.line, args.range.end.character));
  }
  if (start === undefined || end === undefined) {
    if (!args.exact) throw new UserError('A span needs start and end offsets, a range, or the exact text.');
    start = text.indexOf(args.exact);
    if (start === -1) throw new UserError(`"${args.exact}" is not in ${vscode.workspace.asRelativePath(doc.uri)}.`);
    end = start + args.exact.length;
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end < start) {
    throw new UserError(`The span ${start}–${end} is outside the article (length ${text.length}).`);
  }
  if (args.exact !== undefined && text.slice(start, end) !== args.exact) {
    const found = anchor(text, [{ id: 'span', kind: 'note', target: { exact: args.exact, start, end } }]).anchored[0];
    if (!found) throw new UserError(`The text changed: "${args.exact}" can no longer be found.`);
    ({ start, end } = found);
  }
  return { uri: doc.uri, doc, start, end, exact: text.slice(start, end) };
}

export type SelectionPolicy =
  /** The quote around the cursor or selection, else a non-empty selection. */
  | 'quote'
  /** The selection, or the word at the cursor. */
  | 'selection-or-word'
  /** The selection, which must not be empty. */
  | 'selection';

/** The span of the active editor a command applies to. */
export async function spanFromEditor(policy: SelectionPolicy, analyses: AnalysisService): Promise<ResolvedSpan> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== SEED_LANGUAGE_ID) throw new UserError('Open a seed article first.');
  const doc = editor.document;
  const text = doc.getText();
  let start = doc.offsetAt(editor.selection.start);
  let end = doc.offsetAt(editor.selection.end);
  if (policy === 'quote') {
    const quotes = await analyses.quotes(doc);
    const quote = spanAt(quotes, start, end);
    if (quote) ({ start, end } = quote);
    else if (start === end) throw new UserError('Put the cursor in a quote, or select the quoted text.');
  } else if (start === end) {
    const word = policy === 'selection-or-word' ? doc.getWordRangeAtPosition(editor.selection.active) : undefined;
    if (!word) throw new UserError('Select the text to annotate first.');
    start = doc.offsetAt(word.start);
    end = doc.offsetAt(word.end);
  }
  ({ start, end } = trimSpan(text, start, end));
  if (start === end) throw new UserError('The selection is only white space.');
  return { uri: doc.uri, doc, start, end, exact: text.slice(start, end) };
}

/** Whether the arguments name a span (then the command asks nothing it was not told). */
export function hasSpan(args: SpanInput | undefined): args is SpanInput {
  return !!args && (args.start !== undefined || args.range !== undefined || args.exact !== undefined);
}

/** Arguments given (a test, a code action, a CodeLens) or the editor's selection. */
export async function resolveSpan(args: SpanInput | undefined, policy: SelectionPolicy, analyses: AnalysisService): Promise<ResolvedSpan> {
  return hasSpan(args) ? spanFromArgs(args) : spanFromEditor(policy, analyses);
}
