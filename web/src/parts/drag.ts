/**
 * Dragging calendar blocks with the pointer: move (the whole block) or resize (its bottom edge), snapped
 * to 15 minutes, dropped onto whichever column is under the pointer. A press that barely moves stays a click.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';

/** Where a drag ended: minutes moved (snapped) and the column element under the pointer. */
export interface Drop {
  mode: 'move' | 'resize';
  minutes: number;
  column: HTMLElement | null;
}

const SNAP_MIN = 15;
const CLICK_PX = 4;

/** Starts a drag on pointer down; `onDrop` gets the result, clicks are left alone. */
export function startDrag(
  e: ReactPointerEvent<HTMLElement>,
  mode: Drop['mode'],
  pxPerMin: number,
  onDrop: (d: Drop) => void,
) {
  if (e.button !== 0) return;
  const el = mode === 'resize' ? (e.currentTarget.parentElement as HTMLElement) : e.currentTarget;
  const x0 = e.clientX;
  const y0 = e.clientY;
  const height0 = el.offsetHeight;
  let dragging = false;
  const move = (ev: PointerEvent) => {
    const dx = ev.clientX - x0;
    const dy = ev.clientY - y0;
    if (!dragging && Math.abs(dx) < CLICK_PX && Math.abs(dy) < CLICK_PX) return;
    dragging = true;
    el.classList.add('dragging');
    if (mode === 'move') el.style.transform = `translate(${dx}px, ${dy}px)`;
    else el.style.height = `${Math.max(12, height0 + dy)}px`;
  };
  // a touch that turns into scrolling the page is cancelled by the browser: nothing moves
  const cancel = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', cancel);
    if (dragging) {
      el.classList.remove('dragging');
      el.style.transform = '';
      el.style.height = `${height0}px`;
    }
  };
  const up = (ev: PointerEvent) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', cancel);
    if (!dragging) return;
    el.classList.remove('dragging');
    el.style.transform = '';
    el.style.height = `${height0}px`;
    // the click that follows a drag is not an "open" click
    const swallow = (c: MouseEvent) => {
      c.stopPropagation();
      c.preventDefault();
    };
    window.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    const minutes = Math.round((ev.clientY - y0) / pxPerMin / SNAP_MIN) * SNAP_MIN;
    el.style.visibility = 'hidden';
    const under = document.elementFromPoint(ev.clientX, ev.clientY);
    el.style.visibility = '';
    onDrop({ mode, minutes, column: (under?.closest('[data-col]') as HTMLElement | null) ?? null });
  };
  e.stopPropagation();
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', cancel);
}
