//! Go's `fmt.Sprintf`, for the values an OTTL statement passes to `Format`.
//!
//! The reference's `Format` hands its format and argument values to `fmt.Sprintf`, so every
//! verb, flag, width and precision Go knows works, and mistakes never fail: they print Go's
//! markers in place (`%!d(string=abc)`, `%!d(MISSING)`, `%!(EXTRA int64=1)`, `%!(NOVERB)`,
//! `%!(BADWIDTH)`). The format is a literal and the number of arguments is fixed by the list
//! literal, so everything but the values is decided once: [`Template::new`] turns the format
//! into pieces (text, and directives bound to an argument or to a marker), and
//! [`Template::render`] only formats values.
//!
//! The values are Go's as the reference's getters yield them: `string`, `int64`, `float64`,
//! `bool`, `[]byte`, `nil`, a list (`[]interface {}`), a map, trace and span ids (printed as
//! hex by their `String` methods), `time.Time` and `time.Duration`. Two cases have no stable
//! output in the reference, which prints the pointers inside pdata's structs: maps (always
//! `pcommon.Map` there) and lists read from the record (`pcommon.Slice`). Here a map prints as
//! Go prints a `map[string]interface {}` (`map[a:1 b:x]`, keys sorted) and every list as a
//! `[]interface {}` (`[a 1 true]`), which is what the reference prints for a list literal.

mod number;
mod print;
mod text;
mod value;

pub(crate) use value::Origin;

use ottl_core::value::Value;
use print::{Flags, Printer};
use std::ops::Range;
use value::GoValue;

/// Go's limit on a width, precision or argument index written in the format (`tooLarge`).
const TOO_LARGE: usize = 1_000_000;

/// A width or precision.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Size {
    /// Not given.
    Absent,
    /// Written in the format (a precision `.` without digits is 0).
    Fixed(usize),
    /// `*`: taken from this argument, which must be an int; `None` when no argument is left.
    Arg(Option<usize>),
}

/// What a directive prints once its width and precision are known.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Action {
    /// The argument at this index, by the verb.
    Print(usize),
    /// `%%`.
    Percent,
    /// `%!d(MISSING)`: no argument is left.
    Missing,
    /// `%!d(BADINDEX)`: an explicit argument index (`%[3]d`) is out of range or malformed.
    BadIndex,
    /// `%!(NOVERB)`: the format ends inside the directive.
    NoVerb,
}

/// One `%…` of the format.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Directive {
    flags: Flags,
    width: Size,
    precision: Size,
    verb: char,
    action: Action,
}

/// A piece of the format.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// Text copied as it is: a range of the format.
    Text(Range<usize>),
    /// A directive.
    Directive(Directive),
}

/// A format prepared for a fixed number of arguments.
#[derive(Debug)]
pub(crate) struct Template {
    format: String,
    pieces: Vec<Piece>,
    /// The first argument no directive used, when Go reports the unused ones (`%!(EXTRA …)`;
    /// not after an explicit index such as `%[1]d`).
    extra_from: Option<usize>,
    /// How each argument was written, for the type names Go prints.
    origins: Vec<Origin>,
}

impl Template {
    /// Reads `format` as Go's `doPrintf` does, for arguments written as `origins` say.
    pub(crate) fn new(format: String, origins: Vec<Origin>) -> Self {
        let (pieces, extra_from) = Parser::new(&format, origins.len()).parse();
        Self {
            format,
            pieces,
            extra_from,
            origins,
        }
    }

    /// The number of arguments the template was prepared for.
    pub(crate) fn arguments(&self) -> usize {
        self.origins.len()
    }

