// The interview languages offered in setup, as BCP 47 tags with their own names. The AI engines and
// (later) Whisper's multilingual models handle them; the basic engine is English only.
export const INTERVIEW_LANGUAGES: readonly { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
  { tag: 'fr', name: 'Français' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'pt', name: 'Português' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'nl', name: 'Nederlands' },
  { tag: 'pl', name: 'Polski' },
  { tag: 'ja', name: '日本語' },
  { tag: 'zh', name: '中文' },
  { tag: 'hi', name: 'हिन्दी' },
];
