// The reference booking page (网办/掌办 channel) at /booking with its script, built into dist/citizen/ by the Vite
// build beside the progress page; the page calls the public booking API of routes.ts. Same headers as the progress
// page: nothing from elsewhere, no framing, no referrer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { sendPageFile } from '../citizen/respond.ts';

const FILES: Record<string, { file: string; type: string }> = {
  '/booking': { file: 'booking.html', type: 'text/html; charset=utf-8' },
  '/citizen/booking.js': { file: 'booking.js', type: 'text/javascript; charset=utf-8' },
};

/** Answers GET /booking and its script; false for any other request. */
export function bookingPage(distDir = resolve(import.meta.dirname, '../../dist')): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  const pages = join(distDir, 'citizen');
  return (req, res, url) => {
    const found = req.method === 'GET' ? FILES[url.pathname] : undefined;
    if (!found) return false;
    sendPageFile(res, join(pages, found.file), found.type);
    return true;
  };
}
