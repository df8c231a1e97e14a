import { A } from '@solidjs/router';
import { usePageTitle } from '../ui/page.ts';

export default function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div class="card stack">
      <h1>Page not found</h1>
      <p class="muted">There's nothing at this address.</p>
      <div>
        <A href="/" class="button button-primary">
          Go to your interviews
        </A>
      </div>
    </div>
  );
}
