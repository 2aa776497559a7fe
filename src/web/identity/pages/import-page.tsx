import { useState } from 'react';
import { Card, Steps } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import type { ImportPreview, ImportResult } from '../api.ts';
import { ImportPreviewStep } from '../components/import-preview-step.tsx';
import { ImportResultStep } from '../components/import-result-step.tsx';
import { ImportUploadStep } from '../components/import-upload-step.tsx';

type State =
  | { step: 'upload' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'result'; preview: ImportPreview; result: ImportResult };

/** 导入人员: upload → preview (nothing written yet) → result. "Fix and retry" goes back to the upload with nothing written. */
export function ImportPage() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ step: 'upload' });
  const [createOrganisations, setCreateOrganisations] = useState(false);
  const current = { upload: 0, preview: 1, result: 2 }[state.step];

  return (
    <div className="ss-page">
      <PageHeader title={t('nav.import')} subtitle={t('import.subtitle')} />
      <Card className="ss-steps-card">
        <Steps
          current={current}
          status={state.step === 'result' ? 'finish' : undefined}
          responsive
          items={[
            { title: t('import.step.upload'), content: t('import.step.uploadHint') },
            { title: t('import.step.preview'), content: t('import.step.previewHint') },
            { title: t('import.step.result'), content: t('import.step.resultHint') },
          ]}
        />
      </Card>
      {state.step === 'upload' && (
        <ImportUploadStep
          createOrganisations={createOrganisations}
          onCreateOrganisationsChange={setCreateOrganisations}
          onPreview={(preview) => setState({ step: 'preview', preview })}
        />
      )}
      {state.step === 'preview' && (
        <ImportPreviewStep
          preview={state.preview}
          onRetry={() => setState({ step: 'upload' })}
          onCommitted={(result) => setState({ step: 'result', preview: state.preview, result })}
        />
      )}
      {state.step === 'result' && <ImportResultStep preview={state.preview} result={state.result} onAgain={() => setState({ step: 'upload' })} />}
    </div>
  );
}
