//! The printer: Go's `pp` — a value by a verb, and the markers for what does not fit.

use super::value::GoValue;

/// Seconds from 0001-01-01 to 1970-01-01: Go's `time.Time` counts from the former.
const SECONDS_TO_1970: i64 = 62_135_596_800;

/// Go's formatting flags.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Flags {
    pub(super) minus: bool,
    pub(super) plus: bool,
    pub(super) sharp: bool,
    pub(super) space: bool,
    pub(super) zero: bool,
    /// `%+v`: `plus` moves here.
    pub(super) plus_v: bool,
    /// `%#v` (Go syntax): `sharp` moves here.
    pub(super) sharp_v: bool,
}

impl Flags {
    /// The flags as Go sets them for `verb`: for `v` (and `w`), `#` and `+` change meaning.
    pub(super) fn for_verb(mut self, verb: char) -> Self {
        if matches!(verb, 'v' | 'w') {
            self.sharp_v = self.sharp;
            self.sharp = false;
            self.plus_v = self.plus;
            self.plus = false;
        }
        self
    }
}

/// The state of one directive: Go's `fmt` struct.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Spec {
    pub(super) flags: Flags,
    pub(super) width: Option<usize>,
    pub(super) precision: Option<usize>,
}

/// Writes formatted values into a string.
pub(super) struct Printer {
    pub(super) out: String,
    pub(super) spec: Spec,
    /// Printing a bad verb's argument: `String` methods are not called (as Go's `erroring`).
    erroring: bool,
    /// Room for number formatting.
    pub(super) scratch: String,
}

