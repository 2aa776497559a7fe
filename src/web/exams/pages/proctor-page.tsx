import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Badge, Button, Card, Input, Popconfirm, Progress, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { CameraOutlined, DesktopOutlined, MessageOutlined, MobileOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { deviceLine, summariseDevice } from '../../shared/device.ts';
import { fetchProctorView, forceSubmit, sendProctorMessage, snapshotUrl, useExam, type ProctorRow, type ProctorView } from '../api.ts';
import '../exams.css';

const POLL_MS = 5_000;
const STATUS_BADGE: Record<ProctorRow['status'], 'success' | 'default' | 'warning' | 'processing'> = { online: 'success', offline: 'warning', 'not-started': 'default', submitted: 'processing' };

/** 监考: who is in, their progress and violations, the last camera frame, a message to one or all, force-submit. Polls every 5 s. */
export function ProctorPage() {
  const examId = Number(useParams().examId);
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const exam = useExam(examId);
  const [view, setView] = useState<ProctorView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<ProctorRow | null>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      fetchProctorView(examId, controller.signal)
        .then((v) => {
          setView(v);
          setError(null);
        })
        .catch((e: Error) => e.name !== 'AbortError' && setError(e));
    void load();
    const id = window.setInterval(load, POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(id);
    };
  }, [examId, nonce]);

  const rows = view?.rows ?? [];
  const count = (s: ProctorRow['status']) => rows.filter((r) => r.status === s).length;
  const send = async () => {
    try {
      await sendProctorMessage(examId, target?.personId ?? null, text);
      message.success(t('exams.proctor.sent'));
      setText('');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div className="ss-page" data-testid="proctor-page">
      <PageHeader title={t('exams.proctor.title')} subtitle={exam.data?.title} extra={<span className="ss-exam-muted">{view && t('exams.proctor.updated', { time: dayjs(view.serverNow).format('HH:mm:ss') })}</span>} />
      {error ? <Alert type="error" showIcon title={errorText(error)} className="ss-block" /> : null}
      <div className="ss-proctor-stats">
        <Card size="small"><Statistic title={t('exams.proctor.online')} value={count('online')} /></Card>
        <Card size="small"><Statistic title={t('exams.proctor.offline')} value={count('offline')} /></Card>
        <Card size="small"><Statistic title={t('exams.proctor.submitted')} value={count('submitted')} suffix={`/ ${rows.length}`} /></Card>
        <Card size="small"><Statistic title={t('exams.proctor.withViolations')} value={rows.filter((r) => r.violations > 0).length} /></Card>
      </div>
      <Card size="small" className="ss-block" title={<span><MessageOutlined /> {target ? t('exams.proctor.messageTo', { name: target.name }) : t('exams.proctor.messageAll')}</span>} extra={target && <Button size="small" type="link" onClick={() => setTarget(null)}>{t('exams.proctor.messageAll')}</Button>}>
        <Space.Compact style={{ width: '100%' }}>
          <Input value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder={t('exams.proctor.messagePlaceholder')} onPressEnter={() => text.trim() && void send()} />
          <Button type="primary" icon={<SendOutlined />} disabled={!text.trim()} onClick={() => void send()}>{t('exams.proctor.send')}</Button>
        </Space.Compact>
      </Card>
      <Card>
        <Table<ProctorRow>
          rowKey="personId"
          size="middle"
          loading={!view && !error}
          dataSource={[...rows].sort((a, b) => b.violations - a.violations || a.status.localeCompare(b.status))}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('exams.proctor.snapshot'), width: 80, render: (_, r) => (r.lastSnapshotId ? <a href={snapshotUrl(r.lastSnapshotId)} target="_blank" rel="noreferrer"><img className="ss-proctor-snap" src={snapshotUrl(r.lastSnapshotId)} alt={r.name} loading="lazy" /></a> : <span className="ss-proctor-snap ss-proctor-snap--none"><CameraOutlined /></span>) },
            { title: t('exams.field.candidate'), render: (_, r) => <div><div>{r.name}</div><small className="ss-exam-muted">{r.employeeNo} · {r.organisationName}</small></div> },
            { title: t('exams.field.status'), dataIndex: 'status', render: (s: ProctorRow['status']) => <Badge status={STATUS_BADGE[s]} text={t(`exams.proctor.status.${s}`)} /> },
            { title: t('exams.proctor.progress'), width: 160, render: (_, r) => <Progress percent={Math.round(r.progress * 100)} size="small" format={() => `${r.answered}/${r.total}`} /> },
            { title: t('exams.proctor.violationsCol'), dataIndex: 'violations', sorter: (a, b) => a.violations - b.violations, render: (v: number, r) => (v ? <Tag color={r.autoSubmitDue ? 'red' : 'orange'}>{v}</Tag> : <span className="ss-exam-muted">0</span>) },
            { title: t('exams.proctor.lastSeen'), render: (_, r) => (r.lastSeenAt ? dayjs(r.lastSeenAt).format('HH:mm:ss') : '—') },
            {
              title: t('exams.proctor.device'),
              width: 220,
              // browser and system at a glance; the full user-agent string on hover
              render: (_, r) => (
                <Tooltip title={r.device || undefined}>
                  <div className="ss-exam-muted" data-testid="proctor-device">
                    <div>{summariseDevice(r.device)?.mobile ? <MobileOutlined /> : <DesktopOutlined />} {deviceLine(r.device) || '—'}</div>
                    <small>{r.ip ?? '—'}</small>
                  </div>
                </Tooltip>
              ),
            },
            {
              title: t('common.actions'),
              render: (_, r) => (
                <Space size={2}>
                  {r.attemptId && r.status !== 'submitted' && <Button size="small" type="link" onClick={() => setTarget(r)}>{t('exams.proctor.message')}</Button>}
                  {r.attemptId && r.status !== 'submitted' && (
                    <Popconfirm title={t('exams.proctor.forceConfirm', { name: r.name })} onConfirm={() => forceSubmit(r.attemptId!, 'proctor').then(() => setNonce((n) => n + 1), (e: unknown) => message.error(errorText(e)))}>
                      <Button size="small" type="link" danger>{t('exams.proctor.force')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
