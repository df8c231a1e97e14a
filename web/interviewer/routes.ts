// The interviewer area: its own lazily loaded chunks under /interviewer, so candidates never download it.
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

export const interviewerRoutes: RouteDefinition[] = [
  {
    path: '/interviewer',
    component: lazy(() => import('./InterviewerLayout.tsx')),
    children: [
      { path: '/', component: lazy(() => import('./SignInPage.tsx')) },
      { path: '/interviews', component: lazy(() => import('./InterviewListPage.tsx')) },
      { path: '/interviews/:id', component: lazy(() => import('./InterviewDetailPage.tsx')) },
      { path: '/compare', component: lazy(() => import('./ComparePage.tsx')) },
      { path: '/invites', component: lazy(() => import('./InvitesPage.tsx')) },
      { path: '/dashboard', component: lazy(() => import('./DashboardPage.tsx')) },
      { path: '/templates', component: lazy(() => import('./TemplatesPage.tsx')) },
      { path: '/team', component: lazy(() => import('./TeamPage.tsx')) },
      { path: '/audit', component: lazy(() => import('./AuditLogPage.tsx')) },
      { path: '/accept', component: lazy(() => import('./AcceptInvitationPage.tsx')) },
    ],
  },
];
