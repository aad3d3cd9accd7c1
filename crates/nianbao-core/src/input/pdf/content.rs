//! A page's content stream run as far as reading needs (ISO 32000-1 §8–9): the graphics
//! state (`q`/`Q`/`cm`), text positioning and showing (`Tf` `Tm` `Td` `TD` `T*` `Tj` `TJ`
//! `'` `"` with `Tc` `Tw` `Tz` `TL` `Ts`), paths (`m` `l` `re` `h`, painted by `S` `f` `B` and
//! friends) and form XObjects (`Do`, nested at most [`MAX_FORMS`] deep). Out come the
//! glyphs (text, position, advance, size) and the horizontal and vertical rules; images are
//! only counted (a page of images and no text is a scan). `/ActualText` spans replace the
//! text of the glyphs they cover.

use super::file::File;
use super::font::Font;
use super::object::{Dict, Lexer, Obj};
use std::collections::HashMap;
use std::rc::Rc;

/// Deepest nesting of form XObjects followed.
const MAX_FORMS: usize = 8;
/// Most operators run per page (content and forms together).
const MAX_OPS: usize = 20_000_000;

/// One glyph in page space (y upwards): `text` is a range of [`Ink::text`].
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    /// Advance along the baseline.
    pub w: f32,
    /// Font size (the glyph's height).
    pub size: f32,
    pub text: (u32, u32),
}

/// A rule: horizontal (`y0 == y1`) or vertical (`x0 == x1`), from low to high.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// What a page draws.
#[derive(Default)]
pub struct Ink {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    pub images: usize,
    /// Glyphs whose font gave no text.
    pub unmapped: usize,
}

impl Ink {
    pub fn glyph_text(&self, g: &Glyph) -> &str {
        self.text
            .get(g.text.0 as usize..g.text.1 as usize)
            .unwrap_or("")
    }
}

type M = [f64; 6];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

#[derive(Clone)]
struct State {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// Runs a page; `fonts` caches the fonts loaded (by object number) across pages.
pub struct Runner<'f, 'a> {
    file: &'f File<'a>,
    fonts: HashMap<u32, Rc<Font>>,
    ops: usize,
}

impl<'f, 'a> Runner<'f, 'a> {
    pub fn new(file: &'f File<'a>) -> Self {
        Runner {
            file,
            fonts: HashMap::new(),
            ops: 0,
        }
    }

