/**
 * The CodeMirror 6 view behind JsonEditor.vue, in its own module so that it (and CodeMirror) is
 * loaded with the first editor shown, not with the app. JSON language, the parse linter (blank
 * text is no error here), line numbers, bracket matching, wrapping, history; Tab is left unbound
 * so it moves the focus (no trap). Colours come from CSS variables set by the component.
 */
import { minimalSetup } from 'codemirror';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, lineNumbers, placeholder as placeholderText } from '@codemirror/view';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter } from '@codemirror/lint';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { jsonHighlight } from './json-highlight';

/** What the component sets up a view with. */
export interface JsonViewOptions {
  parent: HTMLElement;
  doc: string;
  dark: boolean;
  editable: boolean;
  placeholder: string;
  attributes: Record<string, string>;
  onChange: (text: string) => void;
}

/** A running view and the few things the component changes on it. */
export interface JsonView {
  text(): string;
  setText(text: string): void;
  setDark(dark: boolean): void;
  setEditable(editable: boolean): void;
  setAttributes(attributes: Record<string, string>): void;
  focus(): void;
  destroy(): void;
}

const blank = (text: string) => text.trim() === '';

// Colours from CSS variables the component sets from Naive UI's theme, so a theme switch needs no new theme.
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--je-bg)', color: 'var(--je-text)', fontSize: '12px', height: '100%' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--je-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--je-text)' },
  '.cm-gutters': { backgroundColor: 'var(--je-bg)', color: 'var(--je-muted)', border: 'none', borderRight: '1px solid var(--je-border)' },
  '.cm-cursor': { borderLeftColor: 'var(--je-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--je-selection) !important' },
  '.cm-placeholder': { color: 'var(--je-muted)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--je-error)', textUnderlineOffset: '3px' },
  '.cm-tooltip': { backgroundColor: 'var(--je-popover)', color: 'var(--je-text)', border: '1px solid var(--je-border)' },
});

// Telling CodeMirror the theme is dark also switches its own base styles and the dark highlight style on.
const themeFor = (dark: boolean) => [EditorView.darkTheme.of(dark), syntaxHighlighting(jsonHighlight(dark))];

/** Creates the view in `options.parent`. */
export function createJsonView(options: JsonViewOptions): JsonView {
  const parseLint = jsonParseLinter();
  const attributes = new Compartment();
  const colours = new Compartment();
  const editable = new Compartment();
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        minimalSetup,
        lineNumbers(),
        bracketMatching(),
        // Long values wrap rather than scroll sideways: a patch is usually one or two lines.
        EditorView.lineWrapping,
        json(),
        // The mark in the text; the words are under the editor (the component), not only in a hover.
        linter((editor) => (blank(editor.state.doc.toString()) ? [] : parseLint(editor)), { delay: 250 }),
        theme,
        colours.of(themeFor(options.dark)),
        attributes.of(EditorView.contentAttributes.of(options.attributes)),
        editable.of(EditorView.editable.of(options.editable)),
        placeholderText(options.placeholder),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    setDark: (dark) => view.dispatch({ effects: colours.reconfigure(themeFor(dark)) }),
    setEditable: (on) => view.dispatch({ effects: editable.reconfigure(EditorView.editable.of(on)) }),
    setAttributes: (attrs) => view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(attrs)) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
