// The router: candidate screens (each its own lazily loaded chunk) and the interviewer area.
import { Router, type RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { interviewerRoutes } from './interviewer/routes.ts';
import { captureInstallPrompt } from './onboarding/install-prompt.ts';
import { AppShell } from './shell/AppShell.tsx';

const candidateRoutes: RouteDefinition[] = [
  { path: '/', component: lazy(() => import('./candidate/HomePage.tsx')) },
  { path: '/new', component: lazy(() => import('./candidate/SetupPage.tsx')) },
  { path: '/interview/:id', component: lazy(() => import('./candidate/InterviewPage.tsx')) },
  { path: '/report/:id', component: lazy(() => import('./candidate/ReportPage.tsx')) },
  { path: '/replay/:id', component: lazy(() => import('./replay/ReplayPage.tsx')) },
  { path: '/progress', component: lazy(() => import('./progress/ProgressPage.tsx')) },
  { path: '/challenges', component: lazy(() => import('./challenges/ChallengeLibraryPage.tsx')) },
  { path: '/challenges/:source/:challengeId', component: lazy(() => import('./challenges/ChallengePage.tsx')) },
  { path: '/sync', component: lazy(() => import('./candidate/SyncPage.tsx')) },
  { path: '/settings', component: lazy(() => import('./candidate/PreferencesPage.tsx')) },
  { path: '/settings/ai', component: lazy(() => import('./candidate/AiSettingsPage.tsx')) },
  { path: '/my-data', component: lazy(() => import('./my-data/MyDataPage.tsx')) },
  { path: '/welcome', component: lazy(() => import('./onboarding/OnboardingPage.tsx')) },
];

// The browser offers installation once, early, on whichever page opened first: kept for the device check.
captureInstallPrompt();

const notFound: RouteDefinition = { path: '*404', component: lazy(() => import('./candidate/NotFoundPage.tsx')) };

export function App() {
  return <Router root={AppShell}>{[...candidateRoutes, ...interviewerRoutes, notFound]}</Router>;
}
