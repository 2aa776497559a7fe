import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { searchPeople, type PersonChoice } from '../builder-api.ts';

type Props = {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** people already chosen elsewhere, so their names show before any search (e.g. a saved roster) */
  known?: PersonChoice[];
  /** people who may not be picked here (members of another team) */
  excluded?: Set<number>;
  max?: number;
  placeholder?: string;
  testId?: string;
  id?: string;
};

/** People searched by name or 工号 among those the organiser sees (GET /api/people); a Form.Item control. */
export function PeoplePicker({ value, onChange, known = [], excluded, max = 50, placeholder, testId, id }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PersonChoice[]>([]);
  const [picked, setPicked] = useState<Map<number, PersonChoice>>(() => new Map(known.map((p) => [p.id, p])));
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      searchPeople(q.trim(), controller.signal)
        .then(setOptions)
        .catch(() => !controller.signal.aborted && setOptions([]))
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  // the chosen people stay labelled when a new search no longer lists them; the search's own order
  // comes first, so picking someone does not move the list under the pointer
  const byId = new Map(options.map((p) => [p.id, p]));
  for (const p of picked.values()) if (!byId.has(p.id)) byId.set(p.id, p);
  const shown = [...byId.values()];
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        const ids = v.slice(0, max);
        setPicked(new Map(ids.flatMap((pid) => {
          const p = shown.find((s) => s.id === pid);
          return p ? [[pid, p] as const] : [];
        })));
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onBlur={() => setQ('')}
      loading={loading}
      placeholder={placeholder ?? t('arena.builder.people.placeholder')}
      notFoundContent={loading ? undefined : t('arena.builder.people.none')}
      options={shown.map((p) => ({ value: p.id, label: p.employeeNo ? `${p.name} · ${p.employeeNo}` : p.name, title: p.organisationName, disabled: excluded?.has(p.id) && !value?.includes(p.id) }))}
      optionRender={(o) => {
        const p = shown.find((s) => s.id === o.value);
        return (
          <span className="arena-builder-person">
            <b>{p?.name}</b> <span>{p?.employeeNo}</span> <span className="arena-builder-person__org">{p?.organisationName}</span>
          </span>
        );
      }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
