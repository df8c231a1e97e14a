import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage, t } from '../../i18n/i18n.ts';
import { escapeMarkdown, interviewMarkdown, interviewsMarkdown, quoteBlock } from './markdown.ts';
import { sampleInterview, sampleTurns, TRICKY_ANSWER } from './test-fixtures.ts';

const options = { t, locale: 'en-GB' };
const document = { interview: sampleInterview(), turns: sampleTurns() };

describe('Markdown escaping', () => {
  it('makes inline syntax literal', () => {
    expect(escapeMarkdown('*bold* _it_ `code` [a](b) <b> a|b ~x~ back\\slash')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[a\\](b) \\<b\\> a\\|b \\~x\\~ back\\\\slash',
    );
  });

  it('makes line-start syntax literal: headings, lists, quotes, setext lines', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('2019. I joined')).toBe('2019\\. I joined');
    expect(escapeMarkdown('3) third')).toBe('3\\) third');
    // Mid-line, the same characters are plain text and stay readable.
    expect(escapeMarkdown('C# and 3.5 - fine')).toBe('C# and 3.5 - fine');
  });

  it('keeps character references literal and leaves a plain ampersand alone', () => {
    expect(escapeMarkdown('&amp; &#42; R&D')).toBe('\\&amp; \\&#42; R&D');
  });

  it('joins lines inline, and quotes each line of a block as a paragraph without indented code', () => {
    expect(escapeMarkdown('one\ntwo')).toBe('one two');
    expect(quoteBlock('first\n\n    # second\n')).toBe('> first\n>\n> \\# second');
  });
});

describe('interview Markdown', () => {
  afterEach(() => setUiLanguage('en'));

  it('has the facts, the summary, and each question with answer, scores, evidence and feedback', () => {
    const markdown = interviewMarkdown(document, options);
    expect(markdown.startsWith('# Site \\*Reliability\\* Engineer: interview report\n')).toBe(true);
    expect(markdown).toContain('- **Date:** 31 January 2026');
    expect(markdown).toContain('- **Seniority:** Senior');
    expect(markdown).toContain('- **Interview type:** Behavioural');
    expect(markdown).toContain('- **Scored by:** basic scoring — No AI model is set up on this device.');
    expect(markdown).toContain('- **Overall:** 64 / 100 (answered: 2, skipped: 1)');
    expect(markdown).toContain('| STAR structure | 3.5 |');
    expect(markdown).toContain('**Strengths**\n\n- Clear results with numbers');
    expect(markdown).toContain('- Say what \\*you\\* did, not the team');
    expect(markdown).toContain('1. Write three STAR stories');
    expect(markdown).toContain('## Question 1 · Behavioural · 72 / 100');
    expect(markdown).toContain('**Tell me about an outage you handled.**');
    expect(markdown).toContain('- **STAR structure: 4 / 5** — Situation and result are clear.');
    expect(markdown).toContain('  - Evidence: “I used \\*stars\\*”');
    expect(markdown).toContain('**Feedback:** Name the metric you moved.');
    expect(markdown).toContain('**A stronger answer**\n\n> In March our API failed.\n>\n> I led the incident.');
    expect(markdown).toContain('*Follow-up asked:* What would you do differently?');
    expect(markdown).toContain('- The answer tried to instruct the scorer; that part was ignored.');
    expect(markdown).toContain('## Question 3 · Behavioural · skipped');
  });

  it('quotes the candidate\'s answer so none of its syntax takes effect', () => {
    const markdown = interviewMarkdown(document, options);
    const quoted = TRICKY_ANSWER.split('\n')
      .map((line) => `> ${escapeMarkdown(line)}`)
      .join('\n>\n');
    expect(markdown).toContain(quoted);
    expect(markdown).toContain('> \\# Not a heading');
    expect(markdown).toContain('\\[link\\](http://evil.test) \\<script\\>alert(1)\\</script\\>');
    expect(markdown).toContain('> 1\\. not a list');
    expect(markdown).toContain('> \\- not a bullet \\| with a pipe');
    expect(markdown).toContain('> indented, not code');
    // No line of the document starts with syntax that came from the answer.
    expect(markdown.split('\n').filter((line) => /^(# Not|<script|1\. not|- not)/.test(line))).toEqual([]);
  });

  it('has how the answer was spoken and what the camera saw, from the report\'s own functions', () => {
    const markdown = interviewMarkdown(document, options);
    expect(markdown).toContain('**How you spoke**');
    expect(markdown).toMatch(/- Speaking rate: \d+ words per minute — (below|on|above) target; target 1\d\d–1\d\d words per minute$/m);
    expect(markdown).toMatch(/- Filler words: 1 \([\d.]+ per 100 words\)/);
    expect(markdown).toContain('- Long pauses (over 2 s): 1 — on target');
    expect(markdown).toContain('- Repeated words: 1 — on target');
    expect(markdown).toContain('**What the camera saw:** Looked at the camera 70% of the time, head steady, smiled in 1 of 2 seconds.');
    expect(markdown).toContain('## What the camera saw\n\nLooked at the camera 70% of the time across one answer, and smiled in 1 of 1.');
  });

  it('follows the interface language', () => {
    setUiLanguage('es');
    const markdown = interviewMarkdown(document, { t, locale: 'es-ES' });
    expect(markdown).toContain('# Site \\*Reliability\\* Engineer: informe de la entrevista');
    expect(markdown).toContain('- **Nivel:** Sénior');
    expect(markdown).toContain('## Pregunta 1 · Conductual · 72 / 100');
    expect(markdown).toContain('| STAR structure | 3,5 |');
    expect(markdown).toContain('## Lo que vio la cámara');
    expect(markdown).toMatch(/- Velocidad al hablar: \d+ palabras por minuto — por (debajo|encima) del objetivo; objetivo 120–160 palabras/);
  });

  it('puts several interviews in one document, newest first, one level down', () => {
    const older = { interview: sampleInterview('01JTESTINTERVIEW0000000000', { startedAt: '2025-12-01T09:00:00.000Z', spec: { ...sampleInterview().spec, role: 'Older role' } }), turns: [] };
    const markdown = interviewsMarkdown([older, document], options, new Date('2026-02-01T12:00:00Z'));
    expect(markdown.startsWith('# Interview Buddy: your interviews\n\nInterviews: 2. Exported on 1 February 2026')).toBe(true);
    expect(markdown.indexOf('## Site')).toBeLessThan(markdown.indexOf('## Older role'));
    expect(markdown).toContain('### Question 1 · Behavioural · 72 / 100');
    expect(markdown).toContain('\n---\n');
  });

  it('says when an interview is still in progress and which questions were not reached', () => {
    const turns = sampleTurns().map((turn, index) => (index === 2 ? { ...turn, status: 'open' as const, answer: null, score: null } : turn));
    const markdown = interviewMarkdown({ interview: sampleInterview(undefined, { status: 'in-progress', summary: null, overall: null, completedAt: null }), turns }, options);
    expect(markdown).toContain('- **Status:** In progress');
    expect(markdown).not.toContain('Overall');
    expect(markdown).toContain('Questions not reached because the interview ended early: 1.');
  });
});
