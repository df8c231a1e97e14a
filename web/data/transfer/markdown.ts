// Interviews as Markdown, to read, keep or paste elsewhere: the interview's facts, the summary, then
// each question with the answer, the scores per dimension with their evidence and feedback, how the
// answer was spoken and what the camera saw (both computed, and worded, by the same functions as the
// report, in the interface language).
// Everything the candidate or a model wrote is escaped, so an answer containing "# Heading", "*", "|"
// or "<script>" reads as the text it is and cannot restructure the document.
// Owns: the Markdown layout. Must not import: Dexie, Solid, the DOM (pure; Node tests it).
import type { InterviewRecord, TurnRecord } from '../db.ts';
import { speechMetrics, type Assessment } from '../../../workers/speech/metrics/index.ts';
import { targetRange, type MetricName } from '../../ui/speech-explanations.ts';
import { answerBehaviour, describeAnswerBehaviour, describeInterviewBehaviour, visibleBehaviourNote } from '../../ui/visible-behaviour.ts';

/** i18next's t, or anything with its shape; keys are in the `data` namespace. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface MarkdownOptions {
  t: Translate;
  /** BCP 47 tag for dates and numbers. */
  locale: string;
}

export interface InterviewDocument {
  interview: InterviewRecord;
  turns: TurnRecord[];
}

// CommonMark treats these as syntax anywhere in a line; a backslash makes each a literal character.
const INLINE_SYNTAX = /[\\`*_[\]<>|~]/g;
// "&amp;" or "&#42;" would be decoded as character references.
const ENTITY = /&(?=#?\w+;)/g;

/** One line of text that reads literally in Markdown, whatever it contains. */
function escapeLine(line: string): string {
  // Leading spaces would make an indented code block; trailing ones a hard break.
  let text = line.trim().replace(INLINE_SYNTAX, '\\$&').replace(ENTITY, '\\&');
  // Syntax that counts only at the start of a line: headings, list items, setext underlines.
  text = text.replace(/^([#+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return text;
}

/** Candidate or model text as one inline run: line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** Multi-line text as a block quote, each of its lines a paragraph. */
export function quoteBlock(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.map((line) => `> ${escapeLine(line)}`).join('\n>\n');
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(6, level))} ${text}`;
}

