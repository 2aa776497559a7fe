import { useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ImportUploadCard } from '../../shared/import/import-upload-card.tsx';
import { previewQuestionImport, questionTemplateUrl, type ImportFormat, type ImportPreview } from '../api.ts';

type Props = { bankId: number; onPreview: (preview: ImportPreview) => void };

const FORMATS: ImportFormat[] = ['auto', 'xlsx', 'csv', 'moodle', 'gift', 'aiken'];

/** Step 1: the template, the file and its format (detected unless chosen). Uploading writes nothing. */
export function ImportUploadStep({ bankId, onPreview }: Props) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ImportFormat>('auto');
  return (
    <ImportUploadCard
      templateBody={t('bank.import.templateBody')}
      templateUrls={{ xlsx: questionTemplateUrl('xlsx'), csv: questionTemplateUrl('csv') }}
      columnsHelp={
        <>
          <li><b>{t('bank.field.type')}</b> {t('bank.import.col.type')}</li>
          <li><b>{t('bank.import.col.optionsName')}</b> {t('bank.import.col.options')}</li>
          <li><b>{t('bank.field.answer')}</b> {t('bank.import.col.answer')}</li>
          <li><b>{t('bank.field.knowledgePoints')}</b> {t('bank.import.col.kp')}</li>
          <li><b>{t('bank.import.col.otherFormats')}</b> {t('bank.import.col.formats')}</li>
        </>
      }
      accept=".xlsx,.csv,.xml,.txt,.gift"
      dropHint={t('bank.import.dropHint')}
      options={
        <div className="ss-import-format">
          <span>{t('bank.import.format')}</span>
          <Select<ImportFormat> value={format} onChange={setFormat} options={FORMATS.map((f) => ({ value: f, label: t(`bank.import.formatName.${f}`) }))} className="ss-filters__select" />
        </div>
      }
      onUpload={async (file) => onPreview(await previewQuestionImport(bankId, file, format))}
    />
  );
}
