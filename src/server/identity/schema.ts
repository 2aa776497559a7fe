import { z } from 'zod';
import { ROLES } from './engine/roles.ts';
import { ORG_KINDS } from './engine/org-tree.ts';
import { EMPLOYEE_NO, isReservedEmployeeNo } from './engine/employee-no.ts';

/** The identity API's shapes. The web app imports these types; nothing is written twice. */

/** A new 工号: the format, and not the prefix reserved for guest judges (engine/employee-no.ts). */
const EmployeeNo = z
  .string()
  .trim()
  .regex(EMPLOYEE_NO, 'letters, digits, - and _ only')
  .refine((no) => !isReservedEmployeeNo(no), 'the prefix guest- is reserved for guest judges / guest- 开头的工号留给外部评委');

export const RoleSchema = z.enum(ROLES);
export const GenderSchema = z.enum(['M', 'F']);
export const OrgKindSchema = z.enum(ORG_KINDS);
const Id = z.coerce.number().int().positive();

export const SignInBody = z.object({
  employeeNo: z.string().trim().min(1, '请输入工号 / employee number required').max(32),
  password: z.string().min(1, '请输入密码 / password required').max(128),
});
export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) });
export const SetupBody = z.object({
  organisationName: z.string().trim().min(1).max(60),
  employeeNo: EmployeeNo,
  name: z.string().trim().min(1).max(50),
  password: z.string().min(8).max(64),
});

export const OrgRef = z.object({ id: z.number(), name: z.string(), path: z.string() });
export const Organisation = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: z.string(),
  /** names from the root, '集团/浙江/杭州/客服一班' */
  path: z.string(),
  depth: z.number(),
  archived: z.boolean(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationList = z.object({ items: z.array(Organisation) });
export const OrgListQuery = z.object({ includeArchived: z.coerce.boolean().optional() });
export const CreateOrgBody = z.object({ parentId: Id, name: z.string().trim().min(1).max(60), kind: OrgKindSchema.optional() });
export const UpdateOrgBody = z.object({ name: z.string().trim().min(1).max(60).optional(), kind: OrgKindSchema.optional() });
export const MoveOrgBody = z.object({ parentId: Id });
export const IdParams = z.object({ id: Id });

export const Track = z.object({ id: z.number(), code: z.string(), name: z.string(), nameEn: z.string(), sort: z.number(), active: z.boolean() });
export const TrackList = z.object({ items: z.array(Track) });
export const CreateTrackBody = z.object({ code: z.string().trim().regex(/^[a-z][a-z0-9_-]{1,30}$/), name: z.string().trim().min(1).max(30), nameEn: z.string().trim().min(1).max(60) });

export const RoleGrantView = z.object({ id: z.number(), role: RoleSchema, organisationId: z.number(), organisationName: z.string() });
export const Person = z.object({
  id: z.number(),
  employeeNo: z.string(),
  name: z.string(),
  gender: GenderSchema.nullable(),
  organisation: OrgRef,
  phone: z.string().nullable(),
  tracks: z.array(z.object({ id: z.number(), name: z.string() })),
  roles: z.array(RoleGrantView),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Person = z.infer<typeof Person>;
export const PeopleQuery = z.object({
  q: z.string().trim().max(50).optional(),
  organisationId: Id.optional(),
  trackId: Id.optional(),
  role: RoleSchema.optional(),
  gender: GenderSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const PeoplePage = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(Person) });
const Mobile = z.string().trim().regex(/^1[3-9]\d{9}$/, 'an 11-digit mainland mobile number / 11 位手机号');
export const CreatePersonBody = z.object({
  employeeNo: EmployeeNo,
  name: z.string().trim().min(1).max(50),
  gender: GenderSchema,
  organisationId: Id,
  phone: Mobile.nullable().optional(),
  trackIds: z.array(Id).default([]),
  roles: z.array(RoleSchema).default(['contestant']),
});
export const UpdatePersonBody = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  gender: GenderSchema.optional(),
  organisationId: Id.optional(),
  phone: Mobile.nullable().optional(),
  trackIds: z.array(Id).optional(),
  active: z.boolean().optional(),
});
export const GrantRoleBody = z.object({ role: RoleSchema, organisationId: Id });
export const GrantParams = z.object({ id: Id, grantId: Id });
export const ResetPasswordBody = z.object({ password: z.string().min(8).max(64).optional() }).default({});

export const Me = z.object({
  person: z.object({ id: z.number(), employeeNo: z.string(), name: z.string(), organisation: OrgRef }),
  roles: z.array(RoleGrantView),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const Rejection = z.object({ row: z.number(), code: z.string(), reason: z.string(), reasonZh: z.string() });
export type Rejection = z.infer<typeof Rejection>;
export const ImportPreview = z.object({
  jobId: z.string(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), rejected: z.number(), newOrganisations: z.number() }),
  rejected: z.array(Rejection),
  creates: z.array(z.object({ row: z.number(), employeeNo: z.string(), name: z.string(), organisation: z.string() })),
  updates: z.array(z.object({ row: z.number(), employeeNo: z.string(), name: z.string(), organisation: z.string() })),
  newOrganisations: z.array(z.string()),
  fileError: z.object({ reason: z.string(), reasonZh: z.string() }).nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportCommitBody = z.object({ mode: z.enum(['valid-rows', 'all-or-nothing']).default('valid-rows') });
export const JobParams = z.object({ jobId: z.string().uuid() });
export const ImportResult = z.object({ imported: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.array(Rejection), organisationsCreated: z.number() });
export type ImportResult = z.infer<typeof ImportResult>;
export const TemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['zh', 'en']).default('zh') });

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });
export { ErrorBody } from '../lib/error-body.ts';
export const SetupState = z.object({ needsSetup: z.boolean(), demo: z.boolean() });