function formatNumber(value: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

function assessmentWords(metric: MetricName, assessment: Assessment, options: MarkdownOptions): string {
  const status = assessment.status ? options.t(`data:markdown.status.${assessment.status}`) : options.t('data:markdown.status.unjudged');
  return options.t('data:markdown.speech.assessment', { status, target: targetRange(metric, assessment) });
}

function speechSection(turn: TurnRecord, options: MarkdownOptions): string[] {
  const voice = turn.voice;
  if (!voice || voice.words.length === 0) return [];
  const { t, locale } = options;
  const metrics = speechMetrics({ words: voice.words, language: voice.language, answerEndSeconds: voice.recordingSeconds });
  const line = (metric: MetricName, label: string, value: string, assessment: Assessment) => `- ${label}: ${value} — ${assessmentWords(metric, assessment, options)}`;
  return [
    `**${t('data:markdown.speech.title')}**`,
    '',
    line('pace', t('data:markdown.speech.pace'), t('data:markdown.speech.paceValue', { wpm: formatNumber(metrics.pace.talkTimeWpm, locale) }), metrics.pace.assessment),
    line(
      'fillers',
      t('data:markdown.speech.fillers'),
      t('data:markdown.speech.fillersValue', { count: metrics.fillers.count, per100: formatNumber(metrics.fillers.per100Words, locale, 1) }),
      metrics.fillers.assessment,
    ),
    line('pauses', t('data:markdown.speech.pauses'), formatNumber(metrics.pauses.count, locale), metrics.pauses.assessment),
    line(
      'thinking',
      t('data:markdown.speech.thinking'),
      t('data:markdown.speech.thinkingValue', {
        percent: formatNumber(metrics.talkTime.thinkingShare * 100, locale),
        seconds: formatNumber(metrics.talkTime.thinkingSeconds, locale, 1),
        total: formatNumber(metrics.span.durationSeconds, locale, 1),
      }),
      metrics.talkTime.assessment,
    ),
    line('repeats', t('data:markdown.speech.repeats'), formatNumber(metrics.repeats.count, locale), metrics.repeats.assessment),
    '',
  ];
}

function turnSection(turn: TurnRecord, level: number, options: MarkdownOptions): string[] {
  const { t, locale } = options;
  const kind = t(`data:markdown.kind.${turn.question.kind}`);
  const score = turn.score;
  const title = score
    ? t('data:markdown.question.titleScored', { number: turn.index + 1, kind, overall: formatNumber(score.overall, locale) })
    : t('data:markdown.question.titleSkipped', { number: turn.index + 1, kind });
  const out = [heading(level, title), '', `**${escapeMarkdown(turn.question.text)}**`, ''];

  const answer = (turn.answer ?? '').trim();
  if (answer) out.push(`*${t('data:markdown.question.answer')}*`, '', quoteBlock(answer), '');
  else out.push(`*${t('data:markdown.question.noAnswer')}*`, '');
  if (turn.followUp) out.push(`*${t('data:markdown.question.followUp')}* ${escapeMarkdown(turn.followUp.question)}`, '');

  if (score) {
    out.push(`**${t('data:markdown.question.scores')}**`, '');
    for (const dimension of score.dimensions) {
      const reason = dimension.reason.trim() ? ` — ${escapeMarkdown(dimension.reason)}` : '';
      out.push(`- **${escapeMarkdown(dimension.label)}: ${dimension.score} / 5**${reason}`);
      for (const quote of dimension.evidence) out.push(`  - ${t('data:markdown.question.evidence')} “${escapeMarkdown(quote)}”`);
    }
    out.push('');
    if (score.feedback?.trim()) out.push(`**${t('data:markdown.question.feedback')}** ${escapeMarkdown(score.feedback)}`, '');
    if (score.exampleAnswer?.trim()) out.push(`**${t('data:markdown.question.example')}**`, '', quoteBlock(score.exampleAnswer), '');
    if (score.flags.length > 0) {
      out.push(`**${t('data:markdown.question.noticed')}**`, '');
      for (const flag of score.flags) out.push(`- ${escapeMarkdown(flag)}`);
      out.push('');
    }
  }

  out.push(...speechSection(turn, options));
  if (turn.vision?.length) out.push(`**${t('data:markdown.question.camera')}** ${escapeMarkdown(describeAnswerBehaviour(answerBehaviour(turn.vision)))}`, '');
  return out;
}

/** One interview; `level` is its title's heading level (1 alone, 2 inside a document of several). */
export function interviewMarkdown(document: InterviewDocument, options: MarkdownOptions, level = 1): string {
  const { t, locale } = options;
  const { interview } = document;
  const summary = interview.summary;
  const asked = [...document.turns].filter((turn) => turn.status !== 'open').sort((a, b) => a.index - b.index);
  const notReached = document.turns.length - asked.length;

  const out: string[] = [heading(level, t('data:markdown.title', { role: escapeMarkdown(interview.spec.role) })), ''];
  const fact = (label: string, value: string) => out.push(`- **${label}:** ${value}`);
  fact(t('data:markdown.facts.date'), escapeMarkdown(formatDate(interview.completedAt ?? interview.startedAt, locale)));
  fact(t('data:markdown.facts.role'), escapeMarkdown(interview.spec.role));
  fact(t('data:markdown.facts.seniority'), t(`data:markdown.seniority.${interview.spec.seniority}`));
  fact(t('data:markdown.facts.type'), t(`data:markdown.type.${interview.spec.type}`));
  fact(t('data:markdown.facts.engine'), `${escapeMarkdown(interview.engineLabel)} — ${escapeMarkdown(interview.engineReason)}`);
  const status = interview.status === 'completed' ? (interview.endedEarly ? 'endedEarly' : 'completed') : 'inProgress';
  fact(t('data:markdown.facts.status'), t(`data:markdown.status.${status}`));
  if (summary) {
    fact(
      t('data:markdown.facts.overall'),
      t('data:markdown.facts.overallValue', { overall: formatNumber(summary.overall, locale), answered: summary.answered, skipped: summary.skipped }),
    );
  }
  out.push('');

  if (summary) {
    out.push(heading(level + 1, t('data:markdown.summary.title')), '');
    if (summary.dimensions.length > 0) {
      out.push(`| ${t('data:markdown.summary.dimension')} | ${t('data:markdown.summary.score')} |`, '| --- | ---: |');
      for (const dimension of summary.dimensions) out.push(`| ${escapeMarkdown(dimension.label)} | ${formatNumber(dimension.score, locale, 1)} |`);
      out.push('');
    }
    const list = (title: string, items: readonly string[] | undefined, ordered = false) => {
      if (!items?.length) return;
      out.push(`**${title}**`, '');
      items.forEach((item, i) => out.push(`${ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`));
      out.push('');
    };
    list(t('data:markdown.summary.strengths'), summary.strengths);
    list(t('data:markdown.summary.improvements'), summary.improvements);
    list(t('data:markdown.summary.practicePlan'), summary.practicePlan, true);
  }

  const camera = describeInterviewBehaviour(asked.flatMap((turn) => (turn.vision?.length ? [answerBehaviour(turn.vision)] : [])));
  if (camera) out.push(heading(level + 1, t('data:markdown.camera')), '', escapeMarkdown(camera), '', `*${escapeMarkdown(visibleBehaviourNote())}*`, '');

  for (const turn of asked) out.push(...turnSection(turn, level + 1, options));
  if (notReached > 0) out.push(`*${t('data:markdown.notReached', { count: notReached })}*`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** Several interviews in one document, newest first, each under its own second-level heading. */
export function interviewsMarkdown(documents: readonly InterviewDocument[], options: MarkdownOptions, exportedAt: Date): string {
  const sorted = [...documents].sort((a, b) => b.interview.startedAt.localeCompare(a.interview.startedAt));
  const head = [
    heading(1, options.t('data:markdown.allTitle')),
    '',
    options.t('data:markdown.allIntro', { count: sorted.length, date: formatDate(exportedAt.toISOString(), options.locale) }),
    '',
  ].join('\n');
  return [head, ...sorted.map((document) => interviewMarkdown(document, options, 2))].join('\n---\n\n');
}
