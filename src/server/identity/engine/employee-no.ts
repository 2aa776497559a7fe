/**
 * 工号 (employee numbers): letters, digits, - and _, at most 32. Those beginning with
 * `guest-` are reserved for guest judges (外部评委), whom judging creates when an invitation
 * is redeemed (`guest-<code>`), so that prefix names a guest and nobody else: an import or
 * an organiser cannot give it to a member of staff.
 */
export const EMPLOYEE_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const GUEST_PREFIX = 'guest-';
export const isReservedEmployeeNo = (employeeNo: string) => employeeNo.toLowerCase().startsWith(GUEST_PREFIX);
