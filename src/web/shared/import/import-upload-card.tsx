import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Row, Typography, Upload } from 'antd';
import { CloudUploadOutlined, FileExcelOutlined, FileTextOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useAction } from '../use-action.ts';

type Props = {
  /** What the template is for (the left card's paragraph). */
  templateBody: ReactNode;
  templateUrls: { xlsx: string; csv: string };
  /** The columns the template expects, as `<li>` items. */
  columnsHelp: ReactNode;
  accept: string;
  dropHint: ReactNode;
  /** Choices shown under the picked file (a format, whether to create organisations…). */
  options?: ReactNode;
  /** Sends the file for a preview; a thrown error is shown under the options. */
  onUpload: (file: File) => Promise<void>;
};

/**
 * Step 1 of every import wizard (people, questions): the template on the left, the file
 * on the right, then "upload and check". Uploading writes nothing; the caller previews.
 */
export function ImportUploadCard({ templateBody, templateUrls, columnsHelp, accept, dropHint, options, onUpload }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, setError, run } = useAction();

  const upload = async () => {
    if (!file) return;
    await run(() => onUpload(file));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card title={t('import.templateTitle')} className="ss-card-fill">
          <Typography.Paragraph type="secondary">{templateBody}</Typography.Paragraph>
          <div className="ss-template-links">
            <a href={templateUrls.xlsx} download className="ss-template-link" data-testid="template-xlsx">
              <FileExcelOutlined className="ss-template-link__icon ss-template-link__icon--xlsx" />
              <span>
                <strong>{t('import.templateXlsx')}</strong>
                <small>.xlsx</small>
              </span>
            </a>
            <a href={templateUrls.csv} download className="ss-template-link" data-testid="template-csv">
              <FileTextOutlined className="ss-template-link__icon" />
              <span>
                <strong>{t('import.templateCsv')}</strong>
                <small>.csv · UTF-8 / GBK</small>
              </span>
            </a>
          </div>
          <ul className="ss-columns-help">{columnsHelp}</ul>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card title={t('import.fileTitle')} className="ss-card-fill">
          <Upload.Dragger
            accept={accept}
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
            <p className="ant-upload-hint">{dropHint}</p>
          </Upload.Dragger>
          {file && (
            <div className="ss-picked-file" data-testid="picked-file">
              <PaperClipOutlined /> {file.name} <Typography.Text type="secondary">({(file.size / 1024).toFixed(1)} KB)</Typography.Text>
            </div>
          )}
          {options}
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
