// The report's way into the replay: a link that says how many recordings this interview has kept.
import { A } from '@solidjs/router';
import { countRecordings } from '../data/recordings.ts';
import { t } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';

export function ReplayLink(props: { interviewId: string }) {
  const count = createLiveQuery(() => countRecordings(props.interviewId));
  return (
    <A href={`/replay/${props.interviewId}`} class="button" data-testid="replay-link" data-count={count.value() ?? ''}>
      {count.value() ? t('replay:reportLinkCount', { count: count.value() }) : t('replay:reportLink')}
    </A>
  );
}
