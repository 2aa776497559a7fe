import { useId } from 'react';

type Props = { size?: number; inverted?: boolean };

/** The ServiceStar mark: a five-point star rising out of a signal arc, on a telecom-blue tile. */
export function BrandMark({ size = 32, inverted = false }: Props) {
  const id = useId();
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" role="img" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={`${id}-bg`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={inverted ? '#ffffff' : '#2f7bff'} />
          <stop offset="1" stopColor={inverted ? '#dfe9ff' : '#0b3a9c'} />
        </linearGradient>
      </defs>
      <rect width="40" height="40" rx="10" fill={`url(#${id}-bg)`} />
      <path d="M9 29.5a15 15 0 0 1 22 0" fill="none" stroke={inverted ? '#1456d9' : '#8fb6ff'} strokeWidth="2.2" strokeLinecap="round" opacity="0.9" />
      <path
        d="M20 7.5l3.3 6.9 7.5 1-5.5 5.2 1.4 7.5L20 24.5l-6.7 3.6 1.4-7.5-5.5-5.2 7.5-1z"
        fill={inverted ? '#1456d9' : '#ffffff'}
      />
      <circle cx="20" cy="17.6" r="2" fill="#f5a623" />
    </svg>
  );
}
