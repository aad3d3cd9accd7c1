// The page's editor: CodeMirror 6, which draws only the lines in view, so a report of any
// length types and opens at once (a <textarea> lays out all of its text on every keystroke).
// Bundled by scripts/bundle-editor into one classic script that Trunk inlines into the page;
// src/editor.rs binds `window.NianbaoEditor`. Positions are UTF-16 code units, as in
// CodeMirror; the page converts them from the core's byte spans at the edge.
import { Annotation, Compartment, EditorState, RangeSet, StateEffect, StateField, Transaction } from '@codemirror/state';
import {
  Decoration, EditorView, GutterMarker, gutter, keymap, lineNumbers, placeholder,
} from '@codemirror/view';
import { history, historyKeymap, standardKeymap } from '@codemirror/commands';
import { search, searchKeymap } from '@codemirror/search';

// Beyond this length (code units) the page is told of edits once typing pauses: copying
// megabytes out on every keystroke would cost more than the typing.
const LARGE = 1 << 20;
const PAUSE_MS = 250;

const PHRASES = {
  'Find': '查找', 'Replace': '替换', 'next': '下一个', 'previous': '上一个', 'all': '全部',
  'match case': '区分大小写', 'by word': '全字匹配', 'regexp': '正则表达式',
  'replace': '替换', 'replace all': '全部替换', 'close': '关闭', 'current match': '当前匹配',
  'replaced $ matches': '已替换 $ 处', 'replaced match on line $': '已替换第 $ 行的匹配',
  'on line': '位于第', 'Go to line': '转到行', 'go': '转到',
  'Selection deleted': '已删除所选内容', 'Control character': '控制字符',
};

// a change the page made (opening a file, 载入示例, 撤销): the page knows its text already
const fromPage = Annotation.define();
// the undo history, reset by the page's changes
const undo = new Compartment();

// ranges that follow the text and that the page replaces as a whole: [effect, field]
function replaced(empty, provide) {
  const set = StateEffect.define();
  const field = StateField.define({
    create: () => empty,
    update(value, tr) {
      value = value.map(tr.changes);
      for (const e of tr.effects) if (e.is(set)) value = e.value;
      return value;
    },
    provide,
  });
  return [set, field];
}

// the marks of the place shown
const [setMarks, marks] = replaced(Decoration.none, (f) => EditorView.decorations.from(f));

class Marker extends GutterMarker {
  constructor(severity, title, finding) {
    super();
    this.severity = severity;
    this.title = title;
    this.finding = finding;
  }
  eq(o) {
    return o.severity === this.severity && o.title === this.title && o.finding === this.finding;
  }
  toDOM() {
    const e = document.createElement('span');
    e.className = 'nb-marker nb-' + this.severity;
    e.title = this.title;
    return e;
  }
}
const RANK = { error: 0, warning: 1, info: 2 };
// the markers beside lines with findings
const [setMarkers, markers] = replaced(RangeSet.empty);

// the editors on the page (flushAll)
const live = new Set();

