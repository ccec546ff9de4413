// placeholder, replaced below
export function benchEditor(_: unknown): never { throw new Error('language server client (test/lsp/client.ts) not available yet'); }
export function benchWorkspace(_: string, __: number): never { throw new Error('language server client (test/lsp/client.ts) not available yet'); }
