import { useEffect, useState } from 'react';
import { Input, Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { LEVELS, TYPES, type QuestionQuery, type QuestionStatus, type QuestionType } from '../api.ts';

type Filters = Omit<QuestionQuery, 'page' | 'pageSize'>;
type Props = {
  value: Filters;
  tracks: { value: string; label: string }[];
  onChange: (patch: Partial<Filters>) => void;
};

const STATUSES: QuestionStatus[] = ['active', 'draft', 'retired'];

/** Full-text search on stems and options, and the type / track / difficulty / status filters. */
export function QuestionFilters({ value, tracks, onChange }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value.q ?? '');
  useEffect(() => setSearch(value.q ?? ''), [value.q]);

  return (
    <div className="ss-filters ss-bank-filters">
      <Input.Search
        className="ss-filters__search"
        allowClear
        placeholder={t('bank.filter.searchPlaceholder')}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          if (e.target.value === '' && value.q) onChange({ q: undefined });
        }}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        enterButton={t('common.search')}
        data-testid="question-search"
      />
      <Select
        className="ss-filters__select"
        allowClear
        placeholder={t('bank.filter.type')}
        value={value.type}
        onChange={(v?: QuestionType) => onChange({ type: v })}
        options={TYPES.map((type) => ({ value: type, label: t(`bank.type.${type}`) }))}
        data-testid="filter-type"
      />
      <Select className="ss-filters__select" allowClear placeholder={t('bank.filter.track')} value={value.track} onChange={(v?: string) => onChange({ track: v })} options={tracks} />
      <Select
        className="ss-filters__select ss-filters__select--narrow"
        allowClear
        placeholder={t('bank.filter.difficulty')}
        value={value.difficulty}
        onChange={(v?: number) => onChange({ difficulty: v })}
        options={LEVELS.map((d) => ({ value: d, label: t(`bank.level.${d}`) }))}
      />
      <Select
        className="ss-filters__select ss-filters__select--narrow"
        allowClear
        placeholder={t('bank.filter.status')}
        value={value.status}
        onChange={(v?: QuestionStatus) => onChange({ status: v })}
        options={STATUSES.map((s) => ({ value: s, label: t(`bank.status.${s}`) }))}
      />
    </div>
  );
}
