import { useState } from 'react';
import { Button, Modal, Space, Table, Tag } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useWeekLeaderboard, type MockExamView, type WeekBoardEntry } from '../api.ts';

const DAY = 86_400_000;

/** The ISO week key (China time) `by` weeks from the week starting at `weekStart` (as the server's mock-week.ts counts). */
function weekFrom(weekStart: string | Date, by: number): string {
  // weekStart is Monday 00:00 China time: its calendar day in China, as a UTC midnight
  const monday = Date.parse(new Date(new Date(weekStart).getTime() + 8 * 3600_000 + by * 7 * DAY).toISOString().slice(0, 10));
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  return `${year}-W${String(Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1).padStart(2, '0')}`;
}

/** 每周小测 (organisers): a week's whole leaderboard, week by week. */
export function WeeklyBoardModal({ mock, onClose }: { mock: MockExamView; onClose: () => void }) {
  const { t } = useI18n();
  const [week, setWeek] = useState<string | null>(null);
  const board = useWeekLeaderboard(mock.id, week, 1000);
  const data = board.data;
  const time = (seconds: number) => t('exams.weekly.seconds', { m: Math.floor(seconds / 60), s: seconds % 60 });
  return (
    <Modal open title={`${mock.name} · ${t('exams.weekly.boardOf')}`} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      <Space className="ss-weekly-nav" wrap>
        <Button size="small" icon={<LeftOutlined />} disabled={!data} onClick={() => data && setWeek(weekFrom(data.weekStart, -1))}>{t('exams.weekly.prevWeek')}</Button>
        <strong data-testid="weekly-board-week">{data ? t('exams.weekly.week', { week: data.week, from: data.firstDay.slice(5), to: data.lastDay.slice(5) }) : '…'}</strong>
        {data?.current ? <Tag color="processing">{t('exams.weekly.thisWeek')}</Tag> : null}
        <Button size="small" disabled={!data || data.current} onClick={() => data && setWeek(weekFrom(data.weekStart, 1))}>{t('exams.weekly.nextWeek')} <RightOutlined /></Button>
        {data ? <span className="ss-exam-muted">{t('exams.weekly.participants', { n: data.participants })} · {t('exams.weekly.rankHint')}</span> : null}
      </Space>
      <Table<WeekBoardEntry>
        rowKey="personId"
        size="small"
        loading={board.loading}
        dataSource={data?.top ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('exams.weekly.boardEmptyOrganiser') }}
        columns={[
          { title: t('exams.weekly.placeCol'), dataIndex: 'place', width: 70 },
          { title: t('exams.weekly.nameCol'), dataIndex: 'name' },
          { title: t('exams.weekly.orgCol'), dataIndex: 'organisationName' },
          { title: t('exams.weekly.scoreCol'), render: (_, e) => `${e.score}/${e.maxScore}` },
          { title: t('exams.weekly.timeCol'), dataIndex: 'seconds', render: (s: number) => time(s) },
        ]}
      />
    </Modal>
  );
}
