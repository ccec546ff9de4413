// An expected failure caused by the request (a wrong span, an unsaved file): shown to
// the user as a warning, as is, never as a crash.
export class UserError extends Error {}
