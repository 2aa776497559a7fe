import { useState } from 'react';
import { Alert, InputNumber, Modal, Radio, Space } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useAction } from '../../shared/use-action.ts';
import { recordMatch, type BracketView, type MatchState } from '../api.ts';

type Props = { contestId: number; stageKey: string; match: MatchState; names: Map<string, string>; onClose: () => void; onDone: (v: BracketView) => void };

/** 录入结果: the winner of a ready match, and the score if there was one. */
export function RecordMatchModal({ contestId, stageKey, match, names, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [winner, setWinner] = useState<string | undefined>(undefined);
  const [score, setScore] = useState<[number | null, number | null]>([null, null]);
  const { busy, error, setError, run } = useAction();
  const ids = match.opponents.filter((o): o is string => typeof o === 'string');
  const submit = async () => {
    if (!winner) return setError(t('contests.bracket.pickWinner'));
    const s = score[0] !== null && score[1] !== null ? ([score[0], score[1]] as [number, number]) : undefined;
    await run(async () => onDone(await recordMatch(contestId, stageKey, { matchId: match.id, winnerId: Number(winner), score: s })));
  };
  return (
    <Modal open title={t('contests.bracket.record')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
      <Radio.Group value={winner} onChange={(e) => setWinner(e.target.value as string)} className="ss-full-width">
        <Space direction="vertical" className="ss-full-width">
          {ids.map((id, i) => (
            <div key={id} className="ss-record-row">
              <Radio value={id}>{names.get(id) ?? id}</Radio>
              <InputNumber size="small" placeholder={t('contests.bracket.score')} value={score[i]} onChange={(v) => setScore((s) => (i === 0 ? [v, s[1]] : [s[0], v]))} />
            </div>
          ))}
        </Space>
      </Radio.Group>
    </Modal>
  );
}
