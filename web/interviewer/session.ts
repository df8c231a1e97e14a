// Who is signed in, shared by the interviewer screens. `undefined` while unknown, `null` when signed out.
import { createSignal } from 'solid-js';
import type { InterviewerMe } from '../../sync-server/protocol/index.ts';
import { fetchMe, InterviewerApiError, onSessionEnded } from './api-client.ts';

const [me, setMe] = createSignal<InterviewerMe | null | undefined>(undefined);

// A call that finds the session over (disabled, revoked, expired for good) signs the page out, so the
// layout sends the interviewer to the sign-in form instead of leaving an error on a dead page.
onSessionEnded(() => setMe(null));

export { me, setMe };

export async function refreshSession(): Promise<void> {
  try {
    setMe(await fetchMe());
  } catch (error) {
    if (error instanceof InterviewerApiError && error.status === 401) setMe(null);
    else throw error;
  }
}
