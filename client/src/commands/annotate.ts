// The annotation commands: attribute a quote's speaker, mark a quote as term or speech,
// annotate a selection as quote, place, actor or date, add a note. Each takes optional
// arguments (a span, and the value it would otherwise ask for) so code actions, CodeLenses
// and tests run it without prompts, and returns the saved annotation (AnnotationResult).
import type { ActorType } from '../../../server/src/analysis/types';
import { nowIso, type AnnotationKind } from '../../../server/src/sidecar/format';
import { upsertAnnotation, withFields, type Fields } from '../annotations/edits';
import type { AnnotateSpeakerArgs } from '../../../server/src/shared/protocol';
import { isDateValue, mergeNames, spanAt } from '../annotations/model';
import { ACTOR_TYPES, inputDate, inputNote, pickActorType, pickName } from './pickers';
import { resultOf, type AnnotationResult, type CommandContext } from './context';
import * as vscode from 'vscode';
import { hasSpan, resolveSpan, toUri, UserError, type ResolvedSpan, type SpanInput } from './target';

/**
 * Saves an annotation of `kind` on `span`: updates the one already there, else adds one
 * (see upsertAnnotation). A field set to undefined is removed.
 */
export async function saveAnnotation(ctx: CommandContext, span: ResolvedSpan, kind: AnnotationKind, fields: Fields): Promise<AnnotationResult> {
  let savedId = '';
  const { orphans } = await ctx.store.get(span.uri);
  const entry = await ctx.store.update(span.uri, (list, text) => {
    const r = upsertAnnotation(list, { text, start: span.start, end: span.end, kind, fields, orphans, now: nowIso() });
    savedId = r.id;
    return r.list;
  });
  return resultOf(entry, savedId)!;
}

/** Names to offer as speakers: the code action's candidates, actors near the quote, names annotated anywhere, then the server's. */
async function speakerChoices(ctx: CommandContext, span: ResolvedSpan, candidates: string[] | undefined): Promise<{ names: string[]; describe: (name: string) => string | undefined }> {
  // Both from the server, asked at once; the pick waits at most 1.5 s for the article's actors.
  const [facts, workspace] = await Promise.all([withinLimit(ctx.analyses.facts(span.doc, span)), workspaceActors()]);
  const near = facts?.actors ?? []; // nearest mention first
  const annotated = ctx.store.loaded().flatMap((e) => e.annotations.flatMap((a) => [a.speaker ?? '', a.kind === 'actor' ? a.name ?? '' : '']));
  const sources: [string[], string][] = [[candidates ?? [], 'suggested'], [near, 'in this article'], [annotated, 'annotated'], [workspace, 'in the workspace']];
  const describe = (name: string) => sources.find(([list]) => list.some((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase()))?.[1];
  return { names: mergeNames(candidates, near, annotated, workspace), describe };
}

/** Actors the language server knows across the workspace (workspace symbols of kind Class). */
async function workspaceActors(): Promise<string[]> {
  const symbols = vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', '');
  const found = await withinLimit(Promise.resolve(symbols));
  return (found ?? []).filter((s) => s.kind === vscode.SymbolKind.Class).map((s) => s.name);
}

/** A pick must not wait on a busy or absent server: what it says in 1.5 s, or undefined. */
function withinLimit<T>(answer: Promise<T>): Promise<T | undefined> {
  const late = new Promise<undefined>((r) => setTimeout(() => r(undefined), 1500).unref?.());
  return Promise.race([answer.catch(() => undefined), late]);
}

export function annotateSpeaker(ctx: CommandContext) {
  return async (args?: Partial<AnnotateSpeakerArgs>): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'quote', ctx.analyses);
    let speaker = args?.speaker?.trim();
    if (!speaker) {
      // The caller's candidates first (a code action's, nearest first), then the speaker found now
      // (by the analysis or an earlier annotation): confirming it from a CodeLens is one key.
      const current = spanAt(await ctx.analyses.quotes(span.doc), span.start, span.end)?.speaker ?? undefined;
      const choices = await speakerChoices(ctx, span, [...(args?.candidates ?? []), ...(current ? [current] : [])]);
      speaker = (await pickName('Who said this?', choices.names, '', choices.describe))?.trim();
      if (!speaker) return undefined;
    }
    return saveAnnotation(ctx, span, 'quote', { speaker, speech: true });
  };
}

export function markTerm(ctx: CommandContext) {
  return async (args?: SpanInput): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'quote', ctx.analyses);
    return saveAnnotation(ctx, span, 'quote', { speech: false, speaker: undefined });
  };
}

export function markSpeech(ctx: CommandContext) {
  return async (args?: SpanInput): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'quote', ctx.analyses);
    return saveAnnotation(ctx, span, 'quote', { speech: true });
  };
}

