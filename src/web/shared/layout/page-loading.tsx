import { Spin } from 'antd';

/** What a lazily loaded page shows while its chunk arrives. */
export function PageLoading({ full = false }: { full?: boolean }) {
  return (
    <div className={full ? 'ss-loading ss-loading--full' : 'ss-loading'}>
      <Spin size="large" />
    </div>
  );
}
