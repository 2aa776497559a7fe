import { BrandMark } from './brand-mark.tsx';

type Props = { size?: 'small' | 'large'; inverted?: boolean };

/** 服务之星 with its English name beneath: the product's name is always shown in both. */
export function BrandTitle({ size = 'small', inverted = false }: Props) {
  const large = size === 'large';
  return (
    <span className={`ss-brand${inverted ? ' ss-brand--inverted' : ''}${large ? ' ss-brand--large' : ''}`}>
      <BrandMark size={large ? 48 : 34} inverted={inverted} />
      <span className="ss-brand__text">
        <span className="ss-brand__zh">服务之星</span>
        <span className="ss-brand__en">ServiceStar</span>
      </span>
    </span>
  );
}
