// The prompts of the annotation commands: a speaker or actor name (known names or a
// new one), an actor type, a date value, a note.
import * as vscode from 'vscode';
import { isDateValue } from '../annotations/model';

/**
 * Picks a name from `known` (most relevant first) or takes a new one typed in the box.
 * Undefined when cancelled.
 */
export function pickName(title: string, known: string[], initial = '', describe: (name: string) => string | undefined = () => undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { name: string }>();
    const knownItems = known.map((name) => ({ label: name, name, description: describe(name) }));
    qp.title = title;
    qp.placeholder = known.length ? 'Pick a known name, or type a new one' : 'Type the name';
    qp.matchOnDescription = true;
    const refresh = () => {
      const typed = qp.value.trim();
      const exists = known.some((n) => n.toLocaleLowerCase() === typed.toLocaleLowerCase());
      qp.items = typed && !exists ? [{ label: typed, name: typed, description: 'new name', alwaysShow: true }, ...knownItems] : knownItems;
    };
    qp.value = initial;
    refresh();
    let done = false;
    const finish = (v: string | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue(refresh);
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.name ?? (qp.value.trim() || undefined)));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

export const ACTOR_TYPES = ['person', 'organization', 'group', 'country'] as const;
export type ActorTypeName = (typeof ACTOR_TYPES)[number];

export async function pickActorType(): Promise<ActorTypeName | null | undefined> {
  const items = [...ACTOR_TYPES.map((t) => ({ label: t, type: t as ActorTypeName | null })), { label: 'leave open', type: null, description: 'no type' }];
  const pick = await vscode.window.showQuickPick(items, { title: 'Actor type', placeHolder: 'What kind of actor is it?' });
  return pick ? pick.type : undefined;
}

export function inputDate(initial: string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Date value',
    prompt: 'Normalised date: 2023-03-25, 2023-03, 2023 or 2023-W14',
    value: initial ?? '',
    validateInput: (v) => (isDateValue(v.trim()) ? undefined : 'Write the date as 2023-03-25, 2023-03, 2023 or 2023-W14'),
  });
}

export function inputNote(initial: string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'Note', prompt: 'Your note on this text (empty removes it)', value: initial ?? '' });
}
