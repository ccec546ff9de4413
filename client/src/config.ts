// Typed access to the client's settings (section `seedAnnotator`). The settings themselves
// are declared in package.json `contributes.configuration`.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/shared/protocol';

export interface ClientConfig {
  /** Show a CodeLens above each quote (its speaker, or "attribute…"). */
  codeLens: boolean;
  /** Underline spans annotated by a person. */
  decorations: boolean;
}

export function readConfig(scope?: vscode.ConfigurationScope): ClientConfig {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    codeLens: c.get<boolean>('codeLens.enabled', true),
    decorations: c.get<boolean>('decorations.enabled', true),
  };
}

