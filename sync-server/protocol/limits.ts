// Limits shared by both sides, so the client can split work before the server has to refuse it.
export const MAX_BODY_BYTES = 1_048_576;
export const MAX_EVENTS_PER_PUSH = 500;
export const MAX_ANSWER_CHARS = 20_000;
export const MAX_TEXT_CHARS = 2_000;
