/**
 * Runs renderer code the way the app does: inside a mounted component, with Pinia and Pinia Colada
 * installed with the app's options (renderer/src/api/data-layer.ts).
 */
import { createApp, defineComponent, h, type Component } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { PiniaColada } from '@pinia/colada';
import { DATA_LAYER_OPTIONS } from '../../../renderer/src/api/data-layer';

/** The plugins of a test app: a fresh Pinia (made active) and Pinia Colada. */
export function dataLayerPlugins(): { pinia: Pinia; plugins: [Pinia, [typeof PiniaColada, typeof DATA_LAYER_OPTIONS]] } {
  const pinia = createPinia();
  setActivePinia(pinia);
  return { pinia, plugins: [pinia, [PiniaColada, DATA_LAYER_OPTIONS]] };
}

/** Calls `setup` inside a mounted component and returns what it returned. */
export function withSetup<T>(setup: () => T): { result: T; wrapper: VueWrapper; pinia: Pinia } {
  let result!: T;
  const { pinia, plugins } = dataLayerPlugins();
  const Host = defineComponent({
    setup() {
      result = setup();
      return () => h('div');
    },
  });
  const wrapper = mount(Host, { global: { plugins } });
  return { result, wrapper, pinia };
}

/** Mounts `component` (with `props`) in an app with Pinia and Pinia Colada. */
export function mountWithDataLayer(component: Component, props: Record<string, unknown> = {}): { wrapper: VueWrapper; pinia: Pinia } {
  const { pinia, plugins } = dataLayerPlugins();
  const wrapper = mount(component, { props, global: { plugins }, attachTo: document.body });
  return { wrapper, pinia };
}

/**
 * A fresh Pinia installed, with Pinia Colada, into an app that is never mounted: for store tests,
 * so stores run in the app's injection context as they do in the app.
 */
export function activeDataLayer(): Pinia {
  const { pinia, plugins } = dataLayerPlugins();
  const app = createApp(() => null);
  app.use(plugins[0]).use(...plugins[1]);
  return pinia;
}
