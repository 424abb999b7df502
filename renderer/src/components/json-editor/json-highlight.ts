/**
 * JSON token colours for the editor, one set per theme, each at least 4.5:1 against the editor's
 * background (Naive UI's input colour: white in light, #fff1 over the dark card in dark).
 */
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const LIGHT = HighlightStyle.define([
  { tag: tags.propertyName, color: '#5a36e6' },
  { tag: tags.string, color: '#0f6e3a' },
  { tag: tags.number, color: '#9a4a00' },
  { tag: [tags.bool, tags.null], color: '#0b5cad', fontWeight: '600' },
  { tag: tags.invalid, color: '#c62828' },
]);

const DARK = HighlightStyle.define(
  [
    { tag: tags.propertyName, color: '#b7a6ff' },
    { tag: tags.string, color: '#8fd6a4' },
    { tag: tags.number, color: '#f2b77c' },
    { tag: [tags.bool, tags.null], color: '#86c2ff', fontWeight: '600' },
    { tag: tags.invalid, color: '#ff8a80' },
  ],
  { themeType: 'dark' },
);

/** The highlight style for the app's current theme. */
export function jsonHighlight(dark: boolean): HighlightStyle {
  return dark ? DARK : LIGHT;
}
