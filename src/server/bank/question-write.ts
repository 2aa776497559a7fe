import { AppError } from '../errors.ts';
import { contentHash, fingerprint, identityKey } from './engine/fingerprint.ts';
import { cleanPath, cleanText, type Question } from './engine/model.ts';
import { validateQuestion } from './engine/validate.ts';
import type { QuestionWrite } from './question-repo.ts';
import { questionTokens } from './search-tokens.ts';

/** A question in canonical form (as the parsers produce): trimmed text, clean paths, sorted answer keys. */
export function canonicalQuestion(q: Question): Question {
  const answer = q.answer.kind === 'choice' ? { kind: 'choice' as const, keys: [...new Set(q.answer.keys.map((k) => k.toUpperCase()))].sort() } : q.answer;
  return {
    ...q,
    stem: cleanText(q.stem),
    options: q.options.map((o) => ({ key: o.key, text: cleanText(o.text) })),
    answer,
    track: q.track?.trim() ? q.track.trim() : null,
    knowledgePoints: [...new Set(q.knowledgePoints.map(cleanPath).filter((p) => p !== ''))],
    explanation: cleanText(q.explanation),
    source: cleanText(q.source),
    externalKey: q.externalKey?.trim() ? q.externalKey.trim() : null,
  };
}

/** Validates (400 naming the field) and computes the keys and search words of a write. */
export function prepareWrite(input: Question): QuestionWrite {
  const question = canonicalQuestion(input);
  const problems = validateQuestion(question);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', problems.map((p) => p.message).join('; '), { field: problems[0].field, details: { problems } });
  }
  return toWrite(question);
}

export const toWrite = (question: Question): QuestionWrite => ({
  question,
  identityKey: identityKey(question),
  fingerprint: fingerprint(question),
  contentHash: contentHash(question),
  tokens: questionTokens(question),
});
