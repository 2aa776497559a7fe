import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { GroupPkState } from '../api.ts';

/** 小组 PK: the current groups, who is still in, and who went out in which round. */
export function PkGroups({ state, names }: { state: GroupPkState; names: Map<string, string> }) {
  const { t } = useI18n();
  const name = (id: string) => names.get(id) ?? id;
  return (
    <div className="ss-pk" data-testid="pk-groups">
      <div className="ss-pk__status">
        <Tag color={state.status === 'finished' ? 'success' : state.status === 'unresolved' ? 'error' : 'processing'}>{t(`contests.pk.status.${state.status}`)}</Tag>
        {t('contests.pk.summary', { round: state.round, alive: state.alive.length, remain: state.rule.remain })}
      </div>
      {state.unresolved && <div className="ss-field-problem">{state.unresolved.messageZh}</div>}
      <div className="ss-pk__groups">
        {state.groups.map((g) => (
          <div key={g.label} className="ss-pk__group">
            <div className="ss-pk__group-title">{t('contests.pk.group', { label: g.label })}</div>
            {g.ids.map((id, i) => (
              <div key={id} className="ss-pk__member"><span>{i + 1}</span>{name(id)}</div>
            ))}
          </div>
        ))}
      </div>
      {state.history.map((h) => (
        <div key={h.round} className="ss-pk__history">
          {t('contests.pk.round', { n: h.round })}: {t('contests.pk.eliminated')} {h.eliminated.map(name).join('、') || '—'}
        </div>
      ))}
    </div>
  );
}