    pub fn page(&mut self, contents: &[Obj], resources: &Dict) -> Ink {
        let mut ink = Ink::default();
        let mut data = Vec::new();
        for c in contents {
            if let Some(d) = self.file.stream(c) {
                data.extend_from_slice(&d);
                data.push(b'\n');
            }
        }
        self.ops = 0;
        let state = State {
            ctm: ID,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        self.run(&data, resources, state, &mut ink, 0);
        ink
    }

    fn font(&mut self, resources: &Dict, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.file.entry(resources, b"Font").dict()?;
        let r = fonts.get(name)?;
        let key = match r {
            Obj::Ref(n) => Some(*n),
            _ => None,
        };
        if let Some(f) = key.and_then(|k| self.fonts.get(&k)) {
            return Some(f.clone());
        }
        let d = self.file.get(r).dict()?;
        let f = Rc::new(Font::load(self.file, d));
        if let Some(k) = key {
            self.fonts.insert(k, f.clone());
        }
        Some(f)
    }

    fn run(&mut self, data: &[u8], res: &Dict, top: State, ink: &mut Ink, depth: usize) {
        let mut gs = top;
        let mut stack: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (ID, ID);
        let mut path: Vec<Vec<(f64, f64)>> = Vec::new();
        // marked content: for each open BMC/BDC, its ActualText (once used, emptied)
        let mut marked: Vec<Option<String>> = Vec::new();
        let mut args: Vec<Obj> = Vec::new();
        let mut l = Lexer::new(data, 0);
        while let Some(o) = l.next() {
            let Obj::Op(op) = o else {
                if args.len() < 64 {
                    args.push(o);
                }
                continue;
            };
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            let n = |i: usize| args.get(i).and_then(Obj::num).unwrap_or(0.0);
            match op.as_slice() {
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" if args.len() >= 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm);
                }
                b"BT" => {
                    tm = ID;
                    tlm = ID;
                }
                b"Tf" => {
                    if let Some(name) = args.first().and_then(Obj::name) {
                        gs.font = self.font(res, name);
                    }
                    gs.size = n(1);
                }
                b"Tc" => gs.char_space = n(0),
                b"Tw" => gs.word_space = n(0),
                b"Tz" => gs.scale = n(0) / 100.0,
                b"TL" => gs.leading = n(0),
                b"Ts" => gs.rise = n(0),
                b"Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if args.len() >= 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op == b"\"" {
                        gs.word_space = n(0);
                        gs.char_space = n(1);
                    }
                    if op == b"'" || op == b"\"" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    let items: Vec<&Obj> = match (op.as_slice(), args.last()) {
                        (b"TJ", Some(Obj::Array(a))) => a.iter().collect(),
                        (_, Some(s @ Obj::Str(_))) => vec![s],
                        _ => vec![],
                    };
                    for it in items {
                        match it {
                            Obj::Str(s) => self.show(s, &gs, &mut tm, ink, &mut marked),
                            Obj::Num(k) => {
                                let tx = -k / 1000.0 * gs.size * gs.scale;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                            _ => {}
                        }
                    }
                }
                b"BMC" => marked.push(None),
                b"BDC" => {
                    let actual =
                        args.last()
                            .and_then(Obj::dict)
                            .and_then(|d| match d.get(b"ActualText") {
                                Some(Obj::Str(s)) => Some(text_string(s)),
                                _ => None,
                            });
                    if marked.len() < 256 {
                        marked.push(actual);
                    }
                }
                b"EMC" => {
                    marked.pop();
                }
                b"m" => path.push(vec![apply(&gs.ctm, n(0), n(1))]),
                b"l" => {
                    let p = apply(&gs.ctm, n(0), n(1));
                    match path.last_mut() {
                        Some(sp) => sp.push(p),
                        None => path.push(vec![p]),
                    }
                }
                b"c" | b"v" | b"y" => {
                    // a curve is never a table rule: its end point starts what follows
                    let k = if op == b"c" { 4 } else { 2 };
                    let p = apply(&gs.ctm, n(k), n(k + 1));
                    path.push(vec![p]);
                }
                b"h" => {
                    if let Some(sp) = path.last_mut() {
                        if let Some(&first) = sp.first() {
                            sp.push(first);
                        }
                    }
                }
                b"re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    let pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    path.push(pts.iter().map(|&(a, b)| apply(&gs.ctm, a, b)).collect());
                }
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"n" => {
                    let stroke = matches!(op.as_slice(), b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*");
                    let fill = matches!(
                        op.as_slice(),
                        b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*"
                    );
                    if stroke {
                        for sp in &path {
                            for w in sp.windows(2) {
                                push_rule(&mut ink.rules, w[0], w[1]);
                            }
                        }
                    }
                    if fill {
                        for sp in &path {
                            thin_fill(&mut ink.rules, sp);
                        }
                    }
                    path.clear();
                }
                b"Do" => {
                    if let Some(name) = args.first().and_then(Obj::name) {
                        self.xobject(res, name, &gs, ink, depth);
                    }
                }
                b"BI" => {
                    // an inline image: its data runs to `EI`
                    ink.images += 1;
                    if let Some(e) = memchr::memmem::find(&data[l.at..], b"EI") {
                        l.at += e + 2;
                    } else {
                        l.at = data.len();
                    }
                }
                _ => {}
            }
            args.clear();
        }
    }

    fn xobject(&mut self, res: &Dict, name: &[u8], gs: &State, ink: &mut Ink, depth: usize) {
        let Some(xs) = self.file.entry(res, b"XObject").dict() else {
            return;
        };
        let Some(r) = xs.get(name) else { return };
        let Obj::Stream(d, _) = self.file.get(r) else {
            return;
        };
        match self.file.entry(d, b"Subtype").name() {
            Some(b"Image") => ink.images += 1,
            Some(b"Form") if depth < MAX_FORMS => {
                let Some(data) = self.file.stream(r) else {
                    return;
                };
                let m: Vec<f64> = self
                    .file
                    .entry(d, b"Matrix")
                    .array()
                    .map(|a| a.iter().filter_map(|o| self.file.get(o).num()).collect())
                    .unwrap_or_default();
                let mut s = gs.clone();
                if let [a, b, c, dd, e, f] = m[..] {
                    s.ctm = mul(&[a, b, c, dd, e, f], &gs.ctm);
                }
                let own = self.file.entry(d, b"Resources").dict().cloned();
                let res = own.as_ref().unwrap_or(res);
                self.run(&data, res, s, ink, depth + 1);
            }
            _ => {}
        }
    }

