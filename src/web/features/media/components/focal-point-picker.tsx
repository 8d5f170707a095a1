import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FocalPoint } from '#shared/media.schema.js';

interface FocalPointPickerProps {
  /** The picture's object URL, once loaded. */
  src: string | undefined;
  alt: string;
  value: FocalPoint;
  onChange: (point: FocalPoint) => void;
  disabled?: boolean;
}

const STEP = 0.05;
const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));

/**
 * Click the picture where the crops should centre (a face, the product); arrow keys move the point too.
 * Crops for each network are cut around it.
 */
export function FocalPointPicker({ src, alt, value, onChange, disabled = false }: FocalPointPickerProps) {
  const { t } = useTranslation('media');
  const pick = (event: MouseEvent<HTMLButtonElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onChange({
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    });
  };
  const nudge = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    onChange({ x: clamp(value.x + move[0]), y: clamp(value.y + move[1]) });
  };
  return (
    <button
      type="button"
      className="focal-point"
      onClick={pick}
      onKeyDown={nudge}
      disabled={disabled}
      aria-label={t('focalPoint.label', { x: Math.round(value.x * 100), y: Math.round(value.y * 100) })}
    >
      {src ? (
        <img src={src} alt={alt} draggable={false} />
      ) : (
        <span className="focal-point__empty">{t('focalPoint.loading')}</span>
      )}
      <span
        className="focal-point__marker"
        aria-hidden="true"
        style={{ left: `${value.x * 100}%`, top: `${value.y * 100}%` }}
      />
    </button>
  );
}
