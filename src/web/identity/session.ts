import type { Me, Role } from './api.ts';
import { isReservedEmployeeNo } from '../../server/identity/engine/employee-no.ts';

/** What a signed-in person may see, from their grants. Pure, so the menu and the routes agree. */
export type Access = {
  roles: Set<Role>;
  canManagePeople: boolean;
  isContestant: boolean;
  hasWorkspace: boolean;
  /** question banks and paper assembly (题库与组卷): organisers and platform admins */
  canManageBanks: boolean;
  /** the judge's phone (评委评分): staff judges and guest judges (外部评委, no grant, employee no. guest-…) */
  canJudge: boolean;
  /** panels, locks, results and the big-screen reveal: organisers and platform admins */
  canManageJudging: boolean;
  /** contests (赛事): organisers build and run them, reviewers screen registrations, contestants register */
  canManageContests: boolean;
  canSeeContests: boolean;
  /** live arena (现场竞赛): hosts and organisers run rounds */
  canRunArena: boolean;
  /** written rounds (笔试): organisers and platform admins set, proctor, mark and analyse exams */
  canManageExams: boolean;
};

export function accessOf(me: Me): Access {
  const roles = new Set(me.roles.map((g) => g.role));
  return {
    roles,
    canManagePeople: roles.has('platform_admin') || roles.has('organiser'),
    isContestant: roles.has('contestant'),
    hasWorkspace: roles.has('judge') || roles.has('host') || roles.has('reviewer'),
    canManageBanks: roles.has('platform_admin') || roles.has('organiser'),
    // the guest- prefix is reserved for guest judges: no import or organiser can give it to anyone else
    canJudge: roles.has('judge') || isReservedEmployeeNo(me.person.employeeNo),
    canManageJudging: roles.has('platform_admin') || roles.has('organiser'),
    canManageContests: roles.has('platform_admin') || roles.has('organiser'),
    canSeeContests: roles.has('platform_admin') || roles.has('organiser') || roles.has('reviewer') || roles.has('contestant'),
    canRunArena: roles.has('platform_admin') || roles.has('organiser') || roles.has('host'),
    canManageExams: roles.has('platform_admin') || roles.has('organiser'),
  };
}

/** Where `/` leads: the admin area first, then the contestant home, then the role workspace. */
export function homePathOf(access: Access): string {
  if (access.canManagePeople) return '/admin';
  if (access.isContestant) return '/me';
  if (access.canJudge) return '/judge';
  return '/workspace';
}
