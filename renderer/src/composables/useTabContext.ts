/** Tells a view which tab it renders in and whether that tab is in front. */
import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';

/** The tab a view renders in. */
export interface TabContext {
  key: string;
  active: ComputedRef<boolean>;
}

const TAB_CONTEXT: InjectionKey<TabContext> = Symbol('tab-context');

/** Called by the tab panel for its content. */
export function provideTabContext(context: TabContext): void {
  provide(TAB_CONTEXT, context);
}

/** The tab of the calling view; outside a tab (e.g. the no-profile screen) it counts as always in front. */
export function useTabContext(): TabContext {
  return inject(TAB_CONTEXT, { key: '', active: computed(() => true) });
}