    /// Shows a string: one glyph per code, the text matrix moved by each advance.
    fn show(
        &mut self,
        s: &[u8],
        gs: &State,
        tm: &mut M,
        ink: &mut Ink,
        marked: &mut [Option<String>],
    ) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        for (code, len) in font.codes(s) {
            let adv = font.advance(code);
            let space = if len == 1 && code == 32 {
                gs.word_space
            } else {
                0.0
            };
            let tx = (adv * gs.size + gs.char_space + space) * gs.scale;
            let trm = mul(
                &[gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise],
                &mul(tm, &gs.ctm),
            );
            let m = mul(tm, &gs.ctm);
            let (x0, y0) = (trm[4], trm[5]);
            // the glyph's extent: its advance and the character spacing (letter-spaced text
            // stays one run), not the word spacing, which Chromium's Type 3 fonts apply to
            // whatever glyph has code 32 (spaces have no ink anyway)
            let (x1, _) = apply(&m, (adv * gs.size + gs.char_space) * gs.scale, 0.0);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
            // the innermost open span with ActualText gives the text, to its first glyph
            let actual = marked.iter_mut().rev().find_map(|m| m.as_mut());
            let text: Option<String> = match actual {
                Some(a) => Some(std::mem::take(a)),
                None => font.text(code, len).map(str::to_string),
            };
            let Some(text) = text else {
                ink.unmapped += 1;
                continue;
            };
            if text.is_empty() && marked.iter().any(Option::is_some) {
                // covered by an ActualText already given
                continue;
            }
            let text = super::layout::normal(&text);
            // a position no page has (an overflowed matrix): not placed anywhere
            let finite = |v: f64| v.is_finite() && v.abs() < 1e7;
            if ![x0, y0, x1, size].into_iter().all(finite) {
                continue;
            }
            if ink.text.len() > u32::MAX as usize / 2 || ink.glyphs.len() > 50_000_000 {
                return;
            }
            let start = ink.text.len() as u32;
            ink.text.push_str(&text);
            ink.glyphs.push(Glyph {
                x: x0 as f32,
                y: y0 as f32,
                w: (x1 - x0) as f32,
                size: size as f32,
                text: (start, ink.text.len() as u32),
            });
        }
    }
}

/// A PDF text string: UTF-16BE with a BOM, else PDFDocEncoding (read as Latin-1).
fn text_string(s: &[u8]) -> String {
    if let Some(u) = s.strip_prefix(&[0xFE, 0xFF]) {
        return super::font::utf16(u);
    }
    s.iter().map(|&b| b as char).collect()
}

/// A stroked segment, kept when it is horizontal or vertical.
fn push_rule(rules: &mut Vec<Rule>, a: (f64, f64), b: (f64, f64)) {
    let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
    if rules.len() > 2_000_000 || (dx < 0.5 && dy < 0.5) {
        return;
    }
    if dy < 0.5 {
        let y = ((a.1 + b.1) / 2.0) as f32;
        rules.push(Rule {
            x0: a.0.min(b.0) as f32,
            y0: y,
            x1: a.0.max(b.0) as f32,
            y1: y,
        });
    } else if dx < 0.5 {
        let x = ((a.0 + b.0) / 2.0) as f32;
        rules.push(Rule {
            x0: x,
            y0: a.1.min(b.1) as f32,
            x1: x,
            y1: a.1.max(b.1) as f32,
        });
    }
}

/// A filled rectangle at most 3 units thin is a rule along its length (how Word and WPS
/// draw borders); wider fills (shading) are not rules.
fn thin_fill(rules: &mut Vec<Rule>, sp: &[(f64, f64)]) {
    if sp.len() < 4 || sp.len() > 5 {
        return;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in sp {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    // axis-aligned: every point on the box's edges
    if !sp.iter().all(|&(x, y)| {
        ((x - x0).abs() < 0.01 || (x - x1).abs() < 0.01)
            && ((y - y0).abs() < 0.01 || (y - y1).abs() < 0.01)
    }) {
        return;
    }
    let (w, h) = (x1 - x0, y1 - y0);
    if h <= 3.0 && w > h {
        push_rule(rules, (x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
    } else if w <= 3.0 && h > w {
        push_rule(rules, ((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
    }
}
