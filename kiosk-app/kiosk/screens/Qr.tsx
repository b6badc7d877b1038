import { useEffect, useState } from 'preact/hooks';

/** A QR code as SVG with a visible caption nearby (the caption carries the meaning, the code is a shortcut).
 * The encoder loads on demand so the home screen stays small. */
export function Qr({ payload, label }: { payload: string; label: string }) {
  const [path, setPath] = useState<{ d: string; size: number } | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../../device-bridge/ticket/qr.ts').then(({ qrMatrix }) => {
      const m = qrMatrix(payload);
      const cells: string[] = [];
      for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.isDark(r, c)) cells.push(`M${c + 2} ${r + 2}h1v1h-1z`);
      if (live) setPath({ d: cells.join(''), size: m.size + 4 });
    });
    return () => {
      live = false;
    };
  }, [payload]);
  const size = path?.size ?? 29;
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      {path && <path d={path.d} fill="#000" />}
    </svg>
  );
}
