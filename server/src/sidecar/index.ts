// The annotation sidecar module. format/anchor/apply/merge are pure (the client
// bundles them); only store touches the disk — import it from './store' where fs is fine.
export * from './format';
export * from './anchor';
export * from './apply';
export * from './merge';
