//! The OTLP enums: small integer newtypes with their protocol names.
//!
//! Each is an `i32` as on the wire; values outside the named ones are kept as they are (pdata
//! accepts any 32-bit number).

macro_rules! otlp_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $value:literal => $wire:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i32);

        impl $name {
            $($(#[$vdoc])* pub const $variant: Self = Self($value);)*

            /// Every named value with its protocol name, in numeric order.
            pub const NAMES: &'static [(&'static str, Self)] = &[$(($wire, Self::$variant),)*];

            /// The protocol name (`SPAN_KIND_SERVER` style), if the value has one.
            pub fn name(self) -> Option<&'static str> {
                Self::NAMES.iter().find(|(_, value)| *value == self).map(|(name, _)| *name)
            }

            /// The value with this protocol name.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::NAMES.iter().find(|(wire, _)| *wire == name).map(|(_, value)| *value)
            }
        }
    };
}

otlp_enum! {
    /// The kind of a span (`Span.kind`).
    SpanKind {
        /// Not specified.
        UNSPECIFIED = 0 => "SPAN_KIND_UNSPECIFIED",
        /// An internal operation.
        INTERNAL = 1 => "SPAN_KIND_INTERNAL",
        /// The server side of a request.
        SERVER = 2 => "SPAN_KIND_SERVER",
        /// The client side of a request.
        CLIENT = 3 => "SPAN_KIND_CLIENT",
        /// The producer of a message.
        PRODUCER = 4 => "SPAN_KIND_PRODUCER",
        /// The consumer of a message.
        CONSUMER = 5 => "SPAN_KIND_CONSUMER",
    }
}

otlp_enum! {
    /// The status code of a span (`Status.code`).
    StatusCode {
        /// The default status.
        UNSET = 0 => "STATUS_CODE_UNSET",
        /// Marked successful by the application or operator.
        OK = 1 => "STATUS_CODE_OK",
        /// The operation failed.
        ERROR = 2 => "STATUS_CODE_ERROR",
    }
}

otlp_enum! {
    /// The severity of a log record (`LogRecord.severityNumber`).
    SeverityNumber {
        /// Not specified.
        UNSPECIFIED = 0 => "SEVERITY_NUMBER_UNSPECIFIED",
        /// TRACE.
        TRACE = 1 => "SEVERITY_NUMBER_TRACE",
        /// TRACE2.
        TRACE2 = 2 => "SEVERITY_NUMBER_TRACE2",
        /// TRACE3.
        TRACE3 = 3 => "SEVERITY_NUMBER_TRACE3",
        /// TRACE4.
        TRACE4 = 4 => "SEVERITY_NUMBER_TRACE4",
        /// DEBUG.
        DEBUG = 5 => "SEVERITY_NUMBER_DEBUG",
        /// DEBUG2.
        DEBUG2 = 6 => "SEVERITY_NUMBER_DEBUG2",
        /// DEBUG3.
        DEBUG3 = 7 => "SEVERITY_NUMBER_DEBUG3",
        /// DEBUG4.
        DEBUG4 = 8 => "SEVERITY_NUMBER_DEBUG4",
        /// INFO.
        INFO = 9 => "SEVERITY_NUMBER_INFO",
        /// INFO2.
        INFO2 = 10 => "SEVERITY_NUMBER_INFO2",
        /// INFO3.
        INFO3 = 11 => "SEVERITY_NUMBER_INFO3",
        /// INFO4.
        INFO4 = 12 => "SEVERITY_NUMBER_INFO4",
        /// WARN.
        WARN = 13 => "SEVERITY_NUMBER_WARN",
        /// WARN2.
        WARN2 = 14 => "SEVERITY_NUMBER_WARN2",
        /// WARN3.
        WARN3 = 15 => "SEVERITY_NUMBER_WARN3",
        /// WARN4.
        WARN4 = 16 => "SEVERITY_NUMBER_WARN4",
        /// ERROR.
        ERROR = 17 => "SEVERITY_NUMBER_ERROR",
        /// ERROR2.
        ERROR2 = 18 => "SEVERITY_NUMBER_ERROR2",
        /// ERROR3.
        ERROR3 = 19 => "SEVERITY_NUMBER_ERROR3",
        /// ERROR4.
        ERROR4 = 20 => "SEVERITY_NUMBER_ERROR4",
        /// FATAL.
        FATAL = 21 => "SEVERITY_NUMBER_FATAL",
        /// FATAL2.
        FATAL2 = 22 => "SEVERITY_NUMBER_FATAL2",
        /// FATAL3.
        FATAL3 = 23 => "SEVERITY_NUMBER_FATAL3",
        /// FATAL4.
        FATAL4 = 24 => "SEVERITY_NUMBER_FATAL4",
    }
}

otlp_enum! {
    /// How the values of a sum or histogram relate over time.
    AggregationTemporality {
        /// Not specified.
        UNSPECIFIED = 0 => "AGGREGATION_TEMPORALITY_UNSPECIFIED",
        /// Each point covers the time since the previous one.
        DELTA = 1 => "AGGREGATION_TEMPORALITY_DELTA",
        /// Each point covers the time since a fixed start.
        CUMULATIVE = 2 => "AGGREGATION_TEMPORALITY_CUMULATIVE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_both_ways() {
        assert_eq!(
            SpanKind::from_name("SPAN_KIND_SERVER"),
            Some(SpanKind::SERVER)
        );
        assert_eq!(
            SeverityNumber::FATAL4.name(),
            Some("SEVERITY_NUMBER_FATAL4")
        );
        assert_eq!(StatusCode(7).name(), None);
    }
}
