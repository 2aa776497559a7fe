import type { Badge } from './practice-rewards.ts';

/** The declared badges (徽章) of practice; criteria evaluated by practice-rewards.ts. */
export const BADGES: Badge[] = [
  { badgeId: 'answers-10', name: '初出茅庐', criterion: { kind: 'answers', count: 10 } },
  { badgeId: 'answers-200', name: '勤学苦练', criterion: { kind: 'answers', count: 200 } },
  { badgeId: 'streak-10', name: '十连对', criterion: { kind: 'correct-streak', count: 10 } },
  { badgeId: 'days-7', name: '七日打卡', criterion: { kind: 'days-streak', days: 7 } },
  { badgeId: 'accuracy-90', name: '神枪手', criterion: { kind: 'accuracy', min: 0.9, minAnswers: 50 } },
  { badgeId: 'levels-3', name: '闯关达人', criterion: { kind: 'levels-passed', count: 3 } },
];
