// Registers every Seed command. Each factory documents its arguments and result; the
// commands the language server's code actions send are in server/src/shared/protocol.ts.
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
