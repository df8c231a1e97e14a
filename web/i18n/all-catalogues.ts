// Every language's catalogues at once, for tests that compare languages or check keys; the app
// itself loads non-English languages on demand (i18n.ts).
import { cataloguesFromModules } from './i18n.ts';

export const catalogues = cataloguesFromModules(import.meta.glob('./locales/*/*.json', { eager: true }));