impl Printer {
    pub(super) fn new(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            spec: Spec::default(),
            erroring: false,
            scratch: String::new(),
        }
    }

    pub(super) fn finish(self) -> String {
        self.out
    }

    pub(super) fn write(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Starts a directive with `flags` and no width or precision.
    pub(super) fn start(&mut self, flags: Flags) {
        self.spec = Spec {
            flags,
            width: None,
            precision: None,
        };
    }

    pub(super) fn flags_mut(&mut self) -> &mut Flags {
        &mut self.spec.flags
    }

    pub(super) fn set_width(&mut self, width: usize) {
        self.spec.width = Some(width);
    }

    pub(super) fn set_precision(&mut self, precision: usize) {
        self.spec.precision = Some(precision);
    }

    /// `%!d(MISSING)` and the like.
    pub(super) fn marker(&mut self, verb: char, what: &str) {
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push_str(what);
    }

    /// `%!(EXTRA string=a, int64=1)` for arguments no directive used.
    pub(super) fn extra<'v>(&mut self, values: impl Iterator<Item = GoValue<'v>>) {
        self.spec = Spec::default();
        self.out.push_str("%!(EXTRA ");
        for (i, value) in values.enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.typed(value);
        }
        self.out.push(')');
    }

    /// An argument of `Sprintf`: Go's `printArg`.
    pub(super) fn print_arg(&mut self, value: GoValue<'_>, verb: char) {
        match (value, verb) {
            (GoValue::Nil, 'T' | 'v') => self.pad_str("<nil>"),
            (GoValue::Nil, _) => self.bad_verb(value, verb),
            (_, 'T') => self.fmt_s(value.type_name()),
            // Go prints the address of a slice or map; nothing else takes `%p`.
            (_, 'p') => self.bad_verb(value, verb),
            (GoValue::Bytes(bytes), _) => self.fmt_bytes(bytes, verb, "[]byte"),
            (GoValue::Bool(_) | GoValue::Int(_) | GoValue::Float(_) | GoValue::Str(_), _) => {
                self.print_value(value, verb)
            }
            _ => {
                if !self.handle_methods(value, verb) {
                    self.print_value(value, verb);
                }
            }
        }
    }

    /// Go's `handleMethods` for the values with methods: ids, times and durations have a
    /// `String` method (used by `v s x X q`), times a `GoString` one (used by `%#v`).
    fn handle_methods(&mut self, value: GoValue<'_>, verb: char) -> bool {
        if self.erroring {
            return false;
        }
        if verb == 'w' {
            // `Sprintf` does not wrap errors.
            self.bad_verb(value, verb);
            return true;
        }
        if self.spec.flags.sharp_v {
            if let GoValue::Time(time) = value {
                let text = super::value::time_go_string(time);
                self.fmt_s(&text);
                return true;
            }
            return false;
        }
        if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        let text = match value {
            GoValue::Id(bytes, _) => ottl_core::text::hex(bytes),
            GoValue::Time(time) => super::value::time_string(time),
            GoValue::Duration(nanos) => super::value::duration_string(nanos),
            _ => return false,
        };
        self.fmt_string(&text, verb, value);
        true
    }

    /// Go's `printValue`: a value by its kind, lists and maps element by element.
    pub(super) fn print_value(&mut self, value: GoValue<'_>, verb: char) {
        match value {
            GoValue::Nil => {
                // A nil element of a list or map.
                self.out.push_str(if self.spec.flags.sharp_v {
                    "interface {}(nil)"
                } else {
                    "<nil>"
                });
            }
            GoValue::Bool(flag) => match verb {
                't' | 'v' => self.pad_str(if flag { "true" } else { "false" }),
                _ => self.bad_verb(value, verb),
            },
            GoValue::Int(number) | GoValue::Duration(number) => {
                self.fmt_integer(number as u64, true, verb, value)
            }
            GoValue::Uint(number, _) => self.fmt_integer(number, false, verb, value),
            GoValue::Float(number) => self.fmt_float(number, verb, value),
            GoValue::Str(text) => self.fmt_string(text, verb, value),
            GoValue::Bytes(bytes) | GoValue::Id(bytes, _) => {
                if matches!(verb, 's' | 'q' | 'x' | 'X') {
                    self.fmt_bytes(bytes, verb, value.type_name());
                } else {
                    let open = self.open_list(value.type_name());
                    for (i, &byte) in bytes.iter().enumerate() {
                        self.list_separator(i);
                        self.print_value(GoValue::Uint(u64::from(byte), "uint8"), verb);
                    }
                    self.out.push(open);
                }
            }
            GoValue::List(items, _) => {
                let close = self.open_list(value.type_name());
                for (i, item) in items.iter().enumerate() {
                    self.list_separator(i);
                    self.print_value(GoValue::nested(item), verb);
                }
                self.out.push(close);
            }
            GoValue::Map(map) => {
                let sharp_v = self.spec.flags.sharp_v;
                self.out.push_str(if sharp_v {
                    "map[string]interface {}{"
                } else {
                    "map["
                });
                let mut entries: Vec<_> = map.iter().collect();
                entries.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
                for (i, (key, item)) in entries.into_iter().enumerate() {
                    self.list_separator(i);
                    self.print_value(GoValue::Str(key), verb);
                    self.out.push(':');
                    self.print_value(GoValue::nested(item), verb);
                }
                self.out.push(if sharp_v { '}' } else { ']' });
            }
            // A time by a verb its methods do not serve: Go prints the struct's fields (wall
            // clock nanoseconds, seconds since year 1, and a nil location for UTC).
            GoValue::Time(time) => {
                let nanos = time.nanos();
                let sharp_v = self.spec.flags.sharp_v;
                let named = sharp_v || self.spec.flags.plus_v;
                let fields = [
                    (
                        "wall",
                        GoValue::Uint(nanos.rem_euclid(1_000_000_000) as u64, "uint64"),
                    ),
                    (
                        "ext",
                        GoValue::Int(nanos.div_euclid(1_000_000_000) + SECONDS_TO_1970),
                    ),
                    ("loc", GoValue::NilPointer("*time.Location")),
                ];
                if sharp_v {
                    self.out.push_str("time.Time");
                }
                self.out.push('{');
                for (i, (name, field)) in fields.into_iter().enumerate() {
                    self.list_separator(i);
                    if named {
                        self.out.push_str(name);
                        self.out.push(':');
                    }
                    self.print_value(field, verb);
                }
                self.out.push('}');
            }
            GoValue::NilPointer(type_name) => match verb {
                'v' if self.spec.flags.sharp_v => {
                    self.out.push('(');
                    self.out.push_str(type_name);
                    self.out.push_str(")(nil)");
                }
                'v' => self.pad_str("<nil>"),
                'p' => self.fmt_0x64(0, !self.spec.flags.sharp),
                'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(0, false, verb, value),
                _ => self.bad_verb(value, verb),
            },
            GoValue::Object(kind) => {
                self.out.push('{');
                self.out.push_str(kind);
                self.out.push('}');
            }
        }
    }

    /// Opens a list (`[` or, for `%#v`, `type{`) and returns what closes it.
    fn open_list(&mut self, type_name: &str) -> char {
        if self.spec.flags.sharp_v {
            self.out.push_str(type_name);
            self.out.push('{');
            '}'
        } else {
            self.out.push('[');
            ']'
        }
    }

    fn list_separator(&mut self, index: usize) {
        if index > 0 {
            self.out
                .push_str(if self.spec.flags.sharp_v { ", " } else { " " });
        }
    }

    /// `%!verb(type=value)`: the verb does not apply to the value.
    pub(super) fn bad_verb(&mut self, value: GoValue<'_>, verb: char) {
        self.erroring = true;
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push('(');
        self.typed(value);
        self.out.push(')');
        self.erroring = false;
    }

    /// A value in Go's error markers: `type=value`, or `<nil>`.
    fn typed(&mut self, value: GoValue<'_>) {
        if matches!(value, GoValue::Nil) {
            self.out.push_str("<nil>");
        } else {
            self.out.push_str(value.type_name());
            self.out.push('=');
            self.print_arg(value, 'v');
        }
    }

    /// A string by a verb: Go's `fmtString`.
    pub(super) fn fmt_string(&mut self, text: &str, verb: char, value: GoValue<'_>) {
        match verb {
            'v' if self.spec.flags.sharp_v => self.fmt_q(text.as_bytes()),
            'v' | 's' => self.fmt_s(text),
            'x' => self.fmt_hex(text.as_bytes(), false),
            'X' => self.fmt_hex(text.as_bytes(), true),
            'q' => self.fmt_q(text.as_bytes()),
            _ => self.bad_verb(value, verb),
        }
    }

    /// Bytes by a verb: Go's `fmtBytes`; `type_name` is what `%#v` writes.
    pub(super) fn fmt_bytes(&mut self, bytes: &[u8], verb: char, type_name: &str) {
        match verb {
            'v' | 'd' => {
                if self.spec.flags.sharp_v {
                    self.out.push_str(type_name);
                    self.out.push('{');
                    for (i, &byte) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str(", ");
                        }
                        self.fmt_0x64(u64::from(byte), true);
                    }
                    self.out.push('}');
                } else {
                    self.out.push('[');
                    for (i, &byte) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.out.push(' ');
                        }
                        self.fmt_unsigned_decimal(u64::from(byte), verb);
                    }
                    self.out.push(']');
                }
            }
            's' => self.fmt_bs(bytes),
            'x' => self.fmt_hex(bytes, false),
            'X' => self.fmt_hex(bytes, true),
            'q' => self.fmt_q(bytes),
            _ => self.print_value(GoValue::Bytes(bytes), verb),
        }
    }
}
