import { Alert, Button, Modal, Table, Tabs, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { AdvanceLine, AdvanceReport } from '../api.ts';
import { ruleText } from './rule-text.ts';

type Props = { report: AdvanceReport; busy: boolean; onRun: () => void; onClose: () => void };

/** Who advances and why, per track: a dry run first, then the organiser confirms and it is written. */
export function AdvanceReportModal({ report, busy, onRun, onClose }: Props) {
  const { t, lang } = useI18n();
  return (
    <Modal
      open
      width={880}
      title={t(report.written ? 'contests.advance.writtenTitle' : 'contests.advance.dryRunTitle', { stage: report.stageName })}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>{t('common.cancel')}</Button>,
        !report.written && (
          <Button key="run" type="primary" danger loading={busy} onClick={onRun} data-testid="advance-run">
            {t('contests.advance.run')}
          </Button>
        ),
      ]}
    >
      <Alert
        type={report.written ? 'success' : 'info'}
        showIcon
        className="ss-block"
        title={`${ruleText(t, report.rule)} · ${t('contests.advance.count', { n: report.advancing, m: report.entrants })}`}
        description={report.written ? undefined : t('contests.advance.dryRunHint')}
      />
      <Tabs
        items={report.tracks.map((tr) => ({
          key: tr.trackId,
          label: tr.trackName,
          children: (
            <Table<AdvanceLine>
              size="small"
              rowKey="entryId"
              pagination={false}
              dataSource={tr.lines}
              columns={[
                { title: t('contests.standings.rank'), dataIndex: 'rank', width: 60 },
                { title: '', key: 'adv', width: 90, render: (_, l) => (l.advances ? <Tag icon={<CheckCircleFilled />} color="success">{t('contests.advance.advances')}</Tag> : <Tag icon={<CloseCircleOutlined />}>{t('contests.advance.out')}</Tag>) },
                { title: t('contests.standings.entry'), key: 'name', render: (_, l) => <div className="ss-entry-cell"><strong>{l.name}</strong><small>{l.organisationName}</small></div> },
                { title: t('contests.standings.total'), dataIndex: 'total', width: 80, align: 'right' },
                { title: t('contests.standings.explanation'), key: 'why', render: (_, l) => (lang === 'zh-CN' ? l.explanationZh : l.explanation) },
              ]}
            />
          ),
        }))}
      />
    </Modal>
  );
}
