import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Typography, Upload } from 'antd';
import { CloudUploadOutlined, FileExcelOutlined, FileTextOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { previewQuestionImport, questionTemplateUrl, type ImportFormat, type ImportPreview } from '../api.ts';

type Props = { bankId: number; onPreview: (preview: ImportPreview) => void };

const ACCEPT = '.xlsx,.csv,.xml,.txt,.gift';
const FORMATS: ImportFormat[] = ['auto', 'xlsx', 'csv', 'moodle', 'gift', 'aiken'];

/** Step 1: the template, the file and its format (detected unless chosen). Uploading writes nothing. */
export function ImportUploadStep({ bankId, onPreview }: Props) {
  const { t, errorText } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onPreview(await previewQuestionImport(bankId, file, format));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card title={t('import.templateTitle')} className="ss-card-fill">
          <Typography.Paragraph type="secondary">{t('bank.import.templateBody')}</Typography.Paragraph>
          <div className="ss-template-links">
            <a href={questionTemplateUrl('xlsx')} download className="ss-template-link" data-testid="template-xlsx">
              <FileExcelOutlined className="ss-template-link__icon ss-template-link__icon--xlsx" />
              <span>
                <strong>{t('import.templateXlsx')}</strong>
                <small>.xlsx</small>
              </span>
            </a>
            <a href={questionTemplateUrl('csv')} download className="ss-template-link" data-testid="template-csv">
              <FileTextOutlined className="ss-template-link__icon" />
              <span>
                <strong>{t('import.templateCsv')}</strong>
                <small>.csv · UTF-8 / GBK</small>
              </span>
            </a>
          </div>
          <ul className="ss-columns-help">
            <li><b>{t('bank.field.type')}</b> {t('bank.import.col.type')}</li>
            <li><b>{t('bank.import.col.optionsName')}</b> {t('bank.import.col.options')}</li>
            <li><b>{t('bank.field.answer')}</b> {t('bank.import.col.answer')}</li>
            <li><b>{t('bank.field.knowledgePoints')}</b> {t('bank.import.col.kp')}</li>
            <li><b>{t('bank.import.col.otherFormats')}</b> {t('bank.import.col.formats')}</li>
          </ul>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card title={t('import.fileTitle')} className="ss-card-fill">
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              return false;
            }}
            data-testid="import-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.dropText')}</p>
            <p className="ant-upload-hint">{t('bank.import.dropHint')}</p>
          </Upload.Dragger>
          {file && (
            <div className="ss-picked-file" data-testid="picked-file">
              <PaperClipOutlined /> {file.name} <Typography.Text type="secondary">({(file.size / 1024).toFixed(1)} KB)</Typography.Text>
            </div>
          )}
          <div className="ss-import-format">
            <span>{t('bank.import.format')}</span>
            <Select<ImportFormat> value={format} onChange={setFormat} options={FORMATS.map((f) => ({ value: f, label: t(`bank.import.formatName.${f}`) }))} className="ss-filters__select" />
          </div>
          {error && <Alert type="error" showIcon title={error} className="ss-form-alert" data-testid="import-error" />}
          <div className="ss-upload-actions">
            <Button type="primary" size="large" icon={<CloudUploadOutlined />} disabled={!file} loading={busy} onClick={() => void upload()}>
              {t('import.uploadAndCheck')}
            </Button>
          </div>
        </Card>
      </Col>
    </Row>
  );
}
