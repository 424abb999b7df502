/// <reference types="vite/client" />
import type { Bridge } from '../../shared/ipc/bridge';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  interface Window {
    /** The preload's bridge: one envelope-returning function per contract channel. */
    clerkAdmin: Bridge;
  }
}