export function annotateQuote(ctx: CommandContext) {
  return async (args?: SpanInput & { speaker?: string }): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'selection', ctx.analyses);
    return saveAnnotation(ctx, span, 'quote', { speech: true, ...(args?.speaker ? { speaker: args.speaker.trim() } : {}) });
  };
}

export function annotatePlace(ctx: CommandContext) {
  return async (args?: SpanInput & { name?: string }): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'selection-or-word', ctx.analyses);
    let name = args?.name?.trim();
    if (!name && !hasSpan(args)) {
      const known = (await ctx.analyses.facts(span.doc, span)).places;
      name = (await pickName('Place: canonical name', mergeNames([span.exact], known), span.exact))?.trim();
      if (!name) return undefined;
    }
    return saveAnnotation(ctx, span, 'place', { name: name || span.exact });
  };
}

export function annotateActor(ctx: CommandContext) {
  return async (args?: SpanInput & { name?: string; type?: ActorType }): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'selection-or-word', ctx.analyses);
    if (args?.type !== undefined && !ACTOR_TYPES.includes(args.type)) throw new UserError(`Actor type must be one of ${ACTOR_TYPES.join(', ')}.`);
    let name = args?.name?.trim();
    let type: ActorType | undefined = args?.type;
    if (!name && !hasSpan(args)) {
      const choices = await speakerChoices(ctx, span, [span.exact]);
      name = (await pickName('Actor: canonical name', choices.names, span.exact, choices.describe))?.trim();
      if (!name) return undefined;
      const picked = await pickActorType();
      if (picked === undefined) return undefined;
      type = picked ?? undefined;
    }
    return saveAnnotation(ctx, span, 'actor', { name: name || span.exact, type });
  };
}

export function annotateDate(ctx: CommandContext) {
  return async (args?: SpanInput & { value?: string }): Promise<AnnotationResult | undefined> => {
    const span = await resolveSpan(args, 'selection', ctx.analyses);
    let value = args?.value?.trim();
    const prompt = !hasSpan(args);
    if (!value) {
      // The value the server worked out for the date there, if any: the default.
      const found = spanAt((await ctx.analyses.facts(span.doc, span)).dates, span.start, span.end)?.value;
      if (prompt) value = (await inputDate(found))?.trim();
      else value = found;
      if (!value) {
        if (prompt) return undefined;
        throw new UserError(`No date value given for "${span.exact}", and none could be worked out.`);
      }
    }
    if (!isDateValue(value)) throw new UserError(`"${value}" is not a date value: write 2023-03-25, 2023-03, 2023 or 2023-W14.`);
    return saveAnnotation(ctx, span, 'date', { value });
  };
}

/**
 * A note: on the annotation `id` (or the one under the cursor when nothing is selected),
 * else as a note annotation on the span. An empty note removes the note from an annotation.
 */
export function addNote(ctx: CommandContext) {
  return async (args?: SpanInput & { note?: string; id?: string }): Promise<AnnotationResult | undefined> => {
    const prompt = args?.note === undefined;
    let targetId = args?.id;
    let span: ResolvedSpan | undefined;
    const editor = vscode.window.activeTextEditor;
    if (!targetId && !hasSpan(args) && editor?.selection.isEmpty) {
      // A bare cursor inside an annotation: the note goes on that annotation.
      const entry = await ctx.store.get(editor.document.uri);
      targetId = spanAt(ctx.store.views(entry), editor.document.offsetAt(editor.selection.active))?.id;
      if (targetId) span = undefined;
    }
    if (!targetId) {
      span = await resolveSpan(args, 'selection-or-word', ctx.analyses);
      const entry = await ctx.store.get(span.uri);
      // Exactly an existing annotation's span: note that annotation.
      targetId = ctx.store.views(entry).find((v) => !v.orphan && v.start === span!.start && v.end === span!.end)?.id;
    }
    const uri = span?.uri ?? (args?.uri ? toUri(args.uri) : targetId && editor ? editor.document.uri : undefined);
    if (!uri) throw new UserError('Which article? Give a uri with the annotation id.');
    const entry = await ctx.store.get(uri);
    const current = targetId ? entry.annotations.find((a) => a.id === targetId) : undefined;
    if (targetId && !current) throw new UserError(`No annotation ${targetId} in ${uri.fsPath}.`);
    const note = prompt ? await inputNote(current?.note) : args?.note;
    if (note === undefined) return undefined;
    if (current) {
      await ctx.store.update(uri, (list) => list.map((a) => (a.id === current.id ? withFields({ ...a, updated: nowIso() }, { note: note.trim() || undefined }) : a)));
      return resultOf((await ctx.store.get(uri)), current.id);
    }
    if (!note.trim()) return undefined;
    return saveAnnotation(ctx, span!, 'note', { note: note.trim() });
  };
}
