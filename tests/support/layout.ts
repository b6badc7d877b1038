// Geometry checks for terminal screens: every enabled control fully inside the viewport, no two controls overlapping,
// no icon squeezed out of shape, and the choices a screen offers (controls marked data-choice).
import type { Page } from 'playwright-core';

export interface ControlBox {
  label: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every enabled, visible control the citizen could touch (not inside an aria-hidden or inert part). */
export async function controlBoxes(page: Page): Promise<ControlBox[]> {
  return page.evaluate(() => {
    const nodes = Array.from(
      document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"], [role="switch"]'),
    );
    return nodes
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return (
          rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && !(el as HTMLButtonElement).disabled &&
          !el.closest('[aria-hidden="true"], [inert]')
        );
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        const label = (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30);
        return { label, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
  });
}

export interface LayoutProblems {
  outside: string[];
  overlapping: string[];
  /** Icons drawn narrower or lower than they are meant to be (a crowded row shrinks them to a few pixels). */
  squeezed: string[];
}

/** Every icon is square (viewBox 24×24, one size for both sides): a visible one whose box is not square was shrunk by
 * the layout around it. */
async function squeezedIcons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<SVGElement>('svg.ui-icon'))
      .map((icon) => ({ icon, r: icon.getBoundingClientRect() }))
      .filter(({ icon, r }) => (r.width > 0 || r.height > 0) && !icon.closest('[hidden], [inert]') && Math.abs(r.width - r.height) > 1)
      .map(({ icon, r }) => {
        const owner = (icon.closest('button, a, [role="button"]') ?? icon.parentElement)?.textContent?.trim().slice(0, 30) ?? '';
        return `${owner} [${Math.round(r.width)}×${Math.round(r.height)}]`;
      }),
  );
}

/** Controls not fully inside the viewport, pairs of controls whose boxes overlap (nested controls count once), and
 * squeezed icons. */
export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('page has no viewport size');
  const boxes = await controlBoxes(page);
  const outside = boxes
    .filter((b) => b.left < 0 || b.top < 0 || b.right > viewport.width + 0.5 || b.bottom > viewport.height + 0.5)
    .map((b) => `${b.label} [${Math.round(b.left)},${Math.round(b.top)} – ${Math.round(b.right)},${Math.round(b.bottom)}]`);
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) overlapping.push(`${a.label} × ${b.label}`);
    }
  }
  return { outside, overlapping, squeezed: await squeezedIcons(page) };
}

/** For a page that scrolls (a phone page): controls sticking out left or right or taller than the viewport (so they
 * cannot be seen whole at any scroll position), and overlapping pairs, all in page coordinates. */
export async function scrollingLayoutProblems(page: Page): Promise<LayoutProblems> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('page has no viewport size');
  const scrollY = await page.evaluate(() => window.scrollY);
  const boxes = (await controlBoxes(page)).map((b) => ({ ...b, top: b.top + scrollY, bottom: b.bottom + scrollY }));
  const outside = boxes
    .filter((b) => b.left < 0 || b.right > viewport.width + 0.5 || b.top < 0 || b.bottom - b.top > viewport.height)
    .map((b) => `${b.label} [${Math.round(b.left)},${Math.round(b.top)} – ${Math.round(b.right)},${Math.round(b.bottom)}]`);
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) overlapping.push(`${a.label} × ${b.label}`);
    }
  }
  return { outside, overlapping, squeezed: await squeezedIcons(page) };
}

/** How many choices (data-choice) the screen offers besides back / home / help. */
export async function choiceCount(page: Page): Promise<number> {
  return page.locator('[data-choice]:not([disabled])').count();
}

/** WCAG 1.4.6 (AAA, 7:1) contrast violations, for 长辈模式. */
export async function enhancedContrastViolations(page: Page): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
}
