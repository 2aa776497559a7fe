/** Roles are data-like constants shared by the server, the importer and the web app. */
export const ROLES = ['platform_admin', 'organiser', 'reviewer', 'judge', 'host', 'contestant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES_ZH: Record<Role, string> = {
  platform_admin: '平台管理员',
  organiser: '组织者',
  reviewer: '审核员',
  judge: '评委',
  host: '主持人',
  contestant: '选手',
};

/** Accepts 平台管理员 … 选手, the code names, and common English spellings. */
const ROLE_ALIASES: Record<string, Role> = {
  平台管理员: 'platform_admin', 管理员: 'platform_admin', 'platform admin': 'platform_admin', platform_admin: 'platform_admin', admin: 'platform_admin', administrator: 'platform_admin',
  组织者: 'organiser', 赛事组织者: 'organiser', organiser: 'organiser', organizer: 'organiser',
  审核员: 'reviewer', reviewer: 'reviewer',
  评委: 'judge', judge: 'judge',
  主持人: 'host', host: 'host',
  选手: 'contestant', 学员: 'contestant', contestant: 'contestant', learner: 'contestant',
};

export function parseRole(text: string): Role | undefined {
  return ROLE_ALIASES[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? ROLE_ALIASES[text.trim()];
}
