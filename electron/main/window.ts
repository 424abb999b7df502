/** The app's single window: secure defaults, remembered size and position. */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/** Window size and position as remembered between launches. */
export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

/** The default size of a new window. */
export const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 860 };

/** BrowserWindow options; every web preference the security checklist asks for is set explicitly. */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds = DEFAULT_BOUNDS): BrowserWindowConstructorOptions {
  return {
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Clerk Admin Desktop',
    backgroundColor: '#18181c',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * The remembered bounds, sized at least to the minimum; the position is dropped when it is no
 * longer on any display (a monitor was unplugged), so the window never opens off-screen.
 */
export function restoreBounds(saved: WindowBounds | undefined, displays: Rectangle[]): WindowBounds {
  if (!saved || !Number.isFinite(saved.width) || !Number.isFinite(saved.height)) return DEFAULT_BOUNDS;
  const size = { width: Math.max(960, saved.width), height: Math.max(600, saved.height), maximized: saved.maximized };
  if (saved.x === undefined || saved.y === undefined) return size;
  const { x, y } = saved;
  const onScreen = displays.some((d) => x + 100 <= d.x + d.width && x + size.width - 100 >= d.x && y >= d.y && y + 40 <= d.y + d.height);
  return onScreen ? { ...size, x, y } : size;
}
