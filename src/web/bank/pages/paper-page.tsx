import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Input, Skeleton, Space, Switch } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useAnswerKey, useBank, usePaper } from '../api.ts';
import { AnswerKeySheet } from '../components/answer-key-sheet.tsx';
import { AnswerSheet } from '../components/answer-sheet.tsx';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { PaperSheet } from '../components/paper-sheet.tsx';
import '../bank.css';

/** 试卷预览与打印: the paper as the candidate sees it, on A4; the answer sheet and the key on their own pages when asked. */
export function PaperPage() {
  const { t, errorText } = useI18n();
  const params = useParams();
  const bankId = Number(params.bankId);
  const paperId = Number(params.paperId);
  const bank = useBank(bankId);
  const paper = usePaper(paperId);
  const [withSheet, setWithSheet] = useState(false);
  const [withKey, setWithKey] = useState(false);
  const answerKey = useAnswerKey(paperId, withKey);
  const [title, setTitle] = useState('');

  useEffect(() => {
    if (paper.data && !title) setTitle(t('bank.paper.defaultTitle'));
  }, [paper.data, title, t]);

  const data = paper.data;
  return (
    <div className="ss-page ss-paper-page">
      <BankCrumbs
        bank={bank.data}
        trail={[
          { label: t('bank.browser.assembly'), to: `/banks/${bankId}/assembly` },
          ...(data ? [{ label: data.paperSetName, to: `/banks/${bankId}/paper-sets/${data.paperSetId}` }, { label: t('bank.paper.label', { label: data.label }) }] : []),
        ]}
      />
      <div className="ss-no-print">
        <PageHeader
          title={data ? `${data.paperSetName} · ${t('bank.paper.label', { label: data.label })}` : t('common.loading')}
          subtitle={t('bank.paper.subtitle')}
          extra={
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data} data-testid="print">
              {t('bank.paper.print')}
            </Button>
          }
        />
        <Card className="ss-block ss-print-options">
          <Space wrap size={24}>
            <label className="ss-limits__row">
              <span>{t('bank.paper.titleLabel')}</span>
              <Input value={title} onChange={(e) => setTitle(e.target.value)} className="ss-print-title" data-testid="paper-title" />
            </label>
            <span className="ss-inline-switch">
              <Switch size="small" checked={withSheet} onChange={setWithSheet} data-testid="toggle-answer-sheet" /> {t('bank.paper.withAnswerSheet')}
            </span>
            <span className="ss-inline-switch">
              <Switch size="small" checked={withKey} onChange={setWithKey} data-testid="toggle-answer-key" /> {t('bank.paper.withAnswerKey')}
            </span>
          </Space>
        </Card>
        {paper.error ? <Alert type="error" showIcon title={errorText(paper.error)} className="ss-block" /> : null}
        {answerKey.error ? <Alert type="error" showIcon title={errorText(answerKey.error)} className="ss-block" /> : null}
      </div>
      {!data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <div className="ss-print-area">
          <PaperSheet paper={data} title={title} />
          {withSheet && <AnswerSheet paper={data} title={title} />}
          {withKey && answerKey.data && <AnswerKeySheet answerKey={answerKey.data} title={title} />}
        </div>
      )}
    </div>
  );
}
