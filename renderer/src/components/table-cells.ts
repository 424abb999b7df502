/** Small render helpers shared by the data tables (their classes are in styles.css). */
import { h } from 'vue';

/** A dimmed placeholder such as "—" or "Never". */
export const mutedCell = (text: string) => h('span', { class: 'cell-muted' }, text);

/** Text that must stay on one line (dates, durations). */
export const nowrapCell = (text: string, attrs: Record<string, unknown> = {}) => h('span', { class: 'cell-nowrap', ...attrs }, text);
