/**
 * A fake `electron` module for unit tests (there is no Electron runtime here):
 * just enough of app, BrowserWindow, session, protocol, ipcMain, dialog,
 * Menu, screen, contextBridge and ipcRenderer to record what the glue asks of
 * them. Use with vi.mock('electron', () => import('./fake-electron')).
 */
import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextRoutingId = 1;

export class FakeFrame {
  parent: FakeFrame | null = null;
  processId = 4;
  routingId = nextRoutingId++;
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(url = 'app://fieldmark/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  focused = 0;
  shown = 0;
  restored = 0;
  loadedUrl: string | null = null;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(public readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: options.x as number,
      y: options.y as number,
      width: options.width as number,
      height: options.height as number,
    };
    BrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored++;
    this.minimized = false;
  }
  show(): void {
    this.shown++;
  }
  focus(): void {
    this.focused++;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = { userData: '/home/user/.config/Fieldmark', documents: '/home/user/Documents' };
  setPathCalls: Array<[string, string]> = [];
  singleInstance = true;
  quitCalls = 0;
  exitCodes: number[] = [];
  private readyResolve!: () => void;
  private ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  getPath(name: string): string {
    return this.paths[name] ?? `/fake/${name}`;
  }
  setPath(name: string, value: string): void {
    this.setPathCalls.push([name, value]);
    this.paths[name] = value;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  becomeReady(): void {
    this.readyResolve();
  }
  getVersion(): string {
    return '0.1.0';
  }
  quit(): void {
    this.quitCalls++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

type Handler = (...args: never[]) => unknown;

class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  readonly protocol = { handlers: new Map<string, Handler>(), handle: (scheme: string, h: Handler) => this.protocol.handlers.set(scheme, h) };
  readonly webRequest = {
    onBeforeRequest: (listener: Handler) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(h: Handler): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Handler): void {
    this.devicePermissionHandler = h;
  }
}

export let app = new FakeApp();
export let session = { defaultSession: new FakeSession() };
export const protocol = {
  privileged: [] as unknown[],
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
};
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};
export const dialog = {
  errorBoxes: [] as Array<[string, string]>,
  messageBoxes: [] as unknown[],
  showErrorBox(title: string, content: string) {
    this.errorBoxes.push([title, content]);
  },
  async showMessageBox(_window: unknown, options: unknown) {
    this.messageBoxes.push(options);
    return { response: 0 };
  },
  async showSaveDialog() {
    return { canceled: true, filePath: '' };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] as string[] };
  },
};
export const Menu = {
  applied: null as unknown,
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: unknown) {
    this.applied = menu;
  },
};
export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays() {
    return this.displays;
  },
  getPrimaryDisplay() {
    return this.displays[0]!;
  },
};

/** The power events the glue subscribes to; a test emits 'suspend' or 'lock-screen'. */
export let powerMonitor = new EventEmitter();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invocations: [] as Array<{ channel: string; input: unknown }>,
  reply: (async () => ({ ok: true, value: null })) as (channel: string, input: unknown) => Promise<unknown>,
  invoke(channel: string, input: unknown) {
    this.invocations.push({ channel, input });
    return this.reply(channel, input);
  },
});

/** Fresh fakes for the next test. */
export function resetFakeElectron(): void {
  app = new FakeApp();
  session = { defaultSession: new FakeSession() };
  powerMonitor = new EventEmitter();
  protocol.privileged = [];
  ipcMain.handlers.clear();
  dialog.errorBoxes = [];
  dialog.messageBoxes = [];
  Menu.applied = null;
  BrowserWindow.instances = [];
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
}

