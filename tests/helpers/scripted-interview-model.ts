// Plays the language model behind the fake provider for whole interviews: it reads which task a
// request is (the response_format's schema name) and writes a valid answer for it, quoting the
// candidate's answer verbatim as evidence the way a good model would. It stands in for a cloud model
// that cannot be reached from here; how well real models follow our prompts is not tested by it.
import type { FakeChatRequestBody } from './fake-openai-provider.ts';

const RUBRIC_KEYS = ['relevance', 'structure', 'depth', 'communication', 'role_knowledge'];

function schemaName(body: FakeChatRequestBody): string {
  const format = body.response_format as { json_schema?: { name?: string } } | undefined;
  return format?.json_schema?.name ?? '';
}

function fenced(body: FakeChatRequestBody, kind: string): string {
  const text = body.messages.map((message) => message.content).join('\n');
  const match = new RegExp(`<<<BEGIN ${kind}>>>\\n([\\s\\S]*?)\\n<<<END ${kind}>>>`).exec(text);
  return match?.[1] ?? '';
}

function questionCount(body: FakeChatRequestBody): number {
  const match = /exactly (\d+) questions/.exec(body.messages[0]?.content ?? '');
  return match ? Number(match[1]) : 3;
}

export function answerInterviewTask(body: FakeChatRequestBody): string {
  switch (schemaName(body)) {
    case 'question_plan': {
      const role = fenced(body, 'ROLE') || 'the role';
      return JSON.stringify({
        questions: Array.from({ length: questionCount(body) }, (_, index) => ({
          kind: 'behavioural',
          text: `Cloud question ${index + 1}: tell me about a hard problem you solved as a ${role}.`,
          talkingPoints: [{ point: 'What you did yourself', cues: ['I', 'decided'] }],
          rubricHint: 'Look for ownership and results.',
          expectedSeconds: 90,
        })),
      });
    }
    case 'follow_up':
      return JSON.stringify({ needed: false, reason: 'The answer is complete enough.' });
    case 'answer_scoring': {
      const answer = fenced(body, 'ANSWER').trim();
      const quote = answer.split(/\s+/).slice(0, 6).join(' ');
      return JSON.stringify({
        dimensions: Object.fromEntries(RUBRIC_KEYS.map((key) => [key, { score: 4, reason: `Solid ${key.replace('_', ' ')}.`, evidence: quote ? [quote] : [] }])),
        feedback: 'Add one number that shows the result.',
        exampleAnswer: 'Situation, task, action with a decision, and a measurable result.',
      });
    }
    case 'interview_summary':
      return JSON.stringify({ strengths: ['Clear ownership.'], improvements: ['Quantify results.'], practicePlan: ['Rehearse two STAR stories with numbers.'] });
    case 'resume_analysis':
      return JSON.stringify({ summary: 'An engineer.', skills: ['TypeScript'], experience: [{ title: 'Engineer', highlights: [] }], gaps: ['Leadership'] });
    default:
      return JSON.stringify({ note: 'unknown task' });
  }
}
