// Typed access to the client's settings (section `seedAnnotator`). The settings themselves
// are declared in package.json `contributes.configuration`.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/shared/protocol';

export interface ClientConfig {
  /** Show a CodeLens above each quote (its speaker, or "attribute…"). */
  codeLens: boolean;
  /** Underline spans annotated by a person. */
  decorations: boolean;
  /** Who is annotating: written into new annotations when set. */
  annotator: string | undefined;
}

export function readConfig(scope?: vscode.ConfigurationScope): ClientConfig {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const annotator = c.get<string>('annotator', '').trim();
  return {
    codeLens: c.get<boolean>('codeLens.enabled', true),
    decorations: c.get<boolean>('decorations.enabled', true),
    annotator: annotator || undefined,
  };
}

/** Calls `listener` when one of the client's settings changes. */
export function onConfigChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTINGS_SECTION)) listener();
  });
}
