// Registers every Seed command. The commands the language server's code actions send
// are in server/src/shared/protocol.ts. Every command can run without UI when given
// its arguments (tests: vscode.commands.executeCommand(id, args)); on an expected failure
// (wrong span, broken sidecar, unknown id) it shows a message and resolves to undefined.
//
// Span = { uri: string (URI or fs path), start, end (UTF-16 offsets, BOM excluded) }
//        or { uri, range: LSP range } or { uri, exact } (first occurrence); `exact` with
//        offsets re-anchors the span if the text moved. No span = the active editor's
//        selection (quote commands: the quote around the cursor).
// AnnotationResult = { uri, sidecar (fs path), id, kind, start, end, exact,
//        speaker?, speech?, name?, type?, value?, note? }
//
// seed.annotateSpeaker   Span & { speaker?, candidates? }  → AnnotationResult (kind quote, speech true)
// seed.markTerm          Span                              → AnnotationResult (speech false, no speaker)
// seed.markSpeech        Span                              → AnnotationResult (speech true)
// seed.annotateQuote     Span & { speaker? }               → AnnotationResult
// seed.annotatePlace     Span & { name? }                  → AnnotationResult (name defaults to the text)
// seed.annotateActor     Span & { name?, type? }           → AnnotationResult (type person|organization|group|country)
// seed.annotateDate      Span & { value? }                 → AnnotationResult (value 2023-03-25|2023-03|2023|2023-W14;
//                                                            default: the date the analysis found there)
// seed.addNote           { uri, id, note } | Span & { note } → AnnotationResult (note on annotation `id`, on the
//                                                            annotation with exactly that span, or a new note)
// seed.removeAnnotation  { uri, id } | Span | tree node    → { uri, id, removed: true }
// seed.reattachOrphan    { uri, id, start, end } | tree node → AnnotationResult (target moved to the span)
// seed.nextAnnotation / seed.previousAnnotation  { uri?, offset? } → { uri, id, start, end } (selects it; wraps)
// seed.nextUnattributed  { uri?, offset? }                 → { uri, start, end } of the next quote without speaker
// seed.revealAnnotation  { uri, id }                       → { uri, id, start, end } (-1 for an orphan)
// seed.openSidecar       { uri } | Uri | string            → sidecar URI string (opened at the first error if broken)
// seed.export            { uri?, format?, output?, includeDetected? } → ExportResult
// seed.exportWorkspace   { format?, output?, includeDetected? }       → ExportResult
//                        format w3c|jsonl|csv (output = file) or brat|md (output = folder);
//                        ExportResult = { format, output, files, articles, records, orphans, skipped, cancelled }
// seed.inspect           { uri } | Uri                     → { uri, sidecar, sidecarExists, annotations (views),
//                                                            error?, pendingSave, quotes {attributed,total,human}, status? }
// seed.inspectTree       —                                 → the Annotations view's nodes (file → kind → group → annotation)
// seed.refreshAnnotations —                                → true (reloads every sidecar, rescans the workspace)
import * as vscode from 'vscode';
import { Commands } from '../../../server/src/shared/protocol';
import { addNote, annotateActor, annotateDate, annotatePlace, annotateQuote, annotateSpeaker, markSpeech, markTerm } from './annotate';
import { guarded, type CommandContext } from './context';
import { reattachOrphan, removeAnnotation } from './edit';
import { exportCommand } from './exportCommands';
import { moveToAnnotation, nextUnattributed, revealAnnotation } from './navigate';
import { inspect, openSidecar } from './sidecar';

export function registerCommands(ctx: CommandContext): vscode.Disposable {
  const table: Record<string, (...args: never[]) => Promise<unknown>> = {
    [Commands.annotateSpeaker]: annotateSpeaker(ctx),
    [Commands.markTerm]: markTerm(ctx),
    'seed.markSpeech': markSpeech(ctx),
    'seed.annotateQuote': annotateQuote(ctx),
    'seed.annotatePlace': annotatePlace(ctx),
    'seed.annotateActor': annotateActor(ctx),
    'seed.annotateDate': annotateDate(ctx),
    'seed.addNote': addNote(ctx),
    'seed.removeAnnotation': removeAnnotation(ctx),
    'seed.reattachOrphan': reattachOrphan(ctx),
    'seed.nextAnnotation': moveToAnnotation(ctx, 1),
    'seed.previousAnnotation': moveToAnnotation(ctx, -1),
    'seed.nextUnattributed': nextUnattributed(ctx),
    'seed.revealAnnotation': revealAnnotation(ctx),
    'seed.openSidecar': openSidecar(ctx),
    'seed.export': exportCommand(ctx, 'file'),
    'seed.exportWorkspace': exportCommand(ctx, 'workspace'),
    'seed.inspect': inspect(ctx),
    // The Annotations view's nodes as data (file → kind → group → annotation), for tests.
    'seed.inspectTree': async () => (ctx.tree ? ctx.tree.getChildren() : []),
    'seed.refreshAnnotations': async () => {
      for (const e of ctx.store.loaded()) await ctx.store.reload(e.source);
      ctx.tree?.refresh(true);
      return true;
    },
  };
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, fn]) => vscode.commands.registerCommand(id, guarded(ctx, id, fn as (...a: unknown[]) => Promise<unknown>))),
  );
}