    /// The format applied to `args` (one per argument the template was prepared for).
    pub(crate) fn render(&self, args: &[Value<'_>]) -> String {
        let mut printer = Printer::new(self.format.len() + 16 * args.len());
        let value = |index: usize| match (args.get(index), self.origins.get(index)) {
            (Some(value), Some(&origin)) => GoValue::top(value, origin),
            (Some(value), None) => GoValue::top(value, Origin::Path),
            (None, _) => GoValue::Nil,
        };
        for piece in &self.pieces {
            match piece {
                Piece::Text(range) => printer.write(self.format.get(range.clone()).unwrap_or("")),
                Piece::Directive(directive) => run(&mut printer, directive, &value),
            }
        }
        if let Some(first) = self.extra_from {
            printer.extra((first..args.len()).map(value));
        }
        printer.finish()
    }
}

/// Prints one directive: its width and precision (Go marks a `*` whose argument is not an
/// int in place), then its argument or marker.
fn run<'v>(printer: &mut Printer, directive: &Directive, value: &impl Fn(usize) -> GoValue<'v>) {
    printer.start(directive.flags);
    match directive.width {
        Size::Absent => {}
        Size::Fixed(width) => printer.set_width(width),
        Size::Arg(index) => match index.and_then(|index| value(index).as_int()) {
            Some(width) if width < 0 => {
                printer.set_width(width.unsigned_abs() as usize);
                printer.flags_mut().minus = true;
                printer.flags_mut().zero = false;
            }
            Some(width) => printer.set_width(width as usize),
            None => printer.write("%!(BADWIDTH)"),
        },
    }
    match directive.precision {
        Size::Absent => {}
        Size::Fixed(precision) => printer.set_precision(precision),
        Size::Arg(index) => match index.and_then(|index| value(index).as_int()) {
            Some(precision) if precision >= 0 => printer.set_precision(precision as usize),
            _ => printer.write("%!(BADPREC)"),
        },
    }
    let verb = directive.verb;
    match directive.action {
        Action::Print(index) => printer.print_arg(value(index), verb),
        Action::Percent => printer.write("%"),
        Action::Missing => printer.marker(verb, "(MISSING)"),
        Action::BadIndex => printer.marker(verb, "(BADINDEX)"),
        Action::NoVerb => printer.write("%!(NOVERB)"),
    }
}

/// Reads a format the way Go's `doPrintf` walks it, deciding everything that does not depend
/// on the argument values.
struct Parser<'f> {
    format: &'f str,
    at: usize,
    args: usize,
    arg: usize,
    /// An explicit index was seen: no `EXTRA` report.
    reordered: bool,
    /// The current directive's explicit indexes were all valid.
    good_index: bool,
    pieces: Vec<Piece>,
}

