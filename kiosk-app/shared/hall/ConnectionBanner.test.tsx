import { signal } from '@preact/signals';
import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionBanner, linkStatusText } from './ConnectionBanner.tsx';
import { session } from './session.ts';
import type { ConnectionState } from './socket.ts';

const html = (props: Omit<Parameters<typeof ConnectionBanner>[0], 'state'> & { state: ConnectionState }) =>
  render(<ConnectionBanner {...props} state={signal(props.state)} />);

afterEach(() => {
  session.value = null;
});

describe('linkStatusText', () => {
  it('says nothing while connected or closed, and names the terminal when it is not paired', () => {
    expect(linkStatusText('open')).toBeNull();
    expect(linkStatusText('closed')).toBeNull();
    expect(linkStatusText('connecting')).toBe('正在连接大厅服务器…');
    expect(linkStatusText('reconnecting')).toBe('连接中断，正在重新连接…');
    expect(linkStatusText('unauthorized')).toBe('本终端尚未配对或配对已失效，请联系工作人员');
    expect(linkStatusText('unauthorized', '本大屏')).toBe('本大屏尚未配对或配对已失效，请联系工作人员');
  });
});

describe('ConnectionBanner', () => {
  it('renders nothing while the link is open', () => {
    expect(html({ state: 'open' })).toBe('');
  });

  it('defaults to a compact overlay over the top edge (pads, counters): unchanged for existing screens', () => {
    const out = html({ state: 'reconnecting' });
    expect(out).toContain('role="status"');
    expect(out).toContain('data-size="compact"');
    expect(out).toContain('position:fixed;top:0px;left:0px;right:0px;z-index:1000;');
    expect(out).toContain('font-size:20px;');
    expect(out).toContain('<span aria-hidden="true">⚠ </span>连接中断，正在重新连接…');
  });

  it('on a board: large text in its own row, so it never covers the header', () => {
    const out = html({ state: 'unauthorized', placement: 'inline', size: 'large', terminal: '本大屏' });
    expect(out).toContain('data-size="large"');
    expect(out).not.toContain('position:fixed');
    expect(out).toContain('flex:none;');
    expect(out).toContain('font-size:40px;font-weight:800;');
    expect(out).toContain('本大屏尚未配对或配对已失效，请联系工作人员');
  });

  it('shows the demo pairing note with an overlay, and with inline only when asked', () => {
    session.value = { token: 't', demo: true, principal: { id: 'board-1', role: 'board', window: null, name: '1号大屏' } };
    const note = '演示模式：本终端已由演示大厅自动配对';
    expect(html({ state: 'open' })).toContain(note);
    expect(html({ state: 'open', placement: 'inline' })).not.toContain(note);
    expect(html({ state: 'open', placement: 'inline', demoNote: true })).toContain(note);
    session.value = { token: 't', demo: false, principal: { id: 'board-1', role: 'board', window: null, name: '1号大屏' } };
    expect(html({ state: 'open' })).not.toContain(note);
  });
});
