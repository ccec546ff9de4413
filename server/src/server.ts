// The Seed Annotator language server: wires capabilities to the feature modules.
// (Placeholder until the language server issue lands.)
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
