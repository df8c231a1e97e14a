// The sync contract's version. Every request body carries it as `v`; the server rejects versions it
// does not speak with a 400 that says to update the app.
export const PROTOCOL_VERSION = 1 as const;
