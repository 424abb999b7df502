/**
 * What the services ask of the desktop they run on, as a small interface: Electron's main process
 * implements it (electron/main/save-dialog.ts), the e2e harness and tests pass their own.
 */

/** A file type offered by the save dialog. */
export interface SaveFileFilter {
  name: string;
  extensions: string[];
}

/** What the save dialog is asked. */
export interface SavePathRequest {
  title: string;
  /** A file name (the dialog picks the folder). */
  defaultName: string;
  filters: SaveFileFilter[];
}

/** The desktop's services to the app. */
export interface Platform {
  /** Asks the administrator where to save a file; null when they cancelled. */
  chooseSavePath(request: SavePathRequest): Promise<string | null>;
  /** Shows a file in the system's file manager (its folder open, the file selected). */
  showInFolder(path: string): void;
}