impl<'f> Parser<'f> {
    fn new(format: &'f str, args: usize) -> Self {
        Self {
            format,
            at: 0,
            args,
            arg: 0,
            reordered: false,
            good_index: true,
            pieces: Vec::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.format.as_bytes().get(self.at).copied()
    }

    fn parse(mut self) -> (Vec<Piece>, Option<usize>) {
        let end = self.format.len();
        while self.at < end {
            self.good_index = true;
            let start = self.at;
            while self.peek().is_some_and(|b| b != b'%') {
                self.at += 1;
            }
            if self.at > start {
                self.pieces.push(Piece::Text(start..self.at));
            }
            if self.at >= end {
                break;
            }
            self.at += 1;
            if !self.directive() {
                break;
            }
        }
        let extra = (!self.reordered && self.arg < self.args).then_some(self.arg);
        (self.pieces, extra)
    }

    /// Reads one directive after its `%`; false when it ran to the end of the format.
    fn directive(&mut self) -> bool {
        let mut flags = Flags::default();
        while let Some(byte) = self.peek() {
            match byte {
                b'#' => flags.sharp = true,
                b'0' => flags.zero = true,
                b'+' => flags.plus = true,
                b'-' => flags.minus = true,
                b' ' => flags.space = true,
                // Go's fast path: a lower-case verb straight after the flags.
                b'a'..=b'z' if self.arg < self.args => {
                    self.at += 1;
                    let verb = char::from(byte);
                    self.push(flags.for_verb(verb), Size::Absent, Size::Absent, verb);
                    return true;
                }
                _ => break,
            }
            self.at += 1;
        }
        let mut after_index = self.index();
        let width = if self.peek() == Some(b'*') {
            self.at += 1;
            after_index = false;
            Size::Arg(self.take_arg())
        } else {
            match self.number() {
                Some(width) => {
                    if after_index {
                        self.good_index = false;
                    }
                    Size::Fixed(width)
                }
                None => Size::Absent,
            }
        };
        let mut precision = Size::Absent;
        if self.peek() == Some(b'.') && self.at + 1 < self.format.len() {
            self.at += 1;
            if after_index {
                self.good_index = false;
            }
            after_index = self.index();
            precision = if self.peek() == Some(b'*') {
                self.at += 1;
                after_index = false;
                Size::Arg(self.take_arg())
            } else {
                Size::Fixed(self.number().unwrap_or(0))
            };
        }
        if !after_index {
            self.index();
        }
        let Some(verb) = self
            .format
            .get(self.at..)
            .and_then(|rest| rest.chars().next())
        else {
            self.pieces.push(Piece::Directive(Directive {
                flags,
                width,
                precision,
                verb: '%',
                action: Action::NoVerb,
            }));
            return false;
        };
        self.at += verb.len_utf8();
        let action = if verb == '%' {
            Action::Percent
        } else if !self.good_index {
            Action::BadIndex
        } else if self.arg >= self.args {
            Action::Missing
        } else {
            self.arg += 1;
            Action::Print(self.arg - 1)
        };
        self.pieces.push(Piece::Directive(Directive {
            flags: flags.for_verb(verb),
            width,
            precision,
            verb,
            action,
        }));
        true
    }

    fn push(&mut self, flags: Flags, width: Size, precision: Size, verb: char) {
        self.arg += 1;
        self.pieces.push(Piece::Directive(Directive {
            flags,
            width,
            precision,
            verb,
            action: Action::Print(self.arg - 1),
        }));
    }

    /// The next argument for a `*`, if one is left.
    fn take_arg(&mut self) -> Option<usize> {
        (self.arg < self.args).then(|| {
            self.arg += 1;
            self.arg - 1
        })
    }

    /// Digits at the cursor, as Go's `parsenum`: `None` without any; a number growing past
    /// Go's limit moves the cursor to the end of the format.
    fn number(&mut self) -> Option<usize> {
        let (number, end) = parse_number(self.format.as_bytes(), self.at, self.format.len());
        self.at = end;
        number
    }

    /// An explicit argument index (`[n]`) at the cursor, as Go's `argNumber`: whether one was
    /// read (in range or not; one out of range marks the directive `BADINDEX`).
    fn index(&mut self) -> bool {
        if self.peek() != Some(b'[') {
            return false;
        }
        self.reordered = true;
        let rest = &self.format.as_bytes()[self.at..];
        // The number between the brackets, when they hold digits only.
        let mut number = None;
        let mut consumed = 1;
        if rest.len() >= 3
            && let Some(offset) = rest[1..].iter().position(|&b| b == b']')
        {
            let close = offset + 1;
            consumed = close + 1;
            if let (Some(read), end) = parse_number(rest, 1, close) {
                number = (end == close).then_some(read);
            }
        }
        self.at += consumed;
        match number {
            Some(number) if number >= 1 && number - 1 < self.args => {
                self.arg = number - 1;
                true
            }
            Some(_) => {
                self.good_index = false;
                true
            }
            None => {
                self.good_index = false;
                false
            }
        }
    }
}

/// Go's `parsenum` over `bytes[start..end]`: the number and where reading stopped.
fn parse_number(bytes: &[u8], start: usize, end: usize) -> (Option<usize>, usize) {
    let mut number = 0usize;
    let mut at = start;
    while at < end && bytes[at].is_ascii_digit() {
        if number > TOO_LARGE {
            return (None, end);
        }
        number = number * 10 + usize::from(bytes[at] - b'0');
        at += 1;
    }
    ((at > start).then_some(number), at)
}

#[cfg(test)]
mod tests;
