import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ROLES } from '../../../server/identity/engine/roles.ts';
import type { Role } from '../api.ts';

export const ROLE_COLOURS: Record<Role, string> = {
  platform_admin: 'magenta',
  organiser: 'blue',
  reviewer: 'purple',
  judge: 'gold',
  host: 'cyan',
  contestant: 'green',
};

type Props = { roles: Role[] };

/** Role names as tags, one per distinct role, in the fixed role order. */
export function RoleTags({ roles }: Props) {
  const { t } = useI18n();
  const distinct = ROLES.filter((r) => roles.includes(r));
  return (
    <span className="ss-tags">
      {distinct.map((r) => (
        <Tag key={r} color={ROLE_COLOURS[r]} variant="filled">
          {t(`role.${r}`)}
        </Tag>
      ))}
    </span>
  );
}