function create(parent, o) {
  let timer = 0;
  let pending = false;
  let destroyed = false;
  const tell = () => {
    clearTimeout(timer);
    pending = false;
    if (!destroyed) o.on(0);
  };
  // typing is told after the frame that shows it (the page then copies the text out and
  // checks it: a keystroke's frame waits for none of that), in a very long text once typing
  // pauses; other edits (a paste, a cut, an undo) at once
  let scheduled = false;
  const changed = (length, typing) => {
    pending = true;
    if (!typing) {
      queueMicrotask(() => pending && tell());
    } else if (length > LARGE) {
      clearTimeout(timer);
      timer = setTimeout(tell, PAUSE_MS);
    } else if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => setTimeout(() => {
        scheduled = false;
        if (pending) tell();
      }, 0));
    }
  };
  const flush = () => pending && tell();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      // the text the page opens with is no step to undo
      doc: o.text || '',
      extensions: [
        lineNumbers(),
        gutter({
          class: 'nb-gutter',
          markers: (v) => v.state.field(markers),
          domEventHandlers: {
            mousedown(v, line) {
              let finding = null;
              v.state.field(markers).between(line.from, line.from, (from, _to, m) => {
                if (from === line.from) finding = m.finding;
              });
              if (finding === null) return false;
              o.on(3, finding);
              return true;
            },
          },
        }),
        undo.of(history()),
        EditorView.lineWrapping,
        placeholder(o.placeholder || ''),
        // (tabindex: focusable by the keyboard as it is, said for checkers of accessibility)
        EditorView.contentAttributes.of({ id: o.id, 'aria-label': o.label, spellcheck: 'false', tabindex: '0' }),
        EditorState.phrases.of(PHRASES),
        search({ top: true }),
        // the standard keys (no code editing commands: this is prose and tables)
        keymap.of([...searchKeymap, ...historyKeymap, ...standardKeymap]),
        marks,
        markers,
        EditorView.domEventHandlers({
          paste: (e) => o.on(1, e) === true,
          drop: (e) => o.on(2, e) === true,
          dragover: (e) => {
            if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return false;
            e.preventDefault();
            return true;
          },
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.every((t) => t.annotation(fromPage))) {
            const typing = u.transactions.every((t) => !t.docChanged || t.isUserEvent('input.type')
              || t.isUserEvent('delete.backward') || t.isUserEvent('delete.forward'));
            changed(u.state.doc.length, typing);
          }
        }),
      ],
    }),
  });
  const editor = {
    text: () => view.state.doc.toString(),
    length: () => view.state.doc.length,
    flush,
    // the page's own change (a file opened, 载入示例, 撤销, a suggested value put in): only
    // what differs is replaced, so the selection, the scroll and the marks elsewhere stay;
    // it is no step of Ctrl+Z (the page's notice offers 撤销, which also restores where the
    // text came from), and the steps before it are forgotten
    setText(t) {
      clearTimeout(timer);
      pending = false;
      const old = view.state.doc.toString();
      if (old === t) return;
      let a = 0;
      const n = Math.min(old.length, t.length);
      while (a < n && old.charCodeAt(a) === t.charCodeAt(a)) a++;
      let b = 0;
      while (b < n - a && old.charCodeAt(old.length - 1 - b) === t.charCodeAt(t.length - 1 - b)) b++;
      // a text in place of another starts at its top; a small change (a cell's value) keeps
      // the view where it is
      const whole = old.length - b - a > 100 || t.length - b - a > 100;
      view.dispatch({
        changes: { from: a, to: old.length - b, insert: t.slice(a, t.length - b) },
        annotations: [fromPage.of(true), Transaction.addToHistory.of(false)],
        ...(whole ? { selection: { anchor: 0 }, effects: EditorView.scrollIntoView(0) } : {}),
      });
      view.dispatch({ effects: undo.reconfigure([]) });
      view.dispatch({ effects: undo.reconfigure(history()) });
    },
    wholeSelected() {
      const s = view.state.selection.main;
      return view.state.doc.length > 0 && s.from === 0 && s.to === view.state.doc.length;
    },
    // an edit as the user makes it (the page is told, as of typing): browser tests, benchmarks
    edit(from, to, t) {
      view.dispatch({ changes: { from, to, insert: t }, userEvent: 'input.type' });
    },
    // inserted as typing inserts: one step of Ctrl+Z takes it back
    insert(t) {
      view.dispatch(view.state.replaceSelection(t), { userEvent: 'input.paste', scrollIntoView: true });
      view.focus();
    },
    select(from, to) {
      const n = view.state.doc.length;
      from = Math.min(from, n);
      to = Math.min(Math.max(to, from), n);
      view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
      view.focus();
    },
    selection() {
      const s = view.state.selection.main;
      return [s.from, s.to];
    },
    // [from, to, class, ...]: the marked spans (at most one per place)
    setMarks(flat) {
      const n = view.state.doc.length;
      const ranges = [];
      for (let i = 0; i + 2 < flat.length; i += 3) {
        const from = Math.min(flat[i], n);
        const to = Math.min(flat[i + 1], n);
        if (to > from) ranges.push(Decoration.mark({ class: 'nb-mark ' + flat[i + 2] }).range(from, to));
      }
      view.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
    },
    // [at, severity, message, finding, ...]: a marker on the line of each, the most severe
    // of a line first (clicking it selects that finding), every message in its title
    setMarkers(flat) {
      const doc = view.state.doc;
      const lines = new Map();
      for (let i = 0; i + 3 < flat.length; i += 4) {
        const line = doc.lineAt(Math.min(flat[i], doc.length)).from;
        const m = { severity: flat[i + 1], message: flat[i + 2], finding: flat[i + 3] };
        const l = lines.get(line);
        if (!l) lines.set(line, [m]);
        else l.push(m);
      }
      const ranges = [];
      for (const [line, ms] of lines) {
        const first = ms.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
        ranges.push(new Marker(first.severity, ms.map((m) => m.message).join('\n'), first.finding).range(line));
      }
      view.dispatch({ effects: setMarkers.of(RangeSet.of(ranges, true)) });
    },
    destroy() {
      destroyed = true;
      pending = false;
      live.delete(editor);
      clearTimeout(timer);
      view.destroy();
    },
  };
  view.dom.nianbaoEditor = editor;
  live.add(editor);
  return editor;
}

// the editor whose text or content element `el` is (browser tests, benchmarks)
const of = (el) => el && el.closest('.cm-editor') && el.closest('.cm-editor').nianbaoEditor;

// every editor's last edits told to the page now: before the page reads or replaces a text,
// and when it is hidden (store::autosave)
const flushAll = () => live.forEach((e) => e.flush());

window.NianbaoEditor = { create, of, flushAll };
