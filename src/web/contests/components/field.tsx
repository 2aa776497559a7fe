import type { ReactNode } from 'react';
import { Form } from 'antd';

type Props = { label?: ReactNode; error?: string; children: ReactNode; className?: string; testId?: string };

/** A labelled control that shows the server's problem for its path underneath, in red. */
export function Field({ label, error, children, className, testId }: Props) {
  return (
    <Form.Item label={label} validateStatus={error ? 'error' : undefined} help={error} className={className ?? 'ss-field'} data-testid={testId} data-error={error ? 'true' : undefined}>
      {children}
    </Form.Item>
  );
}
