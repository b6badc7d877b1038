import { useEffect, useState } from 'preact/hooks';

interface QrPath {
  d: string;
  size: number;
}

/** Encoded once per payload: a guide opened again paints at once and the kiosk's slow CPU is not busy re-encoding. */
const encoded = new Map<string, QrPath>();

/** The dark modules as one path inside a two-module quiet zone: one rectangle per horizontal run of dark modules rather
 * than one per module, so the path has about half the subpaths to parse and paint (same pixels). */
function darkRuns(m: { size: number; isDark(row: number, col: number): boolean }): string {
  const runs: string[] = [];
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (!m.isDark(r, c)) continue;
      const start = c;
      while (c + 1 < m.size && m.isDark(r, c + 1)) c++;
      const length = c - start + 1;
      runs.push(`M${start + 2} ${r + 2}h${length}v1h-${length}z`);
    }
  }
  return runs.join('');
}

/** A QR code as SVG with a visible caption nearby (the caption carries the meaning, the code is a shortcut).
 * The encoder loads on demand so the home screen stays small. */
export function Qr({ payload, label }: { payload: string; label: string }) {
  const [path, setPath] = useState<QrPath | null>(() => encoded.get(payload) ?? null);
  useEffect(() => {
    const known = encoded.get(payload);
    if (known) {
      setPath(known);
      return;
    }
    let live = true;
    void import('../../../protocol/bridge/ticket/qr.ts').then(({ qrMatrix }) => {
      const m = qrMatrix(payload);
      const result = { d: darkRuns(m), size: m.size + 4 };
      encoded.set(payload, result);
      if (live) setPath(result);
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
