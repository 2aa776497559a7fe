import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { isApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { searchPeople, type PersonOption } from '../api.ts';

type Props = { value?: number[]; onChange?: (ids: number[]) => void; max: number };

/**
 * Team members from the contestant's organisation, searched by name or employee number. When the
 * people search is not open to the registrant (a 403), person ids are typed instead.
 */
export function MemberPicker({ value, onChange, max }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PersonOption[]>([]);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    if (closed) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchPeople(q, controller.signal).then(setOptions).catch((e: unknown) => {
        if (isApiError(e) && e.status === 403) setClosed(true);
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, closed]);
  if (closed) {
    return (
      <Select<string[]>
        mode="tags"
        size="large"
        value={(value ?? []).map(String)}
        onChange={(v) => onChange?.(v.map(Number).filter((n) => Number.isInteger(n) && n > 0))}
        placeholder={t('contests.register.membersById')}
        tokenSeparators={[',', ' ', '，']}
        open={false}
        data-testid="member-picker"
      />
    );
  }
  return (
    <Select<number[]>
      mode="multiple"
      size="large"
      value={value}
      onChange={(v) => onChange?.(v.slice(0, max))}
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder={t('contests.register.membersPlaceholder')}
      options={options.map((p) => ({ value: p.id, label: `${p.name} · ${p.employeeNo} · ${p.organisation.name}` }))}
      data-testid="member-picker"
    />
  );
}
