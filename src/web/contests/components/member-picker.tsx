import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { eligiblePeople, type PersonOption } from '../api.ts';

type Props = { contestId: number; value?: number[]; onChange?: (ids: number[]) => void; max: number };

/**
 * Team members, searched by name or 工号 among the people the captain may pick (the contest's
 * eligible-people route: their own organisation, not already in another registration).
 */
export function MemberPicker({ contestId, value, onChange, max }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PersonOption[]>([]);
  const [picked, setPicked] = useState<Map<number, PersonOption>>(new Map());
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      eligiblePeople(contestId, q, controller.signal)
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [contestId, q]);
  // keep the chosen people labelled when a new search no longer lists them
  const shown = [...new Map([...picked.values(), ...options].map((p) => [p.id, p])).values()];
  return (
    <Select<number[]>
      mode="multiple"
      size="large"
      value={value}
      onChange={(v) => {
        const ids = v.slice(0, max);
        setPicked(new Map(ids.map((id) => [id, shown.find((p) => p.id === id)!]).filter(([, p]) => p) as [number, PersonOption][]));
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      placeholder={t('contests.register.membersPlaceholder')}
      notFoundContent={loading ? undefined : t('contests.register.noEligible')}
      options={shown.map((p) => ({ value: p.id, label: `${p.name} · ${p.employeeNo} · ${p.organisationName}` }))}
      data-testid="member-picker"
    />
  );
}
