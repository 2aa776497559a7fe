import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Steps } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { useBank, type ImportPreview, type ImportSummary } from '../api.ts';
import { BankCrumbs } from '../components/bank-crumbs.tsx';
import { ImportPreviewStep } from '../components/import-preview-step.tsx';
import { ImportResultStep } from '../components/import-result-step.tsx';
import { ImportUploadStep } from '../components/import-upload-step.tsx';
import '../bank.css';

type State =
  | { step: 'upload' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'result'; preview: ImportPreview; summary: ImportSummary };

/** 导入试题: upload → preview (nothing written yet) → commit in one transaction → result. */
export function QuestionImportPage() {
  const { t } = useI18n();
  const bankId = Number(useParams().bankId);
  const bank = useBank(bankId);
  const [state, setState] = useState<State>({ step: 'upload' });
  const current = { upload: 0, preview: 1, result: 2 }[state.step];

  return (
    <div className="ss-page">
      <BankCrumbs bank={bank.data} trail={[{ label: t('bank.import.title') }]} />
      <PageHeader title={t('bank.import.title')} subtitle={bank.data ? t('bank.import.subtitle', { bank: bank.data.name }) : undefined} />
      <Card className="ss-steps-card">
        <Steps
          current={current}
          status={state.step === 'result' ? 'finish' : undefined}
          responsive
          items={[
            { title: t('import.step.upload'), content: t('import.step.uploadHint') },
            { title: t('import.step.preview'), content: t('bank.import.previewHint') },
            { title: t('import.step.result'), content: t('import.step.resultHint') },
          ]}
        />
      </Card>
      {state.step === 'upload' && <ImportUploadStep bankId={bankId} onPreview={(preview) => setState({ step: 'preview', preview })} />}
      {state.step === 'preview' && (
        <ImportPreviewStep
          bankId={bankId}
          preview={state.preview}
          onRetry={() => setState({ step: 'upload' })}
          onCommitted={(summary) => {
            setState({ step: 'result', preview: state.preview, summary });
            bank.reload();
          }}
        />
      )}
      {state.step === 'result' && <ImportResultStep bankId={bankId} preview={state.preview} summary={state.summary} onAgain={() => setState({ step: 'upload' })} />}
    </div>
  );
}
